"""Small bare counts: a detail an editor takes as read, unless it counts harm or an arrest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import ANY_SPACE, compile_words
from factlint.checks.wordpattern import alternation
from factlint.document import Document

# "14 of 22 schools passed": the part and the whole of a share written in counts.
PART_OF_WHOLE_AFTER = compile_words(r"\s+of\s+(?:the\s+)?\d")


class SmallCounts:
    """The rule's `min_bare_count` and `count_events`, compiled once per rule set."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.minimum = options["min_bare_count"]
        # A count of harm or an arrest, or one that changes ("rose to 14"), is a statistic someone kept.
        words = (*options["count_events"], *options["change_words"])
        self.events = compile_words(rf"\b(?:{alternation(words, ANY_SPACE)})\b", True, "count_events") \
            if words else None
        # The whole of a share, after a part in digits or in words: "14 of 22", "half of the city's 48".
        parts = alternation((*options["fractions"], *options["multipliers"]), ANY_SPACE)
        self.whole = compile_words(rf"(?:\d|\b(?:{parts}))\s+of\s+(?:the\s+)?(?:\S+['’]s\s+)?\Z", True)
        # A count with a unit of measure is a measurement: "burned 40 acres", "a 60 feet long pier".
        self.units = compile_words(rf"[\s-]+(?:{alternation(options['count_units'], ANY_SPACE)})\b", True,
                                   "count_units") if options["count_units"] else None

    def taken_as_read(self, doc: Document, start: int, end: int) -> bool:
        """Tell whether the figure at [start, end) is a bare count under the minimum in a sentence that counts no event.

        "the 36 holes", "in 11 states", "his 14 courses" go unflagged; "killed 14", "14 people
        were hurt", "arrested 23 protesters", "fell to 60", "cases reached 61", "14 of 22
        schools" and "burned 40 acres" still need who counted them, and so does any count with a
        unit, a currency or an approximator ("about 40", "40 percent", "$40").
        """
        text = doc.lint_text
        figure = text[start:end]
        if not figure.isdigit() or int(figure) >= self.minimum:
            return False
        if PART_OF_WHOLE_AFTER.match(text, end) or self.whole.search(text[max(0, start - 40):start]):
            return False  # "14 of 22 schools": a share in counts
        if self.units is not None and self.units.match(text, end):
            return False
        sentence = doc.sentence_at(start)
        return self.events is None or self.events.search(text, sentence.start, sentence.end) is None
