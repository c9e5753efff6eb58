"""quotes check `unbalanced`: a quotation mark opened and never closed in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from factlint import quotations
from factlint.checks.base import Check, Option
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore, message_template

TURNED_MESSAGE = "'{match}' closes this quotation but is an opening mark: use '{expected}'"
OPTIONS = {"turned_message": Option(message_template, TURNED_MESSAGE)}
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
        for at in scan.turned:   # "called it “abhorrent“ in": the closing mark typed the wrong way
            if not (rule.options["skip_headings"] and doc.in_heading(at)):
                yield rule.finding(doc, at, at + 1, fix=quotations.CLOSE, message=rule.options["turned_message"])

    return check
