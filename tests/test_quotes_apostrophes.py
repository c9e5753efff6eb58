"""Quotations marked with two apostrophes (''…''), as wire and archive copy writes them, and quoted terms."""

from __future__ import annotations

import pytest

from factlint import quotations
from factlint.document import Document
from tests.helpers import RULES, brief, run

PACKS = (RULES / "quotes", RULES / "figures", RULES / "claims")


def found(text: str, select: str) -> list[tuple[str, int, int, str]]:
    """Return brief findings of the selected rules on text."""
    return brief(run(text, select=[select], packs=PACKS))


def quoted(text: str) -> list[str]:
    """Return the quoted words (marks left out) the scanner finds in text."""
    doc = Document(text)
    return [text[slice(*q.content)] for q in quotations.scan(doc).quotes]


@pytest.mark.parametrize("text, words", [
    ("''We will rebuild the pier,'' Mayor Ana Ruiz said.", ["We will rebuild the pier,"]),
    ("The council called it ''a start.'' Then it adjourned.", ["a start."]),
    # a single quotation closing inside a double one: one mark, then two
    ("''I would call it 'old-school,''' said Hal Brandt, the club's treasurer.", ["I would call it 'old-school,'"]),
    ("''No,'' she said, then: ''Maybe.''", ["No,", "Maybe."]),
    # three after a space: a double quotation, then a single one inside it
    ("'''Old-school' is what he called it,'' said Hal Brandt.", ["'Old-school' is what he called it,"]),
])
def test_two_apostrophes_pair_like_a_double_quote(text: str, words: list[str]) -> None:
    assert quoted(text) == words


@pytest.mark.parametrize("text", [
    "The center is 6'10'' and the guard is 5'9''.",
    "The '90s were quiet; rock 'n' roll was not.",
    "Ortiz's '' typo stayed in print.",
    "The form left a blank '''' where the total goes.",
])
def test_apostrophes_that_are_no_quotation_marks(text: str) -> None:
    assert quoted(text) == []


def test_an_unclosed_two_apostrophe_quotation_is_reported_with_its_two_marks() -> None:
    assert found("''We will rebuild the pier, Mayor Ana Ruiz said.", "quotes.unbalanced") == [
        ("quotes.unbalanced", 1, 1, "''")]


def test_a_figure_inside_a_two_apostrophe_quotation_is_not_the_writer_s() -> None:
    text = "The pier reopened Tuesday.\n\nRents in these buildings rose 14 percent last year, and 52 families moved out.\n"
    assert found(text, "figures.unsourced") == [("figures.unsourced", 3, 31, "14 percent"), ("figures.unsourced", 3, 57, "52")]
    assert found(text.replace("Rents", "''Rents").replace("out.", "out.''"), "figures.unsourced") == []


def test_a_two_apostrophe_quotation_with_no_speaker_is_flagged() -> None:
    text = "The pier reopened Tuesday.\n\n''We lost the whole summer season to the repairs.'' The tide was low.\n"
    assert found(text, "quotes.unattributed") == [
        ("quotes.unattributed", 3, 1, "''We lost the whole summer season to the repairs.''")]


def test_a_superlative_inside_a_two_apostrophe_quotation_is_the_speaker_s() -> None:
    text = "''It is the biggest storm we have seen,'' the harbor master said.\n"
    assert found(text, "claims.superlative") == []


@pytest.mark.parametrize("text, column", [
    ("Ortiz called the plan “a giveaway“ on Tuesday.\n", 34),
    ("“It is unusual,“ said Hal Brandt.\n", 16),
    ("The sign on the pier read “Harbor first.“ It stayed up all week.\n", 41),
])
def test_an_opening_mark_in_a_closing_mark_s_place_closes_the_quotation_and_is_reported_once(text: str, column: int) -> None:
    findings = run(text, select=["quotes.*"], packs=PACKS)
    assert brief(findings) == [("quotes.unbalanced", 1, column, "“")]
    assert findings[0].fix == "”" and "closes this quotation but is an opening mark" in findings[0].message


@pytest.mark.parametrize("text", [
    "“He said “no” to me,” Ortiz said.\n",          # a quotation inside a quotation
    "“We will “rebuild” it,” Ortiz said.\n",
])
def test_an_opening_mark_after_a_space_still_opens(text: str) -> None:
    assert found(text, "quotes.unbalanced") == []


def test_a_turned_mark_s_message_is_a_validated_template(tmp_path) -> None:
    from factlint.engine import LoadError, load_rule_file
    rule = tmp_path / "q.yaml"
    rule.write_text("kind: quotes\ncheck: unbalanced\nturned_message: '{match} is turned {nope}'\n", encoding="utf-8")
    with pytest.raises(LoadError, match="turned_message.*unknown placeholder"):
        load_rule_file(rule)


@pytest.mark.parametrize("text, words", [
    # a quotation inside a straight one, opened after a comma and a space: one outer quotation
    ('"If somebody walks in and says, "I\'d like 10,000 rounds," you might be suspicious," Ruiz said.',
     ['If somebody walks in and says, "I\'d like 10,000 rounds," you might be suspicious,']),
    # a mark after a comma that a lowercase word follows still closes
    ('"We won," she said, "and we will win again." Then she left.', ["We won,", "and we will win again."]),
])
def test_a_straight_quotation_inside_a_straight_one(text: str, words: list[str]) -> None:
    assert quoted(text) == words


def test_a_figure_in_a_nested_straight_quotation_is_the_speaker_s() -> None:
    text = ('Ruiz took questions.\n\n"If somebody walks in and says, "I\'d like 10,000 rounds," you might be '
            'suspicious," Ruiz said.\n')
    assert found(text, "figures.unsourced") == []
    assert found(text, "quotes.unbalanced") == []
