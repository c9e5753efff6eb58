"""The rule set's one word scan: the same matches as each rule's own whole-text search."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checks.base import find_all, word_search
from factlint.document import Document
from factlint.rule import RuleSetStore
from factlint.wordindex import WordIndex
from factlint.wordscan import WordScanner, fold, scannable
from tests.helpers import brief, run

SWAPS = ("US", "amidst", "US Open", "adviser", "advisers", "it is worth noting that")


def test_ascii_fold_covers_every_case_insensitive_look_alike() -> None:
    """Every character both engines match to printable ASCII, ignoring case, folds to ASCII."""
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    for engine in (re, regex):
        look_alikes = {m.group() for m in engine.compile(r"[\x20-\x7e]", engine.IGNORECASE).finditer(every)}
        assert look_alikes, "the probe found nothing: the engines changed"
        for char in look_alikes:
            folded = fold(char)
            assert folded is not None and folded.isascii(), (engine.__name__, hex(ord(char)))


def test_fold_keeps_every_offset() -> None:
    assert fold("Amidst ſuch") == "amidst such"
    # The dotted capital I lowers to two characters: folded to i first, it shifts nothing.
    assert fold("\u0130stanbul amidst") == "istanbul amidst"
    assert fold("ǅ \u1e9e") == "ǆ ß"


def test_scannable_phrases() -> None:
    assert scannable("US Open") and scannable("U.S.")
    assert not scannable("") and not scannable(" US") and not scannable("US  Open") and not scannable("café")


def _searches(ignore_case: bool):
    store = RuleSetStore()
    return [word_search(SWAPS, ignore_case, "swap", store), word_search(("us",), ignore_case, "swap", store)]


WORDS = st.sampled_from([*SWAPS, "us", "usa", "bus", "Us", "AMIDST", "amidſt", "\u0130", "ı", "KELVIN K",
                         "²", "\u0301", ".", "-", " ", "\n", "_", "“", "a", "s", "Open", "U.S."])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14).map("".join), st.booleans())
def test_scan_finds_what_a_whole_text_search_finds(text: str, ignore_case: bool) -> None:
    doc = Document(text)
    for search in _searches(ignore_case):
        expected = [m.span() for m in find_all(search.pattern, doc.lint_text)]
        assert [m.span() for m in search.finditer(doc)] == expected


def test_other_characters_never_stand_for_a_question_mark() -> None:
    """Text outside ASCII is lowered one byte a character, as '?': a phrase with a '?' still meets only a '?'."""
    scanner = WordScanner()
    asked, plain = scanner.register(("huh?",)), scanner.register(("amidst",))
    doc = Document("Huh\u00e9 amidst the rain? Huh? Amidst it.")
    assert scanner.candidates(doc, asked) == [22]
    assert scanner.candidates(doc, plain) == [5, 27]


def test_a_kelvin_sign_is_still_a_k() -> None:
    scanner = WordScanner()
    keys = scanner.register(("kind",))
    assert scanner.candidates(Document("A \u212aind word, a k\u00efnd one."), keys) == [2]


def test_unscannable_lists_fall_back_to_the_whole_text_search() -> None:
    store = RuleSetStore()
    search = word_search(("café", "amidst"), True, "swap", store)
    assert search.keys is None
    doc = Document("The café opened amidst the rain.")
    assert [m.group() for m in search.finditer(doc)] == ["café", "amidst"]


def test_one_scanner_per_rule_set_and_one_scan_per_document() -> None:
    store = RuleSetStore()
    first, second = word_search(("amidst",), True, "swap", store), word_search(("US",), False, "swap", store)
    assert first.scanner is second.scanner is store.get(WordScanner, WordScanner)
    doc = Document("US officials met amidst the talks, and the US team left.")
    assert [m.group() for m in first.finditer(doc)] == ["amidst"]
    assert [m.span() for m in second.finditer(doc)] == [(0, 2), (43, 45)]
    assert len([k for k in doc._derived if isinstance(k, tuple) and k[0] is WordScanner]) == 1


def test_style_rules_through_the_scan() -> None:
    text = ("Amidst the talks, US and Chinese advisers met at the US Open.\n"
            "Interestingly, an advisor from the USA said the bus was late.\n"
            "The adviser left; another adviser stayed whilst it rained.\n")
    assert brief(run(text, ["style.*"])) == [
        ("style.amid", 1, 1, "Amidst"),
        ("style.us-abbreviation", 1, 19, "US"),
        ("style.editorializing", 2, 1, "Interestingly"),
        ("style.adviser-advisor", 2, 19, "advisor"),
        ("style.amid", 3, 42, "whilst"),
    ]


ANCHORS = ("first", "record", "never before", "only")
ANCHOR_TEXT = st.sampled_from([*ANCHORS, "First", "RECORD", "ReCord", "firsts", "_", "(", "“", "—", " ", "\n",
                               ".", "-", "x", "\u0130", "é", "9", "record-high"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ANCHOR_TEXT, max_size=12).map("".join))
def test_anchors_from_the_scan_are_the_word_index_anchors(text: str) -> None:
    scanner = WordScanner()
    keys = scanner.register(ANCHORS)
    index = WordIndex(ANCHORS)
    doc = Document(text)
    candidates = scanner.candidates(doc, keys)
    if candidates is not None:
        assert sorted(set(index.starts_among(doc.lint_text, candidates))) == sorted(set(index.starts(doc.lint_text)))
