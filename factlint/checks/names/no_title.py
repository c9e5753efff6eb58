"""names check `no-title`: a registry person's first reference in the body carries none of their titles."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.names.registry import Registry
from factlint.checks.names.registry_checks import (
    DEFAULT_MESSAGE, OPTIONS, PLACEHOLDERS, Scan, build_check, full_references,
)
from factlint.checks.names.text import Folded
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag an untitled first reference to a registry person who has titles."""
    return build_check(rule, store, "no-title", missing_titles)


def missing_titles(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Flag a registry person's first reference in the body when it carries none of their titles."""
    for index, hit in sorted(full_references(scan_, headings=False).items(), key=lambda kv: kv[1].start):
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
