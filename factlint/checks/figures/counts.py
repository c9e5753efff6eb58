"""Small bare counts: a description an editor takes as read, an event's count still a claim."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import ANY_SPACE, compile_words
from factlint.checks.wordpattern import alternation
from factlint.document import Document

# "14 of 22 schools passed", "14 out of 22": the part of a share written in counts.
PART_OF_WHOLE_AFTER = compile_words(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?\d")
# The word right before a count, and whether it is a possessive ("the district's 14 schools").
WORD_BEFORE = compile_words(r"(\S+)\s\Z")
POSSESSIVE = ("'s", "’s", "s'", "s’")


class SmallCounts:
    """The rule's `min_bare_count`, `count_contexts`, `count_events` and `count_units`, compiled once per rule set."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.minimum = options["min_bare_count"]
        self.contexts = frozenset(w.lower() for w in options["count_contexts"])
        # An empty list never matches (alternation): no event keeps a count, no unit makes one a measure.
        self.events = compile_words(rf"\b(?:{alternation(options['count_events'], ANY_SPACE)})\b", True, "count_events")
        # The whole of a share, after its part in digits or words: "four of the district's 14", "half of its 48".
        parts = alternation((*options["spelled_numbers"], *options["fractions"], *options["multipliers"]), ANY_SPACE)
        self.whole = compile_words(
            rf"(?:\d|\b(?:{parts}))\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\S+(?:['’]s|s['’])\s+)?\Z",
            True)
        self.units = compile_words(rf"[\s-]+(?:{alternation(options['count_units'], ANY_SPACE)})\b", True, "count_units")

    def taken_as_read(self, doc: Document, start: int, end: int) -> bool:
        """Tell whether the figure at [start, end) is a small bare count that only describes.

        It describes after one of `count_contexts` or a possessive ("has 40 dairy cows", "in 11
        states", "the 14 candidates", "the county's 46 polling places"), when it is no share's
        part or whole, no measure follows it and its sentence counts no harm, arrest or change
        (`count_events`). "Paramedics took 12 people to hospitals", "killed 14", "the 14 victims",
        "four of the district's 14 schools" and "burned 40 acres" still need who counted them.
        """
        text = doc.lint_text
        figure = text[start:end]
        if not figure.isdigit() or int(figure) >= self.minimum:
            return False
        before = WORD_BEFORE.search(text[max(0, start - 40):start])
        word = before.group(1).strip("(\"“‘'").lower() if before else ""
        if not word or not (word in self.contexts or word.endswith(POSSESSIVE)):
            return False
        if PART_OF_WHOLE_AFTER.match(text, end) or self.whole.search(text[max(0, start - 60):start]):
            return False  # "14 of 22 schools", "four of the district's 14 schools": a share in counts
        if self.units.match(text, end):
            return False  # "sits on 40 acres": a measurement
        sentence = doc.sentence_at(start)
        return self.events.search(text, sentence.start, sentence.end) is None
