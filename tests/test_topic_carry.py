"""A data source's credit goes on covering later figures that measure the same thing."""

from __future__ import annotations

from pathlib import Path

from functools import partial

import pytest

from tests.helpers import RULES, brief_of

unsourced = partial(brief_of, "figures.unsourced")
CREDIT = ("The median price of a single-family home in Harlow County rose 6 percent in March to "
          "$412,000, the Harlow Association of Realtors reported Thursday.\n\n")
ASIDE = "\"Buyers are worn out,\" said Dana Ruiz, a broker in Eastport.\n\n"


def test_a_later_figure_of_the_same_measure_keeps_the_data_source() -> None:
    text = CREDIT + ASIDE + "In Eastport, the median single-family price climbed to $389,500.\n"
    assert unsourced(text) == []


def test_a_figure_covered_by_another_s_credit_passes_nothing_on() -> None:
    text = ("Median home prices in Lakeside rose 8.1 percent last year, the Lakeside Association of "
            "Realtors said.\n\nMedian home prices have doubled since 2015.\n\n"
            "Home insurance premiums have doubled since 2015 as well.\n\n"
            "Insurance premiums for renters climbed 40 percent over the same stretch.\n")
    assert unsourced(text) == [("figures.unsourced", 5, 30, "doubled"),
                               ("figures.unsourced", 7, 40, "40 percent")]


def test_place_and_people_words_do_not_make_the_same_measure() -> None:
    text = ("The city's unemployment rate fell to 4.1 percent in March, the state labor department "
            "reported.\n\nMayor Ruiz has made jobs her signature issue.\n\n"
            "The city's residents bought 19 percent more cars this year.\n")
    assert unsourced(text) == [("figures.unsourced", 5, 29, "19 percent")]


def test_a_figure_of_another_measure_needs_its_own_source() -> None:
    text = CREDIT + "Property tax bills in the county rose 11 percent.\n"
    assert unsourced(text) == [("figures.unsourced", 3, 39, "11 percent")]


def test_a_projection_on_the_same_measure_is_a_claim_of_its_own() -> None:
    text = CREDIT + "The median single-family price will climb another 5 percent next year.\n"
    assert unsourced(text) == [("figures.unsourced", 3, 51, "5 percent")]


def test_one_shared_word_is_not_the_same_measure() -> None:
    text = CREDIT + "The county's population rose to 212,000 as new single-family subdivisions opened.\n"
    assert unsourced(text) == [("figures.unsourced", 3, 33, "212,000")]


def test_a_sentence_on_the_measure_without_a_credit_passes_nothing_on() -> None:
    text = ("The median price of a single-family home in Harlow County rose 6 percent in March.\n\n"
            "In Eastport, the median single-family price climbed to $389,500.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 64, "6 percent"),
                               ("figures.unsourced", 3, 56, "$389,500")]


def _pack_with(tmp_path: Path, default: str, changed: str) -> tuple[Path]:
    """Return a pack holding the default unsourced rule with one option line changed."""
    rule = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
    assert f"\n{default}\n" in rule
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "unsourced.yaml").write_text(
        rule.replace(f"\n{default}\n", f"\n{changed}\n"), encoding="utf-8")
    return (tmp_path / "figures",)


def test_the_credit_reaches_only_topic_paragraphs_back(tmp_path: Path) -> None:
    text = CREDIT + ASIDE + "In Eastport, the median single-family price climbed to $389,500.\n"
    pack = _pack_with(tmp_path, "topic_paragraphs: 8", "topic_paragraphs: 1")
    assert unsourced(text, pack) == [("figures.unsourced", 5, 56, "$389,500")]


def test_a_projection_takes_its_source_from_a_credited_projection_of_the_same_measure() -> None:
    text = ("Ortiz's tax plan would cut federal revenue by $1.1 trillion over a decade, the Tax "
            "Policy Center estimates.\n\nPark's tax plan would cut federal revenue by $9.5 trillion.\n")
    assert unsourced(text) == []


RENTS = ("Rents in Harlow County rose 4.2 percent in July from a year earlier, the listings firm "
         "Tallis Data said Tuesday.\n\n" + ASIDE)


def test_one_word_the_two_figures_both_measure_keeps_the_data_source() -> None:
    text = RENTS + "Over the same stretch, rents in the county's suburbs rose 1.5 percent.\n"
    assert unsourced(text) == []


@pytest.mark.parametrize(("credit", "figure", "match"), [
    # an owner, not the measure: the mill's sales, not the mill's workforce
    ("Mill manager Ruth Okafor said the plant employs 640 people.", "The mill's sales fell 7 percent.",
     "7 percent"),
    # a place after the figure
    ("Lane says the hospital treats 40 percent of the county's uninsured.",
     "Housing demand rose 9 percent near the hospital campus.", "9 percent"),
    # another clause before the figure
    ("Frost says the clinic has treated 9,000 patients.",
     "Police are seeking a man who recruited patients and who was paid $40,000.", "$40,000"),
    # a share measures the group after it
    ("The median home price in Lakeside rose 8 percent last year, the Lakeside Association of Realtors said.",
     "The median home price for a starter home is out of reach for 62 percent of local families.", "62 percent"),
    # a title before a name
    ("A Harlow College poll found council member Dana Ortiz at 46 percent.",
     "The building trades count 5,400 members in the county.", "5,400"),
    # a word of change is no measure
    ("The median home price soared to $412,000, the Lakeside Association of Realtors said.",
     "Mortgage applications soared to 1,240.", "1,240"),
    # the last word of a run names the measure: tax bills are no home price
    ("The median home price rose 8 percent last year, the Lakeside Association of Realtors said.",
     "Property tax bills for a typical home rose 3 percent.", "3 percent"),
    ("The county's sales tax revenue reached $41 million, the finance director said.",
     "Sales tax receipts showed a 6 percent gain in October.", "6 percent"),
    # a measure a name qualifies
    ("Flu cases in the county climbed to 140 last week, the health department said.",
     "Cases of RSV at the children's hospital reached 61.", "61"),
])
def test_a_word_that_is_no_shared_measure_keeps_the_flag(credit: str, figure: str, match: str) -> None:
    found = unsourced(credit + "\n\n" + ASIDE + figure + "\n")
    assert [(rule, line, text) for rule, line, _, text in found] == [("figures.unsourced", 5, match)]


