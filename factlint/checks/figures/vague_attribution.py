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
    "ownable_phrases": Option(word_list, ()),
    "outlet_report_words": Option(word_list, ()),
    "outlet_phrases": Option(word_list, ()),
    "not_owners": Option(word_list, ()),
}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "'{match}' names no source: say who"
COST = 0.04  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out


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
    owned = _owned(rule)
    reported = _outlet_reported(rule)

    def check(doc: Document) -> Iterator[Finding]:
        skip = skipper(doc, rule, quotations.scan(doc))
        reported_to = 0   # "Some observers say" is one vague source, not "Some observers" and "observers say"
        for at in indexes.starts(doc, anchors):
            if at < reported_to:
                continue
            match = pattern.match(doc.lint_text, at)
            if match is not None and not skip(at) and not names_source(doc.lint_text, match) \
                    and not owned(doc.lint_text, at) and not reported(doc, match):
                reported_to = match.end()
                yield rule.finding(doc, at, match.end())

    return check


def _names_source(rule: Rule) -> Callable[[str, regex.Match], bool]:
    """Return a test for a vague phrase that goes on to name its source: 'by one estimate from X'."""
    links = rule.options["named_source_links"]
    named = compile_words(rf",?\s+{word_pattern(links)}\s+(?:the\s+)?[A-Z]" if links else r"(?!)",
                          False, "named_source_links")
    nameable = {_key(p) for p in rule.options["nameable_phrases"]}
    return lambda text, match: _key(match.group()) in nameable and named.match(text, match.end()) is not None


def _owned(rule: Rule) -> Callable[[str, int], bool]:
    """Return a test for a phrase whose research has an owner: "Greenberg's research shows", "her studies suggest"."""
    ownable = rule.options["ownable_phrases"]
    if not ownable:
        return lambda text, at: False
    phrase = compile_words(word_pattern(ownable, r"\s+"), True, "ownable_phrases")
    # A possessive right before the phrase: a name's ('s, ’s, s') or a possessive pronoun; not a
    # time's or a day's ("last year's research shows" names no one).
    owner = compile_words(rf"\b(?:(?:his|her|their|its|our|my)|{_not(rule)}[A-Za-z][\w.&-]*(?:['’]s?|s['’]))\s+$",
                          True, "ownable_phrases")
    return lambda text, at: phrase.match(text, at) is not None and owner.search(text[max(0, at - 40):at]) is not None


def _outlet_reported(rule: Rule) -> Callable[[Document, regex.Match], bool]:
    """Return a test for unnamed sources a named outlet reports in their sentence: "Politico reported, according to sources"."""
    words, phrases = rule.options["outlet_report_words"], rule.options["outlet_phrases"]
    if not words or not phrases:
        return lambda doc, match: False
    own = {_key(p) for p in phrases}
    # A capitalised name, not a day, a month or a body that is no outlet, right before one of the words.
    outlet = compile_words(rf"\b{_not(rule)}[A-Z][\w.&'’-]*(?:['’]s)?\s+{word_pattern(words)}\b",
                           False, "outlet_report_words")
    return lambda doc, match: _key(match.group()) in own and \
        outlet.search(doc.lint_text, doc.sentence_at(match.start()).start, match.start()) is not None


def _key(phrase: str) -> str:
    """Return a phrase as the rule's lists are compared: lowercase, one space between words."""
    return " ".join(phrase.lower().split())


def _not(rule: Rule) -> str:
    """Return a lookahead that refuses the rule's not_owners (days, months, police, time words) as a name."""
    names = rule.options["not_owners"]
    return rf"(?!(?i:{word_pattern(names)})(?:['’]s?\b|s['’]|\b))" if names else ""
