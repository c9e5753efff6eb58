"""What the registry checks of the names kind share: their keys, the registry scan, the house-form helpers.

A rule may run several registry checks (`check: [variants, titles]`); each builds its check here,
and all of them share one registry and one scan of each document through the rule set's store
and the document's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cached_property

from factlint.checks.base import Check, Option, string_value
from factlint.checks.names import registry as registry_module
from factlint.checks.names import words
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.checks.names.registry import PERSON, PERSON_VARIANT, TITLE_VARIANT, Group, Registry
from factlint.checks.names.text import WORD, Candidate, Folded, bounded, candidates
from factlint.document import Document
from factlint.finding import Finding

# The keys of a registry rule, which every registry check takes: the registry, inline or a data file.
OPTIONS = {
    "people": Option(registry_module.people_option, (), schema=registry_module.PEOPLE_SCHEMA),
    "organizations": Option(registry_module.organizations_option, (), schema=registry_module.ORGANIZATIONS_SCHEMA),
    "registry": Option(string_value, ""),
}
# One set for every names check, so that a rule running several of them fills any message.
PLACEHOLDERS = frozenset({"detail", "found", "house", "other", "line", "other_line"})
DEFAULT_MESSAGE = "{detail}"

_SPACES = re.compile(r"(\s+)")
CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]*[a-z]$")


class Hit:
    """One automaton match in the folded text."""

    __slots__ = ("start", "end", "group")

    def __init__(self, start: int, end: int, group: Group) -> None:
        self.start, self.end, self.group = start, end, group


class Scan:
    """One document seen through one registry: folded text and non-overlapping matches."""

    def __init__(self, doc: Document, folded: Folded, hits: list[Hit]) -> None:
        self.doc, self.folded, self.hits = doc, folded, hits

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


RegistryRun = Callable[[Rule, Scan, Registry], Iterator[Finding]]


def scan(registry: Registry, holders: frozenset[str], doc: Document) -> Scan:
    """Match the registry against a document once; rules sharing a registry and word file share the scan."""
    return doc.derived((scan, registry, holders), lambda: _scan(registry, holders, doc))


def _scan(registry: Registry, holders: frozenset[str], doc: Document) -> Scan:
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
    found.extend(_lower_case_titles(registry, holders, folded.text, found))
    found.sort(key=lambda h: (h.start, -h.end))
    hits, cursor = [], -1
    for hit in found:
        if hit.start >= cursor:
            hits.append(hit)
            cursor = hit.end
    return Scan(doc, folded, hits)


def _lower_case_titles(registry: Registry, holders: frozenset[str], text: str, exact: list[Hit]) -> list[Hit]:
    """Title variants written in another case: "Ana Feld, the assistant fire marshall," (AP lower-cases
    a title after a name or standing alone). A lower-case one counts only where it names the holder:
    after a holder word ("the"), a possessive or a name and comma, not after "a" ("a deputy adviser").
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
        if text[start].islower() and not _names_holder(text, start, holders):
            continue
        found.append(Hit(start, end + 1, Group(TITLE_VARIANT, house, ids, end + 1 - start)))
    return found


def _names_holder(text: str, start: int, holders: frozenset[str]) -> bool:
    """Tell whether a lower-case title names its holder: after a holder word, a possessive, or a name and comma."""
    head = text[max(0, start - 40):start]
    words = head.split()
    if not words or not head.endswith(" "):
        return False
    previous = words[-1]
    if previous.lower() in holders or previous.endswith("'s") or previous.endswith("s'"):
        return True
    return previous.endswith(",") and bool(CAPITALISED_WORD.match(previous[:-1]))


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


def full_references(scan_: Scan, headings: bool) -> dict[int, Hit]:
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


def build_check(rule: Rule, store: RuleSetStore, name: str, run: RegistryRun) -> Check:
    """Build one registry check of a rule: its registry and word file are shared through the store."""
    registry = registry_module.from_options(rule.options, rule.source, store)
    if registry is None:
        if not rule.options["check"]:
            raise RuleError("a names rule needs 'people', 'organizations' or 'registry', or 'check: same-person'")
        raise RuleError(f"check '{name}' needs a registry: 'people', 'organizations' or 'registry'", "check")
    holders = words.for_rule(rule, store).holder_words

    def check(doc: Document) -> Iterator[Finding]:
        return run(rule, scan(registry, holders, doc), registry)

    return check
