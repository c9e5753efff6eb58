"""dates check `missing-dateline`: relative or year-less dates in a story with no dateline to resolve them against."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check, Option
from factlint.checks.dates import checking
from factlint.checks.dates.checking import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]
OPTIONS: dict[str, Option] = {}
FIELDS = frozenset()


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the `missing-dateline` check of a dates rule."""
    return checking.build_check(rule, store, "missing-dateline", missing_dateline, FIELDS)


def missing_dateline(rule: Rule, doc: Document, dates: DocDates, lex: Lexicon) -> Iterator[Finding]:
    """Relative or year-less dates in a story with no dateline to resolve them against: once."""
    if doc.dateline is not None:
        return
    found = [*dates.relatives, *(m for m in dates.months if m.year is None),
             *(d for d in dates.explicit if d.year is None)]
    if found:
        first = min(found, key=lambda item: item.start)
        yield rule.finding(doc, first.start, first.end)
