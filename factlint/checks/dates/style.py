"""The date wording the `dates` kind's messages and fixes use: AP dates, days and spans."""

from __future__ import annotations

import datetime as dt

from factlint.checks.dates.words import Lexicon


def ap_date(day: dt.date, lex: Lexicon, year: bool = True) -> str:
    """Write a date the AP way: 'Jan. 5, 2026', 'March 11, 2025'."""
    text = f"{lex.month_ap[day.month]} {day.day}"
    return f"{text}, {day.year}" if year else text


def label(ranges: list[tuple[dt.date, dt.date]], lex: Lexicon, iso: bool = False) -> str:
    """Describe the day(s) a reference can mean: one day, a month, a year or a span of days."""
    return " or ".join(_one_label(lo, hi, lex, iso) for lo, hi in ranges)


def _one_label(lo: dt.date, hi: dt.date, lex: Lexicon, iso: bool) -> str:
    """Describe one day or one span of days."""
    if lo == hi:
        text = f"{lex.weekday_name[lo.weekday()]}, {ap_date(lo, lex)}"
        return f"{text} ({lo.isoformat()})" if iso else text
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        text = str(lo.year)
    elif lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1 and (lo.year, lo.month) == (hi.year, hi.month):
        text = f"{lex.month_name[lo.month]} {lo.year}"
    elif (lo.year, lo.month) == (hi.year, hi.month):
        text = f"{lex.month_ap[lo.month]} {lo.day}–{hi.day}, {lo.year}"
    else:
        text = f"{ap_date(lo, lex)} to {ap_date(hi, lex)}"
    return f"{text} ({lo.isoformat()} to {hi.isoformat()})" if iso else text
