"""The `dates` kind: check dates against the calendar, the dateline and each other.

Every check reads the pack's word list (`words`, `_words.yaml` beside the rule file), and all the
dates rules of a rule set share one parse of each document.
"""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.base import Option, string_value
from factlint.checks.dates.checking import rule_lexicon
from factlint.facts import FactSource
from factlint.rule import Rule, RuleSetStore

# In the order of their names: the order the error for an unknown check lists them in.
CHECK_MODULES = MappingProxyType({
    "ap-style": "factlint.checks.dates.ap_style",
    "impossible": "factlint.checks.dates.impossible",
    "missing-dateline": "factlint.checks.dates.missing_dateline",
    "range": "factlint.checks.dates.date_range",
    "relative-conflict": "factlint.checks.dates.relative_conflict",
    "resolved": "factlint.checks.dates.resolved",
    "tense": "factlint.checks.dates.tense",
    "weekday-mismatch": "factlint.checks.dates.weekday_mismatch",
})
OPTIONS = {"words": Option(string_value, "_words.yaml")}


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks the dates of each story, resolved with this rule's word list."""
    from factlint.checks.dates.facts import dates_source  # here: only story sets need it

    return (dates_source(rule_lexicon(rule, store)),)
