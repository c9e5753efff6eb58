"""The `figures` kind: figures with no source, and attribution too vague to check."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from factlint import quotations
from factlint.checks.base import (
    Check, Option, boolean, compile_words, integer, one_of, pattern_list, string_value, word_list,
    word_pattern,
)
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.checks.figures.find import FigureFinder
from factlint.checks import lexicon
from factlint.checks.attribution import Attribution
from factlint.checks.figures.unsourced import Sourcing, unsourced_figures
from factlint.wordindex import WordIndex
from factlint.checks.figures.facts import figures_source
from factlint.document import Document
from factlint.facts import FactSource
from factlint.finding import Finding

CHECKS = ("unsourced", "vague-attribution")
# Word lists the unsourced check cannot work without.
UNSOURCED_LISTS = (
    "cues", "reporting_verbs", "agents", "determiners", "passive_markers", "approximators",
    "currencies", "magnitudes", "percent_words", "spelled_numbers",
)
LIST_KEYS = (
    *UNSOURCED_LISTS, "skip_words", "subject_openers", "short_magnitudes", "currency_words",
    "fractions", "comparatives", "multipliers", "multiplier_verbs", "multiplier_idioms", "public_record",
    "not_claim_before", "not_claim_after", "identifier_numbers", "months", "street_suffixes", "phrases",
    "age_subjects", "age_groups", "age_verbs", "age_clauses", "clause_followers", "score_cues", "score_objects",
    "score_verbs", "box_score_after", "box_score_units", "possessives", "account_nouns", "named_source_links",
    "nameable_phrases",
)
# An author's own regular expressions: compiled with the match time limit.
PATTERN_KEYS = ("citations",)
OPTIONS = {
    "check": Option(one_of(CHECKS), required=True),
    "sentences_before": Option(integer, 1),
    "source_scope_paragraphs": Option(integer, 3),
    "lexicon": Option(string_value, ""),
    "skip_headings": Option(boolean, True),
    **{key: Option(word_list, ()) for key in LIST_KEYS},
    **{key: Option(pattern_list, ()) for key in PATTERN_KEYS},
}
PLACEHOLDERS = frozenset({"candidate"})
DEFAULT_MESSAGE = "'{match}': say where this figure comes from"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the check the rule names: 'unsourced' or 'vague-attribution'."""
    check = rule.options["check"]
    if check == "vague-attribution":
        return _vague(rule)
    missing = [key for key in UNSOURCED_LISTS if not rule.options[key]]
    if missing:
        raise RuleError(f"the unsourced check needs '{missing[0]}'", missing[0])
    for key in ("sentences_before", "source_scope_paragraphs"):
        if rule.options[key] < 0:
            raise RuleError(f"'{key}' must be 0 or more", key)
    return _unsourced(rule, store)


def _skipper(doc: Document, rule: Rule, quotes: quotations.QuoteScan) -> Callable[[int], bool]:
    """Return a test for offsets the rule leaves alone: quotations, tables and, if set, headings."""
    # A table cell is data, not a sentence making a claim: its source is the table's credit line.
    if rule.options["skip_headings"]:
        return lambda offset: quotes.inside(offset) or doc.in_heading(offset) or doc.in_table(offset)
    return lambda offset: quotes.inside(offset) or doc.in_table(offset)


def _unsourced(rule: Rule, store: RuleSetStore) -> Check:
    """Flag figures with no source in their sentence, the sentences before it, or a source's scope."""
    finder = FigureFinder(rule.options)
    attribution = Attribution(rule.options, lexicon.for_rule(rule, store))
    window, paragraphs = rule.options["sentences_before"], rule.options["source_scope_paragraphs"]

    def check(doc: Document) -> Iterator[Finding]:
        quotes = quotations.scan(doc)
        figures = list(finder.find(doc.lint_text, _skipper(doc, rule, quotes)))
        first_figures: dict[int, int] = {}
        for start, _ in figures:
            first_figures.setdefault(doc.sentence_index(start), start)
        sourcing = Sourcing(doc, quotes, attribution, {doc.paragraph_index(start) for start, _ in figures},
                            first_figures)
        for start, end, candidate in unsourced_figures(sourcing, figures, window, paragraphs):
            yield rule.finding(doc, start, end, candidate=f" ({candidate})" if candidate else "")

    return check


def figure_spans(rule: Rule, doc: Document) -> list[tuple[int, int]]:
    """Return the (start, end) of every figure the unsourced rule weighs, sourced or not."""
    quotes = quotations.scan(doc)
    return list(FigureFinder(rule.options).find(doc.lint_text, _skipper(doc, rule, quotes)))


def _vague(rule: Rule) -> Check:
    """Flag vague attribution outside quotations: 'experts say', 'studies show', 'reportedly'."""
    phrases = rule.options["phrases"]
    if not phrases:
        raise RuleError("the vague-attribution check needs 'phrases'", "phrases")
    pattern = compile_words(word_pattern(phrases, r"\s+"), True, "phrases")
    anchors = WordIndex(phrase.split()[0] for phrase in phrases if phrase.split())
    names_source = _names_source(rule)

    def check(doc: Document) -> Iterator[Finding]:
        skip = _skipper(doc, rule, quotations.scan(doc))
        for at in anchors.starts(doc.lint_text):
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


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks the figures this rule finds (unsourced rules only)."""
    if rule.options["check"] != "unsourced" or not rule.options["approximators"]:
        return ()
    return (figures_source(FigureFinder(rule.options)),)
