"""dates check `relative-conflict`: a relative reference right beside an explicit date that it cannot mean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint.checks.base import Check, Option, Pattern, compile_words
from factlint.checks.wordpattern import alternation
from factlint.checks.dates.calendar import make_date, month_length
from factlint.checks.dates.mentions import Explicit, MonthRef, Relative
from factlint.checks.dates.parse import ensure
from factlint.checks.dates.style import ap_date, label
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset({"relative", "meaning", "date"})
POSSESSIVE = compile_words(r"['’]s\b")


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `relative-conflict` check of a dates rule."""
    adjacent = _adjacent(checking.rule_lexicon(rule, store))
    return checking.build_check(rule, store, "relative-conflict",
                                lambda rule_, doc, dates, lex: relative_conflict(rule_, doc, dates, lex, adjacent), FIELDS)


def _adjacent(lex: Lexicon) -> Pattern:
    """What may stand between two mentions of one date: a comma or parenthesis, and a word from the word list."""
    return compile_words(rf"[ \t]*\n?[ \t]*(?:[,(][ \t]*\n?[ \t]*)?(?:(?:{alternation(lex.adjacent_words)})[ \t]*\n?[ \t]*)?")


def relative_conflict(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon, adjacent: Pattern) -> Iterator[Finding]:
    """A relative reference right beside an explicit date that it cannot mean."""
    if doc.dateline is None:
        return
    text = doc.lint_text
    items = sorted([*dates.explicit, *dates.relatives, *(m for m in dates.months if m.year is None)],
                   key=lambda item: item.start)
    for first, second in zip(items, items[1:]):
        pair = {type(first), type(second)}
        if Explicit not in pair or len(pair) != 2 or second.start - first.end > 12:
            continue
        if adjacent.fullmatch(text, first.end, second.start) is None:
            continue
        date, other = (first, second) if isinstance(first, Explicit) else (second, first)
        if date.date is None or POSSESSIVE.match(text, other.end):
            continue
        ensure(doc, lex, dates, other)
        ranges = _ranges(other)
        if ranges and not any(lo <= d <= hi for d in _candidates(date) for lo, hi in ranges):
            closing = "(" in text[first.end:second.start] and text.startswith(")", second.end)
            end = second.end + closing
            yield rule.finding(doc, first.start, end, relative=doc.text[other.start:other.end],
                               meaning=label(ranges, lex), date=ap_date(date.date, lex))


def _ranges(item: Relative | MonthRef) -> list[tuple[dt.date, dt.date]]:
    """The days a relative reference or a year-less month can mean."""
    if isinstance(item, Relative):
        return item.ranges
    year, month = item.resolved
    return [(dt.date(year, month, 1), dt.date(year, month, month_length(year, month)))]


def _candidates(date: Explicit) -> list[dt.date]:
    """An explicit date as written, in every year it may mean (the written one if it has one)."""
    if date.year is not None:
        return [date.date]
    base = date.date.year
    return [d for y in (base - 1, base, base + 1) if (d := make_date(y, date.month, date.day))]
