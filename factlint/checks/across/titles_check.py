"""across check `titles`: one person's title written differently in different stories of a set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factlint.checks.across.common import DEFAULT_MESSAGE, PLACEHOLDERS, no_check, require, title_words
from factlint.checks.base import Check, Option, string_list, string_pairs
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "build_cross"]
OPTIONS = {
    **{key: Option(string_list, ()) for key in ("title_words", "rank_words", "time_words", "joiners")},
    "spellings": Option(string_pairs, ()),
}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's keys now, so that a bad rule fails at load time; one story alone gives nothing."""
    require(rule, "titles", ("title_words", "joiners"))
    return no_check()


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Compare the titles the stories give each person."""

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        from factlint.checks.across.titles import check_titles

        return check_titles(rule, stories, sources, title_words(rule.options))

    return cross
