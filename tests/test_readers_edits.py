"""The edits a fixed text is written back as: whole words, in order, and always the fixed text."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from factlint.readers.edits import Edit, apply_edits, text_edits


def test_fixes_become_word_sized_edits() -> None:
    before = "The US team met amidst the talks.\n\nThe mayor's advisor spoke."
    after = "The U.S. team met amid the talks.\n\nThe mayor's adviser spoke."
    assert text_edits(before, after) == [Edit(4, 6, "U.S."), Edit(16, 22, "amid"), Edit(47, 54, "adviser")]


def test_insertions_and_deletions_land_between_words() -> None:
    assert text_edits("Mr Smith said.", "Mr. Smith said.") == [Edit(2, 2, ".")]
    assert text_edits("He said said it.", "He said it.") == [Edit(8, 13, "")]


words = st.lists(st.sampled_from(["the", "US", "U.S.", "amidst", "amid", " ", "  ", ".", ",", "\n", "\n\n", "é"]))


@given(words, words)
def test_the_edits_always_give_the_fixed_text(before: list[str], after: list[str]) -> None:
    old, new = "".join(before), "".join(after)
    edits = text_edits(old, new)
    assert apply_edits(old, edits) == new
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))


def test_a_long_repetitive_story_is_compared_in_bounded_time() -> None:
    paragraph = " ".join(["The US mayor met the council amidst the talks."] * 20)
    before = "\n\n".join([paragraph] * 300)
    after = before.replace("US", "U.S.").replace("amidst", "amid")
    started = time.monotonic()
    assert apply_edits(before, text_edits(before, after)) == after
    assert time.monotonic() - started < 5
    one_paragraph = " ".join([paragraph] * 300)
    assert apply_edits(one_paragraph, text_edits(one_paragraph, one_paragraph.replace("US", "U.S."))) == \
        one_paragraph.replace("US", "U.S.")
    assert time.monotonic() - started < 10
