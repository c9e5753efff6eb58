"""figures.unsourced: game clocks, market quotes, ages and a post's public counts are no claims to source."""

from __future__ import annotations

from functools import partial

import pytest

from tests.helpers import brief_of

unsourced = partial(brief_of, "figures.unsourced")


def test_a_game_clock_and_a_market_quote_carry_their_own_source() -> None:
    text = ("The Hawks led 111-108 with 35.9 seconds remaining, and Ortiz made two free throws with "
            "15.8 seconds to go.\n\n"
            "Shares of Meridian fell 8 percent in extended trading after closing up 1.32 percent at $142.34.\n")
    assert unsourced(text) == []


def test_a_measured_time_still_needs_its_source() -> None:
    text = "Ortiz finished in 9.87 seconds, the fastest time in the state this year.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 19, "9.87")]


def test_an_age_after_turns_or_died_at_whoever_the_subject_is() -> None:
    text = "Mayor Ortiz turns 70 next month. Her brother died at 43 in a crash on Route 9.\n"
    assert unsourced(text) == []


def test_an_age_after_will_be_or_as_old_as_is_no_claim() -> None:
    text = "She will be 60 in May. Canvassers were as young as 17 and as old as 80.\n"
    assert unsourced(text) == []
    assert unsourced("The new pier will be 60 feet long.\n") == [("figures.unsourced", 1, 22, "60")]


def test_an_age_after_turn_or_younger_than_is_no_claim() -> None:
    text = ("Students who will turn 18 before Nov. 5 may register now.\n\n"
            "The county enrolled 1,240 children younger than 5 who lacked coverage. Its judges are all older than 50.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 21, "1,240")]


def test_a_count_after_turn_or_younger_than_is_still_a_figure() -> None:
    text = "Crews had to turn 115 families away. The board will turn 12 percent of the land over to the county.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 19, "115"), ("figures.unsourced", 1, 58, "12 percent")]


def test_a_count_after_turned_with_a_unit_is_still_a_figure() -> None:
    text = "Eastport's budget turned 5 percent more expensive after the merger.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 26, "5 percent")]


def test_what_a_public_post_shows_needs_no_source() -> None:
    text = "The mayor's post drew 3,200 retweets and 14,000 likes by Friday.\n"
    assert unsourced(text) == []


def test_a_post_s_reach_in_money_is_still_a_claim() -> None:
    text = "The campaign spent $14,000 promoting the mayor's post.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 20, "$14,000")]


def test_a_figure_s_earlier_value_stands_or_falls_with_it() -> None:
    text = ("Median rent rose to $1,480 a month, up from $1,390.\n\n"
            "Rents rose 6 percent in March from 4 percent in February.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 21, "$1,480"),
                               ("figures.unsourced", 3, 12, "6 percent"),
                               ("figures.unsourced", 3, 36, "4 percent")]


def test_a_company_s_results_per_share_are_its_own_filing() -> None:
    text = ("Meridian earned 39 cents a share on sales of $1.082 billion. The company earned $7.05 a "
            "share on revenue of $28.3 billion.\n\nMeridian's share of the market rose to 41 percent.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 40, "41 percent")]


def test_a_call_sign_a_second_day_and_a_share_price_s_move() -> None:
    text = ("EASTPORT (WKRB 58) -- A man was arrested after a chase.\n\n"
            "Regents will set tuition at their meeting April 1 and 2.\n\n"
            "Meridian shares rose almost 34 percent during the quarter.\n")
    assert unsourced(text) == []


def test_a_count_after_a_parenthesis_and_a_lowercase_word_is_still_a_figure() -> None:
    text = "The district (about 58 schools) lost 1,200 students in April and 300 more in May.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 21, "58"),
                               ("figures.unsourced", 1, 38, "1,200"),
                               ("figures.unsourced", 1, 66, "300")]


def test_a_measured_wait_a_family_count_and_a_shareholding_are_claims() -> None:
    text = ("Travelers waited an average of 2.5 hours to go through security.\n\n"
            "The shelter turned 115 families away last winter.\n\n"
            "Shares of the company are held by 4,300 employees.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 18, "an average of 2.5"),
                               ("figures.unsourced", 3, 20, "115"),
                               ("figures.unsourced", 5, 35, "4,300")]


def test_the_half_of_a_span_of_time_is_no_claim() -> None:
    text = "Ortiz has led the district for a decade and a half of growth. Half of its voters backed her.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 63, "Half")]


def test_a_zip_code_after_a_town_and_a_state_code_is_no_claim() -> None:
    text = ("Donations may be sent to the Harlow Food Pantry, 12 Mill Road, Eastport, OH, 44101, or to\n"
            "its office in Springfield, IL 62701.\n")
    assert unsourced(text) == []


def test_a_count_after_a_state_code_with_no_town_is_still_a_figure() -> None:
    text = "In the US, 20000 people died. The Eastport, OH, clinic treated 44,101 patients.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 12, "20000"), ("figures.unsourced", 1, 64, "44,101")]


def test_half_a_span_of_time_or_distance_is_no_claim() -> None:
    text = ("The Harlow mill has shed jobs for more than half a century. Nearly half an hour later the siren\n"
            "stopped. Crews worked half a mile from the levee for about half a year.\n")
    assert unsourced(text) == []


def test_half_a_million_and_half_of_a_group_are_still_claims() -> None:
    text = "The repairs cost nearly half a million dollars. More than half of the tenants left.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 18, "nearly half"),
                               ("figures.unsourced", 1, 30, "a million dollars"),
                               ("figures.unsourced", 1, 49, "More than half")]


