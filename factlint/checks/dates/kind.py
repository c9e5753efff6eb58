"""The `dates` kind: check dates against the calendar, the dateline and each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from factlint.checks.dates import words as dates_words
from factlint.checks.base import Check, Option, compile_words, one_of, string_value
from factlint.rule import Rule, RuleError, RuleSetStore, placeholders
from factlint.checks.dates.calendar import make_date, month_length
from factlint.checks.dates.mentions import DocDates, Explicit, MonthRef, Relative
from factlint.checks.dates.parse import ensure, parse
from factlint.checks.dates.tense import strict_tense
from factlint.checks.dates.style import ap_date, ap_style, label
from factlint.checks.dates.words import Lexicon
from factlint.checks.dates.facts import dates_source
from factlint.document import Document
from factlint.facts import FactSource
from factlint.finding import Finding

PLACEHOLDERS = frozenset({"date", "actual", "written", "reason", "cue", "tense", "side", "dateline",
                          "relative", "meaning", "resolved"})
DEFAULT_MESSAGE = "{match}: {reason}"
ADJACENT = compile_words(r"[ \t]*\n?[ \t]*(?:[,(][ \t]*\n?[ \t]*)?(?:(?:on|in)[ \t]*\n?[ \t]*)?")
POSSESSIVE = compile_words(r"['’]s\b")

CheckFn = Callable[[Rule, Document, DocDates, Lexicon], Iterator[Finding]]
def build(rule: Rule, store: RuleSetStore) -> Check:
    """Load the pack's word list (shared by every dates rule) and pick the rule's check."""
    name = rule.options["check"]
    function, fields = CHECKS[name]
    unknown = placeholders(rule.message) - fields - {"match", "expected"}
    if unknown:
        raise RuleError(f"'message' uses {{{sorted(unknown)[0]}}}, which check '{name}' does not fill "
                        f"(it fills: {', '.join(sorted(fields | {'match', 'expected'}))})", "message")
    lex = lexicon(Path(rule.source).parent / rule.options["words"] if rule.source
                  else Path(rule.options["words"]), store)

    def check(doc: Document) -> Iterator[Finding]:
        return function(rule, doc, parse(doc, lex), lex)

    return check


def lexicon(path: Path, store: RuleSetStore) -> Lexicon:
    """Load a word list once per file version and rule set: every dates rule shares one parse."""
    try:
        key = (path.resolve(), path.stat().st_mtime_ns)
    except OSError:
        raise RuleError(f"the dates word list {path} does not exist", "words") from None
    return store.get((lexicon, key), lambda: dates_words.load(path))


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


def tense(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """Future wording about a date before the dateline, or past wording about one after it."""
    if doc.dateline is None:
        return
    today = doc.dateline.date
    for date in dates.explicit:
        last = date.end_date or date.date
        if date.date is None or not (last < today or date.date > today):
            continue   # a date on the dateline fits any wording: no need to read the tense
        cue = strict_tense(doc, lex, date.start)
        if cue is None:
            continue
        wording, cue_start, cue_end = cue
        if (wording == "future" and last < today) or (wording == "past" and date.date > today):
            yield rule.finding(doc, date.start, date.end, cue=doc.text[cue_start:cue_end], tense=wording,
                               date=ap_date(date.date, lex), dateline=ap_date(today, lex),
                               side="before" if wording == "future" else "after")


def relative_conflict(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
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
        if ADJACENT.fullmatch(text, first.end, second.start) is None:
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


def missing_dateline(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """Relative or year-less dates in a story with no dateline to resolve them against: once."""
    if doc.dateline is not None:
        return
    found = [*dates.relatives, *(m for m in dates.months if m.year is None),
             *(d for d in dates.explicit if d.year is None)]
    if found:
        first = min(found, key=lambda item: item.start)
        yield rule.finding(doc, first.start, first.end)


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


CHECKS: dict[str, tuple[CheckFn, frozenset[str]]] = {
    "weekday-mismatch": (weekday_mismatch, frozenset({"date", "actual", "written"})),
    "impossible": (impossible, frozenset({"reason"})),
    "tense": (tense, frozenset({"cue", "tense", "date", "dateline", "side"})),
    "relative-conflict": (relative_conflict, frozenset({"relative", "meaning", "date"})),
    "range": (date_range, frozenset({"reason"})),
    "missing-dateline": (missing_dateline, frozenset()),
    "ap-style": (ap_style, frozenset({"reason"})),
    "resolved": (resolved, frozenset({"resolved"})),
}
OPTIONS = {  # after CHECKS, whose names `check` must be one of
    "check": Option(one_of(sorted(CHECKS)), required=True),
    "words": Option(string_value, "_words.yaml"),
}


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks the dates of each story, resolved with this rule's word list."""
    path = Path(rule.source).parent / rule.options["words"] if rule.source else Path(rule.options["words"])
    return (dates_source(lexicon(path, store)),)
