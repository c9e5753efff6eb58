"""quotes.unattributed: a speaker named by a pronoun, after a partial quotation, or by a dash on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli import main
from tests.helpers import RULES, brief, run

PACKS = (RULES / "quotes", RULES / "figures")
SALES = ("Dana Ortiz, 12, sold lemonade outside the stadium. Business was brisk, she said, and she "
         "ran out of cups by noon.\n\n")


def unattributed(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief quotes.unattributed findings on text."""
    return brief(run(text, select=["quotes.unattributed"], packs=PACKS))


def test_a_pronoun_beside_the_quotation_points_back_at_the_speaker_before() -> None:
    text = SALES + "Why was she out in the heat? “My dad says I have to save up for a bike.”\n"
    assert unattributed(text) == []


def test_a_paragraph_before_without_a_verb_of_speaking_names_no_one() -> None:
    text = ("Dana Ortiz, 12, sold lemonade outside the stadium, according to the vendors' log.\n\n"
            "Why was she out in the heat? “My dad says I have to save up for a bike.”\n")
    assert unattributed(text) == [("quotes.unattributed", 3, 30, "“My dad says I have to save up for a bike.”")]


def test_writers_words_without_a_pronoun_do_not_borrow_the_speaker_before() -> None:
    text = SALES + "“The stadium never asked for a permit.” The city's rules require one.\n"
    assert unattributed(text) == [("quotes.unattributed", 3, 1, "“The stadium never asked for a permit.”")]


BUDGET = "The council passed the budget on a 5-2 vote, the clerk said.\n\n"


def test_a_plural_pronoun_does_not_point_back_at_the_speaker_before() -> None:
    text = BUDGET + ("Residents packed the hall with their signs. “This budget guts the libraries and "
                     "everyone in this room knows it.”\n")
    assert unattributed(text) == [("quotes.unattributed", 3, 45,
                                   "“This budget guts the libraries and everyone in this room knows it.”")]


def test_a_pronoun_two_sentences_before_the_quotation_does_not_point_back() -> None:
    text = SALES + ("She packed up at noon. The stadium lot emptied fast. “Nobody here ever bought "
                    "a single cup from me.”\n")
    assert unattributed(text) == [("quotes.unattributed", 3, 54, "“Nobody here ever bought a single cup from me.”")]


def test_a_pronoun_in_the_sentence_just_before_the_quotation_points_back() -> None:
    text = SALES + "The stadium lot emptied fast. She shrugged. “Nobody here ever bought a single cup from me.”\n"
    assert unattributed(text) == []


def test_a_partial_quotation_then_the_person_it_describes() -> None:
    text = ("Across the street, “shouting from the rooftops” for the levy, is Marcus Webb, a retired "
            "teacher and self-described “child of the neighborhood.”\n")
    assert unattributed(text) == []


def test_a_partial_quotation_then_a_linking_verb_and_a_name_with_a_particle() -> None:
    text = ("Leading the march, a “voice for every family priced out of the harbor,” was Council Member "
            "Rosa de Souza.\n")
    assert unattributed(text) == []


def test_a_name_after_a_partial_quotation_without_a_linking_verb_describes_no_one() -> None:
    text = ("The plan, “a giveaway to developers who never pay their fair share,” goes to a vote at City "
            "Hall in June.\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 11,
                                   "“a giveaway to developers who never pay their fair share,”")]


def test_a_linking_verb_before_a_single_capitalised_word_describes_no_one() -> None:
    text = ("The plan, “a giveaway to developers who never pay their fair share,” goes to a vote that "
            "is Tuesday's first item.\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 11,
                                   "“a giveaway to developers who never pay their fair share,”")]


