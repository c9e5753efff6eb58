"""figures.unsourced: a figure the story gives again with a source, or that the next paragraph credits, is sourced."""

from __future__ import annotations

from functools import partial

from tests.helpers import brief_of

unsourced = partial(brief_of, "figures.unsourced")


def test_a_lede_figure_credited_further_on_is_sourced() -> None:
    text = ("Harlow County rents jumped 4.2 percent in July.\n\n"
            "Landlords blamed insurance costs.\n\n"
            "Rents rose 4.2 percent from a year earlier, the county housing office said Tuesday.\n")
    assert unsourced(text) == []


def test_a_credited_figure_repeated_later_stays_sourced() -> None:
    text = ("The levy will raise $43,150 a year, the district's budget office said.\n\n"
            "Parents packed the meeting.\n\n"
            "Board members voted to put the $43,150 levy on the May ballot.\n")
    assert unsourced(text) == []


def test_a_round_number_given_twice_is_not_the_same_figure() -> None:
    text = ("Ortiz gave $5 million to the group in March, federal filings show.\n\n"
            "A second donor, Lee Park, gave $5 million in April.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 32, "$5 million")]


def test_another_magnitude_or_kind_is_another_figure() -> None:
    text = ("The county's reserve holds $1.2 million, the treasurer said.\n\n"
            "The state's rainy-day fund has $1.2 billion. Tuition rose 1.2 percent.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 32, "$1.2 billion"),
                               ("figures.unsourced", 3, 59, "1.2 percent")]



def test_the_next_paragraph_may_point_back_and_name_the_document() -> None:
    fees = "Harlow Bank earned $40.8 million advising Meridian, and Eastport Trust earned $22 million.\n\n"
    back = "For these assignments, the banks were paid in cash, according to Meridian's annual report.\n"
    other = "The banks also lent Meridian money, according to Meridian's annual report.\n"
    assert unsourced(fees + back) == []
    assert unsourced(fees + other) == [("figures.unsourced", 1, 20, "$40.8 million"),
                                       ("figures.unsourced", 1, 79, "$22 million")]


def test_according_to_opens_a_document_with_a_lowercase_word_unless_it_leaves_it_unnamed() -> None:
    fees = "Harlow Bank will earn $40.8 million advising Meridian.\n\n"
    back = "For these assignments, Harlow Bank earned $90 million last year, according to {}.\n"
    assert unsourced(fees + back.format("public filings")) == []
    assert unsourced(fees + back.format("media reports")) == [("figures.unsourced", 1, 23, "$40.8 million")]


def test_the_same_number_of_another_measure_or_a_projection_is_not_given_again() -> None:
    text = ("Inflation in the region ran at 3.2 percent in June.\n\n"
            "Wages rose 3.2 percent, the Labor Department said.\n\n"
            "The district's new stadium will cost taxpayers $1.25 million a year in upkeep.\n\n"
            "The district received a $1.25 million grant for stadium upkeep, the state said.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 32, "3.2 percent"),
                               ("figures.unsourced", 5, 48, "$1.25 million")]
