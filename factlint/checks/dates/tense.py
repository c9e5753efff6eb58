"""dates check `tense`: future wording about a date before the dateline, or past wording about one after it."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check, Option
from factlint.checks.dates.style import ap_date
from factlint.checks.dates.tense_cues import strict_tense
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset({"cue", "tense", "date", "dateline", "side"})


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `tense` check of a dates rule."""
    return checking.build_check(rule, store, "tense", tense, FIELDS)


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
