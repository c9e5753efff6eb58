"""across check `figures`: one figure given differently in different stories of a set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factlint.checks.across.common import DEFAULT_MESSAGE, PLACEHOLDERS, no_check, lower, number_map, require
from factlint.checks.base import Check, Option, number, string_list
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "build_cross"]
OPTIONS = {
    **{key: Option(string_list, ()) for key in ("about", "at_least", "at_most", "not_nouns", "auxiliaries", "verbs",
                                              "not_roles", "determiners", "subject_links", "setting_links", "setting_times", "not_settings",
                                              "setting_part_links", "setting_clause_words", "setting_reports",
                                              "setting_place_words", "setting_quantity_words", "setting_time_nouns")},
    "magnitudes": Option(number_map, {}, schema={"type": "object", "additionalProperties": {"type": "number"}}),
    "tolerance": Option(number, 0.1),
}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's keys now, so that a bad rule fails at load time; one story alone gives nothing."""
    require(rule, "figures", ("about", "at_least", "at_most", "magnitudes", "not_nouns", "auxiliaries",
                              "subject_links", "determiners"))
    if not 0 <= rule.options["tolerance"] < 1:
        raise RuleError("'tolerance' must be at least 0 and less than 1", "tolerance")
    return no_check()


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Compare the figures the stories give for one subject."""

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        from factlint.checks.across.figures import FigureWords, check_figures, setting_pattern, subject_pattern, words_search

        options = rule.options
        figure_words = FigureWords(
            lower(options["about"]), lower(options["at_least"]), lower(options["at_most"]), options["magnitudes"],
            lower(options["not_nouns"]), lower(options["auxiliaries"]), lower(options["verbs"]),
            lower(options["not_roles"]), lower(options["determiners"]), lower(options["subject_links"]),
            subject_pattern(options["subject_links"], options["determiners"]), options["tolerance"],
            setting_pattern([*options["setting_links"], *options["setting_part_links"]], options["determiners"]),
            lower(options["setting_times"]), lower(options["not_settings"]), lower(options["setting_part_links"]),
            words_search(options["setting_clause_words"], "setting_clause_words"),
            words_search(options["setting_reports"], "setting_reports"), lower(options["setting_place_words"]),
            lower(options["setting_quantity_words"]), lower(options["setting_time_nouns"]))
        return check_figures(rule, stories, sources, figure_words)

    return cross
