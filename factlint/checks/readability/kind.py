"""The `readability` kind: Flesch–Kincaid grade and reading ease per paragraph or story, and long sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from factlint.checks.base import Check, Option, integer, number, one_of
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.checks.readability.scores import Scores, document_scores
from factlint.document import Document
from factlint.finding import Finding

SCOPES = ("paragraph", "document", "sentence")


OPTIONS = {
    "scope": Option(one_of(SCOPES), "paragraph"),
    "max_grade": Option(number),
    "min_ease": Option(number),
    "min_words": Option(integer, 0),
    "max_words": Option(integer),
}
PLACEHOLDERS = frozenset({"grade", "ease", "words", "limit"})
DEFAULT_MESSAGE = ""
MESSAGES = {
    "paragraph": "This paragraph reads at grade {grade} (ease {ease}): split its longest sentence or use plainer words",
    "document": "The story reads at grade {grade} overall (ease {ease}): shorten its sentences and use plainer words",
    "sentence": "This sentence runs to {words} words (limit {limit}): split it in two",
}

# A word, for sentence length, is a run of non-space characters with a letter or digit in it:
# "U.S.-PRC", "don't" and "$1.5" are one word each; a dash standing alone is none.
HAS_WORD = re.compile(r"[^\W_]").search


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Validate the thresholds for the rule's scope and return its check."""
    options = rule.options
    scope = options["scope"]
    message = rule.message or MESSAGES[scope]
    if scope == "sentence":
        _require(options, "max_words", ("max_grade", "min_ease", "min_words"))
        return _long_sentences(rule, options["max_words"], message)
    _require(options, None, ("max_words",))
    if options["max_grade"] is None and options["min_ease"] is None:
        raise RuleError(f"a {scope} rule needs 'max_grade' or 'min_ease'", "scope")
    if options["min_words"] < 0:
        raise RuleError("'min_words' must not be negative", "min_words")
    if scope == "document":
        return _hard_document(rule, message)
    return _hard_paragraphs(rule, message)


def build_summary(rule: Rule) -> Callable[[Document], dict[str, object]] | None:
    """A document-scope rule reports the story's scores in the per-file summary."""
    if rule.options["scope"] != "document":
        return None
    return lambda doc: document_scores(doc).total.as_dict()


def _require(options: dict[str, Any], needed: str | None, forbidden: tuple[str, ...]) -> None:
    """Reject thresholds that do not belong to the rule's scope; demand the one that does."""
    scope = options["scope"]
    for key in forbidden:
        if options[key] not in (None, 0):
            raise RuleError(f"'{key}' does not apply to scope '{scope}'", key)
    if needed is not None:
        if options[needed] is None:
            raise RuleError(f"a {scope} rule needs '{needed}'", "scope")
        if options[needed] < 1:
            raise RuleError(f"'{needed}' must be at least 1", needed)


def _too_hard(scores: Scores, options: dict[str, Any]) -> bool:
    """Tell whether scores cross the rule's grade or ease threshold."""
    if scores.words == 0 or scores.words < options["min_words"]:
        return False
    max_grade, min_ease = options["max_grade"], options["min_ease"]
    return (max_grade is not None and scores.grade > max_grade) or (
        min_ease is not None and scores.ease < min_ease
    )


def _limit(options: dict[str, Any]) -> str:
    """Describe the threshold for the {limit} placeholder."""
    parts = []
    if options["max_grade"] is not None:
        parts.append(f"grade {options['max_grade']:g}")
    if options["min_ease"] is not None:
        parts.append(f"ease {options['min_ease']:g}")
    return ", ".join(parts)


def _hard_paragraphs(rule: Rule, message: str) -> Check:
    """Flag each paragraph whose scores cross the threshold; the match is the paragraph."""
    options, limit = rule.options, _limit(rule.options)

    def check(doc: Document) -> Iterator[Finding]:
        for span, scores in document_scores(doc).paragraphs:
            if _too_hard(scores, options):
                yield rule.finding(doc, span.start, span.end, message=message, limit=limit,
                                   **scores.fields())

    return check


def _hard_document(rule: Rule, message: str) -> Check:
    """Flag a story whose overall scores cross the threshold, at its first sentence."""
    options, limit = rule.options, _limit(rule.options)

    def check(doc: Document) -> Iterator[Finding]:
        scores = document_scores(doc)
        if scores.lede is not None and _too_hard(scores.total, options):
            start, end = scores.lede
            yield rule.finding(doc, start, end, message=message, limit=limit, **scores.total.fields())

    return check


def _long_sentences(rule: Rule, max_words: int, message: str) -> Check:
    """Flag each sentence of more than max_words words; the match is the sentence."""
    # Every word but the first follows a space or a line break, and takes two characters with
    # it: a sentence with fewer of either cannot be too long, and needs no counting.
    shortest = 2 * max_words

    def check(doc: Document) -> Iterator[Finding]:
        text = doc.lint_text
        for start, end in doc.sentences:
            if end - start < shortest or _breaks(text, start, end) < max_words:
                continue
            if doc.in_table(start):
                continue
            words = sum(1 for token in text[start:end].split() if HAS_WORD(token))
            if words > max_words:
                yield rule.finding(doc, start, end, message=message, words=words, limit=max_words)

    return check


def _breaks(text: str, start: int, end: int) -> int:
    """Count the spaces, tabs and line breaks in text[start:end]."""
    return text.count(" ", start, end) + text.count("\n", start, end) + text.count("\t", start, end)
