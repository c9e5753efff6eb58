"""Attribution as newsrooms write it: the shared lexicon, source scope, quotes across paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factlint.checks import lexicon
from factlint.rule import RuleError
from tests.helpers import RULES, brief, brief_of, run

PACKS = (RULES / "figures", RULES / "quotes")


def unsourced(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief figures.unsourced findings on text."""
    return brief(run(text, select=["figures.unsourced"], packs=PACKS))


def unattributed(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief quotes.unattributed findings on text."""
    return brief(run(text, select=["quotes.unattributed"], packs=PACKS))


# --- the lexicon ---------------------------------------------------------------------------

def test_lemmas_are_inflected() -> None:
    assert {"quip", "quips", "quipped", "quipping"} <= lexicon.inflections("quip")
    assert {"tell", "tells", "told", "telling"} <= lexicon.inflections("tell")


def test_the_generated_forms_file_is_current() -> None:
    # Regenerate with: python -m factlint.checks.lexicon
    path = lexicon.default_path()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    table = lexicon.generate_forms(lexicon.lemmas_of(data, path))
    assert yaml.safe_load(lexicon.forms_path(path).read_text(encoding="utf-8")) == table


def test_lemmas_missing_from_the_forms_file_are_inflected_at_load(tmp_path: Path) -> None:
    custom = tmp_path / "_attribution.yaml"
    custom.write_text("communication_verbs: [harrumph]\nquote_only_verbs: []\n", encoding="utf-8")
    assert {"harrumphed", "harrumphs"} <= lexicon.load(custom).figure_verb_forms


def test_a_bad_lexicon_is_a_rule_error(tmp_path: Path) -> None:
    bad = tmp_path / "_attribution.yaml"
    bad.write_text("communication_verbs: {say: 1}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="1: 'communication_verbs' must be a list of strings"):
        lexicon.load(bad)


def test_a_word_twice_in_a_lexicon_list_is_a_rule_error(tmp_path: Path) -> None:
    bad = tmp_path / "_attribution.yaml"
    bad.write_text("phrases: [according to]\ncommunication_verbs: [say, note, say]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="2: 'communication_verbs' holds 'say' twice"):
        lexicon.load(bad)


# --- reporting verbs beyond a short list -----------------------------------------------------

@pytest.mark.parametrize("verb", ["conceded", "noted", "quipped", "tweeted", "insisted", "pointed out"])
def test_a_communication_verb_with_a_speaker_sources_the_figure(verb: str) -> None:
    assert unsourced(f"Mayor Dana Ortiz {verb} that the levy raised $4 million.") == []


def test_without_a_speaker_the_figure_is_flagged() -> None:
    assert unsourced("The levy raised $4 million.") == [("figures.unsourced", 1, 17, "$4 million")]


@pytest.mark.parametrize("text, column, match", [
    # "release" and "issue" are nouns here: a preposition or quantifier ends the phrase before them
    ("The clerk prepared 5,200 pages of the minutes for public release.", 20, "5,200"),
    ("Only 10 percent of renters named rent as the most important issue.", 1, "Only 10 percent"),
    # a kind of poll names no poll, and a friend no source
    ("Ortiz has polled near 39 percent in internal polls.", 23, "39 percent"),
    ("Hale’s longtime friend estimated the bill at $80,000.", 46, "$80,000"),
])
def test_a_noun_after_a_preposition_a_kind_of_poll_or_a_friend_is_no_source(text: str, column: int, match: str) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


def test_a_participle_after_a_verb_of_speaking_shares_its_speaker() -> None:
    assert unsourced("Mayor Ortiz added, noting that 60 percent of renters qualified in 1975 but only 7 percent do now.") == []
    assert unsourced("The company cut 300 jobs, noting that sales fell 12 percent.") == [
        ("figures.unsourced", 1, 17, "300"), ("figures.unsourced", 1, 50, "12 percent")]


def test_a_verb_that_is_mostly_not_speech_does_not_source() -> None:
    assert unsourced("The county added 300 jobs and $4 million in payroll.") == [
        ("figures.unsourced", 1, 18, "300"), ("figures.unsourced", 1, 31, "$4 million")]


def test_a_speaker_whose_name_ends_in_s_and_a_relative_clause() -> None:
    assert unsourced("Council member Reyes acknowledged Sunday that she needs 60 percent of the votes.") == []
    assert unsourced("The polls that show Ortiz above 10 percent are online.") == []
    assert unsourced("As reported by the Eastport Ledger, 300 homes lost power.") == []


@pytest.mark.parametrize("text", [
    "At a rally, Ortiz was blunt, claiming without any evidence that the city wanted to take in 25,000 people.",
    "Lee also asked how it is prudent to add a billion dollars in spending.",
    "Lee asked how the city could borrow another $30 million.",
    "Ortiz wondered whether the county could afford $2 million for the bridge.",
    "Lee vowed without hesitation that the city would hire 40 officers.",
])
def test_a_clause_after_an_aside_without_commas_or_an_indirect_question_is_the_speaker_s(text: str) -> None:
    assert unsourced(text) == []


def test_a_campaign_speaks_for_its_candidate() -> None:
    assert unsourced("The Ortiz campaign projects that the fee would raise $7 million a year.") == []


@pytest.mark.parametrize("text, column, match", [
    ("Harbor district reported 140 absences on Monday.", 26, "140"),
    ("The Tuesday surge suggests that roughly 9,000 new voters registered.", 33, "roughly 9,000"),
])
def test_a_name_or_a_name_qualified_noun_that_cannot_report_is_no_subject(text: str, column: int, match: str) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


@pytest.mark.parametrize("text, match, column", [
    ("Ortiz answered without the binder that listed 40 missing rifles.", "40", 47),
    ("The county responded without any filing that disputed the 1,400 overtime hours.", "1,400", 59),
    ("Residents asked why the garage had ballooned to $48 million.", "$48 million", 49),
    ("Parents asked how the district lost track of 300 laptops last spring.", "300", 46),
    ("Lee asked how the county will cover the $2 million shortfall.", "$2 million", 41),
    ("The council asked 130 parents how the plan would work.", "130", 19),
])
def test_an_object_before_that_or_a_question_word_is_no_reported_clause(text: str, match: str, column: int) -> None:
    assert unsourced(text) == [("figures.unsourced", 1, column, match)]


@pytest.mark.parametrize("text, match, column", [
    ("The G7 leaders pledged $600 billion for roads.", "$600 billion", 24),
    ("Seven states reported 40 percent turnout.", "40 percent", 23),
    ("The 30,000 Ortiz emails cost $2 million to review.", "$2 million", 30),
])
def test_a_verb_that_commits_or_a_noun_that_looks_like_a_verb_does_not_source(
        text: str, match: str, column: int) -> None:
    assert (match, column) in [(f[3], f[2]) for f in unsourced(text)]


@pytest.mark.parametrize("cue", ["in a statement", "in an interview", "in an email"])
def test_noun_cues_source_the_figure(cue: str) -> None:
    assert unsourced(f"The levy raised $4 million, Ortiz wrote {cue}.") == []
    assert unsourced(f"The levy raised $4 million, {cue} to supporters.") == []


def test_a_source_after_the_figure() -> None:
    assert unsourced("Turnout reached 61 percent, the county clerk's office reported.") == []
    assert unsourced("Turnout reached 61 percent, the highest since 1992.") == [
        ("figures.unsourced", 1, 17, "61 percent")]


def test_reporting_order_after_a_comma() -> None:
    assert unsourced("Turnout reached 61 percent, noted Clerk Ana Ruiz.") == []
    assert unsourced("Turnout reached 61 percent, noted in the margin.") == [
        ("figures.unsourced", 1, 17, "61 percent")]


# --- the source as the sentence's subject ------------------------------------------------------

def test_a_named_survey_doing_the_finding_is_a_source() -> None:
    assert unsourced("The Marist survey of 1,204 adults put support at 48 percent.") == []
    assert unsourced("Census data released Thursday put the county's growth at 3 percent.") == []


def test_a_document_by_a_named_author_is_a_source() -> None:
    assert unsourced("An analysis by the Eastport Ledger of 130 elections showed incumbents won 11 times.") == []
    assert unsourced("An analysis of 130 elections was published.") == [("figures.unsourced", 1, 16, "130")]


def test_in_the_poll_names_the_source() -> None:
    assert unsourced("Nine percent of parents in the survey opposed the new bus routes.") == []
    assert unsourced("Nine percent of parents in the district opposed the new bus routes.") == [
        ("figures.unsourced", 1, 1, "Nine percent")]


def test_a_document_that_is_not_the_source_does_not_source() -> None:
    assert unsourced("Residents should check their vaccination records. About 40% of pupils were not vaccinated.") \
        == [("figures.unsourced", 1, 51, "About 40%")]


# --- source scope across sentences and paragraphs -------------------------------------------

POLL = ("A Quinnipiac poll released Tuesday found Ortiz leading with 48 percent.\n\n"
        "Her rival, Sam Lee, trails at 39 percent. Among women, Ortiz leads by 15 points.\n\n")


def test_a_poll_covers_the_figures_of_the_paragraphs_that_follow() -> None:
    assert unsourced(POLL + "Independents split 44 percent to 41 percent.\n") == []


def test_respondents_saying_figures_keep_the_poll_s_scope() -> None:
    text = POLL + "Asked about taxes, 61 percent of voters say the levy is too high.\n\nOrtiz leads among renters, 52 percent to 40 percent.\n"
    assert unsourced(text) == []


def test_a_person_s_own_count_opens_no_scope() -> None:
    text = "By his count, 110 kids came the first week.\n\nBy the end of the month, 140 kids had come.\n"
    assert unsourced(text) == [("figures.unsourced", 3, 26, "140")]


def test_a_quotation_with_no_named_speaker_ends_the_scope() -> None:
    text = POLL + "“We are gaining.”\n\nLee's campaign has raised $2 million.\n"
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 7, 27, "$2 million")]
    assert "'A Quinnipiac poll' is not its source: a quotation from someone else comes between" in \
        findings[0].message


def test_a_quotation_from_someone_else_ends_the_scope() -> None:
    text = POLL + "“We are gaining,” Lee said at a rally.\n\nLee's campaign has raised $2 million.\n"
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 7, 27, "$2 million")]
    assert "'A Quinnipiac poll' is not its source: another speaker comes between" in findings[0].message


def test_the_scope_has_a_window() -> None:
    # Paragraphs of someone else's figures relay nothing: the window counts from the poll.
    text = POLL + "Turnout reached 61 percent in 2012, the county clerk said.\n\n" * 6 + \
        "Among independents, Ortiz leads 44 percent to 38 percent.\n"
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 17, 33, "44 percent"), ("figures.unsourced", 17, 47, "38 percent")]


ASIDE = "The county has not held a recount since the flood, and none is planned.\n\n"
POLL_STORY = ("Independents split 44 percent to 41 percent.\n\n"
              "Ortiz does best in the northern suburbs, with 55 percent.\n\n"
              "Lee holds 46 percent in the river towns.\n\n"
              "Voters under 30 favor Ortiz 58 percent to 31 percent.\n\n"
              "Men split almost evenly, 45 percent to 44 percent.\n\n"
              "Ortiz also leads among retirees, 50 percent to 42 percent.\n\n")


def test_a_poll_story_s_findings_relay_its_scope_past_the_window() -> None:
    text = POLL + POLL_STORY + "Against a third candidate, Ortiz draws 41 percent to Lee's 36 percent.\n"
    assert unsourced(text) == []


# Findings that carry a credit of their own ("independents … say") or continue a credited measure.
SAYING_STORY = ("Thirty-one percent of those surveyed say they would back the levy.\n\n"
                "A third of independents, 33 percent, say they would back it.\n\n"
                "Among renters, 41 percent say they would back it.\n\n"
                "Among homeowners, 28 percent say they would back it.\n\n"
                "Voters under 30 say they would back it, 52 percent to 30 percent.\n\n"
                "Retirees say they would back it, 35 percent to 50 percent.\n\n")


def test_findings_credited_by_the_poll_s_respondents_relay_its_scope() -> None:
    text = POLL + SAYING_STORY + "The response to the bond was an even split: 46 percent for it and 46 percent against.\n"
    assert unsourced(text) == []


@pytest.mark.parametrize("sentence, column, match", [
    ("The district runs 146 buses.", 19, "146"),
    # a share that continues someone else's credited measure, and reads as no finding, relays nothing
    ("The jobless rate fell to 4.1 percent, the state labor department said.\n\n"
     + "The jobless rate was 4.6 percent a year earlier.\n\n" * 6
     + "Roughly 40 percent of the district's classrooms lack air conditioning.", 1, "Roughly 40 percent"),
    # a speaker whose subject only mentions the poll's people relays nothing
    ("A lawyer for the voters said 47 percent of the ballots were rejected.\n\n" * 7
     + "Nearly 30 percent of the polling places lack a ramp.", 1, "Nearly 30 percent"),
    # a credit after the figure is someone else's: it relays nothing
    ("Among registered voters, 38 percent cast ballots in May, the town clerk said.\n\n" * 7
     + "Nearly 30 percent of the town's roads need repaving.", 1, "Nearly 30 percent"),
    # a speaker's own credit is no poll finding: it relays nothing
    ("Lee's campaign said 52 percent of its calls reached voters.\n\n" * 7
     + "The response was an even split: 46 percent for it and 46 percent against.", 33, "46 percent"),
])
def test_findings_of_the_respondents_relay_no_count_nor_another_speaker_s_share(sentence: str, column: int,
                                                                                 match: str) -> None:
    found = unsourced(POLL + SAYING_STORY + sentence + "\n")
    assert found[:1] == [("figures.unsourced", 17 + 2 * sentence.count("\n\n"), column, match)]


@pytest.mark.parametrize("sentence, column, match", [
    ("The district runs 146 buses.", 19, "146"),
    ("Lee's supporters have raised $1.1 million since June.", 30, "$1.1 million"),
])
def test_a_relayed_poll_scope_covers_no_count_or_sum(sentence: str, column: int, match: str) -> None:
    # Past the window, only the poll's shares and findings go on being the poll's.
    assert unsourced(POLL + POLL_STORY + sentence + "\n") == [("figures.unsourced", 17, column, match)]


def test_a_relayed_poll_scope_still_ends_at_a_change_of_topic() -> None:
    text = POLL + POLL_STORY + ASIDE + "The county's jobless rate is 5.2 percent.\n"
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 19, 30, "5.2 percent")]
    assert "the story moves on to another topic between them" in findings[0].message


def test_a_report_s_scope_is_not_relayed() -> None:
    # Only a poll's findings run on paragraph after paragraph; a report's scope keeps its window.
    text = ("Rents rose 6 percent last year, a report by the county housing office found.\n\n"
            + "Rents in the river towns rose 4 percent.\n\n" * 6 + "Rents downtown rose 9 percent.\n")
    findings = run(text, select=["figures.unsourced"], packs=PACKS)
    assert [f.match for f in findings] == ["9 percent"]


def test_a_finding_after_an_aside_without_figures_is_still_the_poll_s() -> None:
    assert unsourced(POLL + ASIDE + "Among independents, Ortiz leads 44 percent to 38 percent.\n") == []


def test_a_matchup_s_shares_after_an_aside_are_the_poll_s_finding() -> None:
    text = POLL + ASIDE + "In a head-to-head matchup, Ortiz wins with 38 percent; Ruiz comes in second with 34 percent.\n"
    assert unsourced(text) == []


@pytest.mark.parametrize("sentence, column, match", [
    ("Registered voters in the county number 212,000, up from 190,000 in 2022.", 57, "190,000"),  # a count
    ("Lee leads the field in fundraising with $412,000.", 41, "$412,000"),
])
def test_a_count_after_an_aside_is_no_poll_finding(sentence: str, column: int, match: str) -> None:
    assert unsourced(POLL + ASIDE + sentence + "\n") == [("figures.unsourced", 7, column, match)]


@pytest.mark.parametrize("sentence, column, match", [
    ("Registered voters in the county number 212,000, up from 190,000 in 2022.", 57, "190,000"),
    ("Lee leads the field in fundraising with $412,000.", 41, "$412,000"),
])
def test_a_finding_let_past_an_aside_relays_the_poll_to_no_count(sentence: str, column: int, match: str) -> None:
    # "Among voters under 35" is the poll's again after the aside, but the count after it is not.
    text = POLL + ASIDE + "Among voters under 35, Ortiz leads 52 percent to 37 percent.\n\n" + sentence + "\n"
    assert unsourced(text) == [("figures.unsourced", 9, column, match)]


def test_a_poll_question_after_an_aside_is_still_the_poll_s_finding() -> None:
    text = POLL + ASIDE + "When asked which issue mattered most, 31 percent named housing costs.\n"
    assert unsourced(text) == []


def test_asked_that_puts_no_question_to_the_poll_s_people_is_no_finding() -> None:
    text = POLL + ASIDE + "The county asked contractors for bids, and they came in 12 percent over budget.\n"
    assert unsourced(text) == [("figures.unsourced", 7, 57, "12 percent")]


def test_a_question_answered_by_a_speaker_is_no_poll_finding() -> None:
    text = POLL + ASIDE + "When asked about the fare increase, transit officials pointed to a 12 percent jump in fuel costs.\n"
    assert unsourced(text) == [("figures.unsourced", 7, 68, "12 percent")]


def test_a_question_with_no_poll_in_sight_is_flagged() -> None:
    text = "When asked which issue mattered most, 31 percent of renters named housing costs.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 39, "31 percent")]


def test_a_document_whose_author_follows_a_run_of_lowercase_words_opens_a_scope() -> None:
    text = ("A study of rural clinics issued over the summer by the State Health Council found that "
            "a fifth had closed.\n\nOne in four of the remaining clinics has no doctor on staff.\n")
    assert unsourced(text) == []


@pytest.mark.parametrize("opening", [
    "The council asked for a report on the shelter's finances by Friday.",               # a deadline
    "A study of overtime requested last spring by Council Member Reyes is still unpublished.",  # not its author
    "The district plans a survey of families at schools run by the Diocese.",           # the schools' "by"
    "A draft study of the spillway that has not been released by the Water Authority is due.",  # unpublished
    "Officials expect a report on the county's dams to be released next month by the Harbor Institute.",
])
def test_a_by_that_names_no_author_names_no_document(opening: str) -> None:
    assert unsourced(opening + "\n\nThe shelter spent $4.2 million last year.\n") == [
        ("figures.unsourced", 3, 19, "$4.2 million")]


def test_a_document_with_no_author_opens_no_scope() -> None:
    text = ("A study of rural clinics came out over the summer, and it found that "
            "a fifth had closed.\n\nOne in four of the remaining clinics has no doctor on staff.\n")
    assert unsourced(text) == [("figures.unsourced", 3, 1, "One in four")]


def test_documents_picked_out_by_their_filing_open_a_scope() -> None:
    text = ("Donors who backed other candidates are paying for attacks on the mayor, disclosures filed on "
            "Sunday night revealed.\n\nThe Harbor Fund took in $4.8 million last month, and a developer gave "
            "$500,000.\n")
    assert unsourced(text) == []


@pytest.mark.parametrize("text, column, match", [
    ("Records filed with the county are public.\n\nHome sales rose 12 percent.\n", 17, "12 percent"),
    ("Polls taken in the final week showed a tight race.\n\nTurnout topped the 61 percent of 2022.\n", 20, "61 percent"),
    ("Ballots mailed on Sunday night showed 12 percent more voters.\n", 39, "12 percent"),
])
def test_a_filing_that_reports_nothing_or_another_participle_opens_no_scope(text: str, column: int, match: str) -> None:
    line = text.count("\n", 0, text.index(match)) + 1
    assert unsourced(text) == [("figures.unsourced", line, column, match)]


def test_a_change_after_an_aside_is_no_poll_share() -> None:
    text = POLL + ASIDE + "Voters have watched bus ridership fall 22 percent since 2019.\n"
    assert unsourced(text) == [("figures.unsourced", 7, 40, "22 percent")]
    text = POLL + ASIDE + "Turnout among young voters has fallen by 9 percent since 2016.\n"
    assert unsourced(text) == [("figures.unsourced", 7, 42, "9 percent")]


@pytest.mark.parametrize("sentence", [
    "Among voters over 65, her support drops to 41 percent.",                 # a level reached
    "Asked whether the fare should go up, 38 percent of voters said yes.",   # the change is the question's
    "Among renters, her support has dropped 11 percentage points since June.",  # a poll's own change
])
def test_a_poll_share_after_an_aside_survives_a_word_of_change_that_is_not_its_own(sentence: str) -> None:
    assert unsourced(POLL + ASIDE + sentence + "\n") == []


def test_a_figure_that_reads_as_no_finding_after_an_aside_is_flagged() -> None:
    findings = run(POLL + ASIDE + "The county's jobless rate is 5.2 percent.\n", select=["figures.unsourced"], packs=PACKS)
    assert brief(findings) == [("figures.unsourced", 7, 30, "5.2 percent")]
    assert "the story moves on to another topic between them" in findings[0].message


def test_a_finding_beyond_the_window_is_flagged() -> None:
    text = POLL + ASIDE * 6 + "Among independents, Ortiz leads 44 percent to 38 percent.\n"
    assert brief(run(text, select=["figures.unsourced"], packs=PACKS)) == [
        ("figures.unsourced", 17, 33, "44 percent"), ("figures.unsourced", 17, 47, "38 percent")]


def test_a_trailing_source_covers_its_own_paragraph_only() -> None:
    text = "Crime fell 8 percent, according to FBI data. Thefts rose.\n\nAssaults, however, rose 3 percent."
    assert unsourced(text) == [("figures.unsourced", 3, 25, "3 percent")]


# --- quotes -------------------------------------------------------------------------------------

def test_a_speaker_right_after_the_quotation_with_any_verb() -> None:
    assert unattributed("“Get out of my office,” Ortiz barked at the reporter.") == []
    assert unattributed("“Get out of my office.” The reporter left.") == [
        ("quotes.unattributed", 1, 1, "“Get out of my office.”")]


@pytest.mark.parametrize("text", [
    "“The levy is a promise kept,” the editorial read.",
    "“The levy is a promise kept,” beamed Dana Ortiz.",
    "ROUND-UP “The levy is a promise kept, and we kept it.” [Eastport Ledger.]",
    "“The levy is a promise kept, and we kept it.”\n\n— Dana Ortiz, Eastport\n",
    "Ortiz issued a statement, “The levy is a promise kept, and we kept it.”",
])
def test_speakers_and_credits_in_newsroom_forms(text: str) -> None:
    assert unattributed(text) == []


def test_a_conjunction_after_a_quotation_names_no_speaker() -> None:
    assert unattributed("The council met. “The levy is a promise kept,” and the vote is in May.") == [
        ("quotes.unattributed", 1, 18, "“The levy is a promise kept,”")]


def test_a_run_of_quotes_from_one_speaker() -> None:
    text = ("“We will rebuild this town,” Mayor Dana Ortiz said Tuesday.\n\n"
            "“It will take years, and it will take all of us.”\n\n"
            "“But we have done it before.”\n")
    assert unattributed(text) == []


def test_a_run_of_quotes_whose_speaker_comes_in_the_next_paragraph() -> None:
    text = ("The council met Tuesday.\n\n“It will take years, and it will take all of us.”\n\n"
            "“But we have done it before, and we will do it again,” Ortiz said.\n")
    assert unattributed(text) == []


def test_a_slogan_with_its_credit_needs_no_speaker() -> None:
    assert unattributed("The posters read on.\n\n“Yes to the levy, yes to the schools!” (campaign poster, 2019)\n") == []
    assert unattributed("The council met.\n\n“Yes to the levy, yes to the schools!” was everywhere.\n") == [
        ("quotes.unattributed", 3, 1, "“Yes to the levy, yes to the schools!”")]


def test_a_quote_paragraph_after_prose_with_no_speaker_is_flagged() -> None:
    text = "The council met Tuesday.\n\n“It will take years, and it will take all of us.”\n\nThe vote is in May.\n"
    assert unattributed(text) == [("quotes.unattributed", 3, 1, "“It will take years, and it will take all of us.”")]


def test_she_added_at_the_end_of_the_paragraph_before() -> None:
    text = "Ortiz spoke for an hour. She added:\n\n“It will take years, and it will take all of us.”\n"
    assert unattributed(text) == []


def test_speaker_in_the_first_sentence_of_the_next_paragraph() -> None:
    text = "“It will take years, and it will take all of us.”\n\nOrtiz told the council that on Tuesday.\n"
    assert unattributed(text) == []


@pytest.mark.parametrize("text", [
    "The band's new album, “Sin Miedo,” sold out.",
    "He called the plan “Operation Clean Sweep.”",
    "The so-called “fair share” tax passed.",
])
def test_short_quoted_titles_and_terms_need_no_speaker(text: str) -> None:
    assert unattributed(text) == []


def test_a_short_quoted_sentence_still_needs_a_speaker() -> None:
    assert unattributed("The council met Tuesday. “We lost.” The vote is in May.") == [
        ("quotes.unattributed", 1, 26, "“We lost.”")]


# --- page debris -------------------------------------------------------------------------------

def test_an_embed_pasted_into_a_draft_is_not_prose() -> None:
    text = ('Ortiz posted a reply.\n\n<tweet id="771156940076544000" datetime="2016-09-01">'
            "We won 52 percent!</tweet>.\n")
    assert unsourced(text) == []


def test_an_embed_closed_by_a_self_closing_tag_of_its_name_is_not_prose() -> None:
    # Scraped copy closes a tweet with "<tweet/>", and may break the opening tag over a blank line.
    text = ('Ortiz posted a reply.\n\n<tweet tweet-author="@ortiz" tweet-date="September 1, 2016\n\n'
            '">We won 52 percent, Eastport. “Thank you all<tweet/>.\n')
    rules = {"select": ["figures.unsourced", "quotes.*", "dates.ap-style"], "packs": (*PACKS, RULES / "dates")}
    assert brief(run(text, **rules)) == []
    assert "quotes.unbalanced" in [f[0] for f in brief(run(text.replace("<tweet/>", ""), **rules))]


def test_self_closing_embed_tags_do_not_mask_the_prose_between_them() -> None:
    text = "<tweet/>\n\nThe levy raised $4 million.\n\n<tweet/>\n"
    assert unsourced(text) == [("figures.unsourced", 3, 17, "$4 million")]


def test_text_inside_a_plain_html_tag_is_still_prose() -> None:
    text = '<div class="box">The levy raised $4 million.</div>\n'
    assert unsourced(text) == [("figures.unsourced", 1, 34, "$4 million")]


# --- things that are not claims ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Councilwoman Ruth Ames (68) voted no.",
    "The 9/11 memorial reopened.",
    "The survey of residents ran March 30-April 4.",
    "The law covers all 50 states.",
    "He served the parish for nearly four decades.",
    "She bought a six-pack of soda and a dozen roses.",
    "Okafor had 12 rebounds, eight of them on offense.",
    "Ortiz led among voters under 30 and among those 65 and older.",
    "The group has more than a half-dozen chapters.",
    "Her deputy, then 35, ran the office.",
    "Ortiz served on the council from 1998 to 2006.",
    "Her 401(k) plan is safe.",
])
def test_not_claims(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The fund lost (12) members.", [("figures.unsourced", 1, 16, "12")]),
    ("The law covers 150 counties.", [("figures.unsourced", 1, 16, "150")]),
    ("Turnout among voters under 30 rose 12 percent.", [("figures.unsourced", 1, 36, "12 percent")]),
    ("The levy raised over 65 percent of its goal.", [("figures.unsourced", 1, 17, "over 65 percent")]),
])
def test_look_alikes_of_not_claims_are_claims(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


# --- figures in words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, match", [
    ("Two-thirds of residents oppose the plan.", "Two-thirds"),
    ("Roughly a fifth of the budget went to roads.", "Roughly a fifth"),
    ("Almost half of the pupils passed.", "Almost half"),
    ("One in four voters is undecided.", "One in four"),
    ("Rents tripled in a decade.", "tripled"),
    ("Water bills quadrupled.", "quadrupled"),
])
def test_figures_in_words_are_claims(text: str, match: str) -> None:
    assert [f[3] for f in unsourced(text)] == [match]
    assert unsourced(text[:-1] + ", the housing authority said.") == []


def test_an_idiom_is_not_a_multiple() -> None:
    assert unsourced("Ortiz doubled down on the plan.") == []


def test_a_multiple_after_an_article_is_an_adjective() -> None:
    text = "The clerk fixed a doubled letter in the ballot, and the tripled fee was a typo.\nSales tripled."
    assert unsourced(text) == [("figures.unsourced", 2, 7, "tripled")]


# --- headlines and lists ------------------------------------------------------------------------

LEDE = "The Eastport school district hired 40 teachers this summer to cut class sizes, the superintendent said.\n"


def test_a_scraped_headline_ending_in_a_period_is_not_a_sentence() -> None:
    text = "Eastport schools add 40 teachers, US aid.\n\n" + LEDE
    assert unsourced(text) == []
    assert brief(run(text, select=["style.us-abbreviation"])) == []


def test_a_scraped_headline_in_headline_case_is_not_a_sentence() -> None:
    text = "Eastport Mayor Answers Critics With 1 Line That Had The Council Hall Laughing Out Loud For Minutes.\n\n" + LEDE
    assert unsourced(text) == []


def test_a_scraped_headline_whose_period_sits_inside_a_quotation_mark_is_not_a_sentence() -> None:
    text = "Eastport calls 140 hires 'a start.'\n\n" + LEDE
    assert unsourced(text) == []
    assert unsourced("Eastport calls 140 hires 'a start.'\n\nClasses start Monday.\n") == [
        ("figures.unsourced", 1, 16, "140")]


def test_a_short_first_sentence_over_a_short_paragraph_is_still_prose() -> None:
    text = "Eastport schools add 140 teachers.\n\nClasses start Monday.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 22, "140")]


def test_numbered_steps_are_not_figures() -> None:
    assert unsourced("What to do:\n\n2. Call your insurer.\n3 Keep receipts.\n4 Photograph the damage.\n") == []


def test_a_number_alone_on_its_line_numbers_a_section() -> None:
    assert unsourced("The ten best parks.\n\n3\n\nRiverside Park has a pool.\n") == []


def test_a_number_opening_a_line_of_prose_is_a_figure() -> None:
    assert unsourced("Prices rose in May.\n103 Democrats voted no.\n") == [("figures.unsourced", 2, 1, "103")]


# --- vague sources ------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["trade publications", "according to some accounts",
                                    "people familiar with the matter", "observers say"])
def test_vague_sources_are_vague_attribution_not_a_source(phrase: str) -> None:
    text = f"The plant will close, {phrase}, costing 300 jobs."
    findings = brief(run(text, select=["figures.*"], packs=PACKS))
    assert [f[0] for f in findings] == ["figures.vague-attribution"]
    assert findings[0][3].lower().startswith(phrase.split()[0])


def test_a_named_trade_publication_is_a_source() -> None:
    assert brief(run("The plant will close, Automotive News reported, costing 300 jobs.",
                     select=["figures.*"], packs=PACKS)) == []


def test_a_margin_of_error_carries_its_source() -> None:
    assert unsourced("The margin of sampling error is plus or minus 3.8 percentage points.") == []
    assert unsourced("Support is plus or minus 3.8 percentage points from last year.") == [
        ("figures.unsourced", 1, 26, "3.8 percentage points")]


def test_a_market_close_is_public_record() -> None:
    assert unsourced("The Dow Jones industrial average closed up 61.30 points, or 0.4 percent, at 17,205.10.") == []
    assert unsourced("Acme shares fell 20 percent after the chief executive quit.") == []
    assert unsourced("Acme's sales fell 20 percent after the chief executive quit.") == [
        ("figures.unsourced", 1, 19, "20 percent")]


def test_a_relative_clause_s_antecedent_before_its_comma_is_the_speaker() -> None:
    assert brief_of("figures.unsourced", "Ortiz, who boasts she has raised $2.4 million, spoke Tuesday.") == []
    assert brief_of("figures.unsourced", "The fund, which grew to $2.4 million, closed Tuesday.") == [
        ("figures.unsourced", 1, 25, "$2.4 million")]


def test_a_person_named_by_office_reports() -> None:
    text = ("Harlow's delegation chairman announced 31 new members. Eastport's chief economist projected "
            "2.4 percent growth for the county.\n")
    assert unsourced(text) == []


def test_a_friend_or_an_ally_is_no_office() -> None:
    text = "Hale's longtime friend estimated the recall campaign has spent $80,000 on canvassers.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 64, "$80,000")]


def test_a_quotation_the_sentence_portrays_something_as_has_its_cue() -> None:
    text = ("The harbor fight cannot be portrayed simply as “fishermen against the developers who want "
            "the waterfront.”\n")
    assert unattributed(text) == []


def test_portraying_a_figure_needs_that_or_a_colon() -> None:
    assert unsourced("The ad portrayed the levy as a 40 percent jump.\n") == [("figures.unsourced", 1, 32, "40 percent")]
    assert unsourced("The ad portrayed Hale as the man who raised the levy 40 percent.\n") == [
        ("figures.unsourced", 1, 54, "40 percent")]


def test_an_aside_may_stand_between_a_verb_and_its_that() -> None:
    text = ("The county added, in a statement, that 40 percent of the funds were spent. Ortiz noted in a "
            "court filing that the fund lost $2 million.\n")
    assert unsourced(text) == []


def test_a_verb_with_an_object_and_a_relative_that_reports_nothing() -> None:
    text = "The plant added 300 jobs that pay $18 an hour.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 17, "300"), ("figures.unsourced", 1, 35, "$18")]


def test_voters_who_head_to_the_polls_name_no_poll() -> None:
    text = ("As 2 million voters in Ohio head to the polls Tuesday, turnout is expected to top 60 percent.\n\n"
            "A Harbor Gazette poll released Tuesday found 44 percent back Ortiz.\n")
    assert unsourced(text) == [("figures.unsourced", 1, 4, "2 million"), ("figures.unsourced", 1, 83, "60 percent")]


@pytest.mark.parametrize("text, match", [
    ("Storm losses reported totaling $14 million have not been verified.\n", "$14 million"),
    ("Parents reported hearing sirens, and 300 students were sent home early.\n", "300"),
    ("The county spent $1.1 million, a 30 percent increase over what neighboring Marion County spends.\n",
     "30 percent"),
    ("The county paid $2.2 million, which is $5 million less than Marion County paid.\n", "$5 million"),
    ("The Heat Index reached 101 by noon.\n", "101"),
    ("The Harbor Housing Report, still a draft, was never published.\n\nRents rose 14 percent.\n", "14 percent"),
])
def test_what_a_gerund_a_comparison_or_a_titled_measure_does_not_source(text: str, match: str) -> None:
    assert match in [found[3] for found in unsourced(text)]


def test_an_aside_without_commas_is_an_object_and_its_relative() -> None:
    text = "Gomez pointed at the parking garage that the hospital built for $18 million.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 65, "$18 million")]


@pytest.mark.parametrize("text", [
    "In his book, Schweizer notes the foundation hid donations that totaled $2.35 million.\n",
    "Peter Schweizer notes the foundation hid donations that totaled $2.35 million.\n",
    "Even so, she estimates the district spent $1.2 million on consultants.\n",
    # a surname alone, which the story never writes in lower case
    "Reyes notes the rent on the corner space jumped to $9,000 a month.\n",
    # an aside between the name and its verb
    "Attorney Ruth Cole, who represented the family, estimates the county paid $11 million.\n",
])
def test_a_verb_that_is_also_a_noun_reports_between_a_name_and_a_clause(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, match", [
    # a lone first word the story also writes in lower case is a noun: "Budget estimates the city released …"
    ("The budget passed.\n\nBudget notes the clerk kept mention a $2.35 million gap.\n", "$2.35 million"),
    ("The Hale notes the aide kept mention a $2.35 million gap.\n", "$2.35 million"),
    ("In the files, Hale's notes the aide kept were sold for $2.35 million.\n", "$2.35 million"),
    ("In the files, Hale notes taken in May show a gap of $2.35 million.\n", "$2.35 million"),
    # a verb that also means "has"
    ("Even so, Hale boasts a $4 million war chest.\n", "$4 million"),
    ("Reyes emails the newsletter to 2,300 customers.\n", "2,300"),
])
def test_a_noun_form_without_a_named_subject_and_a_clause_reports_nothing(text: str, match: str) -> None:
    assert [found[3] for found in unsourced(text)] == [match]


@pytest.mark.parametrize("text", [
    "A Sept. 15 email shows the agency sent 10 staffers to the summit.\n",
    "Investigators found handwritten ledgers showing he was to receive $12.7 million.\n",
])
def test_a_paper_that_shows_what_it_records_is_a_source(text: str) -> None:
    assert unsourced(text) == []


def test_a_paper_that_shows_nothing_sources_nothing() -> None:
    text = "Nearly 40 percent of the letters were redacted, and the agency withheld 300 more.\n"
    assert [found[3] for found in unsourced(text)] == ["Nearly 40 percent", "300"]
    assert [found[3] for found in unsourced("Sales tax receipts showed a 6 percent gain in May.\n")] == ["6 percent"]


@pytest.mark.parametrize("text", [
    "The law granted citizenship to what advocates estimated were more than 100,000 adoptees.\n",
    "The city faces what the budget director called a $2 million shortfall.\n",
    "The fund lost what Ortiz described as $4 million in a single week.\n",
])
def test_a_free_relative_names_who_sized_the_figure_after_it(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, match", [
    ("Thieves took what is called a record $2 million haul.\n", "$2 million"),
    ("The fund lost what amounted to $4 million.\n", "$4 million"),
    ("The firm spent $332,000 building what it calls psychographic profiles of voters.\n", "$332,000"),
    # a verb that only names sizes nothing after a pronoun or a vague group
    ("Her backers are angry about what they call a $250,000 smear campaign.\n", "$250,000"),
    ("Opponents have taken aim at what critics call a $14 million giveaway.\n", "$14 million"),
    # the figure after a colon, or in another clause, is no part of what was named
    ("The board will take up what Chief Ortiz called a crisis: 31 vacant patrol positions.\n", "31"),
    ("Guards work what the union calls long shifts, and the jail held 612 inmates on Friday.\n", "612"),
])
def test_a_free_relative_with_no_one_sizing_the_figure_sources_nothing(text: str, match: str) -> None:
    assert [found[3] for found in unsourced(text)] == [match]
