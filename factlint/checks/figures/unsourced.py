"""figures check `unsourced`: a figure with no source in its sentence, the sentences before it, or a source's scope."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from factlint import quotations
from factlint.checks import lexicon
from factlint.checks.attribution import Attribution
from factlint.checks.base import Check, Option, boolean, integer, pattern_list, string_value, word_list
from factlint.checks.figures.counts import SmallCounts
from factlint.checks.figures.find import FigureFinder
from factlint.checks.figures.record import OwnTerms
from factlint.checks.figures.skip import skipper
from factlint.checks.figures.repeat import Signatures
from factlint.checks.figures.topic import TopicCarry
from factlint.checks.figures.sourcing import Sourcing
from factlint.checks.figures.verdict import unsourced_figures
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.wordindex import WordIndexes

# Word lists the unsourced check cannot work without.
REQUIRED_LISTS = (
    "cues", "reporting_verbs", "agents", "determiners", "passive_markers", "approximators",
    "currencies", "magnitudes", "percent_words", "spelled_numbers",
)
LIST_KEYS = (
    *REQUIRED_LISTS, "skip_words", "subject_openers", "short_magnitudes", "currency_words",
    "fractions", "comparatives", "multipliers", "multiplier_verbs", "multiplier_idioms", "half_spans",
    "count_contexts", "count_events", "count_units", "public_record",
    "not_claim_before", "not_claim_after", "name_joiners", "identifier_numbers", "months", "street_suffixes",
    "age_subjects", "age_groups", "age_verbs", "age_markers", "age_clauses", "clause_followers", "score_cues", "score_objects",
    "score_verbs", "box_score_after", "box_score_units", "possessives", "account_nouns",
    "record_nouns", "record_verbs", "record_blockers", "plan_nouns", "plan_links", "plan_infinitives", "plan_rates", "plan_claims", "target_links", "finding_words",
    "record_events", "example_cues", "example_values", "example_articles", "record_weak_verbs", "plan_targets", "decision_bodies", "decision_verbs", "decision_change_verbs", "decision_change_breaks",
    "record_groups", "scope_polls", "set_superlatives", "range_openers", "range_joiners", "rate_words",
    "clock_units", "game_clock", "game_clock_next", "banknote_words", "topic_ignore", "topic_blockers", "topic_endings",
    "topic_clause_openers", "topic_prepositions", "topic_share_links", "topic_scope_words", "topic_elsewhere_words", "topic_place_nouns",
    "furniture_labels", "transcript_labels", "derived_links", "derived_openers", "derived_changes", "derived_change_links", "derived_change_times", "back_references", "forecast_words", "vague_cues",
    "change_words", "finding_openers", "stat_verbs", "rate_proposals", "rate_levels",
)
# An author's own regular expressions: compiled with the match time limit.
PATTERN_KEYS = ("citations",)
OPTIONS = {
    "sentences_before": Option(integer, 1),
    "source_scope_paragraphs": Option(integer, 3),
    "repeated_figures": Option(boolean, False),
    "paragraph_credit": Option(boolean, False),
    "carry_paragraphs": Option(integer, 0),
    "record_reach": Option(integer, 4),
    "min_bare_count": Option(integer, 0),
    "topic_paragraphs": Option(integer, 0),
    "topic_overlap": Option(integer, 2),
    "topic_head_overlap": Option(integer, 0),
    "topic_words_before": Option(integer, 8),
    "topic_words_after": Option(integer, 4),
    "lexicon": Option(string_value, ""),
    **{key: Option(word_list, ()) for key in LIST_KEYS},
    **{key: Option(pattern_list, ()) for key in PATTERN_KEYS},
}
PLACEHOLDERS = frozenset({"candidate"})
DEFAULT_MESSAGE = "'{match}': say where this figure comes from"
COST = 1.1  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's word lists and windows, then build the check."""
    missing = [key for key in REQUIRED_LISTS if not rule.options[key]]
    if missing:
        raise RuleError(f"the unsourced check needs '{missing[0]}'", missing[0])
    for key in ("sentences_before", "source_scope_paragraphs", "record_reach", "carry_paragraphs",
                "topic_paragraphs", "topic_words_before", "topic_words_after", "topic_head_overlap", "min_bare_count"):
        if rule.options[key] < 0:
            raise RuleError(f"'{key}' must be 0 or more", key)
    if rule.options["plan_targets"] and not rule.options["target_links"]:
        raise RuleError("'plan_targets' needs 'target_links' (the words that join a target to its figure)", "target_links")
    if rule.options["topic_overlap"] < 1:
        raise RuleError("'topic_overlap' must be 1 or more", "topic_overlap")
    return _unsourced(rule, store)


