"""The `names` kind: names, titles and organisations in their house form, and one person spelled two ways.

The registry checks (variants, titles, near-miss, first-reference, no-title) need a registry:
inline `people`/`organizations`, or a `registry:` data file. `same-person` needs none. A rule may
name several checks in `check` (a list); a registry rule with no `check` runs the four
DEFAULT_CHECKS. The checks of one rule share one registry and one scan of each document; give
each check its own rule file to give each its own level.
"""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.names import registry, same_person, words
from factlint.facts import FactSource
from factlint.rule import Rule, RuleSetStore

CHECK_MODULES = MappingProxyType({
    "variants": "factlint.checks.names.variants",
    "titles": "factlint.checks.names.titles",
    "near-miss": "factlint.checks.names.near_miss",
    "first-reference": "factlint.checks.names.first_reference",
    "no-title": "factlint.checks.names.no_title",
    "same-person": "factlint.checks.names.same_person",
})
CHECK_LISTS = True  # `check:` may name several checks, run by one rule
DEFAULT_CHECKS = ("variants", "titles", "near-miss", "first-reference")
OPTIONS = dict(words.OPTIONS)  # every names check reads the names word file


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks this rule's registry forms, or its people's names and policy."""
    from factlint.checks.names import facts  # here: only story sets need it

    found = registry.from_options(rule.options, rule.source, store) if "registry" in rule.options else None
    if found is not None:
        return (facts.registry_source(found, words.for_rule(rule, store).holder_words),)
    if "same-person" in rule.options["check"]:
        return (facts.people_source(same_person.policy(rule, store)),)
    return ()
