"""Regex alternations of escaped word lists: phrases longest first, whole words with their boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterable

PLAIN_WORD = re.compile(r"[A-Za-z0-9_]+")  # a first word that word_pattern may share among phrases


def alternation(phrases: Iterable[str], space: str = r"\ ") -> str:
    """Return the phrases escaped, longest first, as one alternation that never matches if empty.

    `space` is what a space inside a phrase matches: itself, or r"\\s+" for any white space.
    """
    # Ties in length go in text order, so that a set gives the same pattern in every process
    # (which the pattern cache keys on); phrases of one length cannot both match at one place.
    escaped = sorted((re.escape(p) for p in phrases), key=_longest_first)
    return "|".join(e.replace(r"\ ", space) for e in escaped) or r"(?!)"


def _longest_first(phrase: str) -> tuple[int, str]:
    """Sort key of an alternation: longest first, ties in text order (see alternation)."""
    return -len(phrase), phrase


def word_pattern(words: Iterable[str], space: str = r"\ ") -> str:
    """Return a regex alternation matching any of the words as whole words, longest first.

    `space` is what a space inside a phrase matches: itself, or r"\\s+" for any white space.
    """
    phrases = sorted(words, key=_longest_first)
    # Each phrase checks the character before it in a look-behind after its first word: a
    # search that opens with the words, not an assertion, lets `re` skip ahead to them.
    grouped = _by_first_word(phrases, space)
    alternatives = grouped if grouped is not None else [_bounded(p, space) for p in phrases]
    return "(?:" + "|".join(alternatives) + r")(?!\w|\.\w)"


def _by_first_word(phrases: list[str], space: str) -> list[str] | None:
    """Return the phrases as one alternative per first word, their rests in order; None if unsafe."""
    # "in(?:…|…|)" costs one test of "in" where "in …|in …|in" cost three, and matches what the flat
    # alternation matches, in its order, when no two first words can match at one place: plain ASCII
    # words that differ in lower case (the shorter is then followed by a letter, which neither a
    # space nor the end of a word allows).
    rests: dict[str, list[str]] = {}
    for phrase in phrases:
        head, gap, rest = phrase.partition(" ")
        if not PLAIN_WORD.fullmatch(head):
            return None
        rests.setdefault(head, []).append(space + space.join(re.escape(w) for w in rest.split(" ")) if gap else "")
    if len({head.lower() for head in rests}) < len(rests):
        return None
    return [rf"{head}(?<![\w.]{head})" + (tails[0] if len(tails) == 1 else f"(?:{'|'.join(tails)})")
            for head, tails in rests.items()]


def _bounded(phrase: str, space: str) -> str:
    """Return one escaped phrase whose first word must not follow a letter, digit or dot."""
    head, gap, rest = phrase.partition(" ")
    first = re.escape(head)
    tail = space + space.join(re.escape(w) for w in rest.split(" ")) if gap else ""
    return rf"{first}(?<![\w.]{first}){tail}" if first else rf"(?<![\w.]){tail}"
