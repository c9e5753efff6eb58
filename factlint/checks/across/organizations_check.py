"""across check `organizations`: one organisation named differently in different stories of a set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factlint.checks.across.common import DEFAULT_MESSAGE, PLACEHOLDERS, no_check, organization_search, require
from factlint.checks.base import Check, Option, string_list, string_pairs
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "build_cross"]
OPTIONS = {
    **{key: Option(string_list, ()) for key in ("organization_words", "joiners", "determiners")},
    "aliases": Option(string_pairs, ()),
}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's keys now, so that a bad rule fails at load time; one story alone gives nothing."""
    require(rule, "organizations", ("organization_words", "joiners"))
    return no_check()


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Compare the organisations the stories name."""

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        from factlint.checks.across.organizations import check_organizations

        return check_organizations(rule, stories, sources, organization_search(rule.options))

    return cross
