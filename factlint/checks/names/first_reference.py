"""names check `first-reference`: a registry person's bare surname before their full name first appears."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.names.registry import TITLE, TITLE_VARIANT, Registry
from factlint.checks.names.registry_checks import (
    CAPITALISED_WORD, DEFAULT_MESSAGE, OPTIONS, PLACEHOLDERS, Scan, build_check, full_references,
)
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag a registry person's bare surname used before their full name."""
    return build_check(rule, store, "first-reference", first_references)


def first_references(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Flag a registry person's bare surname used before their full name first appears."""
    full = full_references(scan_, headings=True)
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
    return not CAPITALISED_WORD.match(previous)
