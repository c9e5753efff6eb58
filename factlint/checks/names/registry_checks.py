"""The registry checks of the names kind: variants, title variants, near misses, first references."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from factlint.rule import Rule
from factlint.checks.names.registry import (
    ORG_VARIANT, PERSON, PERSON_VARIANT, TITLE, TITLE_VARIANT, Group, Registry, first_keys,
)
from factlint.checks.names import registry_forms
from factlint.checks.names.text import WORD, Candidate, Folded, bounded, candidates, distance, typo_shaped
from factlint.document import Document
from factlint.finding import Finding

_SPACES = re.compile(r"(\s+)")
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]*[a-z]$")
HOLDER_WORDS = frozenset({"the", "its", "his", "her", "their", "our", "your", "my"})


class Hit:
    """One automaton match in the folded text."""

    __slots__ = ("start", "end", "group")

    def __init__(self, start: int, end: int, group: Group) -> None:
        self.start, self.end, self.group = start, end, group


@dataclass
class Scan:
    """One document seen through one registry: folded text and non-overlapping matches."""

    doc: Document
    folded: Folded
    hits: list[Hit]

    @cached_property
    def starts(self) -> list[int]:
        return [h.start for h in self.hits]

    def covered(self, start: int, end: int) -> bool:
        """Tell whether [start, end) overlaps a registry match."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.hits[index].end > start

    def hit_ending_at(self, offset: int) -> Hit | None:
        """Return the match that ends exactly at offset, if any."""
        index = bisect.bisect_right(self.starts, offset - 1) - 1
        return self.hits[index] if index >= 0 and self.hits[index].end == offset else None

    @cached_property
    def words(self) -> list[tuple[str, int, int]]:
        return [(m.group(), m.start(), m.end()) for m in WORD.finditer(self.folded.text)]

    @cached_property
    def word_counts(self) -> Counter[str]:
        return Counter(w for w, _, _ in self.words)

    @cached_property
    def candidates(self) -> list[Candidate]:
        return candidates(self.folded.text)

    @cached_property
    def people_seen(self) -> set[int]:
        return {i for h in self.hits if h.group.role in (PERSON, PERSON_VARIANT) for i in h.group.ids}

    def document_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.span(start, end)


def scan(registry: Registry, doc: Document) -> Scan:
    """Match the registry against a document once; rules sharing a registry share the scan."""
    return doc.derived((scan, registry), lambda: _scan(registry, doc))


def _scan(registry: Registry, doc: Document) -> Scan:
    """Find the registry's longest non-overlapping matches in the folded text."""
    folded = Folded(doc.lint_text)
    found: list[Hit] = []
    if registry.automaton is not None:
        text = folded.text
        for end, index in registry.automaton.iter(text):
            group = registry.group(index)
            start = end + 1 - group.length
            if bounded(text, start, end + 1):
                found.append(Hit(start, end + 1, group))
    found.extend(_lower_case_titles(registry, folded.text, found))
    found.sort(key=lambda h: (h.start, -h.end))
    hits, cursor = [], -1
    for hit in found:
        if hit.start >= cursor:
            hits.append(hit)
            cursor = hit.end
    return Scan(doc, folded, hits)


def _lower_case_titles(registry: Registry, text: str, exact: list[Hit]) -> list[Hit]:
    """Title variants written in another case: "Ana Feld, the assistant fire marshall," (AP lower-cases
    a title after a name or standing alone). A lower-case one counts only where it names the holder:
    after "the", a possessive or a name and comma, not after "a" ("a deputy adviser" is generic).
    """
    lowered = text.lower()
    if registry.lower_automaton is None or len(lowered) != len(text):
        return []
    taken = {(h.start, h.end) for h in exact}
    found = []
    for end, index in registry.lower_automaton.iter(lowered):
        house, ids, length = registry.lower_titles[index]
        start = end + 1 - length
        if (start, end + 1) in taken or not bounded(text, start, end + 1):
            continue
        if text[start].islower() and not _names_holder(text, start):
            continue
        found.append(Hit(start, end + 1, Group(TITLE_VARIANT, house, ids, end + 1 - start)))
    return found


def _names_holder(text: str, start: int) -> bool:
    """Tell whether a lower-case title names its holder: after the, a possessive, or a name and comma."""
    head = text[max(0, start - 40):start]
    words = head.split()
    if not words or not head.endswith(" "):
        return False
    previous = words[-1]
    if previous.lower() in HOLDER_WORDS or previous.endswith("'s") or previous.endswith("s'"):
        return True
    return previous.endswith(",") and bool(_CAPITALISED_WORD.match(previous[:-1]))


