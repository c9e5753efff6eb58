"""readability check `document-grade`: a story whose overall grade or reading ease crosses a threshold."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factlint.checks.base import Check
from factlint.checks.readability import grades
from factlint.checks.readability.scores import document_scores
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

OPTIONS = grades.OPTIONS
PLACEHOLDERS = grades.PLACEHOLDERS
DEFAULT_MESSAGE = "The story reads at grade {grade} overall (ease {ease}): shorten its sentences and use plainer words"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag a story whose overall scores cross the threshold, at its first sentence."""
    options = rule.options
    grades.validate(options)
    limit = grades.limit(options)

    def check(doc: Document) -> Iterator[Finding]:
        scores = document_scores(doc)
        if scores.lede is not None and grades.too_hard(scores.total, options):
            start, end = scores.lede
            yield rule.finding(doc, start, end, limit=limit, **scores.total.fields())

    return check


def build_summary(rule: Rule) -> Callable[[Document], dict[str, object]]:
    """The story's scores, for the per-file summary of the JSON output."""
    return lambda doc: document_scores(doc).total.as_dict()
