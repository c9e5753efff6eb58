"""dates check `weekday-mismatch`: a weekday tied to a date that falls on another day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint.checks.base import Check, Option
from factlint.checks.dates.calendar import make_date
from factlint.checks.dates.mentions import Explicit
from factlint.checks.dates.style import ap_date
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset({"date", "actual", "written"})


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `weekday-mismatch` check of a dates rule."""
    return checking.build_check(rule, store, "weekday-mismatch", weekday_mismatch, FIELDS)


def weekday_mismatch(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """A weekday tied to a date that falls on another day."""
    for date in dates.explicit:
        days = [date.date, date.end_date]
        for weekday, day in zip(date.weekdays, days):
            if weekday is None or day is None or weekday.number == day.weekday():
                continue
            if _fits_another_year(date, weekday.number, day):
                continue
            actual = lex.weekday_name[day.weekday()]
            yield rule.finding(doc, weekday.start, weekday.end, fix=actual, date=ap_date(day, lex),
                               actual=actual, written=lex.weekday_name[weekday.number])


def _fits_another_year(date: Explicit, weekday: int, day: dt.date) -> bool:
    """For a year-less date, tell whether another plausible year makes the weekday right."""
    if date.year is not None:
        return False
    shift = day.year - date.date.year
    return any((d := make_date(y + shift, day.month, day.day)) and d.weekday() == weekday
               for y in date.years[1:])
