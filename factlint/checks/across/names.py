"""across.names: one person named two ways in a story set (nickname and formal name, a surname spelled two ways)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlint.checks.across.people import people
from factlint.checks.across.report import Mention, forms_of, report, usage
from factlint.facts import FactSource, PersonName, Story, source_of
from factlint.finding import Finding
from factlint.rule import Rule


def check_names(rule: Rule, stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterator[Finding]:
    """Flag each story's form of a name that other stories of the set write another way."""
    source = source_of(sources, PersonName)
    if source is None or source.relate is None:
        return
    for person in people(stories, source.relate):
        if len(person.forms) < 2:
            continue
        mentions = [Mention(i, n.start, n.end, n.name) for i, n in person.mentions]
        counts = {form: usage(uses) for form, uses in forms_of(mentions).items()}
        house = person.house if person.house in counts else None

        def detail(form: str, others: list[str], house: str | None = house) -> str:
            if house is not None:
                return (f"'{form}' is not the house form of this name: other stories of the set use "
                        f"'{house}', the registry's form")
            said = ", ".join(f"'{o}' ({counts[o]})" for o in others)
            return (f"'{form}' ({counts[form]}) and {said} look like one person named two ways "
                    "across the story set: use one form")

        yield from report(rule, stories, mentions, detail, house)
