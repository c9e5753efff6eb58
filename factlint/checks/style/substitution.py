"""The `substitution` kind: swap an observed form for the expected one (fixable)."""

from __future__ import annotations

from collections.abc import Iterator

from factlint import quotations
from factlint.checks.base import (
    CaselessLookup, Check, Option, boolean, exception_search, inside, search_spans, string_map, word_list,
    word_search,
)
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.document import Document
from factlint.finding import Finding

OPTIONS = {
    "swap": Option(string_map, required=True),
    "exceptions": Option(word_list, ()),
    "ignore_case": Option(boolean, False),
    "skip_headings": Option(boolean, False),
    "skip_quotations": Option(boolean, False),
}
PLACEHOLDERS: frozenset[str] = frozenset()
# A quotation of this many words or more is someone's words; fewer, the writer's term ("“US” protests").
SPOKEN_WORDS = 3
DEFAULT_MESSAGE = "'{match}' → '{expected}'"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Compile the swap map into one whole-word search."""
    swap = rule.options["swap"]
    if not swap:
        raise RuleError("'swap' must not be empty", "swap")
    if not all(word.strip() for word in swap):
        raise RuleError("'swap' must not swap an empty word (it could never match)", "swap")
    ignore_case = rule.options["ignore_case"]
    lookup = CaselessLookup(swap, ignore_case)
    search = word_search(swap, ignore_case, "swap", store)
    exceptions = exception_search(rule.options["exceptions"], ignore_case, store)

    def check(doc: Document) -> Iterator[Finding]:
        excepted = search_spans(exceptions, doc)
        quoted = None
        for match in search.finditer(doc):
            start, end = match.span()
            if inside(start, end, excepted):
                continue
            if rule.options["skip_headings"] and doc.in_heading(start):
                continue
            if rule.options["skip_quotations"]:
                quoted = quoted or quotations.scan(doc)
                if _spoken(doc, quoted.closed_at(start)):
                    continue
            found = match.group(0)
            observed = lookup.get(found)
            if observed is None:  # cannot happen for a match of the swap's own words
                continue
            expected = swap[observed]
            if ignore_case:
                expected = match_case(found, expected)
            if expected != found:
                yield rule.finding(doc, start, end, fix=expected)

    return check


def _spoken(doc: Document, quote: quotations.Quote | None) -> bool:
    """Tell whether a closed quotation gives someone's words, which are not restyled: a phrase, not a term.

    Where an unclosed quotation ends is unknown, so the words after its mark stay the writer's;
    a quoted word or two ("“US” protests") is the writer's term.
    """
    if quote is None:
        return False
    begin, finish = quote.content
    return len(doc.lint_text[begin:finish].split()) >= SPOKEN_WORDS


def match_case(observed: str, expected: str) -> str:
    """Give `expected` the capitalisation of `observed`: UPPER, Capitalised or as written."""
    if len(observed) > 1 and observed.isupper():
        return expected.upper()
    if observed[:1].isupper():
        return expected[:1].upper() + expected[1:]
    return expected
