"""across.names: one person named two ways in a story set (nickname and formal name, a surname spelled two ways)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence

from factlint.checks.across.people import Person, people
from factlint.checks.across.report import Mention, forms_of, report, usage
from factlint.facts import Fact, FactSource, PersonName, Story, source_of
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
        usual = None if house is not None else _usual_spelling(person, source.relate)

        def detail(form: str, others: list[str], house: str | None = house, usual: str | None = usual) -> str:
            if house is not None:
                return (f"'{form}' is not the house form of this name: other stories of the set use "
                        f"'{house}', the registry's form")
            if usual is not None:
                return (f"'{form}' ({counts[form]}) looks like a misspelling of '{usual}' ({counts[usual]}), "
                        "as other stories of the set write it: check the spelling")
            said = ", ".join(f"'{o}' ({counts[o]})" for o in others)
            return (f"'{form}' ({counts[form]}) and {said} look like one person named two ways "
                    "across the story set: use one form")

        yield from report(rule, stories, mentions, detail, house or usual)


# How a one-story form relates to the form several stories use when it is that form misspelt.
MISSPELLINGS = frozenset({"spelling", "typography"})
# So many stories must agree on a spelling before one story's other spelling is called a
# misspelling of it: two stories may share one mistake ("Quintaro" twice, "Quintero" once).
USUAL_STORIES = 3


def _usual_spelling(person: Person, relate: Callable[[Fact, Fact], str | None]) -> str | None:
    """Return the form several stories use when each other form is one story's misspelling of it ('Hilary' beside 'Hillary').

    A nickname is no misspelling: "Joe Biden" in three stories and "Joseph Biden" in one are all flagged.
    """
    names: dict[str, PersonName] = {}
    stories: dict[str, set[int]] = {}
    for index, name in person.mentions:
        names.setdefault(name.name, name)
        stories.setdefault(name.name, set()).add(index)
    usual = max(stories, key=lambda form: (len(stories[form]), form))
    if len(stories[usual]) < USUAL_STORIES:
        return None
    # An accent the usual form lacks is the name's own spelling ("José Ramírez"), not a slip.
    if all(len(stories[form]) == 1 and relate(names[form], names[usual]) in MISSPELLINGS
           and _accents(form) <= _accents(usual) for form in stories if form != usual):
        return usual
    return None


def _accents(name: str) -> int:
    """Count the letters of a name written with a diacritic."""
    return sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))
