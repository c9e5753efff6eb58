"""Registry names written another way: a surname alone one letter off, or other hyphens, spaces or accents."""

from collections.abc import Iterator
from typing import Any, NamedTuple, Protocol

from factlint.checks.names import forms, later
from factlint.checks.names.registry import PERSON, PERSON_VARIANT, TITLE, TITLE_VARIANT, Registry
from factlint.checks.names.text import Folded
from factlint.checks.names.words import NameWords


class Scan(Protocol):
    """What these checks read of a registry scan (registry_checks.Scan, which imports this module)."""

    folded: Folded
    hits: list[Any]

    @property
    def words(self) -> list[tuple[str, int, int]]: ...

    def covered(self, start: int, end: int) -> bool: ...

    def hit_ending_at(self, offset: int) -> Any: ...


class Slip(NamedTuple):
    """A form in the folded text and the registry person it names."""

    start: int
    end: int
    found: str
    person: int
    bare: bool


def surname_slips(scan_: Scan, registry: Registry, given_names: frozenset[str], words: NameWords) -> Iterator[Slip]:
    """A surname standing alone, one edit from the surname of a registry person named earlier in the story."""
    named = _first_full_references(scan_)
    if not named:
        return
    text = scan_.folded.text
    common = later.lower_words(text)
    reported: set[str] = set()
    for word, start, end in scan_.words:
        if word in reported or word in registry.by_last or scan_.covered(start, end):
            continue
        if word.lower() in given_names or word.lower() in common:
            continue
        if not (later.alone(text, start, end, frozenset()) or _after_title(scan_, start, end)):
            continue
        people = [i for i, at in named.items() if at < start and later.near_surname(word, registry.person(i).last, words)]
        if len(people) == 1:
            reported.add(word)
            yield Slip(start, end, word, people[0], True)


def _after_title(scan_: Scan, start: int, end: int) -> bool:
    """A word right after a registry title ("Deputy Homeland Security Advisor Daskall"), before no capital."""
    title = scan_.hit_ending_at(start - 1)
    if title is None or title.group.role not in (TITLE, TITLE_VARIANT):
        return False
    return later.alone(scan_.folded.text, start, end, frozenset({scan_.folded.text[title.start:title.end].split(" ")[-1]}))


def written_forms(scan_: Scan, registry: Registry) -> Iterator[Slip]:
    """A registry name, or the surname of one named in the story, with other hyphens, spaces or accents."""
    named = _first_full_references(scan_)
    reported: set[str] = set()
    for run in forms.runs(scan_.folded.text, frozenset(), registry.particles, registry.run_pattern):
        if scan_.covered(run.start, run.end):
            continue
        slip = _registry_form(run, registry, named)
        if slip is not None and not slip.bare:
            named.setdefault(slip.person, slip.start)
        if slip is not None and slip.found not in reported:
            reported.add(slip.found)
            yield slip


def _registry_form(run: forms.NameRun, registry: Registry, named: dict[int, int]) -> Slip | None:
    """The registry person a run (or its tail, after a title) writes another way, if any."""
    for i in range(len(run.words)):
        words = run.words[i:]
        found = " ".join(w.text for w in words)
        key = forms.key(found)
        for index in registry.by_form.get(key, ()):
            if found.lower() != registry.names[index].lower():
                return Slip(words[0].start, words[-1].end, found, index, False)
        for index in registry.by_surname_form.get(key, ()):
            surname = registry.names[index].split(" ", 1)[1]
            if index in named and named[index] < words[0].start and found.lower() != surname.lower():
                return Slip(words[0].start, words[-1].end, found, index, True)
    return None


def _first_full_references(scan_: Scan) -> dict[int, int]:
    """Each registry person named in the story (name or variant), and where first."""
    first: dict[int, int] = {}
    for hit in scan_.hits:
        if hit.group.role in (PERSON, PERSON_VARIANT):
            for index in hit.group.ids:
                first.setdefault(index, hit.start)
    return first
