"""The `consistency` kind: alternatives where one document should keep to one form."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from factlint.checks.base import CaselessLookup, Check, Option, WordSearch, boolean, word_search
from factlint.rule import Rule, RuleSetStore
from factlint.checks.style.substitution import match_case
from factlint.document import Document
from factlint.finding import Finding


def _pairs(value: Any) -> tuple[tuple[str, ...], ...]:
    """Validate a list of alternative groups, each a list of two or more strings."""
    if not isinstance(value, list) or not all(
        isinstance(g, list) and len(g) >= 2 and all(isinstance(w, str) and w.strip() for w in g) for g in value
    ) or not value:
        raise TypeError("must be a list of lists of two or more strings")
    return tuple(tuple(g) for g in value)


OPTIONS = {
    "pairs": Option(_pairs, required=True, schema={
        "type": "array", "minItems": 1, "items": {"type": "array", "items": {"type": "string"}, "minItems": 2}}),
    "ignore_case": Option(boolean, True),
}
PLACEHOLDERS = frozenset({"count", "first_line"})
DEFAULT_MESSAGE = "'{match}' and '{expected}' are both used: keep to '{expected}' ({count} uses)"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Compile each group of alternatives into one search."""
    ignore_case = rule.options["ignore_case"]
    groups = [
        (word_search(group, ignore_case, "pairs", store), CaselessLookup(group, ignore_case))
        for group in rule.options["pairs"]
    ]

    def check(doc: Document) -> Iterator[Finding]:
        for pattern, canon in groups:
            yield from _check_group(rule, doc, pattern, canon, ignore_case)

    return check


def _check_group(rule: Rule, doc: Document, search: WordSearch, canon: CaselessLookup,
                 ignore_case: bool) -> Iterator[Finding]:
    """Flag every use of a minority form; ties go to the form used first."""
    pairs = [(m, canon.get(m.group(0))) for m in search.finditer(doc)]
    matches = [m for m, form in pairs if form is not None]
    forms = [form for _, form in pairs if form is not None]
    counts = Counter(forms)
    if len(counts) < 2:
        return
    first_seen = {form: i for i, form in reversed(list(enumerate(forms)))}
    majority = max(counts, key=lambda f: (counts[f], -first_seen[f]))
    first_line = doc.position(matches[first_seen[majority]].start())[0]
    for match, form in zip(matches, forms):
        if form != majority:
            expected = match_case(match.group(0), majority) if ignore_case else majority
            yield rule.finding(doc, *match.span(), fix=expected, count=counts[majority],
                               first_line=first_line)
