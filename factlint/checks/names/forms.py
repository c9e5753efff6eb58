"""Name runs and their written forms: hyphens, spaces, accents and particles that do not change a name.

"Ana Ruiz-Tagle", "Ana Ruiz Tagle" and "Ana RuizTagle" are one name; so are "Zoë Álvarez" and "Zoe
Alvarez", and "Ludwig van Beethoven" and "Ludwig Beethoven". A name run is a stretch of
capitalised words, with particles (de, la, van, al-) between them, that may be a person's name.
"""

import unicodedata
from collections.abc import Iterable
from functools import partial
from typing import NamedTuple

from factlint.checks.base import compile_words
from factlint.checks.names.text import ClassPattern, for_text

# A word of a name run: a capitalised word, or a lower-case particle, perhaps joined by a hyphen
# or apostrophe to a capitalised word ("al-Assad", "d'Arcy"). A possessive 's stays outside.
_CAPITAL_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+|'(?!s\b)[\p{L}\p{M}]+)*"
# What joins a particle to the word after it: a space, a hyphen, an apostrophe.
PARTICLE_MARKS = " -'"


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
        return self.words[0].text if len(self.words) == 1 else " ".join(w.text for w in self.words)

    @property
    def surname(self) -> str:
        return " ".join(w.text for w in self.words[self.surname_at:])

    @property
    def given(self) -> str:
        return self.words[0].text if self.surname_at else ""


# Words and runs made as tuples of their fields, at C speed: a name run's words are made tens of
# thousands of times in a long story, and a NamedTuple's own constructor is Python code.
_word = partial(tuple.__new__, Word)
_name_run = partial(tuple.__new__, NameRun)


