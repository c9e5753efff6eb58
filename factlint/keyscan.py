"""Find many keys in a text in one Aho-Corasick pass, overlapping ones too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import ahocorasick_rs

T = TypeVar("T")


class KeyScan(Generic[T]):
    """Keys, each with a value, found wherever they occur in a text (overlapping ones too), in one pass.

    The pass runs over the text with every character outside ASCII as '?' (one character each,
    so offsets stay), several times faster than over the text itself; a key that holds such a
    character, or a '?', is checked in the text where its ASCII form is found.
    """

    def __init__(self, keys: list[str], values: list[T]) -> None:
        by_form: dict[str, list[tuple[str, T]]] = {}
        for key, value in zip(keys, values):
            form = key if key.isascii() else key.encode("ascii", "replace").decode("ascii")
            by_form.setdefault(form, []).append((key, value))
        forms = list(by_form)
        # Per form: None where the form is its one key, else the keys (and values) to check in the text.
        self._checked = [None if "?" not in form and len(by_form[form]) == 1 else tuple(by_form[form])
                         for form in forms]
        self._values = [by_form[form][0][1] for form in forms]
        # A contiguous NFA builds in a third of a DFA's time (paid on every start) and searches almost as fast.
        self._automaton = ahocorasick_rs.AhoCorasick(forms, implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def find(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Yield (start, end, value) of each occurrence of a key, ordered by end."""
        plain = text if text.isascii() else text.encode("ascii", "replace").decode("ascii")
        checked, values = self._checked, self._values
        for form, start, end in self._automaton.find_matches_as_indexes(plain, overlapping=True):
            keys = checked[form]
            if keys is None:
                yield start, end, values[form]
            else:
                yield from ((start, end, value) for key, value in keys if text.startswith(key, start))
