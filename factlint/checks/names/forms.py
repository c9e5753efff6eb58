"""Name runs and their written forms: hyphens, spaces, accents and particles that do not change a name.

"Ana Ruiz-Tagle", "Ana Ruiz Tagle" and "Ana RuizTagle" are one name; so are "Zoë Álvarez" and "Zoe
Alvarez", and "Ludwig van Beethoven" and "Ludwig Beethoven". A name run is a stretch of
capitalised words, with particles (de, la, van, al-) between them, that may be a person's name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from factlint.checks.base import compile_words

# A word of a name run: a capitalised word, or a lower-case particle, perhaps joined by a hyphen
# or apostrophe to a capitalised word ("al-Assad", "d'Arcy"). A possessive 's stays outside.
_RUN_WORD = compile_words(r"(?<![\p{L}\p{M}\p{N}'_])[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+|'(?!s\b)[\p{L}\p{M}]+)*")
_SEPARATORS = str.maketrans("", "", " -'")


class Word(NamedTuple):
    """One word of a name run and its folded span."""

    text: str
    start: int
    end: int


class NameRun(NamedTuple):
    """A possible name: its words, and where the surname begins (1 with a given name, 0 without)."""

    words: tuple[Word, ...]
    surname_at: int

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def surname(self) -> str:
        return " ".join(w.text for w in self.words[self.surname_at:])

    @property
    def given(self) -> str:
        return self.words[0].text if self.surname_at else ""


def plain(text: str) -> str:
    """Return text without accents, lower case: 'Zoë Álvarez' → 'zoe alvarez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def key(text: str, particles: frozenset[str] = frozenset()) -> str:
    """Return the spelling of a name that hyphens, spaces, accents and (given) particles do not change."""
    words = plain(text).split(" ")
    kept = [_strip_particle(w, particles) for w in words if w not in particles]
    return "".join(kept).translate(_SEPARATORS)


def _strip_particle(word: str, particles: frozenset[str]) -> str:
    """Drop a particle joined to a word by a hyphen or apostrophe ('al-assad' → 'assad')."""
    for mark in "-'":
        head, sep, tail = word.partition(mark)
        if sep and head in particles and tail:
            return tail
    return word


def in_address(text: str, start: int) -> bool:
    """Tell whether a word is part of a handle, hashtag or web address ("@IanHanchett", "x.com/Ian")."""
    chunk = text[max(0, start - 200):start].rsplit(None, 1)[-1] if start and not text[start - 1].isspace() else ""
    return chunk.endswith(("@", "#")) or ("/" in chunk and "." in chunk) or chunk.lower().startswith("http")


def _capitalised(word: str) -> bool:
    """A name word: a capital letter first and a lower-case letter somewhere (not an acronym)."""
    return word[:1].isupper() and any(c.islower() for c in word)


def _particle(word: str, particles: frozenset[str]) -> bool:
    """A lower-case particle, alone or joined to a capitalised word ('van', 'al-Assad')."""
    if word in particles:
        return True
    return any(word.partition(mark)[0] in particles and _capitalised(word.partition(mark)[2])
               for mark in "-'" if mark in word)


def runs(folded: str, not_names: frozenset[str], particles: frozenset[str]) -> list[NameRun]:
    """Return the name runs of a folded text: capitalised words and particles one space apart."""
    found: list[NameRun] = []
    current: list[Word] = []
    for match in _RUN_WORD.finditer(folded):
        if in_address(folded, match.start()):
            continue
        word = Word(match.group(), match.start(), match.end())
        joined = bool(current) and folded[current[-1].end:word.start] == " "
        if _capitalised(word.text) or _particle(word.text, particles):
            if not joined:
                _close(current, found, not_names, particles)
                current = []
            current.append(word)
            continue
        _close(current, found, not_names, particles)
        current = []
    _close(current, found, not_names, particles)
    return found


def _close(words: list[Word], found: list[NameRun], not_names: frozenset[str], particles: frozenset[str]) -> None:
    """Turn a run of words into a NameRun: the words after its last title or place word, particles inside."""
    last_other = max((i for i, w in enumerate(words) if w.text in not_names), default=-1)
    words = words[last_other + 1:]   # "Chief Financial Officer Hallorn" → "Hallorn"; "Halloran Park" → nothing
    while words and words[0].text in particles:
        words = words[1:]
    while words and words[-1].text in particles:
        words = words[:-1]
    if not words or (words[0].text[:1].islower() and len(words) == 1):
        return
    capitals = [i for i, w in enumerate(words) if _capitalised(w.text)]
    given = len(capitals) >= 2 and capitals[0] == 0
    found.append(NameRun(tuple(words), 1 if given else 0))


class Variant(NamedTuple):
    """A later form of a name and the earlier form it writes differently."""

    later: str
    start: int
    end: int
    earlier: str
    earlier_start: int


def variants(found: Iterable[NameRun], particles: frozenset[str]) -> list[Variant]:
    """Pair each name run with an earlier full name it writes with other hyphens, spaces, accents or particles.

    A full name matches a full name with or without particles ("Ludwig van Beethoven" / "Ludwig
    Beethoven"); a surname alone matches an earlier full name's surname with its particles as
    written ("Ruiz Tagle said" after "Ana Ruiz-Tagle"), since many papers drop a particle on
    second reference only when the person uses the name that way.
    """
    full: list[NameRun] = []
    pairs: list[Variant] = []
    reported: set[str] = set()
    written: set[str] = set()   # every form written so far, whole runs and surnames
    for run in found:
        earlier = None if run.text in written else _earlier_form(run, full, particles)
        written.update((run.text, run.surname))
        if earlier is not None:
            if run.text not in reported:
                reported.add(run.text)
                pairs.append(Variant(run.text, run.start, run.end, earlier[0], earlier[1]))
        elif run.surname_at:
            full.append(run)
    return pairs


def _earlier_form(run: NameRun, full: list[NameRun], particles: frozenset[str]) -> tuple[str, int] | None:
    """Return the earlier form (text, start) this run writes differently, or None."""
    text = run.text
    loose, strict = key(text, particles), key(text)
    for other in full:
        if run.surname_at and key(other.text, particles) == loose and _differs(text, other.text):
            return other.text, other.start
        surname = other.surname
        if key(surname) == strict and _differs(text, surname):
            return surname, other.words[other.surname_at].start
    return None


def _differs(a: str, b: str) -> bool:
    """Two forms differ in more than the case of their letters (a capitalised 'De la' opens a sentence)."""
    return a.lower() != b.lower()
