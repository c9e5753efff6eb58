"""The `existence` kind: flag words or patterns that should not appear."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import (
    Check, Option, boolean, compile_regex, compile_words, exception_pattern, find_all, inside, spans, string_list, word_pattern,
)
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.document import Document
from factlint.finding import Finding

OPTIONS = {
    "tokens": Option(string_list, ()),
    "patterns": Option(string_list, ()),
    "exceptions": Option(string_list, ()),
    "ignore_case": Option(boolean, False),
    "skip_headings": Option(boolean, False),
}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "'{match}' should not be used here"


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Compile the rule's tokens and patterns into one search, with its exceptions."""
    options = rule.options
    if not options["tokens"] and not options["patterns"]:
        raise RuleError("an existence rule needs 'tokens' or 'patterns'")
    ignore_case = options["ignore_case"]
    parts = [compile_regex(p, ignore_case).pattern for p in options["patterns"]]
    if options["tokens"]:
        parts.append(word_pattern(options["tokens"]))
    joined = "|".join(f"(?:{p})" for p in parts)
    # Only word lists are trusted to `re`; an author's own patterns keep the match time limit.
    if options["patterns"]:
        pattern = compile_regex(joined, ignore_case)
    else:
        pattern = compile_words(joined, ignore_case, "tokens", scan=True)
    exceptions = exception_pattern(options["exceptions"], ignore_case)

    def check(doc: Document) -> Iterator[Finding]:
        excepted = spans(exceptions, doc.lint_text)
        for match in find_all(pattern, doc.lint_text):
            start, end = match.span()
            if start == end or inside(start, end, excepted):
                continue
            if options["skip_headings"] and doc.in_heading(start):
                continue
            yield rule.finding(doc, start, end)

    return check
