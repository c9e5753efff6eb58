"""Cue phrases found by word lookups: the same first match as the case-blind alternation they replace."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checks.base import word_pattern
from factlint.checks.phrases import PhraseSet, phrase_set
from factlint.rule import RuleError

PHRASES = ("according to", "in a statement", "a statement", "said", "e-mail", "in an e-mail", "told reporters",
           "U.S. officials", "op-ed")


def test_a_phrase_is_found_across_line_breaks_and_case() -> None:
    cues = PhraseSet(PHRASES)
    text = "The levy passes, ACCORDING\n to the clerk."
    found = cues.search(text)
    assert found is not None and text[found.start():found.end()] == "ACCORDING\n to"


def test_a_phrase_inside_a_longer_word_or_after_a_dot_is_not_found() -> None:
    cues = PhraseSet(PHRASES)
    assert cues.search("The unsaid rule and the aforesaid plan.") is None
    assert cues.search("See example.said for details, or saidx.") is None
    assert cues.search("The reporters were told reportersx.") is None


def test_search_respects_its_bounds() -> None:
    cues = PhraseSet(PHRASES)
    text = "Mayor Ruiz said the levy passes."
    assert cues.search(text, 0, 12) is None  # "said" ends past the bound
    assert cues.search(text, 0, 15).start() == 11
    assert cues.search(text, 16) is None


def test_a_phrase_that_cannot_be_looked_up_is_a_rule_error() -> None:
    with pytest.raises(RuleError, match="must start with a letter or digit"):
        phrase_set(["-- said"], "cues")


FRAGMENTS = st.sampled_from([*PHRASES, "ACCORDING", "To", "in", "an", "a", "statement", "e", "mail", "-", ".",
                             "_", " ", "  ", "\n", "\t", "x", "U.S.", "officials", "SAID", "ſaid", "\u0130n",
                             "reporters", "told", "op", "ed", "“", "’s", "7"])


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=12).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_first_match_is_the_alternations_first_match(text: str, pos: int, endpos: int) -> None:
    pattern = regex.compile(word_pattern(PHRASES, r"\s+"), regex.V0 | regex.IGNORECASE)
    expected = pattern.search(text, pos, endpos)
    found = PhraseSet(PHRASES).search(text, pos, endpos)
    assert (found and (found.start(), found.end())) == (expected and expected.span())
