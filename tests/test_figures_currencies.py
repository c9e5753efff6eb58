"""figures.unsourced reads where an amount opens from the rule's `currencies`: no currency prefix in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.document import Document
from factlint.engine import RuleSet, lint, load_rule_file
from tests.helpers import RULES, brief

RULE = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
DEFAULT = '["US$", "C$", "A$", "HK$", "NZ$", "S$", "$", "€", "£", "¥", "₹"]'


def unsourced(tmp_path: Path, currencies: str) -> RuleSet:
    assert f"currencies: {DEFAULT}" in RULE
    path = tmp_path / "figures" / "unsourced.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(RULE.replace(f"currencies: {DEFAULT}", f"currencies: {currencies}"), encoding="utf-8")
    return RuleSet((load_rule_file(path),))


@pytest.mark.parametrize("currencies, found", [
    (DEFAULT, []),  # "R$" is no listed currency, and a "$" glued to a letter opens no amount
    ('["R$", "$"]', [(1, 23, "R$2 million")]),
])
def test_an_amount_opens_at_a_listed_currency_prefix(tmp_path: Path, currencies: str, found: list) -> None:
    text = "The co-op's sales hit R$2 million."
    assert brief(lint(Document(text, "draft.txt"), unsourced(tmp_path, currencies))) == [
        ("figures.unsourced", *f) for f in found]


def test_us_dollars_keep_their_prefix(tmp_path: Path) -> None:
    text = "The co-op's sales hit US$2 million."
    assert brief(lint(Document(text, "draft.txt"), unsourced(tmp_path, DEFAULT))) == [
        ("figures.unsourced", 1, 23, "US$2 million")]
