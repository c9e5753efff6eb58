"""dates check `resolved`: each relative or year-less date with the calendar date it resolves to (info)."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check, Option
from factlint.checks.dates.parse import ensure
from factlint.checks.dates.style import label
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset({"resolved"})


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `resolved` check of a dates rule."""
    return checking.build_check(rule, store, "resolved", resolved, FIELDS)


def resolved(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """Each relative or year-less date with the calendar date it resolves to."""
    for rel in dates.relatives:
        ensure(doc, lex, dates, rel)
        if rel.ranges:
            yield rule.finding(doc, rel.start, rel.end, resolved=label(rel.ranges, lex, iso=True))
    for ref in dates.months:
        ensure(doc, lex, dates, ref)
        if ref.resolved:
            year, month = ref.resolved
            yield rule.finding(doc, ref.start, ref.end,
                               resolved=f"{lex.month_name[month]} {year} ({year}-{month:02d})")
    for date in dates.explicit:
        if date.year is None and date.date is not None:
            yield rule.finding(doc, *date.core, resolved=label([(date.date, date.date)], lex, iso=True))