def test_topic_head_overlap_zero_turns_the_one_word_carry_off(tmp_path: Path) -> None:
    text = RENTS + "Over the same stretch, rents in the county's suburbs rose 1.5 percent.\n"
    pack = _pack_with(tmp_path, "topic_head_overlap: 1", "topic_head_overlap: 0")
    assert unsourced(text, pack) == [("figures.unsourced", 5, 59, "1.5 percent")]


@pytest.mark.parametrize("figure", [
    "Rents in neighboring Lakeside County rose 9 percent.",
    "Nationally, rents rose 3 percent over the same stretch.",
])
def test_a_figure_of_another_place_or_a_wider_scope_keeps_the_flag(figure: str) -> None:
    found = unsourced(RENTS + figure + "\n")
    assert [(rule, line, text) for rule, line, _, text in found] == [
        ("figures.unsourced", 5, "9 percent" if "9" in figure else "3 percent")]


def test_a_datelined_lead_credits_its_measure() -> None:
    text = ("EASTPORT -- Ridership fell 4 percent in October, agency records show.\n\n" + ASIDE
            + "Ridership fell 9 percent more in November.\n")
    assert unsourced(text) == []


@pytest.mark.parametrize(("credit", "figure", "match"), [
    # a place opening the sentence
    ("Rents rose 4.2 percent in July, the listings firm Tallis Data said.",
     "In neighboring Harlow County, rents rose 9 percent.", "9 percent"),
    # the word before the measure differs: another measure
    ("The county lost 300 manufacturing jobs last year, the state labor department said.",
     "The county added 120 construction jobs.", "120"),
    ("The city's unemployment rate fell to 4.1 percent in March, the state labor department reported.",
     "Youth unemployment in the city is 19 percent.", "19 percent"),
    # a forecast lends a fact no credit
    ("Park estimates the project will add 1,000 jobs.", "The county lost 12,000 jobs last year.", "12,000"),
])
def test_a_place_another_kind_or_a_forecast_keeps_the_flag(credit: str, figure: str, match: str) -> None:
    found = unsourced(credit + "\n\n" + ASIDE + figure + "\n")
    assert [(rule, line, text) for rule, line, _, text in found][-1:] == [("figures.unsourced", 5, match)]


def test_a_figure_sized_in_a_free_relative_credits_later_figures_of_its_measure() -> None:
    text = ("The hospital spent what its finance office estimated was $1.4 million on traveling nurses "
            "last year.\n\n" + ASIDE + "The hospital spent $600,000 on traveling nurses in October.\n")
    assert unsourced(text) == []


@pytest.mark.parametrize("figures", [
    "Rents rose 9 percent in Eastport, 6 percent in Lakeside and 3 percent in Harlow.",
    "Rents rose at three complexes: Birch Court by 9 percent; Elm Terrace by 6 percent.",
    "Rents fell by 2 percent at Birch Court, 1.5 percent at Elm Terrace and 1 percent at Oak Row.",
    # an owner is no place of its own
    "The county's rents are up 2 percent since August.",
    # a word of another place that names none
    "Rents rose 3 percent despite the confusion surrounding the new leases.",
])
def test_the_items_of_a_list_measure_what_the_list_does(figures: str) -> None:
    assert unsourced(RENTS + figures + "\n") == []


@pytest.mark.parametrize(("figures", "flagged"), [
    # another measure opens the list: its items are that measure's
    ("Vacancies rose 9 percent in Eastport, 6 percent in Lakeside and 3 percent in Harlow.",
     ["9 percent", "6 percent", "3 percent"]),
    ("Vacancies rose at three complexes: Birch Court by 9 percent; Elm Terrace by 6 percent.",
     ["9 percent", "6 percent"]),
    # an item with a measure of its own is read by it
    ("Rents rose 9 percent in Eastport, and vacancies 6 percent.", ["6 percent"]),
    # a list item after a clause of another place keeps that clause's place
    ("Rents in neighboring Lakeside County rose 9 percent, 6 percent in May alone.", ["9 percent", "6 percent"]),
    # a gapped item measures what stands before its comma
    ("Rents climbed 5 percent in Bayview, 2 percent in Millbrook; home prices, 11 percent.", ["11 percent"]),
    # an item's own place before its figure is a scope of its own
    ("Rents rose 4 percent in Eastport, in neighboring Monroe County 8 percent.", ["8 percent"]),
    # a word that moves the item, or the list, to another place
    ("Rents rose 4 percent in Eastport, 11 percent in neighboring Monroe County.", ["11 percent"]),
    ("Rents in nearby rural towns rose 12 percent.", ["12 percent"]),
    ("Rents rose faster in the neighboring counties: Monroe County by 9 percent, Pike County by 8 percent.",
     ["9 percent", "8 percent"]),
])
def test_the_items_of_a_list_of_another_measure_keep_the_flag(figures: str, flagged: list[str]) -> None:
    found = unsourced(RENTS + figures + "\n")
    assert [text for _, _, _, text in found] == flagged
