"""Find whole words from a list fast (one Aho-Corasick pass), as anchors for slower patterns."""

from __future__ import annotations

import weakref
from collections.abc import Iterable

import ahocorasick

# Characters a word can follow. Keying the automaton on them keeps "one" in "someone" out.
OPENERS = " \n\t\u00a0(\"“‘'—–-/["

# Every live index shares one automaton, so a document is scanned once for all their words
# (each scan costs about 10 ns a character whatever the words). Keys: 'automaton', and the
# 'text' last scanned with its 'hits' per index id. A new index clears it all.
_LIVE: weakref.WeakSet[WordIndex] = weakref.WeakSet()
_SHARED: dict[str, object] = {}


class WordIndex:
    """Whole-word occurrences of a word list, in lower case, Capitalised or UPPER case."""

    def __init__(self, words: Iterable[str]) -> None:
        """Collect the word forms; the shared automaton is rebuilt with them on first use."""
        self.variants: set[str] = set()
        for word in {w.strip() for w in words if w.strip()}:
            self.variants |= {word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
        _LIVE.add(self)
        _SHARED.clear()

    def starts(self, text: str) -> list[int]:
        """Return the sorted start offsets of whole-word occurrences in text."""
        if not self.variants:
            return []
        size = len(text)
        # One C-level startswith over all the forms first: most texts open with none of them.
        found = [0] if text.startswith(tuple(self.variants)) and any(
            text.startswith(v) and _ends_word(text, len(v), size) for v in self.variants) else []
        found += _scan(text).get(id(self), ())
        found.sort()
        return found


def _scan(text: str) -> dict[int, list[int]]:
    """Return each live index's whole-word starts in text (after an opener), by index id."""
    if _SHARED.get("text") is text:
        return _SHARED["hits"]  # type: ignore[return-value]
    automaton = _SHARED.get("automaton")
    if automaton is None:
        automaton = _automaton()
    size = len(text)
    hits: dict[int, list[int]] = {}
    for start, owners in [(end - length + 1, owners) for end, (length, owners) in automaton.iter(text)
                          if end + 1 >= size or not text[end + 1].isalnum()]:
        for owner in owners:
            hits.setdefault(owner, []).append(start)
    _SHARED.update(text=text, hits=hits)
    return hits


def _automaton() -> ahocorasick.Automaton:
    """Build the shared automaton: each opener + word form, with its length and the ids of its indexes."""
    keys: dict[str, tuple[int, list[int]]] = {}
    for index in list(_LIVE):
        for variant in index.variants:
            for opener in OPENERS:
                keys.setdefault(opener + variant, (len(variant), []))[1].append(id(index))
    automaton = ahocorasick.Automaton()
    for key, (length, owners) in keys.items():
        automaton.add_word(key, (length, tuple(owners)))
    if keys:
        automaton.make_automaton()
    _SHARED["automaton"] = automaton
    return automaton


def _ends_word(text: str, after: int, size: int) -> bool:
    """Tell whether a word ending just before `after` ends there (no letter or digit follows)."""
    return after >= size or not text[after].isalnum()