def test_describing_verbs_must_be_a_list_of_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = tmp_path / "quotes" / "unattributed.yaml"
    rule.parent.mkdir()
    rule.write_text("kind: quotes\ncheck: unattributed\nspeaker_cues: [said]\ndescribing_verbs: [is, '']\n",
                    encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The plan goes to a vote in June.\n", encoding="utf-8")
    assert main(["--no-default-rules", "--rules", str(rule), str(draft)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(rule) in err and "Traceback" not in err
    assert "describing_verbs" in err and "must not hold an empty word" in err


def test_a_name_before_a_partial_quotation_is_not_its_speaker() -> None:
    text = ("The meetings will launch the Eastport Housing Working Group, a task force meant to "
            "“end the shortage of affordable homes for good.”\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 84, "“end the shortage of affordable homes for good.”")]


def test_a_dash_and_a_name_after_the_quotation_sign_it() -> None:
    text = "The Hawks won ugly.\n\n“We kept fighting and found a way to win.” —Jalen Ortiz\n"
    assert unattributed(text) == []


def unattributed_md(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief quotes.unattributed findings on Markdown text (where a short unpunctuated line is no heading)."""
    return brief(run(text, select=["quotes.unattributed"], path="story.md", packs=PACKS))


def test_a_dash_and_a_name_or_a_name_and_a_place_sign_the_quotation_in_markdown() -> None:
    quote = "The Hawks won ugly.\n\n“We kept fighting and found a way to win.” "
    assert unattributed_md(quote + "—Jalen Ortiz\n") == []
    assert unattributed_md(quote + "— Dana Ortiz, Eastport\n") == []
    assert unattributed_md(quote + "— Dana Ortiz") == []


def test_a_dash_and_a_sentence_of_capitalised_start_is_no_signature() -> None:
    text = ("The council met Tuesday.\n\n“This budget guts the libraries and everyone knows it.” — I heard "
            "that line a dozen times.\n")
    finding = [("quotes.unattributed", 3, 1, "“This budget guts the libraries and everyone knows it.”")]
    assert unattributed(text) == finding
    assert unattributed_md(text) == finding


def test_a_dash_and_a_single_capitalised_word_is_no_signature_in_markdown() -> None:
    text = "The Hawks won ugly.\n\n“We kept fighting and found a way to win.” —Tuesday\n"
    assert unattributed_md(text) == [("quotes.unattributed", 3, 1, "“We kept fighting and found a way to win.”")]


def test_a_dash_and_a_name_that_goes_on_into_a_sentence_is_no_signature_in_markdown() -> None:
    text = "The Hawks won ugly.\n\n“We kept fighting and found a way to win.” — Coach Ortiz left early.\n"
    assert unattributed_md(text) == [("quotes.unattributed", 3, 1, "“We kept fighting and found a way to win.”")]


def test_a_dash_and_the_writers_words_are_no_signature() -> None:
    text = "The Hawks won ugly.\n\n“We kept fighting and found a way to win.” — and then the lights went out.\n"
    assert unattributed(text) == [("quotes.unattributed", 3, 1, "“We kept fighting and found a way to win.”")]


def unbalanced(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief quotes.unbalanced findings on text."""
    return brief(run(text, select=["quotes.unbalanced"], packs=PACKS))


# A line of copy that holds a whole paragraph, as wire copy and pasted web stories put it.
WIDE_LINE = ("“One kind is casual,” Ruiz said of the crowds that gather outside the courthouse every "
             "Friday. “Events are outlets for anger, and people revel in it, week after week.\n")
REBUILD = ("“We will rebuild this town. It will take years and a great deal of money.\n"
           "“That is the promise,” Grant said to the crowd.\n")


def test_a_quotation_runs_on_into_the_next_line_of_copy_with_a_paragraph_a_line() -> None:
    assert len(WIDE_LINE) > 160
    text = WIDE_LINE + "“There is another side to it,” Ruiz said.\n"
    assert unbalanced(text) == []


def test_a_quotation_left_open_on_a_short_line_does_not_run_on() -> None:
    assert unbalanced(REBUILD) == [("quotes.unbalanced", 1, 1, "“")]


def test_a_quotation_left_open_on_a_short_line_with_crlf_does_not_run_on() -> None:
    assert unbalanced(REBUILD.replace("\n", "\r\n")) == [("quotes.unbalanced", 1, 1, "“")]


def test_a_quotation_left_open_in_markdown_does_not_run_on_even_on_a_wide_line() -> None:
    text = WIDE_LINE + "“There is another side to it,” Ruiz said.\n"
    assert brief(run(text, select=["quotes.unbalanced"], path="story.md", packs=PACKS)) == [
        ("quotes.unbalanced", 1, 96, "“")]
    assert brief(run(REBUILD, select=["quotes.unbalanced"], path="story.md", packs=PACKS)) == [
        ("quotes.unbalanced", 1, 1, "“")]


def test_a_hard_wrapped_quotation_left_open_is_still_reported() -> None:
    text = ("“One kind is casual,” Ruiz said. “Events are outlets for anger, and\n"
            "people revel in it. “There is another side to it,” Ruiz said.\n")
    assert unbalanced(text) == [("quotes.unbalanced", 1, 34, "“")]


@pytest.mark.parametrize("text", [
    "Lenders facing a new “too big to fail” surcharge lobbied the council all spring.\n",
    "The “cheapest place to rent in the state” label stuck to Eastport for a decade.\n",
])
def test_quoted_words_used_as_a_term_in_the_writer_s_phrase_need_no_speaker(text: str) -> None:
    assert unattributed(text) == []


@pytest.mark.parametrize("text, column, match", [
    # a determiner, but the quotation ends a clause: it is someone's words
    ("The plan is “a giveaway to developers who never pay,” and it goes to a vote in June.\n", 13,
     "“a giveaway to developers who never pay,”"),
    # no determiner before it: a partial quotation inside the writer's claim
    ("Rents are “out of reach for every family on this street” in much of the county.\n", 11,
     "“out of reach for every family on this street”"),
    # a full sentence at the start, then a new sentence
    ("“We will close the pier for the whole summer.” The tide came in.\n", 1,
     "“We will close the pier for the whole summer.”"),
    # a clause that opens its sentence is someone's words, whatever follows
    ("“This jail is the safest in the state” is not what inspectors found.\n", 1,
     "“This jail is the safest in the state”"),
    # after a determiner, but too long for a term
    ("Her “I never once cut the medical budget for this jail” line drew applause.\n", 5,
     "“I never once cut the medical budget for this jail”"),
])
def test_quoted_words_that_are_speech_still_need_a_speaker(text: str, column: int, match: str) -> None:
    assert unattributed(text) == [("quotes.unattributed", 1, column, match)]


@pytest.mark.parametrize("text", [
    "The Courier ran headlines such as “Council fails the city again” for a week.\n",
    "“Harbor first, always.”\n\nThe council put that slogan on every bus shelter in town.\n",
    "As the trawler passed, the crowd on the pier jeered, “Go back where you came from!”\n",
])
def test_a_headline_a_slogan_a_jeer_or_a_memory_names_its_quotation(text: str) -> None:
    assert unattributed(text) == []


@pytest.mark.parametrize("text", [
    "Opponents hissed at the board members.\n\n“The levy is a blank check for the district.”\n",
    "Parents remember the 2019 bus fight.\n\n“The levy is a blank check for the district.”\n",
])
def test_a_noise_or_a_memory_in_the_paragraph_before_names_no_speaker(text: str) -> None:
    assert unattributed(text) == [("quotes.unattributed", 3, 1, "“The levy is a blank check for the district.”")]


def test_a_crowd_that_cheers_a_quotation_did_not_say_it() -> None:
    text = "“We will rebuild this town before the next storm.” The crowd cheered.\n"
    assert unattributed(text) == [("quotes.unattributed", 1, 1, "“We will rebuild this town before the next storm.”")]


@pytest.mark.parametrize("text, column, match", [
    ("“Crime is down 40 percent since I took office.” It made headlines across the county.\n", 1,
     "“Crime is down 40 percent since I took office.”"),
    ("“We cleared every backlog in the evidence room.”\n\nThe Courier ran the news in red ink.\n", 1,
     "“We cleared every backlog in the evidence room.”"),
    ("“Response times fell to four minutes in every district.” The chart sits on a page titled Safer Streets.\n", 1,
     "“Response times fell to four minutes in every district.”"),
])
def test_a_naming_word_that_does_not_name_the_quotation_names_no_speaker(text: str, column: int, match: str) -> None:
    assert unattributed(text) == [("quotes.unattributed", 1, column, match)]


def test_a_slogan_named_two_paragraphs_later_names_nothing() -> None:
    text = "“Harbor first, always.”\n\nThe ferry ran late.\n\nThe council put that slogan on every bus shelter.\n"
    assert unattributed(text) == [("quotes.unattributed", 1, 1, "“Harbor first, always.”")]


def test_a_title_named_in_the_next_paragraph_lends_no_speaker_to_a_quotation_before_it() -> None:
    text = ("“Nobody rides the ferry after 7 at night, and we could save by cutting those runs.”\n\n"
            "The Gazette headlined its story “Ferry cuts.”\n")
    assert unattributed(text) == [
        ("quotes.unattributed", 1, 1, "“Nobody rides the ferry after 7 at night, and we could save by cutting those runs.”")]


ORDINANCE = ("Under the Harbor Preservation Ordinance, which the council adopted in June, the city must "
             "publish a review of each dock permit. ")


def test_a_partial_quotation_after_the_law_it_quotes_is_the_laws_wording() -> None:
    text = ORDINANCE + ("The reviews go to the planning board and to “any resident who has asked in "
                        "writing to be told of changes to the waterfront.”\n")
    assert unattributed(text) == []


def test_a_partial_quotation_in_the_sentence_that_names_the_contract() -> None:
    text = ("Drivers may refuse a route under the 2023 contract with the transit union if it runs past "
            "“the hours of service a reasonable driver could safely complete.”\n")
    assert unattributed(text) == []


def test_a_full_quoted_sentence_after_the_law_still_needs_a_speaker() -> None:
    text = ORDINANCE + "“This will drive every family business off the waterfront.”\n"
    assert unattributed(text) == [("quotes.unattributed", 1, 129,
                                   "“This will drive every family business off the waterfront.”")]


def test_an_act_of_kindness_names_no_law() -> None:
    text = ("In an act of kindness, neighbors cleared the walks. The walks were “the best of what this "
            "town can be on a bad day.”\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 68, "“the best of what this town can be on a bad day.”")]


def test_a_bills_first_year_names_no_law() -> None:
    text = "In the bill's first year, the program reached “almost nobody who needed it in the first place.”\n"
    assert unattributed(text) == [("quotes.unattributed", 1, 47, "“almost nobody who needed it in the first place.”")]


def test_a_partial_quotation_after_a_sentence_of_remembering_is_the_rememberers() -> None:
    text = ("Marta Ellison, whose mother ran the snack bar for a decade, remembers Coach Whitfield as a "
            "fixture of Friday nights. Her clearest picture is of a young Whitfield “pacing the sideline "
            "in a borrowed blazer” while the band played.\n")
    assert unattributed(text) == []


def test_a_quotation_two_sentences_after_the_remembering_needs_its_speaker() -> None:
    text = ("Marta Ellison remembers Coach Whitfield as a fixture of Friday nights. The gym was loud. "
            "The band played until ten, and the floor was “too loud for anyone to hear the referee at all.”\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 135, "“too loud for anyone to hear the referee at all.”")]


def test_a_place_dateline_does_not_make_a_quotation_share_its_paragraph() -> None:
    text = ("Harbor Film Opens\n\nEASTPORT, Maine --  “The harbor never sleeps, and neither do we. Not for a "
            "single night.”\n\nSo says the narrator at the start of “Tide Line,” a documentary that opens "
            "Friday at the Strand.\n")
    assert unattributed(text) == []


def test_after_a_dateline_a_quotation_still_needs_a_speaker_somewhere() -> None:
    text = ("Harbor Film Opens\n\nEASTPORT, Maine --  “The harbor never sleeps, and neither do we.”\n\n"
            "The documentary opens Friday at the Strand.\n\n"
            "WASHINGTON (AP) — The council met Tuesday. “We will rebuild every pier by June.”\n")
    assert unattributed(text) == [("quotes.unattributed", 3, 21, "“The harbor never sleeps, and neither do we.”"),
                                  ("quotes.unattributed", 7, 44, "“We will rebuild every pier by June.”")]


def test_a_full_quotation_beside_a_sentence_of_remembering_still_needs_its_speaker() -> None:
    text = ("“The bus contract was rigged from the start.” Several parents remembered the 2019 bus fight "
            "differently.\n")
    assert unattributed(text) == [("quotes.unattributed", 1, 1, "“The bus contract was rigged from the start.”")]


@pytest.mark.parametrize("text", [
    "Under the new contract, which many nurses saw as “the first real win for the staff in a decade,” pay rises in May.\n",
    "The hotel deal, approved under its tourism code, was “a giveaway dressed up as economic development.”\n",
    "By the time the water bill reached the floor, it was “dead on arrival and everyone in the building knew it.”\n",
    "The town remembered the flood victims Sunday, a vigil that drew “the biggest crowd this park has seen in years.”\n",
    "Longtime residents remembered the storm. It sounded “like a freight train coming through the front door.”\n",
])
def test_a_view_of_a_document_or_a_crowd_s_memory_still_needs_a_speaker(text: str) -> None:
    assert len(unattributed(text)) == 1


def test_a_place_dateline_further_down_a_digest_is_the_writer_s() -> None:
    text = ("School news in brief\n\nEASTPORT -- The board met Monday.\n\n"
            "PEORIA -- “We will not close a single school this year, no matter what the budget looks like.”\n\n"
            "Several parents said they were relieved.\n")
    assert [f[1] for f in unattributed(text)] == [5]
