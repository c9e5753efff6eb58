"""Cluster the people's names of a story set: blocked by surname, never every pair of names."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from factlint.facts import Fact, HouseName, PersonName, Story, fold_name


@dataclass(frozen=True)
class Person:
    """One person as the story set names them: each mention's (story index, name fact), and a house form."""

    mentions: tuple[tuple[int, PersonName], ...]
    house: str | None

    @property
    def forms(self) -> set[str]:
        """Return the forms of the name the set uses."""
        return {name.name for _, name in self.mentions}


def deletions(word: str) -> set[str]:
    """Return the word with each one letter dropped, and the word itself: names one edit apart share one."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


class _Union:
    """Union-find over mention numbers."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _blocks(forms: Sequence[PersonName]) -> Iterator[list[int]]:
    """Yield groups of form numbers worth comparing: same folded surname, or same first name and a surname one edit off."""
    by_last: dict[str, list[int]] = {}
    by_first: dict[tuple[str, str], list[int]] = {}
    for number, name in enumerate(forms):
        last = fold_name(name.last)
        by_last.setdefault(last, []).append(number)
        first = fold_name(name.first)
        for key in deletions(last):
            by_first.setdefault((first, key), []).append(number)
    yield from (b for b in by_last.values() if len(b) > 1)
    yield from (b for b in by_first.values() if len(b) > 1)


def _plural_pair(a: PersonName, b: PersonName) -> bool:
    """Williams / William, Americans / American: a final s makes another surname, or a group, not a typo."""
    x, y = sorted((fold_name(a.last), fold_name(b.last)), key=len)
    return x != y and y == x + "s"


def people(stories: Sequence[Story], relate: Callable[[Fact, Fact], str | None]) -> list[Person]:
    """Return the people the set names, each with their mentions and any registry house form."""
    forms: dict[str, PersonName] = {}
    mentions: list[tuple[int, PersonName]] = []
    for index, story in enumerate(stories):
        for name in story.of(PersonName):
            forms.setdefault(name.name, name)
            mentions.append((index, name))
    listed = list(forms.values())
    stories_of: dict[str, set[int]] = {}
    for index, name in mentions:
        stories_of.setdefault(name.name, set()).add(index)
    union = _Union(len(listed))
    for block in _blocks(listed):
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if union.find(a) != union.find(b) and not _plural_pair(listed[a], listed[b]):
                    how = relate(listed[a], listed[b])
                    # Two spellings each used by several stories are two names (York Jets, York
                    # Mets); a misspelling is the odd story out.
                    if how and (how != "spelling" or min(len(stories_of[listed[a].name]),
                                                         len(stories_of[listed[b].name])) == 1):
                        union.join(a, b)
    number = {form.name: n for n, form in enumerate(listed)}
    clusters: dict[int, list[tuple[int, PersonName]]] = {}
    for index, name in mentions:
        clusters.setdefault(union.find(number[name.name]), []).append((index, name))
    houses = _houses(stories)
    found = []
    for members in clusters.values():
        house = next((houses[(i, n.start)] for i, n in members if (i, n.start) in houses), None)
        found.append(Person(tuple(members), house))
    return found


def _houses(stories: Sequence[Story]) -> dict[tuple[int, int], str]:
    """Map (story, start) of each registry person match to the registry's house form."""
    houses = {}
    for index, story in enumerate(stories):
        for hit in story.of(HouseName):
            if hit.role == "person":
                houses[(index, hit.start)] = hit.house
    return houses