def plain(text: str) -> str:
    """Return text without accents, lower case: 'Zoë Álvarez' → 'zoe alvarez'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def key(text: str, particles: frozenset[str] = frozenset()) -> str:
    """Return the spelling of a name that hyphens, spaces, accents and (given) particles do not change."""
    words = plain(text).split(" ")
    kept = [_strip_particle(w, particles) if "-" in w or "'" in w else w for w in words if w not in particles]
    # Spaces, hyphens and apostrophes do not change a name: the words are joined without them.
    return "".join(kept).replace("-", "").replace("'", "")


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
    return word[:1].isupper() and not word.isupper()


def runs(folded: str, not_names: frozenset[str], particles: frozenset[str], pattern: ClassPattern,
         others: frozenset[str] | None = None) -> list[NameRun]:
    """Return the name runs of a folded text: capitalised words, one space apart, and particles among them.

    `pattern` (run_pattern(), compiled once per rule set) finds the capitalised words; particles
    before and between them ("Ludwig van Beethoven", "Bashar al-Assad") are joined here, which is
    far faster than a search that tries every "de" and "la" of the text. `others`: see for_text.
    """
    found: list[NameRun] = []
    current: list[Word] = []   # the open run when particles joined it; else the plain stretch holds it
    plain, plain_start = "", 0   # the open stretch no particle joined: made Words only if it names someone
    # A particle can stand before a word only if the character before that word's mark ends one,
    # and the text there ends with a particle: most words are ruled out without _after_particle.
    particle_ends = {p[-1] for p in particles if p}
    endings = tuple(p for p in particles if p)
    for match in for_text(pattern, folded, others).finditer(folded):
        start, text = match.start(), match.group()
        if not plain and not current and text in not_names:
            continue   # "The", "But", "Monday" before the first run: dropped before any work
        before = folded[start - 1] if start else ""
        if before != " " and before and not before.isspace() and (
                before.isalnum() or before == "_" or in_address(folded, start)):
            continue   # inside a word ("iPhone"), or a handle or web address
        # Where _after_particle finds none, _particles_before finds none either.
        if not (before in PARTICLE_MARKS and start >= 2 and (folded[start - 2].isspace() or folded[
                start - 2] in particle_ends and folded.endswith(endings, 0, start - 1))
                and _after_particle(folded, start, particles)):
            if not plain:   # the common case: capitalised words, no particle before them
                _split(current, found, not_names)
                current = []
            elif " " not in plain:
                if plain not in not_names and plain[:1].isupper() and not plain.isupper():
                    found.append(_name_run(((_word((plain, plain_start, plain_start + len(plain))),), 0)))
            else:
                _close_plain(plain, plain_start, found, not_names)
            plain, plain_start = text, start
            continue
        if plain:
            current, plain = _words(plain, plain_start), ""
        words = _words(text, start)
        lead = _particles_before(folded, start, particles)
        if current and lead and lead[0].start > current[-1].end and folded[current[-1].end:lead[0].start] == " ":
            current.extend(_join(lead, words))
            continue
        _split(current, found, not_names)
        current = _join(lead, words)
    _split(_words(plain, plain_start) if plain else current, found, not_names)
    return found


def _close_plain(text: str, start: int, found: list[NameRun], not_names: frozenset[str]) -> None:
    """Close a run of capitalised words that no particle joined: most name no one, as its text tells."""
    pieces = text.split(" ")
    if not any(map(str.isupper, pieces)):
        _close_pieces(pieces, start, found, not_names)
        return
    part: list[str] = []   # split at acronyms ('US'), as _split splits Words, before any Word is made
    part_start = at = start
    for piece in pieces:
        if _capitalised(piece) or not piece[:1].isupper():
            if not part:
                part_start = at
            part.append(piece)
        else:
            _close_pieces(part, part_start, found, not_names)
            part = []
        at += len(piece) + 1
    _close_pieces(part, part_start, found, not_names)


def _close_pieces(pieces: list[str], start: int, found: list[NameRun], not_names: frozenset[str]) -> None:
    """Close words one space apart from start as _close does, making Words only after the last title or place word."""
    kept = len(pieces)
    while kept and pieces[kept - 1] not in not_names:
        kept -= 1
    if kept < len(pieces):   # else "the White House": no word after its last place word
        at = start + sum(map(len, pieces[:kept])) + kept
        # No title or place word is left among them: _close need not look again.
        _close_named(_piece_words(pieces[kept:], at), found)


def _words(text: str, at: int) -> list[Word]:
    """The space-separated words of a match, with their spans."""
    return _piece_words(text.split(" "), at)


def _piece_words(pieces: list[str], at: int) -> list[Word]:
    """Words of the pieces of a match, one space apart from offset at, with their spans."""
    words = []
    for piece in pieces:
        end = at + len(piece)
        words.append(_word((piece, at, end)))
        at = end + 1
    return words


def _after_particle(folded: str, start: int, particles: frozenset[str]) -> bool:
    """Tell quickly whether a particle ("van ", "al-") stands right before offset start."""
    if start < 2 or folded[start - 1] not in PARTICLE_MARKS:
        return False
    before = folded[max(0, start - 8):start - 1].rsplit(None, 1)
    return bool(before) and before[-1] in particles


def _particles_before(folded: str, start: int, particles: frozenset[str]) -> list[Word]:
    """The particles right before a capitalised word: 'van ' of 'van Beethoven', 'al-' of 'al-Assad'."""
    found: list[Word] = []
    at = start
    while at > 1 and folded[at - 1] in " -'":
        begin = max(folded.rfind(" ", 0, at - 1), folded.rfind("\n", 0, at - 1)) + 1
        word = folded[begin:at - 1]
        if word not in particles:
            break
        found.insert(0, Word(word + (folded[at - 1] if folded[at - 1] != " " else ""), begin, at if folded[at - 1] != " " else at - 1))
        at = begin
    return found


def _join(lead: list[Word], words: list[Word]) -> list[Word]:
    """Particles and the words after them; a joined particle ('al-') becomes part of its word."""
    if lead and lead[-1].text[-1:] in "-'":
        joined = Word(lead[-1].text + words[0].text, lead[-1].start, words[0].end)
        return [*lead[:-1], joined, *words[1:]]
    return [*lead, *words]


def _split(words: list[Word], found: list[NameRun], not_names: frozenset[str]) -> None:
    """Close a run, split at words that are no name words (an acronym such as 'US')."""
    if len(words) == 1:   # the common case, kept cheap
        if words[0].text not in not_names and _capitalised(words[0].text):
            found.append(NameRun((words[0],), 0))
        return
    if not any(w.text.isupper() for w in words):   # no acronym to split at
        _close(words, found, not_names)
        return
    part: list[Word] = []
    for word in words:
        if _capitalised(word.text) or not word.text[:1].isupper():
            part.append(word)
        else:
            _close(part, found, not_names)
            part = []
    _close(part, found, not_names)


def run_pattern(particles: frozenset[str] = frozenset()) -> ClassPattern:
    """Capitalised words (acronyms too), one space apart: one match a stretch."""
    capital = _CAPITAL_WORD + r"(?![\p{L}\p{M}])"
    return ClassPattern(compile_words(rf"{capital}(?: {capital})*"))


def _close(words: list[Word], found: list[NameRun], not_names: frozenset[str]) -> None:
    """Turn a run of words into a NameRun: the words after its last title or place word."""
    last_other = len(words) - 1
    while last_other >= 0 and words[last_other].text not in not_names:
        last_other -= 1
    # "Chief Financial Officer Hallorn" → "Hallorn"; "Halloran Park" → nothing
    _close_named(words[last_other + 1:], found)


def _close_named(words: list[Word], found: list[NameRun]) -> None:
    """Turn words with no title or place word among them into a NameRun, past the particles that open them."""
    while words and not words[0].text[:1].isupper() and not _joined_particle(words[0].text):
        words = words[1:]            # a particle after a title word opens nothing
    if not words:
        return
    capitals = [i for i, w in enumerate(words) if _capitalised(w.text)]
    if not capitals:
        return
    given = len(capitals) >= 2 and capitals[0] == 0
    found.append(_name_run((tuple(words), 1 if given else 0)))


def _joined_particle(word: str) -> bool:
    """'al-Assad': a lower-case particle joined to a capitalised word."""
    return any(mark in word and word.partition(mark)[2][:1].isupper() for mark in "-'")


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
    # Earlier full names by spelling key: the whole name without particles, and the surname as written.
    by_name: dict[str, list[tuple[str, int]]] = {}
    by_surname: dict[str, list[tuple[str, int]]] = {}
    pairs: list[Variant] = []
    written: set[str] = set()   # every form written so far, whole runs and surnames
    for run in found:
        words = run.words
        text = words[0].text if len(words) == 1 else run.text   # most runs are one word: no property call
        if text in written:
            continue
        surname = text if len(words) == 1 else run.surname   # a one-word run is its own surname
        name_key = key(text, particles) if run.surname_at else None
        earlier = _earlier_form(text, name_key, by_name, by_surname)
        written.update((text, surname))
        if earlier is not None:
            pairs.append(Variant(text, run.start, run.end, *earlier))
        elif name_key is not None:
            by_name.setdefault(name_key, []).append((text, run.start))
            by_surname.setdefault(key(surname), []).append((surname, run.words[run.surname_at].start))
    return pairs


def _earlier_form(text: str, name_key: str | None, by_name: dict[str, list[tuple[str, int]]],
                  by_surname: dict[str, list[tuple[str, int]]]) -> tuple[str, int] | None:
    """Return the earlier form (text, start) a run writes differently, or None; name_key only for a full name."""
    if name_key is not None:
        for form in by_name.get(name_key, ()):
            if _differs(text, form[0]):
                return form
    for form in by_surname.get(key(text), ()):
        if _differs(text, form[0]):
            return form
    return None


def _differs(a: str, b: str) -> bool:
    """Two forms differ in more than the case of their letters (a capitalised 'De la' opens a sentence)."""
    return a.lower() != b.lower()
