"""dates check `impossible`: a date that does not exist: Feb. 30, April 31, Feb. 29 of a common year, day 32."""

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
    """Build the `impossible` check of a dates rule."""
    return checking.build_check(rule, store, "impossible", impossible, FIELDS)


def impossible(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """A date that does not exist: Feb. 30, April 31, Feb. 29 of a common year, day 32."""
    for date in dates.explicit:
        if date.exists:
            continue
        if date.day > 31:
            reason = f"no month has {date.day} days"
        elif date.month == 2 and date.day == 29:
            reason = f"{date.years[0]} is not a leap year"
        else:
            reason = f"{lex.month_name[date.month]} has {month_length(None, date.month)} days"
        start, end = date.core if date.day2 is None else (date.core[0], date.day_end)
        yield rule.finding(doc, start, end, reason=reason)
