"""Character offsets to and from editors' code units: the one conversion, with astral characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.codeunits import UTF8, UTF16, UTF32, Lines, character_index, offsets_in_units, units

# A headline with an emoji (astral: two UTF-16 units), an accented name and a CJK place name.
TEXT = "📰 Mayor Núñez visits 東京\r\nThe 🇺🇸 delegation arrived amidst protests.\n"


def test_units_per_encoding() -> None:
    assert [units("📰", e) for e in (UTF8, UTF16, UTF32)] == [4, 2, 1]
    assert [units("ú", e) for e in (UTF8, UTF16, UTF32)] == [2, 1, 1]
    assert units("🇺🇸", UTF16) == 4


def test_position_after_an_emoji_counts_utf16_units() -> None:
    lines = Lines(TEXT, UTF16)
    start = TEXT.index("amidst")
    assert lines.position(start) == (1, 4 + 4 + 20)  # "The " + two regional indicators + " delegation arrived "
    assert lines.offset(1, 28) == start
    assert lines.position(TEXT.index("Núñez")) == (0, 9)


@pytest.mark.parametrize(("encoding", "column"), [(UTF8, 32), (UTF16, 28), (UTF32, 26)])
def test_each_encoding_round_trips(encoding: str, column: int) -> None:
    lines = Lines(TEXT, encoding)
    start = TEXT.index("amidst")
    assert lines.position(start) == (1, column)
    assert lines.offset(1, column) == start


def test_a_count_inside_a_surrogate_pair_rounds_to_the_whole_character() -> None:
    assert character_index("📰 news", 1, UTF16) == 1
    assert character_index("📰 news", 2, UTF16) == 1
    assert character_index("📰 news", 3, UTF16) == 2


def test_past_the_end_clamps_and_crlf_is_one_break() -> None:
    lines = Lines(TEXT, UTF16)
    assert lines.offset(0, 500) == TEXT.index("\r")
    assert lines.offset(9, 0) == len(TEXT)
    assert lines.end() == (2, 0)


def test_browser_offsets() -> None:
    assert offsets_in_units(TEXT, [0, 1, TEXT.index("amidst")]) == [0, 2, TEXT.index("amidst") + 3]
    assert offsets_in_units("plain", [3]) == [3]


@given(st.lists(st.sampled_from(["a", "é", "\n", "\r\n", "📰", "東", " "]), max_size=40), st.data())
def test_every_offset_round_trips(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1:offset + 1] == "\r\n":
        offset -= 1  # between CR and LF is no position an editor can name
    for encoding in (UTF8, UTF16, UTF32):
        lines = Lines(text, encoding)
        assert lines.offset(*lines.position(offset)) == offset
