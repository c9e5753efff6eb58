"""The default rule pack: every rule's examples hold, and every rule is well formed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.engine import load_rule_file, rule_files
from factlint.ruletest import example_failures
from tests.helpers import ROOT, RULES, SEEDS, rule_set

PACKS = (RULES, SEEDS / "rules")
ALL_RULES = [r for pack in PACKS if pack.is_dir() for r in rule_set(pack).rules]
SOURCES = rule_set(RULES).sources  # the names, figures and dates the across examples compare
EXAMPLES = [
    pytest.param(loaded, number, example, id=f"{loaded.rule.id}#{number}")
    for loaded in ALL_RULES
    for number, example in enumerate(loaded.rule.examples, 1)
]


@pytest.mark.parametrize("loaded, number, example", EXAMPLES)
def test_rule_example(loaded, number, example) -> None:
    assert example_failures(loaded, number, example, SOURCES) == []


@pytest.mark.parametrize("loaded", ALL_RULES, ids=lambda r: r.rule.id)
def test_rule_has_a_failing_and_a_passing_example(loaded) -> None:
    outcomes = {bool(example.get("matches")) for example in loaded.rule.examples}
    assert outcomes == {True, False}, "a rule needs an example that fails and one that passes"


@pytest.mark.parametrize("loaded", ALL_RULES, ids=lambda r: r.rule.id)
def test_rule_is_documented(loaded) -> None:
    assert loaded.rule.description.strip(), "every rule says what it checks and why"


def test_rule_ids_are_unique_and_follow_folder_and_stem() -> None:
    paths = [p for pack in PACKS if pack.is_dir() for p in rule_files(pack)]
    ids = [load_rule_file(p).rule.id for p in paths]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i == f"{p.parent.name}.{p.stem}" for i, p in zip(ids, paths))


def test_default_pack_has_the_three_base_kinds() -> None:
    kinds = {r.rule.kind for r in rule_set(RULES).rules}
    assert {"existence", "substitution", "consistency"} <= kinds


def test_test_rules_passes_on_the_default_pack(capsys) -> None:
    assert main(["--test-rules"]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_test_rules_names_the_rule_and_example_that_broke(tmp_path: Path, capsys) -> None:
    rule = tmp_path / "style" / "amid.yaml"
    rule.parent.mkdir()
    rule.write_text(
        "kind: substitution\nswap: {amidst: amid}\nexamples:\n"
        "  - text: Amid the noise.\n    matches: []\n"
        "  - text: The talks came amidst tension.\n    matches: [amongst]\n",
        encoding="utf-8",
    )
    assert main(["--test-rules", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "rule 'style.amid' example 2: expected matches ['amongst'], got ['amidst']" in out
    assert "1 passed, 1 failed" in out


def test_the_projects_own_prose_passes_its_own_hook(capsys) -> None:
    # The pre-commit configuration lints the README and docs with the default pack.
    paths = [str(ROOT / "README.md"), str(ROOT / "docs"), str(ROOT / "bench" / "README.md")]
    status = main(paths)
    assert status == 0, capsys.readouterr().out
