"""Figures that carry their own source: results of public record, a plan's own terms, a poll's methodology and scope."""

from __future__ import annotations

import pytest

from factlint.checks.figures.record import _sentence_start
from tests.helpers import RULES, brief, run

PACKS = (RULES / "figures", RULES / "quotes")


def unsourced(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief figures.unsourced findings on text."""
    return brief(run(text, select=["figures.unsourced"], packs=PACKS))


def unattributed(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief quotes.unattributed findings on text."""
    return brief(run(text, select=["quotes.unattributed"], packs=PACKS))


# --- results of public record -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Alvarez won 52 percent of the vote in the Ward 4 runoff.",
    "Okafor finished with 19 delegates, and Brandt took 11 delegates.",
    "She needs 1,237 delegates to clinch the nomination.",
    "Mendes carried all 14 congressional districts on Tuesday.",
    "The levy failed, drawing 44 percent of the votes cast.",
    "The council measure passed with 6,215 votes.",
    "With 95 percent of precincts reporting, the race was too close to call.",
    "Delegates were awarded Tuesday. Kim won at least 15, and Ruiz won at least 9.",
    "Lindqvist beat Haddad in the county primary, trailing only in the river wards, and won by 4 percent.",
    "Okafor took 41 percent of the vote to Brandt's 33 percent.",
    "Tessaro was convicted on 12 counts of wire fraud.",
    "The appeals court deadlocked 6 to 6, leaving the ruling in place.",
])
def test_a_result_of_public_record_needs_no_source(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    # A poll's share is no result, even with a result noun: the poll is its source.
    ("In the survey, Alvarez would win 52 percent of the vote.", []),
    ("Alvarez would win 52 percent of the vote in a head-to-head matchup.", [("figures.unsourced", 1, 19, "52 percent")]),
    # An exit poll's share of a group of voters is no result either.
    ("Alvarez won more than 60 percent of suburban voters.", [("figures.unsourced", 1, 13, "more than 60 percent")]),
    # Money is never a result: spending still says who reported it.
    ("The campaign spent $2 million in 14 districts.", [("figures.unsourced", 1, 20, "$2 million")]),
    # A record verb without a record noun or event in the paragraph is not a result.
    ("The bakery won 300 new customers last year.", [("figures.unsourced", 1, 16, "300")]),
    ("Her campaign has held 400 training sessions.", [("figures.unsourced", 1, 23, "400")]),
    ("The arena sold 400 more seats than last year.", [("figures.unsourced", 1, 16, "400")]),
    ("The theater added 120 seats in the balcony.", [("figures.unsourced", 1, 19, "120")]),
    # a straw vote, or a union's mood, is no court's record
    ("At the forum's straw poll the vote was 212 to 140.", [("figures.unsourced", 1, 40, "212 to 140")]),
    ("The medical examiner has ruled 11 jail deaths suicides since the election.",
     [("figures.unsourced", 1, 32, "11")]),
    # Voting is no result on its own: who voted how is an exit poll's share or a count.
    ("Only 23 percent of those voters voted for Ortiz.", [("figures.unsourced", 1, 1, "Only 23 percent")]),
    # Turnout is a figure someone counted.
    ("Turnout reached 61 percent in the runoff.", [("figures.unsourced", 1, 17, "61 percent")]),
])
def test_poll_shares_money_and_counts_without_a_result_frame_are_still_claims(
        text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


def test_a_forecast_in_the_sentence_before_frames_the_figures_as_no_result() -> None:
    text = "The race could tighten. Alvarez takes 45 percent of the vote."
    assert unsourced(text) == [("figures.unsourced", 1, 39, "45 percent")]


# --- a worked example ---------------------------------------------------------------------------

def test_a_worked_example_is_not_a_claim() -> None:
    assert unsourced("If you owe 28,000, you would repay 2.8 percent of your income each year.") == []
    assert unsourced("Borrowers repay 2.8 percent of their income each year.") == [
        ("figures.unsourced", 1, 17, "2.8 percent")]


# --- a plan's own terms ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Her plan would raise the minimum wage to $12 by 2020.",
    "The bill would cap contributions at $2,700 a cycle.",
    "Ortiz unveiled a $350 billion infrastructure plan on Monday.",
    "The mayor signed the $305 million measure in March.",
    "His proposal to deport 11 million people drew protests.",
    "The central bank kept its inflation target of 2 percent.",
    "The treaty will not take effect until 55 countries ratify it.",
    "Lee's price for her vote was a $1.5 billion youth jobs program.",
    "The commission has held to its 15 percent threshold for the debates.",
    "An owner who takes the $50,000 homestead exemption pays less.",
    "Homeowners will get a 10 percent homestead exemption, up from last year's 8 percent exemption.",
    "Families can claim a $2,000 tax credit for each child.",
    "Lee's plan includes: free bus passes for students, cutting fares to $1.25, longer hours.",
    "The mayor kept the city's pledge to hire 200 officers.",
])
def test_a_plan_is_the_source_of_its_own_figures(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    # What a plan would cost or save is someone's estimate.
    ("The plan would cost taxpayers $2 trillion.", [("figures.unsourced", 1, 31, "$2 trillion")]),
    # A figure that only shares a sentence with a plan is not its term.
    ("Two-thirds of residents oppose the plan.", [("figures.unsourced", 1, 1, "Two-thirds")]),
    # "Plans" is an intention someone reported, not a document.
    ("The campaign has plans to spend $10 million on ads.", [("figures.unsourced", 1, 33, "$10 million")]),
    # What a program has cost or done is reported, not its own term.
    ("The program has cost $1.5 billion so far.", [("figures.unsourced", 1, 22, "$1.5 billion")]),
    ("The program served 4,000 families last year.", [("figures.unsourced", 1, 20, "4,000")]),
    ("The city's voucher program has grown to 2,300 families.", [("figures.unsourced", 1, 41, "2,300")]),
    ("The renovation will cost $12 million.", [("figures.unsourced", 1, 26, "$12 million")]),
    # A colon after a plan that opens no terms, or after no plan, lists the writer's claims.
    ("The plan has critics: the county lost 300 jobs last year.", [("figures.unsourced", 1, 39, "300")]),
    ("The results so far: Ortiz leads with 52 percent.", [("figures.unsourced", 1, 38, "52 percent")]),
    # What an exemption saves is someone's reckoning, not its own term.
    ("The exemption will save the average homeowner $29.", [("figures.unsourced", 1, 47, "$29")]),
    ("The pool was part of a $31 million renovation finished in 1998.", [("figures.unsourced", 1, 24, "$31 million")]),
])
def test_a_plan_does_not_source_estimates_banknotes_or_its_neighbours(
        text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


# --- a poll's methodology and scope ----------------------------------------------------------

def test_a_poll_s_methodology_line_describes_the_poll() -> None:
    assert unsourced("The Harbor Institute Poll of 1,033 adults, including 389 renters, was taken in May.") == []
    assert unsourced("The survey was conducted with voters leaving 35 precincts across the county.") == []
    assert unsourced("An analysis of 130 elections was published.") == [("figures.unsourced", 1, 16, "130")]


def test_a_poll_named_after_a_figure_still_opens_its_scope() -> None:
    text = ("Young renters favor the levy 2 to 1, according to a new poll by Lakeside College.\n\n"
            "Forty-one percent would vote for it again.\n\n"
            "The levy raised $4 million last year.")
    assert unsourced(text) == []
    report = ("Robberies fell 2 to 1 across the county, according to a new report by the sheriff.\n\n"
              "Forty-one percent happened downtown.")
    assert unsourced(report) == [("figures.unsourced", 3, 1, "Forty-one percent")]


def test_a_poll_s_findings_go_on_past_another_speaker() -> None:
    text = ("A new Lakeside College poll finds 48 percent back the levy.\n\n"
            "“It is a close call,” Mayor Dana Ortiz said.\n\n"
            "Among renters, 61 percent back it.\n\n"
            "The county spent $3 million on the vote.")
    assert unsourced(text) == [("figures.unsourced", 7, 18, "$3 million")]


def test_according_to_names_the_document_after_it() -> None:
    text = ("According to early results of exit polls, most voters decided late.\n\n"
            "In Ashford, about 3 in 10 voters decided on the last day.")
    assert unsourced(text) == []


# --- lists, ranks and scraped dates ----------------------------------------------------------

def test_a_ranked_list_split_by_blank_lines_is_numbering() -> None:
    text = "The panel's ranking:\n\n7 Dana Ortiz.\n\n8 Lee Brandt.\n\nKim Ruiz (9.)\n\nThe mill employs 400 people."
    assert unsourced(text) == [("figures.unsourced", 9, 18, "400")]


def test_a_date_glued_to_the_word_before_is_a_date() -> None:
    assert unsourced("Posted by Ana RuizFeaturedMarch 6, 2016 9:32PM The levy passed.") == []
    assert unsourced("The mill employs 600 people.") == [("figures.unsourced", 1, 18, "600")]


def test_market_moves_are_market_record() -> None:
    assert unsourced("Gasoline futures rose 1 cent, to $1.32 a gallon.") == []
    assert unsourced("The euro rose to $1.1175 from $1.1074 the day before.") == []
    assert unsourced("The shop sold 400 bikes.") == [("figures.unsourced", 1, 15, "400")]


# --- quotes.unattributed ------------------------------------------------------------------------

def test_a_pull_quote_repeats_the_story_s_own_words() -> None:
    text = ("The council argued for hours. Behind this fight about the budget lies an old quarrel "
            "about the harbor, and everyone in the room knows it.\n\n"
            "“Behind this fight about the budget lies an old quarrel about the harbor.”\n\n"
            "The vote is Tuesday.")
    assert unattributed(text) == []
    fresh = "The council met for hours.\n\n“Nobody in this room wants the harbor sold to a developer.”\n\nThe vote is Tuesday."
    assert unattributed(fresh) == [
        ("quotes.unattributed", 3, 1, "“Nobody in this room wants the harbor sold to a developer.”")]


def test_dialogue_goes_on_across_short_beats() -> None:
    text = ("“I am calling from the Ortiz campaign,” Miller said into the phone.\n\n"
            "She pauses.\n\n“Well, thank you so much.”\n\nPause.\n\n“You do that! We will remember it.”\n\n"
            "The office closes at nine every night.\n\n“We will rebuild this town.”")
    assert unattributed(text) == [("quotes.unattributed", 13, 1, "“We will rebuild this town.”")]


@pytest.mark.parametrize("text", [
    "Hundreds of letters arrived, many addressed simply to “Mr. and Mrs. Ortiz, Ashford, VT.”",
    "In 1991 a former aide published “Undone! The Inside Story of the Harbor Deal.”",
    "“Harbor is the New Black” star Dana Ortiz spoke at the gala.",
])
def test_titles_and_addresses_are_not_quotations(text: str) -> None:
    assert unattributed(text) == []


def test_a_sentence_in_title_case_words_is_still_a_quotation() -> None:
    assert unattributed("The crowd cheered. “I love New York,” and the band played on.") == [
        ("quotes.unattributed", 1, 20, "“I love New York,”")]


@pytest.mark.parametrize("text", [
    "Her catch phrase in that race was that Ortiz “would say anything to win an election.”",
    "On its website, the agency lists “public corruption as its top criminal priority.”",
    "Ortiz shared her worry with donors, “I do not know which candidate will show up tonight.”",
    "She vented to her husband that it would be “a fight from start to finish.”",
])
def test_catch_phrases_websites_and_more_verbs_name_a_speaker(text: str) -> None:
    assert unattributed(text) == []


def test_an_elliptical_clause_goes_on_with_the_result_before_it() -> None:
    assert unsourced("Ortiz must win 53 percent of the remaining delegates, Brandt 59 percent, and Kim 76 percent.") == []
    assert unsourced("Ortiz won the primary, and unemployment is 8 percent.") == [("figures.unsourced", 1, 44, "8 percent")]


def test_a_key_value_list_is_data_like_a_table() -> None:
    assert unsourced("Delegate counts:\n\nOrtiz: 2,316.\n\nBrandt: 1,547.") == []
    assert unsourced("Note: 400 people came.") == [("figures.unsourced", 1, 7, "400")]


def test_a_code_before_a_colon_is_a_label() -> None:
    assert unsourced("This video is restricted in your area. Error code: 17.") == []
    assert unsourced("Spending: 40 percent.") == [("figures.unsourced", 1, 11, "40 percent")]


@pytest.mark.parametrize("text", [
    "Exit polling shows Ortiz won 83 percent of renters.",
    "Ortiz's claim that 90 percent of the bonds were repaid is her office's calculation.",
    "Kim would be the oldest mayor, topping Ruiz, who was 69 when he took office.",
    "Nearly all the mayors of the 10 most populous cities endorsed her.",
    "In all, 865 delegates are at stake in 11 states.",
    "The corporate income tax was cut to 10 percent in 2010.",
    "The initiative was defeated by 74 percent in the referendum.",
    "Meridian earned $2.05 a share, on revenue of $8.3 billion.",
    "The attorney general filed a $4 million lawsuit alleging that Ortiz cheated 900 tenants.",
    "A petition against the plant has drawn 56,000 signatures on the state's website.",
])
def test_more_figures_that_carry_their_source(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The 100 banks hold 40 percent of deposits.", [("figures.unsourced", 1, 5, "100"), ("figures.unsourced", 1, 20, "40 percent")]),
    ("After polling members, the 3 million member union endorsed her.", [("figures.unsourced", 1, 28, "3 million")]),
    ("The tax made a gallon of gas cost 19 cents more.", [("figures.unsourced", 1, 35, "19 cents")]),
    ("Tickets cost $7 a share, on average.", [("figures.unsourced", 1, 14, "$7")]),
    ("The petition drew 56,000 signatures, and the website crashed.", [("figures.unsourced", 1, 19, "56,000")]),
    ("On the ballot, Ortiz leads Brandt 50 percent to 44 percent.",
     [("figures.unsourced", 1, 35, "50 percent"), ("figures.unsourced", 1, 49, "44 percent")]),
])
def test_near_misses_of_those_are_still_claims(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


def test_an_editor_s_note_is_page_furniture() -> None:
    text = "Editor’s note: The mayor has pledged to ban all 1.6 billion members of a faith.\n\nThe mill employs 400 people."
    assert unsourced(text) == [("figures.unsourced", 3, 18, "400")]
    assert unsourced("Note: 1.6 billion people follow the faith.") == [("figures.unsourced", 1, 7, "1.6 billion")]


@pytest.mark.parametrize("text", [
    "In the first round, Georgia delegates will cast 42 votes for Ortiz, 18 for Brandt and 16 for Kim.",
    "There are 595 Republican delegates at stake in 11 states.",
    "As Dana Lee Ortiz turns 70, a look at her record.",
    "County officials are expecting a record turnout of more than 40,000 voters.",
])
def test_ellipses_tallies_ages_and_the_progressive(text: str) -> None:
    assert unsourced(text) == []


def test_a_progressive_without_a_subject_that_reports_is_no_source() -> None:
    assert unsourced("Costs are rising 40 percent a year.") == [("figures.unsourced", 1, 18, "40 percent")]
    assert unsourced("Ortiz won the primary, and 18 for Cruz is 40 percent.") == [("figures.unsourced", 1, 43, "40 percent")]


def test_a_paragraph_of_findings_without_figures_keeps_the_poll_in_scope() -> None:
    text = ("A new Lakeside College poll finds 48 percent back the levy.\n\n"
            "Ortiz is viewed more favorably by renters than by owners.\n\n"
            "Among owners, 31 percent back it.")
    assert unsourced(text) == []
    aside = ("A new Lakeside College poll finds 48 percent back the levy.\n\n"
             "The council meets on Tuesday in the old library.\n\n")
    assert unsourced(aside + "Among owners, 31 percent back it.") == []   # the poll's finding again
    assert unsourced(aside + "The library's roof repair costs $4 million.") == [
        ("figures.unsourced", 5, 33, "$4 million")]   # no finding: the story moved on


def test_a_speech_verb_in_the_progressive_is_a_job_not_a_source() -> None:
    assert unsourced("He is advising the mill as it works on a $160 million sale.") == [
        ("figures.unsourced", 1, 42, "$160 million")]


def test_an_interview_answer_is_its_speaker_s_words() -> None:
    text = "Q: Is the levy working?\n\nA: I think it is. It raised $4 million last year.\n\nThe mill employs 400 people."
    assert unsourced(text) == [("figures.unsourced", 5, 18, "400")]


def test_a_paragraph_may_open_with_figures_its_predecessor_introduced() -> None:
    introduced = "The county clerk also points out some other figures:\n\nTurnout was 61 percent, up from 48 percent."
    assert unsourced(introduced) == []
    named = "Turnout fell sharply, according to the unofficial results tallied Wednesday.\n\nIt dropped 50 percent in Ashford."
    assert unsourced(named) == []
    spoken = "“We worked hard,” Ortiz said.\n\nThe campaign spent $2 million on ads."
    assert unsourced(spoken) == [("figures.unsourced", 3, 20, "$2 million")]
    unrelated = "The mayor said the vote was fair.\n\nThe campaign spent $2 million on ads."
    assert unsourced(unrelated) == [("figures.unsourced", 3, 20, "$2 million")]


def test_a_pull_quote_may_capitalise_the_words_it_pulls() -> None:
    text = ("The council argued for hours. But behind this fight about the budget lies an old quarrel "
            "about the harbor.\n\n“Behind this fight about the budget lies an old quarrel about the harbor.”")
    assert unattributed(text) == []


def test_arithmetic_on_the_figure_just_given_is_not_a_second_claim() -> None:
    text = "Median rent rose $62, or 5 percent, to $1,358.\n\nTurnout was 367,491. That is down 16 percent from 2008."
    assert unsourced(text) == [("figures.unsourced", 1, 18, "$62"), ("figures.unsourced", 1, 40, "$1,358"),
                               ("figures.unsourced", 3, 13, "367,491")]
    assert unsourced("That is a 40 percent jump.") == [("figures.unsourced", 1, 11, "40 percent")]


def test_a_restatement_after_its_unit_is_not_a_second_claim() -> None:
    assert unsourced("Temporary workers earn 163 pesos a day, or $9.40.") == [("figures.unsourced", 1, 24, "163 pesos")]
    assert unsourced("Wages range from $15 to $26 an hour.") == [
        ("figures.unsourced", 1, 18, "$15"), ("figures.unsourced", 1, 25, "$26")]


def test_an_amount_in_another_currency_right_after_one_converts_it() -> None:
    assert unsourced("The fund holds 2 million euros, about $2.3 million, in reserve.") == [
        ("figures.unsourced", 1, 16, "2 million euros")]
    assert unsourced("The fund holds 2 million euros (about $2.3 million) in reserve.") == [
        ("figures.unsourced", 1, 16, "2 million euros")]


def test_an_amount_in_the_same_currency_or_a_share_after_one_is_a_claim() -> None:
    assert unsourced("The fund spent $2 million, $400,000 of it on travel.") == [
        ("figures.unsourced", 1, 16, "$2 million"), ("figures.unsourced", 1, 28, "$400,000")]
    assert unsourced("The fund holds 2 million euros, 40 percent of its reserve.") == [
        ("figures.unsourced", 1, 16, "2 million euros"), ("figures.unsourced", 1, 33, "40 percent")]
    # a part of the first in another currency opens a clause of its own
    assert [found[3] for found in unsourced("Of the $148 million, 40 million euros will go to a depot.")] == [
        "$148 million", "40 million euros"]


@pytest.mark.parametrize("text, flagged", [
    ("In the primary, 603,000 people voted, a 20% increase from the last contested primary, in 2012.", "603,000"),
    ("Enrollment reached 4,100, a 6 percent drop since 2019.", "4,100"),
    ("The district spent $4.2 million on buses, a 9 percent increase over last year.", "$4.2 million"),
    ("The district spent $2.4 million on buses, a 9 percent increase from the previous budget.", "$2.4 million"),
])
def test_a_change_in_apposition_from_an_earlier_time_works_out_the_figure_before(text: str, flagged: str) -> None:
    assert [found[3] for found in unsourced(text)] == [flagged]


@pytest.mark.parametrize("text, flagged", [
    ("The district spent $1.1 million on road repair, a 30 percent increase over what Marion County spends.",
     ["$1.1 million", "30 percent"]),
    ("The district spent $1.1 million on road repair, a 12 percent increase from Harlow County's budget.",
     ["$1.1 million", "12 percent"]),
    ("The district spent $1.1 million on road repair, a 12 percent increase from what the county paid.",
     ["$1.1 million", "12 percent"]),
    ("The district spent $2.4 million on buses, a 30 percent increase compared with similar-size counties.",
     ["$2.4 million", "30 percent"]),
    ("The district spent $2.4 million on buses, a 14 percent increase from neighboring counties.",
     ["$2.4 million", "14 percent"]),
    ("The district spent $1.1 million on road repair. A 12 percent increase from last year is planned.",
     ["$1.1 million", "12 percent"]),
])
def test_a_change_over_another_place_or_out_of_apposition_is_a_claim(text: str, flagged: list[str]) -> None:
    assert [found[3] for found in unsourced(text)] == flagged


def test_the_next_sentence_may_name_the_document_both_come_from() -> None:
    text = "The PAC raised $58 million last year. Most of it arrived in May, new finance reports show."
    assert unsourced(text) == []
    # A speaker's credit is no document pointed back at; the default pack's paragraph_credit
    # covers the paragraph's figures anyway, but not across a quotation.
    spoken = "The PAC raised $58 million last year. “Most of it arrived in May,” Ortiz said."
    assert unsourced(spoken) == [("figures.unsourced", 1, 16, "$58 million")]


def test_a_tally_may_name_its_noun_in_the_next_sentence() -> None:
    assert unsourced("He now has 568. Brandt has 370 delegates and Kim has 63.") == []
    assert unsourced("He now has 568. Brandt has 370 employees.") == [
        ("figures.unsourced", 1, 12, "568"), ("figures.unsourced", 1, 28, "370")]


def test_a_public_body_s_decision_is_public_record() -> None:
    assert unsourced("The Harlow County Board of Education approved a 3.5 percent raise for teachers.") == []
    assert unsourced("A 4.5 percent tuition increase was approved by the board of trustees on March 25.") == []
    assert unsourced("The City Council voted 5-2 to extend the contract by 18 months.") == []


def test_a_body_that_cuts_raises_or_sets_a_rate_decides_it() -> None:
    assert unsourced("The Millbrook City Council increased the property tax levy 4.2 percent on Tuesday.") == []
    assert unsourced("The school board cut the activity fee to $40 and froze tuition at $6,200.") == []
    assert unsourced("Lawmakers capped rent increases at 5 percent a year.") == []


def test_a_change_no_body_decided_is_still_a_claim() -> None:
    assert unsourced("Property taxes increased 4.2 percent after the council met.") == [
        ("figures.unsourced", 1, 26, "4.2 percent")]
    assert unsourced("The council could cut the levy 3 percent next year.") == [
        ("figures.unsourced", 1, 32, "3 percent")]
    assert unsourced("The board's spending cut saved $2 million, the chairman said.") == []
    assert unsourced("The board cut 40 jobs, which will save $2 million a year.") == [
        ("figures.unsourced", 1, 40, "$2 million")]


def test_a_proposal_a_fund_drive_or_a_claim_is_not_a_decision() -> None:
    assert unsourced("The board could approve a 5 percent increase next month.") == [
        ("figures.unsourced", 1, 27, "5 percent")]
    assert unsourced("The county committee raised $185,000 from two e-mails last month.") == [
        ("figures.unsourced", 1, 29, "$185,000")]
    assert unsourced("Tuition rose 7 percent after the regents met.") == [("figures.unsourced", 1, 14, "7 percent")]


def test_a_budget_line_named_cost_is_still_the_budget_s_own_figure() -> None:
    text = ("The 2026 budget includes $1.5 billion for operating costs and another $371 million for "
            "new fire stations.\n\nThe plan would save the state an estimated $40 million.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 31, "an estimated $40 million")]


def test_a_rate_in_force_and_an_ipo_price_are_their_own_record() -> None:
    text = ("The federal minimum wage of $7.25 has not changed since 2009. Donors may give up to a "
            "contribution limit of $2,700 per election.\n\n"
            "Meridian priced its initial public offering at $26 a share.\n\n"
            "The unemployment rate of 5 percent hides weak wages.\n")
    assert unsourced(text) == [("figures.unsourced", 5, 26, "5 percent")]


def test_a_rate_in_force_may_be_joined_to_its_figure_by_is_or_now() -> None:
    text = ("Harlow County's sales tax rate is 6.5 percent. The state's minimum wage was $11 an hour "
            "until July.\n\n"
            "The unemployment rate is 6.5 percent in Harlow County.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 26, "6.5 percent")]


def test_a_rate_in_force_given_in_an_aside_after_now() -> None:
    text = ("Workers earn the federal minimum wage, now $7.25 an hour.\n\n"
            "The county's jobless rate, now 5.2 percent, worries the council.\n\n"
            "Workers paid the minimum wage, now 31 percent of the retail staff, would get a raise.\n\n"
            "People earning the minimum wage, now about 41,000 statewide, are fewer.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 32, "5.2 percent"),
                               ("figures.unsourced", 5, 36, "31 percent"),
                               ("figures.unsourced", 7, 38, "about 41,000")]


def test_the_value_that_sets_up_a_worked_example_is_no_claim_when_the_sentence_works_it_out() -> None:
    text = ("The owner of a home assessed at $350,000 would pay about $945 in city taxes.\n\n"
            "The Ortiz house, worth $1.2 million, sold Tuesday.\n\n"
            "The district sold a warehouse worth $3.4 million to a developer.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 52, "about $945"),
                               ("figures.unsourced", 3, 24, "$1.2 million"),
                               ("figures.unsourced", 5, 37, "$3.4 million")]


def test_a_result_given_as_a_pair_and_a_strong_verb_before_with() -> None:
    text = ("Ortiz lost the Harlow County primary 36 percent to 51 percent on Tuesday. Lee won the "
            "Eastport primary with 60 percent.\n\n"
            "Ortiz leads Lee 46 percent to 41 percent among likely voters.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 17, "46 percent"),
                               ("figures.unsourced", 3, 31, "41 percent")]


def test_a_pair_of_many_numbers_is_weighed_in_one_step() -> None:
    text = "Ortiz won the primary " + " to ".join(str(i * 7 + 10) for i in range(800)) + ".\n"
    findings = unsourced(text)
    assert findings and all(rule == "figures.unsourced" for rule, *_ in findings)


def test_a_cost_estimate_in_the_plan_s_clause_is_a_claim() -> None:
    text = "The governor's plan would cost the state an additional $2.1 billion over a decade.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 56, "$2.1 billion")]


def test_public_record_does_not_cover_a_forecast_after_it() -> None:
    text = ("Meridian earned $2.05 a share, on revenue of $8.3 billion. The consensus expectation was "
            "that it would make $2.12 a share on $8.5 billion in sales. Its shares closed up 3 percent.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 109, "$2.12"), ("figures.unsourced", 1, 126, "$8.5 billion")]


def test_public_record_does_not_cover_a_forecast_in_its_own_sentence() -> None:
    text = "Meridian is expected to earn $1.08 a share, on revenue of $1.1 billion.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 30, "$1.08"), ("figures.unsourced", 1, 59, "$1.1 billion")]


def test_a_vague_source_covers_its_own_figure_and_credits_no_other() -> None:
    text = "Support for the levy is above 60 percent in some polls. Turnout in November will top 70 percent.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 86, "70 percent")]


@pytest.mark.parametrize("text, at, start", [
    ("The levy failed. It drew 44 percent.", 25, 17),        # after '. '
    ("Turnout was low!\tIt was 31 percent.", 24, 17),        # any white space after '!'
    ("A heading\nThe levy drew 44 percent.", 24, 10),        # after a line break
    ("The levy drew 44 percent.", 14, 0),                     # the text's first sentence
    ("Results." + " x" * 400 + " 44 percent", 813, 212),      # no opening within reach: the floor
    ("x" * 210 + ". " + "y" * 599 + " 44", 812, 212),         # an opening right at the floor
])
def test_a_figure_s_sentence_starts_after_the_nearest_opening_within_reach(text: str, at: int, start: int) -> None:
    assert _sentence_start(text, at) == start


@pytest.mark.parametrize("text, column, match", [
    ("The property tax will rise 3.5%.", 28, "3.5%"),
    ("The city's property tax rate will increase 3.5 percent next year.", 44, "3.5 percent"),
])
def test_a_rate_s_forecast_move_is_a_claim_like_property_taxes_will_rise(text: str, column: int, match: str) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


@pytest.mark.parametrize("text", [
    "The corporate income tax was cut to 10 percent.",
    "The state minimum wage will increase to $16.25 an hour on Jan. 1 under a 2024 state law.",
    "The approved property tax will rise 3.5 percent in July.",
    "The treaty will not take effect until 55 countries ratify it.",
])
def test_a_rate_in_force_a_decided_move_or_a_treaty_s_terms_need_no_source(text: str) -> None:
    assert unsourced(text) == []


def test_a_plan_noun_further_back_in_the_clause_still_links_its_terms() -> None:
    text = ("The proposed property tax will increase revenue in the budget by 2.6% over last year.\n\n"
            "Revenue in the budget grew by 2.6% over last year.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 31, "2.6%")]


@pytest.mark.parametrize("text, match", [
    ("The council cut short its meeting after 200 residents packed the hall.\n", "200"),
    ("The water board capped its meeting at two hours after 150 growers signed up.\n", "150"),
])
def test_a_body_s_verb_of_change_does_not_decide_a_later_clause_s_figure(text: str, match: str) -> None:
    assert [f[3] for f in unsourced(text)] == [match]


def test_a_clock_s_colon_opens_no_plan_s_list() -> None:
    text = "The plan will start at 9:30, and by noon the county had lost 300 jobs.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 62, "300")]
