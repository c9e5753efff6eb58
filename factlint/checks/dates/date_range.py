"""dates check `range`: a range that runs backwards ('Jan. 31-30') or ends on a day that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check, Option
from factlint.checks.dates.calendar import month_length
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset({"reason"})


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `range` check of a dates rule."""
    return checking.build_check(rule, store, "range", date_range, FIELDS)


def date_range(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """A range that runs backwards ('Jan. 31-30') or ends on a day that does not exist."""
    for date in dates.explicit:
        if date.day2 is None or not date.exists:
            continue
        month2 = date.month2 or date.month
        year = date.end_date.year if date.end_date else (date.date.year if date.date else None)
        if date.day2 > month_length(year, month2) or (date.date and not date.end_date):
            reason = f"{lex.month_name[month2]} has {month_length(year, month2)} days"
        elif (month2 == date.month and date.day2 < date.day) or (
                month2 < date.month and not (date.month == 12 and month2 == 1)):
            reason = "the range ends before it starts"
        else:
            continue
        yield rule.finding(doc, *date.core, reason=reason)
