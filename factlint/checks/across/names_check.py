"""across check `names`: one person named differently in different stories of a set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factlint.checks.across.common import DEFAULT_MESSAGE, PLACEHOLDERS, no_check
from factlint.checks.base import Check, Option
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "build_cross"]
OPTIONS: dict[str, Option] = {}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's keys now, so that a bad rule fails at load time; one story alone gives nothing."""
    return no_check()


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Compare the people the stories name."""

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        from factlint.checks.across.names import check_names

        return check_names(rule, stories, sources)

    return cross
