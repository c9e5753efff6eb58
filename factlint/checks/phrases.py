"""Find any of many cue phrases by word lookups, with the boundaries of `word_pattern`, and no regex to compile.

A hundred phrases joined into one case-blind alternation cost tens of milliseconds to compile
on every start; the same search as a dictionary keyed by each phrase's first word costs nothing
to build. A phrase matches as `word_pattern(phrases, r"\\s+")` compiled case-blind would: its
first word does not follow a word character or a dot, its words are separated by any white
space, and it is not followed by a word character or a dot that opens one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate

from factlint.checks.lexicon import WordMatch
from factlint.rule import RuleError
from factlint.wordscan import ASCII_FOLD

WORD_RUN = re.compile(r"\w+")
WORD_RUN_SPLIT = re.compile(r"(\w+)")
SPACE = re.compile(r"\s+")


def _folded(text: str) -> str:
    """Return text in lower case as a case-blind search compares it (dotted and dotless i, long s)."""
    # Three C-level searches are far cheaper than a translation, which looks up every character.
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(ASCII_FOLD)
    return text.lower()


def _is_word(char: str) -> bool:
    """Tell whether a character is a word character (\\w)."""
    return char.isalnum() or char == "_"


class PhraseSet:
    """Whole phrases from a list, found case-blind by looking up each word run of a text."""

    def __init__(self, phrases: Iterable[str]) -> None:
        """Index the phrases by their first word run, then by their second word's, longest first."""
        # "in" opens dozens of cues ("in a statement", "in an interview" ...): looking up the next
        # word too keeps the phrases tried at each "in" of a text to the few that can match.
        index: dict[str, dict[str | None, list[tuple[str, ...]]]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            words = tuple(_folded(w) for w in phrase.split(" ") if w)
            head = WORD_RUN.match(words[0]) if words else None
            if head is None:
                raise ValueError(f"a cue phrase must start with a letter or digit: {phrase!r}")
            second = WORD_RUN.match(words[1]) if len(words) > 1 and head.group() == words[0] else None
            index.setdefault(head.group(), {}).setdefault(second and second.group(), []).append(words)
        self._index = {key: {k: tuple(v) for k, v in by_next.items()} for key, by_next in index.items()}
        # The phrases to try, longest first, by first word and then by the word after it (or none), built once.
        self._ordered = {key: ({k: _longest_first([*v, *by_next.get(None, ())]) for k, v in by_next.items() if k},
                               _longest_first(list(by_next.get(None, ()))))
                         for key, by_next in self._index.items()}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        """Yield each phrase that starts in text[pos:endpos] and ends by endpos."""
        stop = len(text) if endpos is None else min(endpos, len(text))
        window = _folded(text[pos:stop])
        if len(window) != stop - pos:  # a character that folds to two: compare word by word
            yield from self._finditer_unfolded(text, pos, stop)
            return
        # Folding one character to one keeps word characters word characters (a test checks every
        # one), so the window's word runs are the text's, and their text is the key to look up.
        # One split gives the runs and what lies between them; summed lengths give their offsets.
        pieces = WORD_RUN_SPLIT.split(window)
        keys = pieces[1::2]
        heads = [i for i, key in enumerate(keys) if key in self._index]
        if not heads:
            return
        offsets = list(accumulate(map(len, pieces)))
        for i in heads:
            # The next run follows this one if only white space lies between them.
            by_next, alone = self._ordered[keys[i]]
            chosen = by_next.get(keys[i + 1], alone) if i + 1 < len(keys) and pieces[2 * i + 2].isspace() else alone
            begin = offsets[2 * i] + pos
            if not chosen or (begin > 0 and (_is_word(text[begin - 1]) or text[begin - 1] == ".")):
                continue
            for words in chosen:
                end = _match_words(window, begin - pos, words)
                if end is not None:
                    yield WordMatch(text[begin:end + pos], begin, end + pos)
                    break

    def _finditer_unfolded(self, text: str, pos: int, stop: int) -> Iterator[WordMatch]:
        """Yield each phrase of text[pos:stop] when folding changes its length: word by word, each folded."""
        for run in WORD_RUN.finditer(text, pos, stop):
            begin = run.start()
            by_next = self._index.get(_folded(run.group()))
            if by_next is None or (begin > 0 and (_is_word(text[begin - 1]) or text[begin - 1] == ".")):
                continue
            for words in _longest_first([p for group in by_next.values() for p in group]):
                end = _match_words(text[pos:stop], begin - pos, words, fold=True)
                if end is not None:
                    yield WordMatch(text[begin:end + pos], begin, end + pos)
                    break

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        """Return the first phrase in text[pos:endpos], or None."""
        return next(self.finditer(text, pos, endpos), None)


def _longest_first(phrases: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Return phrases longest first (by their text), in their order where they are as long."""
    return sorted(phrases, key=lambda p: -len(" ".join(p))) if len(phrases) > 1 else phrases


def _match_words(window: str, at: int, words: tuple[str, ...], fold: bool = False) -> int | None:
    """Return where the phrase of `words` ends if it matches the (folded) window at `at`, else None."""
    for number, word in enumerate(words):
        if number:
            gap = SPACE.match(window, at)
            if gap is None:
                return None
            at = gap.end()
        if not (_folded(window[at:at + len(word)]) == word if fold else window.startswith(word, at)):
            return None
        at += len(word)
    # The phrase must end a word: no word character next, nor a dot that opens one ("U.S.A").
    following = window[at:at + 2]
    if following and (_is_word(following[0]) or (following[0] == "." and following[1:] and _is_word(following[1]))):
        return None
    return at


def phrase_set(phrases: Iterable[str], key: str) -> PhraseSet:
    """Build a rule's PhraseSet, reporting a phrase it cannot hold as a RuleError on `key`."""
    try:
        return PhraseSet(phrases)
    except ValueError as exc:
        raise RuleError(str(exc), key) from None
