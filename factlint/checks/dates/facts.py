"""What the dates kind offers the cross-story checks: each story's dates, resolved against its own dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint.checks.dates.parse import ensure, parse
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.facts import DateSpan, FactSource

# A range longer than this is a period ('last month'), not the day of an event.
MAX_DAYS = 7


def dates_source(lex: Lexicon) -> FactSource:
    """Offer the days a story's explicit and relative dates stand for, where they are certain."""

    def extract(doc: Document) -> Iterator[DateSpan]:
        dates = parse(doc, lex)
        for date in dates.explicit:
            if date.date is not None and date.exists:
                yield DateSpan(date.start, date.end, _days(date.date, date.end_date or date.date), False)
        for rel in dates.relatives:
            if rel.kind not in ("weekday", "day"):
                continue
            ensure(doc, lex, dates, rel)
            if len(rel.ranges) == 1 and rel.certain:
                yield DateSpan(rel.start, rel.end, _days(*rel.ranges[0]), True)

    return FactSource(("dates", id(lex)), DateSpan, extract)


def _days(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """Return the days from first to last, or none for a span too long to be one event's day."""
    count = (last - first).days + 1
    return tuple(first + dt.timedelta(days=n) for n in range(count)) if 0 < count <= MAX_DAYS else ()