def styled(house: str, found: str) -> str:
    """Write a house title in the case style of the text: lower case where the text is (acronyms kept)."""
    if not found[:1].islower():
        return house
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in house.split(" "))


def keep_spacing(original: str, house: str) -> str:
    """Write the house form with the original's line breaks, and its unchanged words as they were."""
    parts = _SPACES.split(original)
    words, gaps = parts[::2], parts[1::2]
    new = house.split(" ")
    out = []
    for i, word in enumerate(new):
        if i < len(words) and Folded(words[i]).text == word:
            word = words[i]
        out.append(word)
        if i < len(new) - 1:
            out.append(gaps[i] if i < len(gaps) else " ")
    return "".join(out)


def variants(rule: Rule, scan_: Scan, roles: tuple[int, ...], what: str) -> Iterator[Finding]:
    """Flag every match of a variant, with the house form as its fix."""
    for hit in scan_.hits:
        if hit.group.role not in roles:
            continue
        start, end = scan_.document_span(hit.start, hit.end)
        found = scan_.folded.text[hit.start:hit.end]
        house = styled(hit.group.house, found) if hit.group.role == TITLE_VARIANT else hit.group.house
        detail = f"'{found}' is not the house form{what}: use '{house}'"
        yield rule.finding(scan_.doc, start, end, fix=keep_spacing(scan_.doc.text[start:end], house),
                           detail=detail, found=found, house=house)


def name_variants(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Registry variants of people's and organisations' names."""
    return variants(rule, scan_, (PERSON_VARIANT, ORG_VARIANT), "")


def title_variants(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Registry variants of titles, before a name or standing alone."""
    return variants(rule, scan_, (TITLE_VARIANT,), " of the title")


def near_misses(rule: Rule, scan_: Scan, registry: Registry, known_names: frozenset[str]) -> Iterator[Finding]:
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
    for slip in registry_forms.surname_slips(scan_, registry, known_names):
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


def _full_references(scan_: Scan, headings: bool) -> dict[int, Hit]:
    """Return each registry person's first full reference (name or variant), body text only."""
    first: dict[int, Hit] = {}
    for hit in scan_.hits:
        if hit.group.role not in (PERSON, PERSON_VARIANT):
            continue
        if not headings and scan_.doc.in_heading(scan_.folded.original(hit.start)):
            continue
        for index in hit.group.ids:
            first.setdefault(index, hit)
    return first


def first_references(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Flag a registry person's bare surname used before their full name first appears."""
    full = _full_references(scan_, headings=True)
    flagged: set[int] = set()
    text = scan_.folded.text
    for word, start, end in scan_.words:
        ids = registry.by_last.get(word)
        if not ids or scan_.covered(start, end) or not _bare(scan_, text, start, end):
            continue
        later = [i for i in ids if i in full and full[i].start > start and i not in flagged]
        if not later or scan_.doc.in_heading(scan_.folded.original(start)):
            continue
        person = later[0]
        flagged.update(later)
        doc_start, doc_end = scan_.document_span(start, end)
        line = scan_.doc.position(scan_.folded.original(full[person].start))[0]
        house = registry.names[person]
        detail = f"'{word}' comes before the first full reference to '{house}' (line {line}): give the full name first"
        yield rule.finding(scan_.doc, doc_start, doc_end, detail=detail, found=word, house=house, other_line=line)


def _bare(scan_: Scan, text: str, start: int, end: int) -> bool:
    """Tell whether a surname stands alone: not after a capitalised word (but after a title), not before one."""
    if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
        return False
    if start < 2 or text[start - 1] != " ":
        return True
    title = scan_.hit_ending_at(start - 1)
    if title is not None and title.group.role in (TITLE, TITLE_VARIANT):
        return True
    previous = text[text.rfind(" ", 0, start - 1) + 1:start - 1]
    return not _CAPITALISED_WORD.match(previous)


def missing_titles(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Flag a registry person's first reference in the body when it carries none of their titles."""
    for index, hit in sorted(_full_references(scan_, headings=False).items(), key=lambda kv: kv[1].start):
        person = registry.person(index)
        if not person.titles:
            continue
        start, end = scan_.document_span(hit.start, hit.end)
        sentence = scan_.doc.sentence_at(start)
        words = Folded(scan_.doc.text[sentence.start:sentence.end]).text.lower()
        if any(t.lower() in words for t in person.titles + person.title_variants):
            continue
        found = scan_.folded.text[hit.start:hit.end]
        house = f"{person.titles[0]} {person.name}"
        detail = f"the first reference to '{found}' has no title: the registry gives '{house}'"
        yield rule.finding(scan_.doc, start, end, detail=detail, found=found, house=house)
