"""Find whole words from a list fast (one Aho-Corasick pass), as anchors for slower patterns."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import ahocorasick_rs

from factlint.document import Document

# Characters a word can follow: "one" in "someone" follows none of them.
OPENERS = " \n\t\u00a0(\"“‘'—–-/["
# Bytes as FormScan reads them: ASCII letters in lower case, digits, every other byte a space.
SPACED_BYTES = bytes(c | 0x20 if chr(c).isalpha() and c < 128 else c if chr(c).isdigit() and c < 128 else 32
                     for c in range(256))


class WordIndex:
    """Whole-word occurrences of a word list, in lower case, Capitalised or UPPER case.

    The automaton is built once, on the first search of its own (an index whose rule set
    scans all its indexes in one pass, see WordIndexes, never needs one); a scan keeps
    nothing, so one index serves any number of documents at once.
    """

    def __init__(self, words: Iterable[str]) -> None:
        """Collect the word forms."""
        self.variants: set[str] = set()
        for word in {w.strip() for w in words if w.strip()}:
            self.variants |= {word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
        self._prefixes = tuple(self.variants)
        self._automaton: FormScan | None = None
        self._lock = threading.Lock()

    def starts(self, text: str) -> list[int]:
        """Return the sorted start offsets of whole-word occurrences in text."""
        if not self.variants:
            return []
        with self._lock:
            if self._automaton is None:
                self._automaton = FormScan({variant: () for variant in self.variants})
        found = self.text_start(text) + [start for start, _ in self._automaton.hits(text)]
        found.sort()
        return found

    def text_start(self, text: str) -> list[int]:
        """Return [0] if a form of a word opens the text, else []: no opener comes before it there."""
        # One C-level startswith over all the forms first: most texts open with none of them.
        return [0] if text.startswith(self._prefixes) and any(
            text.startswith(v) and _ends_word(text, len(v), len(text)) for v in self.variants) else []

    def starts_among(self, text: str, candidates: list[int]) -> list[int]:
        """Return those of the sorted candidate offsets where starts() finds a word, in order.

        Given every offset where a form of a word may start (the rule set's word scan), this
        finds what starts() finds without a pass of its own.
        """
        size = len(text)
        return [at for at in candidates
                if (at == 0 or text[at - 1] in OPENERS) and text.startswith(self._prefixes, at)
                and any(text.startswith(v, at) and _ends_word(text, at + len(v), size) for v in self.variants)]


class WordIndexes:
    """The word indexes of one rule set, searched in one Aho-Corasick pass over a document.

    Rules register their indexes while the set loads; the automaton is built on the first
    scan (and again if an index registers later). A scan's hits live in the document's store,
    so any number of documents can be scanned at once. Each index finds what its own
    starts() finds: the pass costs about what one index's did, however many share it.
    """

    def __init__(self) -> None:
        self._indexes: list[WordIndex] = []
        self._automaton: FormScan | None = None
        self._lock = threading.Lock()

    def register(self, index: WordIndex) -> int:
        """Add an index; return its number, for starts()."""
        with self._lock:
            self._indexes.append(index)
            self._automaton = None
            return len(self._indexes) - 1

    def starts(self, doc: Document, number: int) -> list[int]:
        """Return the sorted starts of index `number`'s words in doc.lint_text, as WordIndex.starts finds them."""
        automaton, count = self._built()
        hits = doc.derived((WordIndexes, self, count), lambda: _scan_all(automaton, count, doc.lint_text))
        index = self._indexes[number]
        return index.text_start(doc.lint_text) + hits[number] if index.variants else []

    def _built(self) -> tuple[FormScan, int]:
        """Return the automaton of every registered index's word forms and the number of indexes it holds."""
        with self._lock:
            if self._automaton is None:
                owners: dict[str, list[int]] = {}
                for number, index in enumerate(self._indexes):
                    for variant in index.variants:
                        owners.setdefault(variant, []).append(number)
                self._automaton = FormScan({form: tuple(numbers) for form, numbers in owners.items()})
            return self._automaton, len(self._indexes)


def _scan_all(automaton: FormScan, count: int, text: str) -> list[list[int]]:
    """Return each index's sorted word starts in text (those after an opener), in one pass."""
    found: list[list[int]] = [[] for _ in range(count)]
    for start, numbers in automaton.hits(text):
        for number in numbers:
            found[number].append(start)
    for starts in found:
        starts.sort()
    return found


class FormScan:
    """Word forms found where they stand as whole words after an opener, in one pass over a text.

    The pass reads the text as ASCII letters in lower case and digits, every other character a
    space, and looks for each form so read with a space either side: one key for a word's three
    forms, found only where a word stands alone. Each place found is then checked in the text
    itself (the opener, the form as written, no letter after it), so nothing else is found.
    """

    def __init__(self, owners: dict[str, tuple[int, ...]]) -> None:
        """Key the forms (each with the indexes that hold it)."""
        self._owners = owners
        keys = sorted({_spaced(form) for form in owners})
        self._automaton = ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def hits(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """Return (start, indexes holding it) of each form standing as a whole word after an opener."""
        found, size, owners = [], len(text), self._owners
        for _, start, end in self._automaton.find_matches_as_indexes(_spaced(text), overlapping=True):
            end -= 2   # the key's spaces: its first stands for the character before the word, at start - 1
            if start and text[start - 1] in OPENERS and (end >= size or not text[end].isalnum()):
                numbers = owners.get(text[start:end])
                if numbers is not None:
                    found.append((start, numbers))
        return found


def _spaced(text: str) -> str:
    """Return text as FormScan reads it, with a space before and after: offsets shift by one."""
    return " " + text.encode("ascii", "replace").translate(SPACED_BYTES).decode("ascii") + " "


def _ends_word(text: str, after: int, size: int) -> bool:
    """Tell whether a word ending just before `after` ends there (no letter or digit follows)."""
    return after >= size or not text[after].isalnum()
