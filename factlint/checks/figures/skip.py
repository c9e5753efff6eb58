"""What both figures checks leave alone: quotations, tables and, if the rule says so, headings."""

from __future__ import annotations

from collections.abc import Callable

from factlint.document import Document
from factlint.quotations import QuoteScan
from factlint.rule import Rule


def skipper(doc: Document, rule: Rule, quotes: QuoteScan) -> Callable[[int], bool]:
    """Return a test for offsets the rule leaves alone: quotations, tables and, if set, headings."""
    # A table cell is data, not a sentence making a claim: its source is the table's credit line.
    if rule.options["skip_headings"]:
        return lambda offset: quotes.inside(offset) or doc.in_heading(offset) or doc.in_table(offset)
    return lambda offset: quotes.inside(offset) or doc.in_table(offset)
