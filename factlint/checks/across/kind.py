"""The `across` kind: checks that compare the stories of a story set with each other.

An across rule finds nothing in one story alone: the engine runs it over a story set, after the
per-story checks, with the facts the other kinds extract (people's names, registry forms,
figures, resolved dates). Which comparison a rule makes is set by `check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import regex

from factlint.checks.base import Check, Option, number, some_of, string_list, string_pairs
from factlint.document import Document
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore

if TYPE_CHECKING:
    from factlint.checks.across.titles import TitleWords

CHECKS = ("names", "titles", "organizations", "figures", "dates")



def _number_map(value: Any) -> dict[str, float]:
    """Validate a mapping of words to numbers."""
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()):
        raise TypeError("must be a mapping of words to numbers")
    return {k.lower(): float(v) for k, v in value.items()}



LISTS = ("title_words", "rank_words", "time_words", "organization_words", "about", "at_least", "at_most",
         "not_nouns", "auxiliaries", "verbs", "not_roles", "events", "links", "determiners",
         "verb_markers", "joiners", "subject_links")
OPTIONS = {
    "check": Option(some_of(CHECKS), required=True),
    **{key: Option(string_list, ()) for key in LISTS},
    "spellings": Option(string_pairs, ()),
    "aliases": Option(string_pairs, ()),
    "magnitudes": Option(_number_map, {}, schema={"type": "object", "additionalProperties": {"type": "number"}}),
    "tolerance": Option(number, 0.1),
}
PLACEHOLDERS = frozenset({"detail", "found", "others", "house"})
DEFAULT_MESSAGE = "{detail}"
NEEDS = {"titles": ("title_words", "joiners"), "organizations": ("organization_words", "joiners"),
         "figures": ("about", "at_least", "at_most", "magnitudes", "not_nouns", "auxiliaries", "subject_links",
                     "determiners"),
         "dates": ("events", "links")}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """An across rule finds nothing in one story: its work is done by build_cross."""
    _validate(rule)  # now, so that a bad rule fails at load time

    def check(doc: Document) -> Iterator[Finding]:
        return iter(())

    return check


def build_cross(rule: Rule, store: RuleSetStore) -> CrossCheck:
    """Check the rule's keys; return the cross-story check that runs the comparisons it names.

    A comparison's module and word lists are loaded when a story set runs: linting one story,
    the commonest run, never pays for them.
    """
    _validate(rule)

    def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
        for name in rule.options["check"]:
            yield from _comparison(name, rule)(stories, sources)

    return cross


def _validate(rule: Rule) -> None:
    """Raise RuleError when a comparison lacks a word list it needs, or the tolerance is out of range."""
    options = rule.options
    for name in options["check"]:
        missing = [key for key in NEEDS.get(name, ()) if not options[key]]
        if missing:
            raise RuleError(f"check '{name}' needs '{missing[0]}'", missing[0])
    if not 0 <= options["tolerance"] < 1:
        raise RuleError("'tolerance' must be at least 0 and less than 1", "tolerance")


def _comparison(name: str, rule: Rule) -> Callable[[Sequence[Story], Sequence[FactSource]], Iterable[Finding]]:
    """Return the function that runs one comparison of the rule."""
    options = rule.options
    if name == "names":
        from factlint.checks.across.names import check_names
        return lambda stories, sources: check_names(rule, stories, sources)
    if name == "titles":
        from factlint.checks.across.titles import check_titles
        words = title_words(options)
        return lambda stories, sources: check_titles(rule, stories, sources, words)
    if name == "organizations":
        from factlint.checks.across.organizations import check_organizations
        search = organization_search(options)
        return lambda stories, sources: check_organizations(rule, stories, sources, search)
    if name == "figures":
        from factlint.checks.across.figures import FigureWords, check_figures, subject_pattern
        figure_words = FigureWords(
            _lower(options["about"]), _lower(options["at_least"]), _lower(options["at_most"]), options["magnitudes"],
            _lower(options["not_nouns"]), _lower(options["auxiliaries"]), _lower(options["verbs"]),
            _lower(options["not_roles"]), _lower(options["determiners"]), _lower(options["subject_links"]),
            subject_pattern(options["subject_links"], options["determiners"]), options["tolerance"])
        return lambda stories, sources: check_figures(rule, stories, sources, figure_words)
    from factlint.checks.across.dates import EventWords, check_dates
    event_words = EventWords(_lower(options["events"]), _lower(options["links"]), _lower(options["determiners"]),
                             _lower(options["verb_markers"]))
    return lambda stories, sources: check_dates(rule, stories, sources, event_words)


def title_words(options: Mapping[str, Any]) -> TitleWords:
    """Build the title word lists of a rule's options."""
    from factlint.checks.across.titles import TitleWords

    spellings = {a.lower(): b.lower() for a, b in options["spellings"]}
    return TitleWords(frozenset(spellings.get(w, w) for w in _lower(options["title_words"])),
                      _lower(options["rank_words"]), _lower(options["time_words"]), spellings,
                      _lower(options["joiners"]))


def organization_search(options: Mapping[str, Any]) -> tuple[regex.Pattern, dict[str, str], frozenset[str]]:
    """Build the organisation-name search, the aliases and the leading words to drop of a rule's options."""
    from factlint.checks.across.organizations import org_pattern

    aliases = {a.lower().replace(".", ""): b.lower().replace(".", "") for a, b in options["aliases"]}
    return org_pattern(options["organization_words"], options["joiners"]), aliases, _lower(options["determiners"])


def _lower(items: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(i.lower().split()) for i in items)
