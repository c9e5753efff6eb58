"""What the names kind offers the cross-story checks: people's names with its same-person policy, registry forms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.checks.names.people import Policy
from factlint.checks.names.registry import ORG, ORG_VARIANT, PERSON, PERSON_VARIANT, TITLE, TITLE_VARIANT, Registry
from factlint.checks.names.registry_checks import scan
from factlint.checks.names.text import Folded, candidates
from factlint.document import Document
from factlint.facts import Fact, FactSource, HouseName, PersonName, fold_name

# The capitalised word right before a name, joined to it by one space.
WORD_BEFORE = re.compile(r"(?<![\w'.-])([A-Z][a-z][\w'-]*) $")
ROLES = {PERSON: "person", PERSON_VARIANT: "person", ORG: "organization", ORG_VARIANT: "organization",
         TITLE: "title", TITLE_VARIANT: "title"}


def people_source(policy: Policy) -> FactSource:
    """Offer the candidate people's names of a story, related by the same-person policy."""

    def extract(doc: Document) -> Iterator[PersonName]:
        folded = Folded(doc.lint_text)
        for candidate in candidates(folded.text, policy.not_names):
            if _after_a_name(folded.text, candidate.start, policy):
                continue  # 'Rafael Edward Cruz': the first word kept is a middle name
            start, end = folded.span(candidate.start, candidate.end)
            yield PersonName(candidate.first.text, candidate.last.text, start, end)

    def relate(a: Fact, b: Fact) -> str | None:
        assert isinstance(a, PersonName) and isinstance(b, PersonName)
        same_first = fold_name(a.first) == fold_name(b.first)
        if fold_name(a.last) == fold_name(b.last):
            if same_first:
                return "typography"  # accents, hyphens, spaces, case
            pair = (a.first.lower(), b.first.lower())
            if pair in policy.nicknames or pair[::-1] in policy.nicknames:
                return "nickname"
            return "spelling" if policy.related_first(a.first, b.first) else None
        return "spelling" if same_first and policy.related_last(a.last, b.last) else None

    return FactSource(("names.people",), PersonName, extract, relate)


def _after_a_name(text: str, start: int, policy: Policy) -> bool:
    """Tell whether a candidate follows a first name: 'Rafael Edward Cruz' names Cruz by a middle name."""
    match = WORD_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and match.group(1) not in policy.not_names and match.group(1).lower() in policy.table.known


def registry_source(registry: Registry, holders: frozenset[str]) -> FactSource:
    """Offer the registry's house form for every registry name or variant a story uses."""

    def extract(doc: Document) -> Iterator[HouseName]:
        scanned = scan(registry, holders, doc)
        for hit in scanned.hits:
            role = ROLES.get(hit.group.role)
            if role is not None:
                yield HouseName(hit.group.house, *scanned.document_span(hit.start, hit.end), role)

    return FactSource(("names.registry", id(registry), holders), HouseName, extract)
