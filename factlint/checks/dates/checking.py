"""What the checks of the dates kind share: the pack's word list, one parse per document, message fields."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factlint.checks.base import Check
from factlint.checks.datafiles import rule_data_file, shared_data
from factlint.checks.dates import words as dates_words
from factlint.checks.dates.mentions import DocDates
from factlint.checks.dates.parse import parse
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore, placeholders
from factlint.wordscan import WordScanner

# The fields any dates check fills; each check says which of them it fills (see build_check).
PLACEHOLDERS = frozenset({"date", "actual", "written", "reason", "cue", "tense", "side", "dateline",
                          "relative", "meaning", "resolved"})
DEFAULT_MESSAGE = "{match}: {reason}"

CheckFn = Callable[[Rule, Document, DocDates, Lexicon], Iterator[Finding]]


def build_check(rule: Rule, store: RuleSetStore, name: str, function: CheckFn, fields: frozenset[str]) -> Check:
    """Check the rule's message against the fields the check fills, load the word list, build the check."""
    unknown = placeholders(rule.message) - fields - {"match", "expected"}
    if unknown:
        raise RuleError(f"'message' uses {{{sorted(unknown)[0]}}}, which check '{name}' does not fill "
                        f"(it fills: {', '.join(sorted(fields | {'match', 'expected'}))})", "message")
    lex = rule_lexicon(rule, store)

    def check(doc: Document) -> Iterator[Finding]:
        return function(rule, doc, parse(doc, lex), lex)

    return check


def rule_lexicon(rule: Rule, store: RuleSetStore) -> Lexicon:
    """Return the word list a rule names with `words:`, relative to the rule file: every dates rule shares one parse."""
    lex = shared_data(store, rule_data_file(rule, "words"), "words", "dates word list", dates_words.load)
    if lex.key_scanner is None:
        # The key words of relative dates ride along in the rule set's one word scan: where a
        # word-list rule has run it, one pass instead of one search of the text per key word.
        lex.key_scanner = store.get(WordScanner, WordScanner)
        lex.scanned_keys = lex.key_scanner.register(lex.relative_keys)
    return lex
