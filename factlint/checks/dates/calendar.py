"""Calendar arithmetic for the `dates` kind: year inference, weeks, months and weekdays."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.checks.dates.mentions import Explicit, Relative
    from factlint.checks.dates.words import Lexicon

# Weeks start on Monday in some newsrooms and on Sunday in others: a week-based reference
# counts as certain only when both readings give the same day.
WEEK_STARTS = (0, 6)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when it does not exist (Feb. 30, April 31, day 32)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_length(year: int | None, month: int) -> int:
    """Days in a month; without a year, the longest it can be (29 for February)."""
    return calendar.monthrange(year if year is not None else 2024, month)[1]


def near(year: int, month: int, day: int) -> dt.date:
    """The date, or the last day of its month when the day does not exist (Feb. 30 → Feb. 28)."""
    return dt.date(year, month, min(day, month_length(year, month)))


def infer_year(month: int, day: int, today: dt.date, tense: str | None, window: int) -> int:
    """The year of a year-less date: the nearest occurrence, unless tense says the other side.

    With tense, the dateline's own year wins when it fits the tense (AP leaves the current year
    out); otherwise the nearest occurrence stands if it lies within `window` days, even on the
    wrong side (that is what the tense check reports), and beyond that the tense decides.
    """
    candidates = [near(y, month, day) for y in (today.year - 1, today.year, today.year + 1)]
    best = min(candidates, key=lambda c: abs((c - today).days))
    if tense is None:
        return best.year
    fits = [c for c in candidates if (c >= today if tense == "future" else c <= today)]
    if candidates[1] in fits:
        return today.year
    if best not in fits and abs((best - today).days) > window:
        best = min(fits, key=lambda c: abs((c - today).days))
    return best.year


def plausible_years(month: int, day: int, today: dt.date, tense: str | None, chosen: int,
                    limit: int) -> list[int]:
    """The inferred year first, then other years near the dateline on the side tense allows."""
    years = [chosen]
    for year in (today.year - 1, today.year, today.year + 1):
        when = near(year, month, day)
        side_ok = tense is None or (when >= today if tense == "future" else when <= today)
        if year != chosen and abs((when - today).days) <= limit and side_ok:
            years.append(year)
    return years


def resolve_explicit(date: Explicit, today: dt.date | None, tense: str | None, lex: Lexicon) -> None:
    """Fill in the date's year(s), calendar date, range end and whether it exists."""
    if date.year is not None:
        date.years = [date.year]
    elif today is not None:
        chosen = infer_year(date.month, date.day, today, tense, lex.tense_window)
        if date.weekdays:
            # A weekday places a date near the dateline whatever the wording: "Friday, Dec. 27" in
            # a story dated Jan. 8 is the December just past, even after "will".
            nearest = infer_year(date.month, date.day, today, None, lex.tense_window)
            if abs((near(nearest, date.month, date.day) - today).days) <= lex.tense_window:
                chosen = nearest
        date.years = plausible_years(date.month, date.day, today, tense, chosen, lex.plausible_days)
    if not date.years:
        date.exists = date.day <= month_length(None, date.month)
        return
    valid = [d for y in date.years if (d := make_date(y, date.month, date.day))]
    date.exists = bool(valid)
    date.date = valid[0] if valid else None
    if date.day2 is not None and date.date is not None:
        month2 = date.month2 or date.month
        year2 = date.date.year + (1 if month2 < date.month else 0)
        date.end_date = make_date(year2, month2, date.day2)


def month_occurrence(month: int, today: dt.date, qualifier: int | None,
                     tense: str | None) -> tuple[int, int]:
    """The (year, month) a month name means: by last/next/this, else by tense, else the nearest."""
    current = today.year * 12 + today.month - 1
    candidates = [y * 12 + month - 1 for y in (today.year - 1, today.year, today.year + 1)]
    if qualifier == -1:
        target = max(c for c in candidates if c < current)
    elif qualifier == 1:
        target = min(c for c in candidates if c > current)
    elif qualifier == 0:
        target = today.year * 12 + month - 1
    elif tense == "past":
        target = max(c for c in candidates if c <= current)
    elif tense == "future":
        target = min(c for c in candidates if c >= current)
    else:
        target = min(candidates, key=lambda c: (abs(c - current), c))
    year, index = divmod(target, 12)
    return year, index + 1


def week_day(today: dt.date, week_start: int, offset: int, weekday: int) -> dt.date:
    """The given weekday of the week `offset` weeks from the dateline's week."""
    start = today - dt.timedelta(days=(today.weekday() - week_start) % 7) + dt.timedelta(weeks=offset)
    return start + dt.timedelta(days=(weekday - week_start) % 7)


def period_range(unit: str, offset: int, part: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days a 'last week' / 'this month' / 'next year' expression can mean."""
    if unit == "week":
        starts = [week_day(today, ws, offset, ws) for ws in WEEK_STARTS]
        low, high = min(starts), max(starts) + dt.timedelta(days=6)
    elif unit == "month":
        months = today.year * 12 + today.month - 1 + offset  # months since year 0, offset applied
        low = dt.date(months // 12, months % 12 + 1, 1)
        high = low.replace(day=calendar.monthrange(low.year, low.month)[1])
    else:
        low, high = dt.date(today.year + offset, 1, 1), dt.date(today.year + offset, 12, 31)
    if part == "past":
        high = min(high, today)
    elif part == "future":
        low = max(low, today)
    return low, high


def bare_weekday(weekday: int, today: dt.date, tense: str | None) -> dt.date:
    """A weekday alone: within the week around the dateline, forward or back by tense."""
    ahead = (weekday - today.weekday()) % 7
    back = (today.weekday() - weekday) % 7
    if tense == "future" or (tense is None and ahead <= back):
        return today + dt.timedelta(days=ahead)
    return today - dt.timedelta(days=back)


def qualified_weekday(rel: Relative, today: dt.date) -> list[dt.date]:
    """The days 'last Tuesday', 'next Tuesday', 'this Tuesday' or 'Tuesday next week' can mean."""
    wd = rel.weekday
    if rel.week is not None:
        return [week_day(today, ws, rel.week, wd) for ws in WEEK_STARTS]
    if rel.qualifier == -1:
        nearest = today - dt.timedelta(days=(today.weekday() - wd - 1) % 7 + 1)
        return [nearest, *(week_day(today, ws, -1, wd) for ws in WEEK_STARTS)]
    if rel.qualifier == 1:
        nearest = today + dt.timedelta(days=(wd - today.weekday() - 1) % 7 + 1)
        return [nearest, *(week_day(today, ws, 1, wd) for ws in WEEK_STARTS)]
    return [week_day(today, ws, 0, wd) for ws in WEEK_STARTS]


def resolve_relative(rel: Relative, today: dt.date, tense: str | None, lex: Lexicon) -> None:
    """Fill in the ranges of days a relative expression can mean and whether it is certain."""
    if rel.kind == "day":
        day = today + dt.timedelta(days=lex.days[rel.phrase])
        rel.ranges, rel.certain = [(day, day)], True
    elif rel.kind == "period":
        rel.ranges, rel.certain = [period_range(*lex.periods[rel.phrase], today)], True
    elif rel.qualifier is None and rel.week is None:
        day = bare_weekday(rel.weekday, today, tense)
        rel.ranges, rel.certain = [(day, day)], tense is not None
    else:
        days = list(dict.fromkeys(qualified_weekday(rel, today)))
        rel.ranges, rel.certain = [(d, d) for d in days], len(days) == 1
