"""figures check `vague-attribution`: attribution too vague to check ('experts say', 'studies show')."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from factlint import quotations
from factlint.checks.base import Check, Option, compile_words, word_list, word_pattern
from factlint.checks.figures.skip import skipper
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.wordindex import WordIndex, WordIndexes

OPTIONS = {
    "phrases": Option(word_list, ()),
    "named_source_links": Option(word_list, ()),
    "nameable_phrases": Option(word_list, ()),
}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "'{match}' names no source: say who"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag vague attribution outside quotations: 'experts say', 'studies show', 'reportedly'."""
    return _vague(rule, store)


def _vague(rule: Rule, store: RuleSetStore) -> Check:
    """Flag vague attribution outside quotations: 'experts say', 'studies show', 'reportedly'."""
    phrases = rule.options["phrases"]
    if not phrases:
        raise RuleError("the vague-attribution check needs 'phrases'", "phrases")
    pattern = compile_words(word_pattern(phrases, r"\s+"), True, "phrases")
    indexes = store.get(WordIndexes, WordIndexes)  # one pass finds every index of the rule set
    anchors = indexes.register(WordIndex(phrase.split()[0] for phrase in phrases if phrase.split()))
    names_source = _names_source(rule)

    def check(doc: Document) -> Iterator[Finding]:
        skip = skipper(doc, rule, quotations.scan(doc))
        for at in indexes.starts(doc, anchors):
            match = pattern.match(doc.lint_text, at)
            if match is not None and not skip(at) and not names_source(doc.lint_text, match):
                yield rule.finding(doc, at, match.end())

    return check


def _names_source(rule: Rule) -> Callable[[str, regex.Match], bool]:
    """Return a test for a vague phrase that goes on to name its source: 'by one estimate from X'."""
    links = rule.options["named_source_links"]
    named = compile_words(rf",?\s+{word_pattern(links)}\s+(?:the\s+)?[A-Z]" if links else r"(?!)",
                          False, "named_source_links")
    nameable = {" ".join(p.lower().split()) for p in rule.options["nameable_phrases"]}
    return lambda text, match: " ".join(match.group().lower().split()) in nameable \
        and named.match(text, match.end()) is not None