def _unsourced(rule: Rule, store: RuleSetStore) -> Check:
    """Flag figures with no source in their sentence, the sentences before it, or a source's scope."""
    finder = FigureFinder(rule.options, store.get(WordIndexes, WordIndexes))
    attribution = Attribution(rule.options, lexicon.for_rule(rule, store))
    window, paragraphs = rule.options["sentences_before"], rule.options["source_scope_paragraphs"]
    carry = (rule.options["paragraph_credit"], rule.options["carry_paragraphs"])
    own_terms = OwnTerms(rule.options)
    small_counts = SmallCounts(rule.options)
    topic = TopicCarry(rule.options)
    signatures = Signatures(rule.options["percent_words"], rule.options["magnitudes"], rule.options["currencies"]) \
        if rule.options["repeated_figures"] else None
    # The per-rule-set word sets the sourcing reads (built once, at load time).
    word_sets = {
        "finding_words": frozenset(w.lower() for w in rule.options["finding_words"]),
        "finding_openers": tuple(" ".join(w.lower().split()) + " " for w in rule.options["finding_openers"]),
        # A share of a poll's people: its percent words, fractions and "half" ("two-fifths of independents").
        "share_words": frozenset(w.lower() for w in (*rule.options["percent_words"], *rule.options["fractions"],
                                                      *rule.options["multipliers"])),
        "change_words": frozenset(w.lower() for w in rule.options["change_words"]),
        "polls": frozenset(w.lower() for w in rule.options["scope_polls"]),
        "derived_links": frozenset(" ".join(w.lower().split()) for w in rule.options["derived_links"]),
        "currency_marks": _currency_marks(rule.options),
        "apposition_articles": frozenset(w.lower() for w in rule.options["example_articles"]),
        "derived_changes": frozenset(w.lower() for w in rule.options["derived_changes"]),
        # The longest link first: "compared with" before "compared".
        "derived_change_links": tuple(sorted((" ".join(w.lower().split()) for w in rule.options["derived_change_links"]),
                                             key=len, reverse=True)),
        "derived_change_times": frozenset(w.lower() for w in rule.options["derived_change_times"]),
        "determiners": frozenset(w.lower() for w in rule.options["determiners"]),
        "derived_openers": tuple(" ".join(w.lower().replace("’", "'").split()) + " "
                                 for w in rule.options["derived_openers"]),
        "back_references": frozenset(w.lower() for w in rule.options["back_references"]),
        "forecast_words": frozenset(w.lower() for w in rule.options["forecast_words"]),
    }

    def check(doc: Document) -> Iterator[Finding]:
        quotes = quotations.scan(doc)
        figures = list(finder.find(doc.lint_text, skipper(doc, rule, quotes), doc))
        first_figures: dict[int, int] = {}
        for start, _ in figures:
            first_figures.setdefault(doc.sentence_index(start), start)
        sourcing = Sourcing(doc, quotes, attribution, {doc.paragraph_index(start) for start, _ in figures},
                            first_figures, own_terms.covers, topic=topic,
                            signatures=signatures, **word_sets)
        for start, end, candidate in unsourced_figures(sourcing, figures, window, paragraphs, carry):
            if small_counts.taken_as_read(doc, start, end):
                continue  # weighed all the same: what it measures may carry a credit to later figures
            yield rule.finding(doc, start, end, candidate=f" ({candidate})" if candidate else "")

    return check


def _currency_marks(options: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the marks that tell a figure's currency: each sign ('$' of 'US$') and each word ('euros'), lowercase."""
    signs = {sign.strip()[-1] for sign in options["currencies"] if sign.strip()}
    return tuple(sorted(signs | {word.lower() for word in options["currency_words"]}))


def figure_spans(rule: Rule, doc: Document) -> list[tuple[int, int]]:
    """Return the (start, end) of every figure the unsourced rule weighs, sourced or not."""
    quotes = quotations.scan(doc)
    return list(FigureFinder(rule.options).find(doc.lint_text, skipper(doc, rule, quotes)))
