"""Find whole words from a list fast (one Aho-Corasick pass), as anchors for slower patterns."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

# Characters a word can follow. Keying the automaton on them keeps "one" in "someone" out.
OPENERS = " \n\t\u00a0(\"“‘'—–-/["


class WordIndex:
    """Whole-word occurrences of a word list, in lower case, Capitalised or UPPER case."""

    def __init__(self, words: Iterable[str]) -> None:
        """Build the automaton once."""
        self.automaton = ahocorasick.Automaton()
        self.variants: set[str] = set()
        for word in {w.strip() for w in words if w.strip()}:
            self.variants |= {word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
        for variant in self.variants:
            for opener in OPENERS:
                self.automaton.add_word(opener + variant, len(variant))
        if self.variants:
            self.automaton.make_automaton()

    def starts(self, text: str) -> list[int]:
        """Return the sorted start offsets of whole-word occurrences in text."""
        if not self.variants:
            return []
        size = len(text)
        found = [0] if any(text.startswith(v) and _ends_word(text, len(v), size)
                           for v in self.variants) else []
        for end, length in self.automaton.iter(text):
            if _ends_word(text, end + 1, size):
                found.append(end - length + 1)
        found.sort()
        return found


def _ends_word(text: str, after: int, size: int) -> bool:
    """Tell whether a word ending just before `after` ends there (no letter or digit follows)."""
    return after >= size or not text[after].isalnum()
