"""What both figures checks leave alone: quotations, tables and, if the rule says so, headings."""

from __future__ import annotations

from collections.abc import Callable

from factlint.document import Document
from factlint.quotations import QuoteScan
from factlint.rule import Rule


def skipper(doc: Document, rule: Rule, quotes: QuoteScan) -> Callable[[int], bool]:
    """Return a test for offsets the rule leaves alone: quotations, tables, page furniture and, if set, headings."""
    # A table cell is data, not a sentence making a claim: its source is the table's credit line.
    # A transcript's answer ("A: …") is its speaker's words, as a quotation is.
    furniture = _furniture(doc, (*rule.options.get("furniture_labels", ()), *rule.options.get("transcript_labels", ())))
    if rule.options["skip_headings"]:
        return lambda offset: quotes.inside(offset) or doc.in_heading(offset) or doc.in_table(offset) \
            or (bool(furniture) and doc.paragraph_index(offset) in furniture)
    return lambda offset: quotes.inside(offset) or doc.in_table(offset) \
        or (bool(furniture) and doc.paragraph_index(offset) in furniture)


def _furniture(doc: Document, labels: tuple[str, ...]) -> set[int]:
    """Return the paragraphs that open with a furniture label ("Editor's note:"): the publication's notes, not the story."""
    if not labels:
        return set()
    heads = tuple(label.lower().replace("’", "'") + ":" for label in labels)
    text = doc.lint_text
    # Every label ends with a colon: a paragraph with none in its first 40 characters is read no further.
    return {index for index, span in enumerate(doc.paragraphs) if text.find(":", span.start, span.start + 40) >= 0
            and text[span.start:span.start + 40].lstrip().lower().replace("’", "'").startswith(heads)}
