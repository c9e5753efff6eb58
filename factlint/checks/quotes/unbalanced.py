"""quotes check `unbalanced`: a quotation mark opened and never closed in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from factlint import quotations
from factlint.checks.base import Check
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

OPTIONS: dict = {}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "Quotation mark opened here is never closed in this paragraph: close the quotation"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag opening marks with no closing mark in their paragraph, unless the quote runs on."""

    def check(doc: Document) -> Iterator[Finding]:
        scan = quotations.scan(doc)
        for quote in scan.unclosed:
            if scan.runs_on(quote, doc):
                continue
            if rule.options["skip_headings"] and doc.in_heading(quote.start):
                continue
            yield rule.finding(doc, quote.start, quote.start + quote.width)

    return check
