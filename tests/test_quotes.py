"""The quotes kind: quotations with no speaker, and quotation marks left open."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checks.quotes.unattributed import StoryWords
from factlint.document import Document
from factlint.segment import Span
from tests.helpers import RULES, SEEDS, brief, run

PACKS = (RULES / "quotes", RULES / "figures")


def quotes(text: str, path: str = "draft.txt") -> list[tuple[str, int, int, str]]:
    """Return brief findings of the quotes rules on text."""
    return brief(run(text, select=["quotes.*"], path=path, packs=PACKS))


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- unattributed --------------------------------------------------------------------------

def test_full_quote_without_speaker_is_flagged() -> None:
    text = "The plant will close.\n\n“We will rebuild this town.” The crowd cheered."
    assert quotes(text) == [("quotes.unattributed", 3, 1, "“We will rebuild this town.”")]


@pytest.mark.parametrize("text", [
    "“We will rebuild this town,” Mayor Lisa Grant said.",
    "Mayor Lisa Grant said, “We will rebuild this town.”",
    "Grant spoke at noon. “We will rebuild this town.”",
    "“We will rebuild this town.” That is what Grant told the crowd.",
    "The White House said: “The working group will meet Tuesday.”",
    "Her message was blunt: “We are done here.”",
    "“We will rebuild,” according to Grant, “and it will take years.”",
    '"We will rebuild this town," Grant said.',
])
def test_speaker_in_the_sentence_or_next_to_it(text: str) -> None:
    assert quotes(text) == []


def test_speaker_two_sentences_away_is_too_far() -> None:
    text = "Grant spoke at noon. The crowd was large. “We will rebuild this town.”"
    assert quotes(text) == [("quotes.unattributed", 1, 43, "“We will rebuild this town.”")]


def test_speaker_at_the_end_of_the_paragraph_before_serves_the_next_quote() -> None:
    partial = "The White House announced the talks.\n\nThe group will “combat illicit drug trafficking.”"
    assert quotes(partial) == []
    full = "The White House announced the talks.\n\n“The group will combat illicit drug trafficking.”"
    assert quotes(full) == []
    nobody = "The talks open in Beijing.\n\n“The group will combat illicit drug trafficking.”"
    assert quotes(nobody) == [
        ("quotes.unattributed", 3, 1, "“The group will combat illicit drug trafficking.”")]


def test_partial_quote_with_no_speaker_anywhere_is_flagged() -> None:
    text = "The talks begin Tuesday.\n\nThe group will “combat illicit drug trafficking.”"
    assert quotes(text) == [("quotes.unattributed", 3, 16, "“combat illicit drug trafficking.”")]


@pytest.mark.parametrize("text", [
    'Press "Enter" to skip to content.',
    "The so-called “war on drugs” began in 1971.",
    "Dwayne “The Rock” Johnson starred.",
    "She read “The Power of Habit” twice.",
    "The mayor’s “plan” is China’s ‘problem,’ critics wrote.",
])
def test_short_partial_quotes_titles_and_apostrophes_are_not_quotations(text: str) -> None:
    assert quotes(text) == []


def test_quotation_running_over_paragraphs_needs_its_speaker_once() -> None:
    text = ("“We will rebuild,” Grant said. “It will take years.\n\n"
            "“But we have done it before. We will do it again.”")
    assert quotes(text) == []


def test_quotation_running_over_paragraphs_with_no_speaker_is_flagged_once() -> None:
    text = "“We will rebuild. It will take years.\n\n“But we have done it before.”"
    assert quotes(text) == [
        ("quotes.unattributed", 1, 1, "“We will rebuild. It will take years.")]


def test_seed_001_quotes_are_attributed() -> None:
    assert quotes(seed("001")) == []


def test_seed_001_partial_quote_takes_its_source_from_the_paragraph_before() -> None:
    text = seed("001").replace("the White House announced Sunday", "the talks begin Sunday")
    findings = quotes(text)
    assert findings == [("quotes.unattributed", 7, 138,
                         "“combat global illicit drug manufacturing and trafficking.”")]


# --- unbalanced ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, column, mark", [
    ("“We will rebuild this town, Grant said.", 1, "“"),
    ('Grant called it "a disaster and left.', 17, '"'),
    ("“He called it “a disaster,” Grant said.", 1, "“"),
])
def test_unclosed_quote_is_an_error(text: str, column: int, mark: str) -> None:
    found = [f for f in run(text, select=["quotes.unbalanced"], packs=PACKS)]
    assert brief(found) == [("quotes.unbalanced", 1, column, mark)]
    assert found[0].level == "error"


@pytest.mark.parametrize("text", [
    "“We will rebuild,” Grant said. “It will take years.\n\n“But we have done it before.”",
    "“One.\n\n“Two.\n\n“Three,” Grant said.",
    "A 6\" pipe and a 12\" ruler are standard.",
    "“He said ‘no,’ and that was it,” Grant said.",
    "China’s commitment is the mayor’s ‘plan.’",
])
def test_balanced_runs_on_inches_and_single_quotes_pass(text: str) -> None:
    assert brief(run(text, select=["quotes.unbalanced"], packs=PACKS)) == []


def test_the_last_paragraph_of_a_run_must_close() -> None:
    text = "“We will rebuild,” Grant said. “It will take years.\n\n“But we have done it before."
    assert brief(run(text, select=["quotes.unbalanced"], packs=PACKS)) == [
        ("quotes.unbalanced", 3, 1, "“")]


def test_an_unclosed_quote_is_reported_once_by_unbalanced_only() -> None:
    text = ("“We knew they would come out throwing in the second half, Westfield coach Paul "
            "Haskins said. We just had to keep everything in front of us.\n\nThe crowd cheered.\n\n"
            "“We will rebuild. It will take years.\n")
    assert quotes(text) == [("quotes.unbalanced", 1, 1, "“"), ("quotes.unbalanced", 5, 1, "“")]


def test_a_run_whose_last_paragraph_never_closes_is_reported_once() -> None:
    text = "“We will rebuild. It will take years.\n\n“But we have done it before. We will again."
    assert quotes(text) == [("quotes.unbalanced", 3, 1, "“")]


def test_quote_left_open_before_a_plain_paragraph_is_an_error() -> None:
    text = "“We will rebuild,” Grant said. “It will take years.\n\nThe crowd cheered."
    assert brief(run(text, select=["quotes.unbalanced"], packs=PACKS)) == [
        ("quotes.unbalanced", 1, 32, "“")]


def test_markdown_code_is_not_checked() -> None:
    text = "Grant said it would work.\n\n```\nprint(\"open\n```\n"
    assert quotes(text, path="draft.md") == []


def test_all_seeds_are_balanced() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert brief(run(text, select=["quotes.*"], packs=PACKS)) == [], path.name


def test_unknown_check_is_a_load_error(tmp_path: Path) -> None:
    from factlint.engine import LoadError, load_rule_file

    rule = tmp_path / "quotes" / "odd.yaml"
    rule.parent.mkdir()
    rule.write_text("kind: quotes\ncheck: balanced\n", encoding="utf-8")
    with pytest.raises(LoadError, match="'check' must be one of unattributed, unbalanced"):
        load_rule_file(rule)


@pytest.mark.parametrize("probe, expected", [
    ("lies an old quarrel", True),          # in the paragraph before the quotation's
    ("the vote is tuesday", True),          # after it, case-blind
    ("the harbor the vote", True),          # across the gap the quotation's paragraph leaves
    ("nobody in this room", False),         # only in the quotation's own paragraph
])
def test_a_story_s_words_outside_one_paragraph(probe: str, expected: bool) -> None:
    doc = Document("Behind it lies an old quarrel about the harbor.\n\n“Nobody in this room.”\n\nThe vote is Tuesday.")
    assert StoryWords(doc.lint_text, doc.paragraphs).elsewhere(probe, 1) is expected


def test_a_word_cut_by_a_paragraph_s_edge_counts_its_cut_part() -> None:
    text = "one two three-four five"
    words = StoryWords(text, [Span(4, 14)])
    assert words.elsewhere("two three", 0) is False and words.elsewhere("one four five", 0) is True
