"""Find whole words from a list fast (one Aho-Corasick pass), as anchors for slower patterns."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

# Characters a word can follow. Keying the automaton on them keeps "one" in "someone" out.
OPENERS = " \n\t\u00a0(\"“‘'—–-/["


class WordIndex:
    """Whole-word occurrences of a word list, in lower case, Capitalised or UPPER case.

    The automaton is built once, when the rule that owns the index is built; a scan keeps
    nothing, so one index serves any number of documents at once.
    """

    def __init__(self, words: Iterable[str]) -> None:
        """Collect the word forms and build their automaton."""
        self.variants: set[str] = set()
        for word in {w.strip() for w in words if w.strip()}:
            self.variants |= {word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
        self._prefixes = tuple(self.variants)
        self._automaton = _automaton(self.variants)

    def starts(self, text: str) -> list[int]:
        """Return the sorted start offsets of whole-word occurrences in text."""
        if not self.variants:
            return []
        size = len(text)
        # One C-level startswith over all the forms first: most texts open with none of them.
        found = [0] if text.startswith(self._prefixes) and any(
            text.startswith(v) and _ends_word(text, len(v), size) for v in self.variants) else []
        found += [end - length + 1 for end, length in self._automaton.iter(text)
                  if end + 1 >= size or not text[end + 1].isalnum()]
        found.sort()
        return found

    def starts_among(self, text: str, candidates: list[int]) -> list[int]:
        """Return those of the sorted candidate offsets where starts() finds a word, in order.

        Given every offset where a form of a word may start (the rule set's word scan), this
        finds what starts() finds without a pass of its own.
        """
        size = len(text)
        return [at for at in candidates
                if (at == 0 or text[at - 1] in OPENERS) and text.startswith(self._prefixes, at)
                and any(text.startswith(v, at) and _ends_word(text, at + len(v), size) for v in self.variants)]


def _automaton(variants: set[str]) -> ahocorasick.Automaton:
    """Build an automaton of each opener + word form, each key holding its word's length."""
    automaton = ahocorasick.Automaton()
    for variant in variants:
        for opener in OPENERS:
            automaton.add_word(opener + variant, len(variant))
    if variants:
        automaton.make_automaton()
    return automaton


def _ends_word(text: str, after: int, size: int) -> bool:
    """Tell whether a word ending just before `after` ends there (no letter or digit follows)."""
    return after >= size or not text[after].isalnum()
