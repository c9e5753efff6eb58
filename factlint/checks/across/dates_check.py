"""across check `dates`: one event placed on different days in different stories of a set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factlint.checks.across.common import DEFAULT_MESSAGE, PLACEHOLDERS, no_check, lower, require
from factlint.checks.base import Check, Option, string_list
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "build_cross"]
OPTIONS = {key: Option(string_list, ()) for key in ("events", "links", "determiners", "verb_markers")}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's keys now, so that a bad rule fails at load time; one story alone gives nothing."""
    require(rule, "dates", ("events", "links"))
    return no_check()


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Compare the days the stories give each event."""

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        from factlint.checks.across.dates import EventWords, check_dates

        options = rule.options
        event_words = EventWords(lower(options["events"]), lower(options["links"]), lower(options["determiners"]),
                                 lower(options["verb_markers"]))
        return check_dates(rule, stories, sources, event_words)

    return cross
