"""Text helpers for the names kind: length-aware folding, name candidates, edit distance."""

import bisect
import re
from functools import partial
from typing import NamedTuple

from factlint.checks.base import LazyPattern, Pattern, compile_regex, compile_words

# Typographic variants that must not hide a name: curly apostrophes, odd spaces and hyphens.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\t": " ", "\r": " ", "\f": " ", "\v": " ",
    "\u2010": "-", "\u2011": "-",
})
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
# The white space that folds to one character: runs of two or more spaces and line breaks. Each
# holds a line break or two spaces, both found by literal search; `[ \n]{2,}` tries every space.
_LINE_RUN = re.compile(r"\n[ \n]*")
_SPACE_RUN = re.compile(r"  [ \n]*")

# A capitalised word of a name, with a lower-case letter (not an acronym): "Daskal", "O'Brien",
# "Okonkwo-Reyes", "McDonald". A possessive 's is not part of it.
_TOKEN = r"\p{Lu}(?=[\p{L}\p{M}'-]*\p{Ll})[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*|'(?!s\b)\p{L}[\p{L}\p{M}]*)*"
_INITIAL = r"\p{Lu}\."
_BEFORE = r"(?<![\p{L}\p{N}'.-])"
_AFTER = r"(?:'s)?(?![\p{L}\p{N}])"
# The last two words of a run of capitalised words (a middle initial may sit between them).
PAIR = compile_words(
    rf"{_BEFORE}(?P<first>{_TOKEN}) (?:{_INITIAL} )?(?P<last>{_TOKEN}){_AFTER}(?! (?:{_INITIAL} )?{_TOKEN}{_AFTER})"
)
WORD = compile_words(rf"{_BEFORE}{_TOKEN}(?=(?:'s)?(?![\p{{L}}\p{{N}}]))")

# PAIR for `re` (see _pair_for): the ASCII part of each \p{..} class PAIR uses, and of `regex`'s \w.
_ASCII_CLASSES = {"Lu": "A-Z", "Ll": "a-z", "L": "A-Za-z", "M": "", "N": "0-9", "w": "A-Za-z0-9_"}
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_PROPERTY = re.compile(r"\\p\{(\w+)\}")
_PIECE = re.compile(r"\[(?:\\.|[^\]\\])*\]|\\p\{(\w+)\}|\\.")
_PROPERTY_TESTS = (*((name, compile_regex(rf"\p{{{name}}}")) for name in _ASCII_CLASSES if name != "w"),
                   ("w", compile_regex(r"\w")))


