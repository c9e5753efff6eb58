"""Later references: a surname standing alone that misspells the surname of a person named in full earlier.

AP style names a person in full once, then by surname. "Hallorn said" after "Martin Halloran" is a
misspelling; "Lopes said" after "Maria Lopez and her son, Daniel Lopes" is not, because Lopes was
introduced in full. The word must stand alone, come after the full name, be no common word of the
story, no given name and no one else's surname, and be used no more often than the surname it
resembles (or twice: a slip is often repeated once).
"""

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from factlint.checks.names.forms import in_address
from factlint.checks.names.text import Candidate, one_edit, typo_shaped
from factlint.checks.names.words import NameWords

# A lower-case word as the names rules read one: no letter or ' before it, no letter after it.
_STANDING_WORD = re.compile(r"(?<![A-Za-z'])[a-z]+(?![A-Za-z])")
_CAPITALISED_END = re.compile(r"[A-Z][\w'-]*[a-z]$")
MIN_LENGTH = 4          # shorter surnames have too many real neighbours (Kim/Kin, Lee/Lei)
LOOSE_LENGTH = 5        # from this length a dropped or added letter counts; below it only a typo's shape
SUBSTITUTION_LENGTH = 6  # and from this length a changed letter
REPEATS = 2             # a slip may be repeated once; used more often than the name, it is someone else


class Misspelling(NamedTuple):
    """A bare surname, its folded span, and the full name whose surname it misspells."""

    word: str
    start: int
    end: int
    person: Candidate


def plural_pair(a: str, b: str, words: NameWords) -> bool:
    """Tell whether one word is the other's plural: Scout/Scouts, Democrat/Democrats, Party/Parties.

    The word file's `plural_endings` say how: each pair is a singular's ending and the plural's.
    """
    short, long = sorted((a, b), key=len)
    return any(short.endswith(single) and long == short[:len(short) - len(single)] + plural
               for single, plural in words.plural_endings)


def derived_tails(words: NameWords) -> tuple[str, ...]:
    """Return the endings that make a word's people or adjective, plural or not, two letters or more: 'ns', 'ic'.

    One letter more is a surname's slip as often (Flyn/Flynn), so a lone 'n' is left out.
    """
    plurals = ("", *(plural for single, plural in words.plural_endings if not single))
    tails = (ending + plural for ending in (*words.demonym_endings, *words.adjective_endings) for plural in plurals)
    return tuple(tail for tail in tails if len(tail) > 1)


def derived_pair(a: str, b: str, words: NameWords) -> bool:
    """Tell whether one word is the other's people or adjective: Columbia/Columbians, Democrat/Democratic."""
    short, long = sorted((a, b), key=len)
    return any(long == short + tail for tail in derived_tails(words))


def misspelled_surnames(folded: str, people: list[Candidate], bare: list[tuple[str, int, int]],
                        not_names: frozenset[str], given_names: frozenset[str],
                        words: NameWords) -> Iterator[Misspelling]:
    """Yield the first use of each bare word that misspells an earlier full name's surname.

    `bare` holds the words that stand alone as a name (a one-word name run). Only full names whose
    first word is a given name count: "African American" names no one called American.
    """
    named = {c.last.text for c in people} | {c.first.text for c in people}
    common = lower_words(folded)
    # By the surname's first letter, which a slip keeps, and its length, which one edit changes by
    # one at most, then by surname: each surname is compared once per word, not once per use of it
    # (a long story names its people hundreds of times), and only with words one edit could make.
    by_shape: dict[tuple[str, int], dict[str, list[Candidate]]] = {}
    for c in people:
        by_shape.setdefault((c.last.text[:1], len(c.last.text)), {}).setdefault(c.last.text, []).append(c)
    # Each distinct bare word is weighed once; whether it is common or a given name is asked only of
    # the few near a surname: most stories have no slip, and then their uses are never read one by one.
    near = {word: _near_people(word, by_shape, common, given_names, words)
            for word in {word for word, _, _ in bare}
            if not (word in named or word in not_names or len(word) < MIN_LENGTH)}
    suspects = {word for word, people_near in near.items() if people_near}
    if not suspects:
        return
    uses = Counter(word for word, _, _ in bare) + Counter(c.last.text for c in people)
    reported: set[str] = set()
    for word, start, end in bare:
        if word not in suspects or word in reported:
            continue
        # People come in the text's order: the first use is the earliest.
        matches = [first for surname, first in near[word]
                   if first.end <= start and uses[word] <= max(REPEATS, uses[surname])]
        if len(matches) == 1:
            reported.add(word)
            yield Misspelling(word, start, end, matches[0])


def _near_people(word: str, by_shape: dict[tuple[str, int], dict[str, list[Candidate]]], common: "LowerWords",
                 given_names: frozenset[str], words: NameWords) -> list[tuple[str, Candidate]]:
    """The surnames a bare word misspells, each with its first use by a given name; none for a common word."""
    found = []
    for surname, uses_of in _same_shape(by_shape, word):
        if near_surname(word, surname, words):
            # Only full names whose first word is a given name count (not "African American").
            first = next((c for c in uses_of if c.first.text.lower() in given_names
                          or c.first.text.lower() not in common), None)
            if first is not None:
                found.append((surname, first))
    if found and (word.lower() in given_names or word.lower() in common):
        return []   # a given name or a word of the story standing alone: no slip
    return found


def _same_shape(trusted: dict[tuple[str, int], dict[str, list[Candidate]]],
                word: str) -> Iterator[tuple[str, list[Candidate]]]:
    """The surnames with word's first letter and a length one edit can reach, with their uses."""
    for length in (len(word) - 1, len(word), len(word) + 1):
        yield from trusted.get((word[:1], length), {}).items()


def lower_words(text: str) -> "LowerWords":
    """The words a text uses in lower case: a capitalised one of them opens a sentence, it names no one."""
    return LowerWords(text)


class LowerWords:
    """The lower-case words of a text, collected on the first question: a story asks about a few dozen."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._words is None:
            # No word spans white space, so each distinct white-space-separated token, one a line,
            # holds every use a search of the whole text would find, and no other: the words are
            # collected from those few tokens, and each question is then one set lookup.
            vocabulary = "\n".join(set(self._text.split()))
            self._words = frozenset(_STANDING_WORD.findall(vocabulary))
        return word in self._words


def near_surname(word: str, surname: str, words: NameWords) -> bool:
    """One edit apart with the same first letter, not a plural.

    Short words need the shape of a typo (a doubled, dropped-double or swapped letter); a changed
    letter needs a longer word: Maine/Kaine and Osama/Obama are different words, not slips.
    """
    if word[:1] != surname[:1] or not one_edit(word, surname) or plural_pair(word, surname, words):
        return False
    if any(word + end == surname or surname + end == word for end in words.demonym_endings):
        return False   # a place and its people: America/American, Russia/Russian
    if typo_shaped(word, surname):
        return True
    shortest = min(len(word), len(surname))
    return shortest >= (SUBSTITUTION_LENGTH if len(word) == len(surname) else LOOSE_LENGTH)


def alone(text: str, start: int, end: int, titles: frozenset[str]) -> bool:
    """A word standing alone: no capitalised word (but a title) right before it, none right after it."""
    if in_address(text, start):
        return False
    after = end + 2 if text.startswith("'s", end) else end
    if text[after:after + 1] == " " and text[after + 1:after + 2].isupper():
        return False
    if start < 2 or text[start - 1] != " ":
        return True
    previous = text[text.rfind(" ", 0, start - 1) + 1:start - 1]
    return previous in titles or not _CAPITALISED_END.match(previous)