@pytest.mark.parametrize("text, column, match", [
    ("The repairs came to nearly half a year's budget for the roads office.", 21, "nearly half"),
    ("Across the county half of all renters are behind on rent.", 19, "half"),
    ("Ortiz is courting the Latino half of the district's voters.", 30, "half"),
    ("The nearly half of Eastport renters who pay rent on time got no relief.", 5, "nearly half"),
])
def test_half_of_a_possessive_span_or_after_a_word_is_still_a_share(text: str, column: int, match: str) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


@pytest.mark.parametrize("text", [
    "Lee met Ortiz at the Group of 20 summit in Rome.",
    "Marchers joined a Group of 20 protest on Main Street.",
    "Harlow County Democrats handed out Ortiz '28 buttons.",
    "Watch the new episode of the series ‘28 And Counting.",
    "Eastport once called the casino a billion-dollar engine for growth.",
    "The mayor's face smiled from a giant $100 bill on the float.",
    "The paper printed its first ''100'' list of Harlow's richest families in 1990.",
])
def test_names_short_years_and_word_figures_that_modify_are_no_claims(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Leaders of 120 nations met in Rome.", [("figures.unsourced", 1, 12, "120")]),
    ("Ortiz won the backing of 120 unions.", [("figures.unsourced", 1, 26, "120")]),
    ("The state fined Harmon Foods for 123 safety violations.", [("figures.unsourced", 1, 34, "123")]),
    ("The league fined the NCAA of 114 schools.", [("figures.unsourced", 1, 30, "114")]),
    ("Eastport lost a billion dollars on the casino.", [("figures.unsourced", 1, 15, "a billion dollars")]),
    ("The plant's '16 payroll of 2,400 jobs shrank.", [("figures.unsourced", 1, 28, "2,400")]),
    ("Ortiz owes $100 in unpaid bills.", [("figures.unsourced", 1, 12, "$100")]),
])
def test_counts_next_to_those_are_still_claims(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year, then "to" and a count: the year is a year, the count a figure of its own
    ("Polling places fell from 400 in 2008 to 60 this year.\n",
     [("figures.unsourced", 1, 26, "400"), ("figures.unsourced", 1, 41, "60")]),
    ("The roll went from 1,200 in 2010 to 950 in 2014.\n",
     [("figures.unsourced", 1, 20, "1,200"), ("figures.unsourced", 1, 37, "950")]),
    # a span of years, or a season, is no figure
    ("Membership fell from 2008 to 2012.\n", []),
    ("In the 2008-09 season, the club played in Eastport.\n", []),
])
def test_a_year_then_to_and_a_count_is_no_range(text: str, expected: list) -> None:
    assert unsourced(text) == expected


def test_a_count_whose_box_score_unit_comes_later_is_a_statistic() -> None:
    text = ("Ortiz led with 30 points off the bench, while Lee added 26 and Marsh chipped in 18 points "
            "and 12 rebounds.\n\nOkafor had 22, Brandt 18 rebounds.\n")
    assert unsourced(text) == []


def test_a_count_before_another_unit_or_its_own_noun_is_still_a_claim() -> None:
    text = ("The county hired 126, and the project took 18 months.\n\n"
            "The shelter took in 126 and turned away 140 people.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 18, "126"), ("figures.unsourced", 3, 21, "126"),
                               ("figures.unsourced", 3, 41, "140")]


def test_a_count_before_a_box_score_unit_needs_a_verb_of_statistics() -> None:
    text = "Harlow Foods will lay off 120, and its shares fell 4 points.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 27, "120")]


def test_two_ages_after_two_names_are_no_claims() -> None:
    text = ("Not far away, brothers Tomas and Rafael Ibarra, 22 and 19, were waiting for the doors to open.\n\n"
            "Her parents, Ana and Luis Ortiz, 61 and 64, still run the bakery.\n")
    assert unsourced(text) == []


def test_two_counts_after_a_common_noun_are_still_claims() -> None:
    text = "The two districts, 102 and 109, lost teachers. The schools shut 102 and 109 classrooms.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 20, "102"), ("figures.unsourced", 1, 28, "109"),
                               ("figures.unsourced", 1, 65, "102"), ("figures.unsourced", 1, 73, "109")]


@pytest.mark.parametrize("text", [
    "Error code: 404. The page could not be found.\n",
    "We are sorry, this video is restricted from playing in your locationEcode: 17.\n",  # glued by a scraper
])
def test_a_code_is_a_label(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, column, match", [
    ("The largest cut came at BrightLine: 240 jobs, most of them in shipping.\n", 37, "240"),  # a brand, not glue
    ("At the busiest precinct 640 voters were still waiting in line.\n", 25, "640"),
])
def test_a_count_after_a_brand_or_a_place_word_is_a_claim(text: str, column: int, match: str) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


def test_a_count_after_a_glued_word_that_is_no_label_is_a_claim() -> None:
    text = "Enrollment fell sharply, the countyReport: 17 schools closed.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 44, "17")]


def test_a_digit_glued_to_a_letter_is_part_of_a_word() -> None:
    # A scraper's "GÃ1⁄4len" for "Gülen", a jet's "F16": the figures are the counts after them.
    text = ("Ties to the movement of the cleric GA\u03031\u20444len drew scrutiny, and 300 schools closed.\n\n"
            "The F16 crashed, killing 2 pilots. It cost US$5 million.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 65, "300"), ("figures.unsourced", 3, 26, "2"),
                               ("figures.unsourced", 3, 44, "US$5 million")]
