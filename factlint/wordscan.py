"""One Aho-Corasick pass per document finds where any rule's listed words may occur.

The word-list rules of a rule set (substitutions, existence tokens, consistency pairs, their
exceptions) register their phrases with the set's one scanner while they are built. A document
is then scanned once, in lower case, and each rule confirms its own candidates with its own
compiled pattern: the scan only says where to look, the pattern still decides what matches.
"""

import threading
from collections.abc import Iterable
from typing import NamedTuple

from factlint.document import Document
from factlint.keyscan import KeyScan

# Characters outside ASCII that a case-insensitive `re` or `regex` search matches to an ASCII
# letter, mapped to it, where str.lower() alone would not (the Kelvin sign lowers to k itself).
# tests/test_wordscan.py probes both engines over every code point to keep this complete.
ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
# Every character outside ASCII whose folded form is ASCII: those of ASCII_FOLD and the Kelvin sign.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
# A candidate cannot follow a letter, digit, underscore or dot (no word boundary of word_pattern
# nor WordIndex allows one there, whatever the engine) nor run into a letter or digit.
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# An underscore or a dot: no candidate follows one (see candidates), though other searches allow it.
AFTER_MARKS = frozenset("_.")


def scannable(phrase: str) -> bool:
    """Tell whether the scanner can find a phrase: printable ASCII words, single spaces between."""
    return (phrase.isascii() and phrase.isprintable() and phrase.strip() == phrase != ""
            and "  " not in phrase)


def fold(text: str) -> str | None:
    """Return text in lower case, ASCII look-alikes folded, or None if that would shift offsets."""
    if any(c in text for c in "\u0130\u0131\u017f"):
        text = text.translate(ASCII_FOLD)
    folded = text.lower()
    # A character that lowers to two (no character lowers to none) would shift every offset after it.
    return folded if len(folded) == len(text) else None


def fold_ascii(text: str) -> str:
    """Return fold(text) with every character outside ASCII as '?', for text none of whose others fold to ASCII."""
    # One byte a character lowers several times faster than str.lower(); the ASCII phrases
    # that a scan looks for (none with a '?') meet the same letters and boundaries either way.
    return text.encode("ascii", "replace").lower().decode("ascii")


class WordScanner:
    """The phrases of every word-list rule of one rule set, found in one pass over a document.

    Rules register while the set loads; the automaton is built on the first scan (and again if
    a rule registers later). A scan's hits live in the document's store, so any number of
    documents can be scanned at once.
    """

    def __init__(self) -> None:
        self._phrases: set[str] = set()
        self._automaton: KeyScan[str] | None = None
        self._generation = 0
        self._questions = False   # a phrase holds a '?': see _scan
        self._lock = threading.Lock()

    def register(self, phrases: Iterable[str]) -> frozenset[str] | None:
        """Add a rule's phrases; return their scan keys, or None if some cannot be scanned."""
        phrases = tuple(phrases)
        if not phrases or not all(scannable(p) for p in phrases):
            return None
        keys = frozenset(p.lower() for p in phrases)
        with self._lock:
            if not keys <= self._phrases:
                self._phrases |= keys
                self._questions = self._questions or any("?" in key for key in keys)
                self._automaton = None
                self._generation += 1
        return keys

    def candidates(self, doc: Document, keys: frozenset[str]) -> list[int] | None:
        """Return the sorted offsets where one of the phrases may start, or None to search the text."""
        scanned = self._scanned(doc)
        if scanned is None:
            return None
        return sorted(start for key in keys for start in scanned.words.get(key, ()))

    def spans_if_scanned(self, doc: Document, keys: frozenset[str]) -> list[tuple[int, int]] | None:
        """Return the sorted spans of the phrases where candidates() finds them and after a '_' or '.'.

        Only from a scan another rule has made of doc already, which then costs nothing more;
        None if there is none (or the scan cannot be made), and the caller searches itself.
        """
        with self._lock:
            generation = self._generation
        scanned = doc.derived_so_far((WordScanner, self, generation))
        if not isinstance(scanned, Scanned):
            return None
        return sorted((start, start + len(key)) for key in keys
                      for found in (scanned.words, scanned.after_marks) for start in found.get(key, ()))

    def _scanned(self, doc: Document) -> "Scanned | None":
        """Return the document's scan, made on the first request of any rule."""
        automaton, generation = self._built()
        return doc.derived((WordScanner, self, generation), lambda: _scan(automaton, doc.lint_text, self._questions))

    def _built(self) -> tuple[KeyScan[str], int]:
        """Return the automaton of every registered phrase, building it if a phrase is new."""
        with self._lock:
            if self._automaton is None:
                phrases = sorted(self._phrases)
                self._automaton = KeyScan(phrases, phrases)
            return self._automaton, self._generation


class Scanned(NamedTuple):
    """Each phrase's start offsets in a document: as a word, and after a '_' or '.' (the same word tests after)."""

    words: dict[str, list[int]]
    after_marks: dict[str, list[int]]


def _scan(automaton: KeyScan[str], text: str, questions: bool) -> Scanned | None:
    """Return each phrase's start offsets in text, dropping those inside a longer ASCII word.

    `questions`: some phrase holds a '?', which fold_ascii would make of other characters.
    """
    exact = questions or any(c in text for c in FOLDS_TO_ASCII)   # else the faster fold meets the same phrases
    folded = fold(text) if exact else fold_ascii(text)
    if folded is None:
        return None
    size = len(folded)
    words: dict[str, list[int]] = {}
    after_marks: dict[str, list[int]] = {}
    for start, end, phrase in automaton.find(folded):
        if (end < size and folded[end] in ASCII_ALNUM) or (start and folded[start - 1] in ASCII_ALNUM):
            continue
        (after_marks if start and folded[start - 1] in AFTER_MARKS else words).setdefault(phrase, []).append(start)
    return Scanned(words, after_marks)
