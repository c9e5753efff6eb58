"""A paragraph's credit covers its figures; a data paragraph's credit may carry into the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import RULES, brief, run

PACKS = (RULES / "figures", RULES / "quotes")
DEFAULTS = "paragraph_credit: true\ncarry_paragraphs: 0\n"


def unsourced(text: str, packs: tuple[Path, ...] = PACKS) -> list[tuple[str, int, int, str]]:
    """Return brief figures.unsourced findings on text."""
    return brief(run(text, select=["figures.unsourced"], packs=packs))


@pytest.fixture
def carrying(tmp_path: Path) -> tuple[Path, ...]:
    """The default figures rules with a data paragraph's credit carried one paragraph on."""
    return (_pack(tmp_path, "paragraph_credit: true\ncarry_paragraphs: 1\n"),)


def _pack(folder: Path, keys: str) -> Path:
    """Write the default unsourced rule with other values for the two keys; return its folder."""
    rule = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
    assert DEFAULTS in rule
    (folder / "figures").mkdir(exist_ok=True)
    (folder / "figures" / "unsourced.yaml").write_text(rule.replace(DEFAULTS, keys), encoding="utf-8")
    return folder / "figures"


def test_a_credit_later_in_the_paragraph_covers_the_figures_before_it() -> None:
    text = ("Median rent in Harlow County rose 6 percent in March to $1,480 a month. Vacancies fell "
            "to 3.1 percent, and two-bedroom units now average $1,720, the county housing authority "
            "said in its quarterly report.\n")
    assert unsourced(text) == []


def test_a_quotation_after_the_figure_does_not_credit_it() -> None:
    text = ("Median rent in Harlow County rose 6 percent in March. \"People are scared,\" said Dana "
            "Ruiz, who runs a tenants' group.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 35, "6 percent")]


def test_the_default_pack_does_not_carry_a_credit_into_the_next_paragraph() -> None:
    text = ("Quarterly profit rose 18 percent, Brightline Appliances said Wednesday.\n\n"
            "Operating margin widened to 14.2 percent.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 29, "14.2 percent")]


def test_a_data_paragraph_carries_its_credit_into_the_next(carrying: tuple[Path, ...]) -> None:
    text = ("Home sales in the region fell 4 percent in April, the Tri-County Association of "
            "Realtors reported Thursday.\n\n"
            "The median price climbed to $412,000, and homes sold in 23 days on average.\n")
    assert unsourced(text, carrying) == []


def test_the_carry_stops_at_a_paragraph_without_figures_and_after_one_paragraph(carrying: tuple[Path, ...]) -> None:
    credited = "Home sales in the region fell 4 percent in April, the Tri-County Association of Realtors reported.\n\n"
    aside = "Buyers have complained about bidding wars all spring.\n\n"
    assert unsourced(credited + aside + "The median price climbed to $412,000.\n", carrying) == [
        ("figures.unsourced", 5, 29, "$412,000")]
    later = "Inventory rose to 1,900 listings.\n\nThe median price climbed to $412,000.\n"
    assert unsourced(credited + later, carrying) == [("figures.unsourced", 5, 29, "$412,000")]


def test_a_quoted_speaker_between_ends_the_carry(carrying: tuple[Path, ...]) -> None:
    text = ("Home sales fell 4 percent in April, the Tri-County Association of Realtors reported.\n\n"
            "\"It's the rates,\" said broker Ann Pell, who sold 12 homes last month.\n\n"
            "Property taxes will rise 3.5 percent next year.\n")
    assert unsourced(text, carrying) == [("figures.unsourced", 5, 26, "3.5 percent")]


def test_a_lone_claim_is_still_flagged() -> None:
    assert unsourced("Property taxes will rise 3.5% next year.\n") == [("figures.unsourced", 1, 26, "3.5%")]


def test_the_paragraph_credit_can_be_turned_off(tmp_path: Path) -> None:
    off = (_pack(tmp_path, "paragraph_credit: false\ncarry_paragraphs: 0\n"),)
    text = ("Median rent rose 6 percent in March. Vacancies fell to 3.1 percent. Two-bedroom units "
            "average $1,720, the county housing authority said.\n\nThe median price climbed to $412,000.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 29, "$412,000")]
    assert unsourced(text, off) == [
        ("figures.unsourced", 1, 18, "6 percent"), ("figures.unsourced", 1, 56, "3.1 percent"),
        ("figures.unsourced", 3, 29, "$412,000")]


def test_a_credit_anywhere_before_in_the_paragraph_covers_the_figure() -> None:
    text = ("The county housing authority released its quarterly report Monday. It covers 14 towns. "
            "Median rent rose 6 percent.\n")
    assert unsourced(text) == []


def test_wire_copy_quotation_marks_are_quotations_for_the_credit() -> None:
    text = "Median rent in Harlow County rose 6 percent in March. ''People are scared,'' said Dana Ruiz.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 35, "6 percent")]
