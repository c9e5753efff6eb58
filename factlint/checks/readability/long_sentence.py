"""readability check `long-sentence`: each sentence longer than a number of words (no textstat needed)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.checks.base import Check, Option, integer
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore

OPTIONS = {"max_words": Option(integer, required=True)}
PLACEHOLDERS = frozenset({"words", "limit"})
DEFAULT_MESSAGE = "This sentence runs to {words} words (limit {limit}): split it in two"
COST = 0.05  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out
# A word, for sentence length, is a run of non-space characters with a letter or digit in it:
# "U.S.-PRC", "don't" and "$1.5" are one word each; a dash standing alone is none.
HAS_WORD = re.compile(r"[^\W_]").search


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag each sentence of more than max_words words; the match is the sentence."""
    max_words = rule.options["max_words"]
    if max_words < 1:
        raise RuleError("'max_words' must be at least 1", "max_words")
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
                yield rule.finding(doc, start, end, words=words, limit=max_words)

    return check


def _breaks(text: str, start: int, end: int) -> int:
    """Count the spaces, tabs and line breaks in text[start:end]."""
    return text.count(" ", start, end) + text.count("\n", start, end) + text.count("\t", start, end)
