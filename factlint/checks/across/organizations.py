"""across.titles, organisations: one organisation named several ways across a story set.

An organisation's name is a run of capitalised words ending in one of the rule's organisation
words (Group, Department, Committee). Two names are one organisation when they are the same but
for dots, case and hyphens (US-PRC / U.S.-PRC) or for the rule's aliases (PRC / China); a name
that only adds or drops words ('Treasury Department' / 'U.S. Treasury Department') is a short form.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from factlint.checks.across.report import Mention, forms_of, report, usage
from factlint.checks.base import compile_words
from factlint.checks.wordpattern import alternation
from factlint.facts import FactSource, HouseName, Story
from factlint.finding import Finding
from factlint.rule import Rule

# Curly and straight apostrophes and hyphens print alike: they make no second form of a name.
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


def org_pattern(heads: Sequence[str], joiners: Sequence[str]) -> regex.Pattern:
    """Compile the search for organisation names ending in one of the head words ('Department of Justice')."""
    word = r"(?:[A-Z][\w.&'’]*(?:-[\w.&'’]+)*)"
    joined = rf"{word}(?:(?:[ ](?:{alternation(joiners)}))*[ ]{word})*"
    return compile_words(rf"(?<![\w.-]){joined}[ ](?:{alternation(heads)})(?![\w-])", False, "organization_words")


def canonical(name: str, aliases: dict[str, str]) -> str:
    """Fold a name for comparison: case, dots, and each hyphen- or space-separated word's alias."""
    parts = regex.split(r"([-\s]+)", name.lower().replace(".", "").replace("’", "'"))
    return "".join(aliases.get(p, p) if not p.isspace() and p != "-" else " " for p in parts)


def organizations(stories: Sequence[Story], pattern: regex.Pattern, aliases: dict[str, str],
                  leading: frozenset[str]) -> tuple[dict[str, list[Mention]], dict[str, str]]:
    """Return the set's organisation names grouped by what they fold to, and registry house forms by group."""
    groups: dict[str, list[Mention]] = {}
    houses: dict[str, str] = {}
    for index, story in enumerate(stories):
        house_at = {h.start: h.house for h in story.of(HouseName) if h.role == "organization"}
        text = story.doc.lint_text
        for match in pattern.finditer(text):
            start, form = match.start(), " ".join(match.group().translate(TYPOGRAPHY).split())
            first, _, rest = form.partition(" ")
            if first.lower() in leading:  # 'The Working Group' opening a sentence
                start, form = start + len(first) + 1, rest
            key = canonical(form, aliases)
            groups.setdefault(key, []).append(Mention(index, start, match.end(), form))
            if start in house_at:
                houses.setdefault(key, house_at[start])
    return groups, houses


def check_organizations(rule: Rule, stories: Sequence[Story], sources: Sequence[FactSource],
                        search: tuple[regex.Pattern, dict[str, str], frozenset[str]]) -> Iterator[Finding]:
    """Flag each story's name of an organisation that other stories of the set write another way."""
    groups, houses = organizations(stories, *search)
    for key, mentions in groups.items():
        grouped = forms_of(mentions)
        if len(grouped) < 2 or len({m.story for m in mentions}) < 2:
            continue
        counts = {form: usage(uses) for form, uses in grouped.items()}
        house = houses.get(key) if houses.get(key) in counts else None

        def detail(form: str, others: list[str], house: str | None = house) -> str:
            if house is not None:
                return (f"'{form}' is not the house name of this organisation: other stories of the set "
                        f"use '{house}', the registry's form")
            said = ", ".join(f"'{o}' ({counts[o]})" for o in others)
            return f"'{form}' ({counts[form]}) and {said} look like one organisation named two ways: use one name"

        yield from report(rule, stories, mentions, detail, house)
