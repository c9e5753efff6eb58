"""The `existence` kind: flag words or patterns that should not appear."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factlint import quotations
from factlint.checks.base import (
    Check, FirstOf, Option, boolean, compile_regex, exception_search, find_all, inside, pattern_list,
    search_spans, word_list, word_pattern, word_search,
)
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.wordindex import WordIndex
from factlint.wordscan import WordScanner

OPTIONS = {
    "tokens": Option(word_list, ()),
    "patterns": Option(pattern_list, ()),
    "anchors": Option(word_list, ()),
    "exceptions": Option(word_list, ()),
    "ignore_case": Option(boolean, False),
    "skip_headings": Option(boolean, False),
    "skip_quotations": Option(boolean, False),
}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "'{match}' should not be used here"
COST = 0.12  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out
Matches = Callable[[Document], Iterator[tuple[int, int]]]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Compile the rule's tokens and patterns into one search, with its exceptions."""
    options = rule.options
    if not options["tokens"] and not options["patterns"]:
        raise RuleError("an existence rule needs 'tokens' or 'patterns'")
    matches = _anchored(options, store) if options["anchors"] else _scanned(options, store)
    exceptions = exception_search(options["exceptions"], options["ignore_case"], store)

    def check(doc: Document) -> Iterator[Finding]:
        excepted = search_spans(exceptions, doc)
        quoted = quotations.scan(doc) if options["skip_quotations"] else None
        for start, end in matches(doc):
            if start == end or inside(start, end, excepted):
                continue
            if options["skip_headings"] and doc.in_heading(start):
                continue
            if quoted is not None and quoted.inside(start):
                continue
            yield rule.finding(doc, start, end)

    return check


def _scanned(options: dict, store: RuleSetStore) -> Matches:
    """Return a whole-text search for the tokens and patterns, as one alternation."""
    ignore_case = options["ignore_case"]
    if not options["patterns"]:  # a word list alone: the rule set's one word scan finds it
        search = word_search(options["tokens"], ignore_case, "tokens", store)
        return lambda doc: (m.span() for m in search.finditer(doc))
    words = [word_pattern(options["tokens"])] if options["tokens"] else []
    # An author's own patterns keep the match time limit.
    parts = [compile_regex(p, ignore_case).pattern for p in options["patterns"]] + words  # each named if bad
    pattern = compile_regex("|".join(f"(?:{p})" for p in parts), ignore_case)
    return lambda doc: (m.span() for m in find_all(pattern, doc.lint_text))


def _anchored(options: dict, store: RuleSetStore) -> Matches:
    """Return a search that tries the patterns only where one of the anchor words starts."""
    # A long pattern full of look-behinds is slow to scan a whole text with; tried only at the
    # few places its first word occurs (found in one Aho-Corasick pass), it costs next to nothing.
    if options["tokens"]:
        raise RuleError("'anchors' go with 'patterns', not 'tokens'", "anchors")
    compiled = [compile_regex(p, options["ignore_case"]) for p in options["patterns"]]
    first_of = FirstOf(list(options["patterns"]), compiled, options["ignore_case"])
    anchors = WordIndex(options["anchors"])
    scanner = store.get(WordScanner, WordScanner)
    keys = scanner.register(options["anchors"])  # the rule set's one word scan finds them

    def matches(doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.lint_text
        candidates = scanner.candidates(doc, keys) if keys is not None else None
        for at in anchors.starts(text) if candidates is None else anchors.starts_among(text, candidates):
            found = first_of.span_at(text, at)
            if found is not None:
                yield found

    return matches
