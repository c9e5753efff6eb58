"""names check `near-miss`: a registry name misspelled by one letter, or written with other hyphens, spaces or accents."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.names import people, registry_forms, words
from factlint.checks.names.words import NameWords
from factlint.checks.names.registry import TITLE, TITLE_VARIANT, Registry, first_keys
from factlint.checks.names.registry_checks import (
    DEFAULT_MESSAGE, OPTIONS, PLACEHOLDERS, Scan, build_check, keep_spacing,
)
from factlint.checks.names.text import Candidate, distance, typo_shaped
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag near misses of registry names; a given name of the nicknames data set needs corroboration."""
    known = store.get(people.load_nicknames, people.load_nicknames).known
    forms = words.for_rule(rule, store)
    return build_check(rule, store, "near-miss",
                       lambda rule_, scan_, registry: near_misses(rule_, scan_, registry, known, forms))


def near_misses(rule: Rule, scan_: Scan, registry: Registry, known_names: frozenset[str],
                forms: NameWords) -> Iterator[Finding]:
    """Flag a name one edit away from a registry person's when something says it is that person."""
    for candidate in scan_.candidates:
        if scan_.covered(candidate.start, candidate.end):
            continue
        person = _near_person(scan_, registry, candidate, known_names)
        if person is None:
            continue
        start, end = scan_.document_span(candidate.start, candidate.end)
        found, house = candidate.name, registry.names[person]
        detail = f"'{found}' is not in the names registry: did you mean '{house}'?"
        yield rule.finding(scan_.doc, start, end, detail=detail, found=found, house=house)
    for slip in registry_forms.surname_slips(scan_, registry, known_names, forms):
        start, end = scan_.document_span(slip.start, slip.end)
        house = registry.names[slip.person]
        surname = registry.person(slip.person).last
        detail = f"'{slip.found}' is not in the names registry: did you mean '{surname}' ('{house}')?"
        yield rule.finding(scan_.doc, start, end, detail=detail, found=slip.found, house=house)
    for slip in registry_forms.written_forms(scan_, registry):
        start, end = scan_.document_span(slip.start, slip.end)
        house = registry.names[slip.person]
        form = house.split(" ", 1)[1] if slip.bare else house
        detail = (f"'{slip.found}' writes the registry's '{form}' with other hyphens, spaces or accents: "
                  f"use '{form}'")
        yield rule.finding(scan_.doc, start, end, fix=keep_spacing(scan_.doc.text[start:end], form),
                           detail=detail, found=slip.found, house=house)


def _near_person(scan_: Scan, registry: Registry, candidate: Candidate, known: frozenset[str]) -> int | None:
    """Return the registry person a candidate misspells, or None."""
    first, last = candidate.first.text, candidate.last.text
    for index in registry.by_last.get(last, ()):
        wanted = registry.person(index).first
        if wanted != first and len(wanted) >= 3 and distance(first, wanted, 1) == 1:
            if first.lower() not in known or _corroborated(scan_, registry, index, candidate, False):
                return index
    seen: set[int] = set()
    for key in first_keys(first, last):
        for index in registry.by_first.get(key, ()):
            wanted = registry.person(index).last
            if index in seen or wanted == last or len(wanted) < 4:
                continue
            seen.add(index)
            if distance(last, wanted, 1) == 1 and (
                typo_shaped(last, wanted) or _corroborated(scan_, registry, index, candidate, True)
            ):
                return index
    return None


def _corroborated(scan_: Scan, registry: Registry, index: int, candidate: Candidate, surname: bool) -> bool:
    """Tell whether the document otherwise points at this person: their title or name nearby.

    For a misspelled surname, the registry surname standing elsewhere in the story counts too.
    """
    person = registry.person(index)
    if index in scan_.people_seen:
        return True
    if surname and scan_.word_counts.get(person.last, 0) > 0:
        return True
    title = scan_.hit_ending_at(candidate.start - 1)
    return title is not None and title.group.role in (TITLE, TITLE_VARIANT) and index in title.group.ids