class Folded:
    """A document's lint text with one space for every single gap, and a map back to offsets.

    Curly apostrophes become straight, non-breaking spaces and line breaks become spaces, and a
    run of white space becomes one space (a blank line becomes a newline, so no name spans two
    paragraphs). `original()` turns a folded offset back into an offset of the document.
    """

    def __init__(self, text: str) -> None:
        source = _fold_characters(text)
        flat = source.replace("\n", " ")  # a lone line break is a space, offsets unchanged
        runs = _runs(source)
        shift = 0
        self._shifts: list[int] = [0, *[shift := shift + end - start - 1 for start, end in runs]]
        self._cuts: list[int] = [0, *[end - moved for (_, end), moved in zip(runs, self._shifts[1:])]]
        starts, ends = [start for start, _ in runs], [end for _, end in runs]
        pieces = [""] * (2 * len(runs) + 1)
        pieces[::2] = [flat[a:b] for a, b in zip([0, *ends], [*starts, len(flat)])]
        pieces[1::2] = ["\n" if source.count("\n", start, end) >= 2 else " " for start, end in runs]
        self.text = "".join(pieces)

    def original(self, offset: int) -> int:
        """Return the document offset of a folded offset."""
        index = bisect.bisect_right(self._cuts, offset) - 1
        return offset + self._shifts[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the document span of a folded span that starts and ends on visible text."""
        return self.original(start), self.original(end - 1) + 1


def _runs(source: str) -> list[tuple[int, int]]:
    """Return the maximal runs of two or more spaces and line breaks, in order."""
    hits = [m.span() for m in _LINE_RUN.finditer(source)]
    if "  " in source:
        hits += [m.span() for m in _SPACE_RUN.finditer(source)]
        hits.sort()
    runs: list[tuple[int, int]] = []
    for start, end in hits:
        if source[start - 1:start] == " ":
            start = _run_start(source, start)
        if runs and start <= runs[-1][1]:  # a second hit in the same run
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        elif end - start > 1:
            runs.append((start, end))
    return runs


def _run_start(source: str, start: int) -> int:
    """Return where the spaces before offset start begin."""
    while start > 0 and source[start - 1] == " ":
        start -= 1
    return start


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


# Made as tuples of their fields, at C speed (a NamedTuple's own constructor is Python code).
_token = partial(tuple.__new__, Token)
_candidate = partial(tuple.__new__, Candidate)


def candidates(folded: str, not_names: frozenset[str] = frozenset(),
               others: frozenset[str] | None = None) -> list[Candidate]:
    """Return the possible people's names: the last two words of each run of capitalised words (others: see for_text)."""
    found = []
    for match in for_text(PAIR_FORMS, folded, others).finditer(folded):
        first, last = match.group("first"), match.group("last")
        if first in not_names or last in not_names:
            continue
        found.append(_candidate((_token((first, *match.span("first"))), _token((last, *match.span("last"))))))
    return found


class ClassPattern:
    """A pattern of \\p{..} classes, and its `re` form for text whose letters, marks and digits are ASCII, made once."""

    # Each `[\p{L}\p{M}]*` of the pattern must be followed only by what no letter begins (a hyphen,
    # an apostrophe, a space, a look-ahead that refuses a letter): _for_re relies on it.

    __slots__ = ("pattern", "ascii")

    def __init__(self, pattern: LazyPattern) -> None:
        self.pattern = pattern
        self.ascii = _for_re(pattern.source, frozenset())


def other_characters(text: str) -> frozenset[str]:
    """Return the characters of text outside ASCII that are letters, marks, digits or word characters."""
    return frozenset() if text.isascii() else frozenset(
        c for c in set("".join(_ASCII_RUN.split(text))) if _properties(c))


def for_text(pattern: ClassPattern, text: str, others: frozenset[str] | None = None) -> Pattern:
    """Return a \\p{..} pattern for text: in `re` form, its classes holding ASCII and text's other characters."""
    # `others`, when given, is other_characters(text): a caller with several patterns finds them once.
    # `re` runs these patterns two to three times as fast as `regex` but has no \p{..}: each class
    # is spelled out, exact for every character text holds. Text with many distinct others keeps `regex`.
    if others is None:
        others = other_characters(text)
    if not others:
        return pattern.ascii   # most stories: their only other characters are quotes and dashes
    return _for_re(pattern.pattern.source, others) if len(others) <= 200 else pattern.pattern


def _properties(char: str) -> frozenset[str]:
    """Return the \\p{..} classes (and \\w, as 'w') that a character belongs to, as `regex` reads them."""
    return frozenset(name for name, test in _PROPERTY_TESTS if test.match(char))


def _for_re(source: str, others: frozenset[str]) -> Pattern:
    """Return a pattern translated for `re`, its classes holding ASCII and the given other characters."""
    # No memo of our own: `re` keeps the compiled patterns of its recent calls.
    properties = {c: _properties(c) for c in others}
    bodies = {name: ascii_part + "".join(re.escape(c) for c in sorted(others) if name in properties[c])
              for name, ascii_part in _ASCII_CLASSES.items()}
    if not bodies["M"]:
        # A word's letters are followed only by what no letter begins (see ClassPattern): with no
        # marks among them, letters given back could match nothing else, so none are kept to give back.
        source = source.replace(r"[\p{L}\p{M}]*", r"[\p{L}\p{M}]*+")
    word = bodies["w"]
    boundary = rf"(?:(?<=[{word}])(?![{word}])|(?<![{word}])(?=[{word}]))"

    def piece(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("["):
            return _PROPERTY.sub(lambda p: bodies[p.group(1)], text)
        if match.group(1):
            return f"[{bodies[match.group(1)]}]" if bodies[match.group(1)] else "(?!)"
        return boundary if text == r"\b" else text

    translated = _PIECE.sub(piece, source)
    # A leading look-behind keeps `re` from skipping ahead; tried after the first letter, it does not.
    # Every match of PAIR's first word is followed by a space and a capital: testing that at once
    # spares most sentence openings the whole word pattern.
    lead = re.match(r"\(\?<!(\[[^\]]*\])\)\(\?P<first>(\[[^\]]*\])", translated)
    if lead:
        letters = bodies["L"] + bodies["M"]
        translated = (f"(?P<first>{lead[2]}(?<!{lead[1]}{lead[2]})(?=[{letters}'\\-]* {lead[2]})"
                      + translated[lead.end():])
    return compile_words(translated)


# PAIR and its `re` form for text with no letters outside ASCII.
PAIR_FORMS = ClassPattern(PAIR)


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


def one_edit(a: str, b: str) -> bool:
    """Tell whether a and b are one edit apart: distance(a, b) == 1, without the table."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    same = 0   # the length of their common beginning; the edit comes right after it
    while same < len(a) and same < len(b) and a[same] == b[same]:
        same += 1
    if len(a) < len(b):
        return a[same:] == b[same + 1:]       # a letter added
    if len(a) > len(b):
        return a[same + 1:] == b[same:]       # a letter dropped
    return a[same + 1:] == b[same + 1:] or (  # a letter changed, or two neighbours swapped
        a[same + 1:same + 2] == b[same:same + 1] and a[same:same + 1] == b[same + 1:same + 2]
        and a[same + 2:] == b[same + 2:])


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
