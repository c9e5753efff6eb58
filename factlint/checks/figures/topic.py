"""A data source's credit goes on covering later figures of the same measure: 'the median home price'."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import compile_words

# A word that can name what a figure measures: a lowercase word, hyphens and apostrophes inside.
WORD = compile_words(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]")


class TopicCarry:
    """Lists that tell whether an earlier credited figure's sentence measures what this one does."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Keep the rule's reach, overlap, ignored words and the words that make a figure a claim of its own."""
        self.paragraphs = options["topic_paragraphs"]
        self.overlap = options["topic_overlap"]
        self.ignore = frozenset(w.lower() for w in options["topic_ignore"])
        self.blockers = frozenset(w.lower() for w in options["topic_blockers"])
        # How many words before and after a figure say what it measures: "the median home price
        # rose 6 percent", not the rest of a long sentence.
        self.before, self.after = options["topic_words_before"], options["topic_words_after"]
        # Endings folded away so that a plural or possessive meets its singular: 'prices', 'price'.
        self.endings = tuple(sorted((w.lower() for w in options["topic_endings"]), key=len, reverse=True))

    def measures(self, text: str, opens_sentence: bool = True) -> frozenset[str]:
        """Return the stems of the words that say what a sentence measures ('median', 'home', 'price')."""
        stems = set()
        text = text.lstrip(" \t\n\"'“‘(")
        if opens_sentence:
            text = text[:1].lower() + text[1:]  # a sentence's first word is capitalised as a sentence's
        for word in WORD.findall(text):
            word = word.replace("’", "'")
            if len(word) < 4 or word in self.ignore:
                continue
            stems.add(self._stem(word))
        return frozenset(stems)

    def near(self, sentence: str, start: int, end: int) -> frozenset[str]:
        """Return what the figure at [start, end) of a sentence measures: the words next to it."""
        before = sentence[:start].split()
        head = " ".join(before[-self.before:]) if self.before else ""
        tail = " ".join(sentence[end:].split()[:self.after])
        return self.measures(head, opens_sentence=len(before) <= self.before) | self.measures(tail, False)

    def blocked(self, text: str) -> bool:
        """Tell whether a sentence makes a claim of its own: a projection, an estimate, a hypothetical."""
        return any(word.replace("’", "'") in self.blockers for word in WORD.findall(text.lower()))

    def _stem(self, word: str) -> str:
        """Strip the first of `topic_endings` that leaves four letters or more."""
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[:-len(ending)]
        return word
