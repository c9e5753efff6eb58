"""dates check `ap-style`: AP date style outside quotations and headlines, with fixes for month forms and ordinals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint import quotations
from factlint.checks.base import Check, Option, compile_words, integer
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates, Explicit, MonthRef, Relative
from factlint.checks.dates.parse import ensure
from factlint.checks.dates.style import ap_date
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
COST = 0.2  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out
# AP uses the weekday alone for dates within a week of the dateline; beyond it, the month and day.
OPTIONS = {"weekday_reach_days": Option(integer, 7)}
FIELDS = frozenset({"reason"})
SENTENCE_AFTER = compile_words(r"[ \t]*(?:$|\n[ \t]*\n|[ \t\n]+[\"“'‘(]?[A-Z])")


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `ap-style` check of a dates rule."""
    if rule.options["weekday_reach_days"] < 0:
        raise RuleError("'weekday_reach_days' must be 0 or more", "weekday_reach_days")
    return checking.build_check(rule, store, "ap-style", ap_style, FIELDS)


def ap_style(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """AP date style outside quotations and headlines: fixes for month forms and ordinals."""
    quoted = quotations.scan(doc)
    for finding in _style_findings(rule, doc, dates, lex):
        if not doc.in_heading(finding.start) and not quoted.inside(finding.start):
            yield finding


def _style_findings(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """Every AP style finding, quotations and headlines included."""
    for date in dates.explicit:
        yield from _explicit_style(rule, doc, date, lex)
    for ref in dates.months:
        yield from _month_style(rule, doc, ref, lex)
    if doc.dateline is not None:
        for rel in dates.relatives:
            if rel.kind == "weekday" and (rel.qualifier is not None or rel.week is not None):
                ensure(doc, lex, dates, rel)
                yield from _weekday_style(rule, doc, rel, lex, doc.dateline.date)


def _explicit_style(rule: Rule, doc: Document, date: Explicit, lex: Lexicon) -> Iterator[Finding]:
    """AP forms: 'January 5' → 'Jan. 5', 'March 11th' → 'March 11', '11 March' → 'March 11'."""
    if date.form in ("iso", "day"):
        return   # "the 12th" of "Friday the 12th" has no month to write beside it
    text = doc.text
    proper = lex.month_ap[date.month]
    day = text[slice(*date.day_span)]
    if date.form == "dm":
        year = f", {date.year}" if date.year else ""
        yield rule.finding(doc, *date.core, fix=f"{proper} {day}{year}",
                           reason="put the month first, then the day")
        return
    month_start, month_end = date.month_span
    reasons = []
    if text[month_start:month_end] != proper:
        reasons.append(_month_reason(date.month, proper, lex))
    if date.ordinal:
        reasons.append("no ordinal (st, nd, rd, th) after the day")
    if reasons:
        fix = proper + text[month_end:date.day_span[1]]
        yield rule.finding(doc, month_start, date.day_end, fix=fix, reason="; ".join(reasons))
    if date.ordinal2 and date.day2_span:
        start, end = date.day2_span[0], date.ordinal2[1]
        yield rule.finding(doc, start, end, fix=text[slice(*date.day2_span)],
                           reason="no ordinal (st, nd, rd, th) after the day")


def _month_reason(month: int, proper: str, lex: Lexicon) -> str:
    """Why a month beside a day should be written as AP writes it."""
    name = lex.month_name[month]
    if proper == name:
        return f"spell out {name}, even beside a day"
    return f"abbreviate {name} as {proper} beside a day"


def _month_style(rule: Rule, doc: Document, ref: MonthRef, lex: Lexicon) -> Iterator[Finding]:
    """'Jan. 2025' → 'January 2025', 'in Sept.' → 'in September': no abbreviation without a day."""
    start, end = ref.month_span
    token = doc.text[start:end]
    name = lex.month_name[ref.month]
    if token == name or (ref.year is None and not token.endswith(".")):
        return
    keep_period = token.endswith(".") and SENTENCE_AFTER.match(doc.lint_text, end) is not None
    yield rule.finding(doc, start, end, fix=name + ("." if keep_period else ""),
                       reason=f"spell out {name} when it has no day")


def _weekday_style(rule: Rule, doc: Document, rel: Relative, lex: Lexicon,
                   today: dt.date) -> Iterator[Finding]:
    """A weekday for a day more than a week from the dateline: use the month and day."""
    if rel.kind != "weekday" or not rel.certain or (rel.qualifier is None and rel.week is None):
        return
    day = rel.ranges[0][0]
    if abs((day - today).days) > rule.options["weekday_reach_days"]:
        yield rule.finding(doc, rel.start, rel.end, fix=ap_date(day, lex, year=day.year != today.year),
                           reason="beyond a week from the dateline, give the month and day")
