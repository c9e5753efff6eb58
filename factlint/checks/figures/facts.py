"""What the figures kind offers the cross-story checks: the figures each story states."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.figures.find import FigureFinder
from factlint.document import Document
from factlint.facts import FactSource, FigureSpan


def figures_source(finder: FigureFinder) -> FactSource:
    """Offer the spans of a story's figures, approximators included; tables and headings left out."""

    def extract(doc: Document) -> Iterator[FigureSpan]:
        skip = lambda offset: doc.in_heading(offset) or doc.in_table(offset)  # noqa: E731
        for start, end in finder.find(doc.lint_text, skip):
            yield FigureSpan(start, end)

    return FactSource(("figures",), FigureSpan, extract)
