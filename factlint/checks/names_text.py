"""Text helpers for the names kind: length-aware folding, name candidates, edit distance."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import regex

# Typographic variants that must not hide a name: curly apostrophes, odd spaces and hyphens.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\t": " ", "\r": " ", "\f": " ", "\v": " ",
    "\u2010": "-", "\u2011": "-",
})
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
_GAP = re.compile(r"[ \n]{2,}|\n")

# A capitalised word of a name, with a lower-case letter (not an acronym): "Daskal", "O'Brien",
# "Okonkwo-Reyes", "McDonald". A possessive 's is not part of it.
_TOKEN = r"\p{Lu}(?=[\p{L}\p{M}'-]*\p{Ll})[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*|'(?!s\b)\p{L}[\p{L}\p{M}]*)*"
_INITIAL = r"\p{Lu}\."
_BEFORE = r"(?<![\p{L}\p{N}'.-])"
_AFTER = r"(?:'s)?(?![\p{L}\p{N}])"
# The last two words of a run of capitalised words (a middle initial may sit between them).
PAIR = regex.compile(
    rf"{_BEFORE}(?P<first>{_TOKEN}) (?:{_INITIAL} )?(?P<last>{_TOKEN}){_AFTER}(?! (?:{_INITIAL} )?{_TOKEN}{_AFTER})"
)
WORD = regex.compile(rf"{_BEFORE}{_TOKEN}(?=(?:'s)?(?![\p{{L}}\p{{N}}]))")


class Folded:
    """A document's lint text with one space for every single gap, and a map back to offsets.

    Curly apostrophes become straight, non-breaking spaces and line breaks become spaces, and a
    run of white space becomes one space (a blank line becomes a newline, so no name spans two
    paragraphs). `original()` turns a folded offset back into an offset of the document.
    """

    def __init__(self, text: str) -> None:
        source = _fold_characters(text)
        pieces: list[str] = []
        self._cuts: list[int] = [0]
        self._shifts: list[int] = [0]
        cursor = folded = 0
        for gap in _GAP.finditer(source):
            start, end = gap.span()
            pieces.append(source[cursor:start])
            pieces.append("\n" if source.count("\n", start, end) >= 2 else " ")
            folded += start - cursor + 1
            cursor = end
            if end - start > 1:
                self._cuts.append(folded)
                self._shifts.append(end - folded)
        pieces.append(source[cursor:])
        self.text = "".join(pieces)

    def original(self, offset: int) -> int:
        """Return the document offset of a folded offset."""
        index = bisect.bisect_right(self._cuts, offset) - 1
        return offset + self._shifts[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the document span of a folded span that starts and ends on visible text."""
        return self.original(start), self.original(end - 1) + 1


def _fold_characters(text: str) -> str:
    """Replace typographic variants one by one (str.replace is far faster than translate)."""
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def bounded(text: str, start: int, end: int) -> bool:
    """Tell whether text[start:end] stands as whole words (no letter or digit either side)."""
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


class Token(NamedTuple):
    """A capitalised word of the folded text and its folded span."""

    text: str
    start: int
    end: int


class Candidate(NamedTuple):
    """A possible person's name: its first and last words (folded spans)."""

    first: Token
    last: Token

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end

    @property
    def name(self) -> str:
        return f"{self.first.text} {self.last.text}"


def candidates(folded: str, not_names: frozenset[str] = frozenset()) -> list[Candidate]:
    """Return the possible people's names: the last two words of each run of capitalised words."""
    found = []
    for match in PAIR.finditer(folded):
        first, last = match.group("first"), match.group("last")
        if first in not_names or last in not_names:
            continue
        found.append(Candidate(Token(first, *match.span("first")), Token(last, *match.span("last"))))
    return found


def distance(a: str, b: str, limit: int = 2) -> int:
    """Return the edit distance (with adjacent transpositions) of a and b, capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def typo_shaped(a: str, b: str) -> bool:
    """Tell whether b differs from a by a doubled or undoubled letter or a swapped pair."""
    shorter, longer = sorted((a, b), key=len)
    if len(longer) - len(shorter) == 1:
        for i in range(1, len(longer)):
            if longer[i] == longer[i - 1] and longer[:i] + longer[i + 1:] == shorter:
                return True
        return False
    if len(a) != len(b):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
