"""readability check `paragraph-grade`: each paragraph whose grade or reading ease crosses a threshold."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.readability import grades
from factlint.checks.readability.scores import document_scores
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

OPTIONS = grades.OPTIONS
PLACEHOLDERS = grades.PLACEHOLDERS
DEFAULT_MESSAGE = "This paragraph reads at grade {grade} (ease {ease}): split its longest sentence or use plainer words"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag each paragraph whose scores cross the threshold; the match is the paragraph."""
    options = rule.options
    grades.validate(options)
    limit = grades.limit(options)

    def check(doc: Document) -> Iterator[Finding]:
        for span, scores in document_scores(doc).paragraphs:
            if grades.too_hard(scores, options):
                yield rule.finding(doc, span.start, span.end, limit=limit, **scores.fields())

    return check
