"""Hot-path shortcuts give what the plain scans they replace give, edge cases included."""

from __future__ import annotations

import re

import pytest

from factlint import markup, segment
from factlint.checks import phrases
from factlint.checks.base import FirstOf, compile_regex, word_pattern
from factlint.checks.wordpattern import alternation
from factlint.checks.wordpattern import _bounded
from factlint.checks.dates import parse as dates_parse
from factlint.checks.dates import words as dates_words
from factlint.checks.dates.words import _after_nonword
from factlint.wordindex import OPENERS, WordIndex, WordIndexes
from factlint.checks.names.forms import run_pattern
from factlint.checks.names.later import lower_words
from factlint.checks.names.text import PAIR, Folded, candidates, for_text
from factlint.document import LINE_BREAK, Document, split_lines
from factlint.keyscan import KeyScan
from factlint.wordscan import WordScanner
from tests.helpers import RULES


@pytest.mark.parametrize("text", [
    "See HTTPS://Example.COM/a. Or Http://x.y/z).",
    "İstanbul www.x.org and wWw.site.com/path?q=1), http://a.b",
    "An odd scheme: httpſ://x.y and hxxp://no.pe",
    "Mail a.b+c@ex-ample.co.uk, then @@x.y, _@_.z, x@y and é@é.fr.",
    "no links here at all",
])
def test_urls_and_emails_are_masked_as_a_full_regex_scan_masks_them(text: str) -> None:
    expected = [m.span() for pattern in (markup.URL, markup.EMAIL) for m in pattern.finditer(text)]
    assert sorted(markup.scan(text, markdown=False).masked) == sorted(expected)


@pytest.mark.parametrize("text", [
    "He met Sen.\n\nSmith left. Then \"Quoted.\"\n\nNext one!  Yes.",
    "Acme Inc.\n\nThe end came. On Jan.\n\n5 it rained.",
    "U.S.\n\nBut no... Really?\n\n“Hi.” She left.  (It ended.) Fine",
    "One. Two.   \n\n   Three. R-Texas. Four.",
])
def test_sentences_of_one_scan_equal_paragraph_by_paragraph_ones(text: str) -> None:
    doc = Document(text)
    expected = [s for p in doc.paragraphs for s in segment.sentences(doc.lint_text, p)]
    assert doc.sentences == expected


@pytest.mark.parametrize("text", [
    "a\n \nb", "  a  \n\n\n b \t\n", "a\n\x0b\nb", "x\u00a0\n\u00a0\ny  ", "\n\n", "", "one\ntwo\n\t\nthree",
])
def test_paragraphs_of_one_scan_equal_the_cut_by_cut_ones(text: str) -> None:
    # A cut at 0 takes the general path, which splits at each blank line and trims each chunk.
    assert segment.paragraphs(text, []) == segment.paragraphs(text, [0])


def _whole_words(words: list[str], text: str) -> list[int]:
    forms = {f for w in words for f in (w.lower(), w[:1].upper() + w[1:].lower(), w.upper())}
    return sorted(i for form in forms for i in range(len(text))
                  if text.startswith(form, i) and (i == 0 or text[i - 1] in OPENERS)
                  and not text[i + len(form):i + len(form) + 1].isalnum())


def test_word_indexes_find_whole_words_independently_of_each_other() -> None:
    text = "A third of it's a lot; (a) half—It said A, a third. “Half” is half-true. ahalf"
    first, second = WordIndex(["a", "it", "it's"]), WordIndex(["a third", "half"])
    assert first.starts(text) == _whole_words(["a", "it", "it's"], text)
    assert second.starts(text) == _whole_words(["a third", "half"], text)
    third = WordIndex(["lot", "a"])  # a later index changes nothing for the earlier ones
    assert third.starts(text) == _whole_words(["lot", "a"], text)
    assert first.starts(text) == _whole_words(["a", "it", "it's"], text)
    assert first.starts("another text, a test") == [14]


def _pairs_by_regex(text: str) -> list[tuple[str, int, str, int]]:
    return [(m["first"], m.start("first"), m["last"], m.start("last")) for m in PAIR.finditer(text)]


@pytest.mark.parametrize("text", [
    "Zoë Ångström met José Núñez and Ǆemal Ǉubić. Then Ole Gunnar Solskjær spoke.",
    "Jose\u0301 Nu\u0301n\u0303ez and Ana Ma\u0301rquez's aide, O'Brien Okonkwo-Reyes, left.",
    "Анна Иванова и Борис Петров; Σωκράτης Παππάς and the U.S. Jen A. Daskal.",
    "Ⅻ Smith met A\u200dB Cruz and X٣ Lee at 'Sam's Diner' with Ann's Dog.",
    " ".join(chr(c) + "ab" for c in range(0x4E00, 0x4F00)) + " Ann Lee",  # too many: `regex` kept
])
def test_name_pairs_match_the_regex_pattern_for_any_characters(text: str) -> None:
    found = [(c.first.text, c.first.start, c.last.text, c.last.start) for c in candidates(text)]
    assert found == _pairs_by_regex(text)


@pytest.mark.parametrize("text", [
    "Zoë Ångström met José Núñez and Ǆemal Ǉubić. Then Ole Gunnar Solskjær spoke.",
    "Jose\u0301 Nu\u0301n\u0303ez and Ana Ma\u0301rquez's aide, O'Brien Okonkwo-Reyes, left.",
    "Анна Иванова и Борис Петров; Σωκράτης Παππάς and the U.S. Jen A. Daskal's US Army.",
    "Ⅻ Smith met A\u200dB Cruz and X٣ Lee at 'Sam's Diner' with Ann's Dog. D'Arcy's Van Gogh-Smith",
    " ".join(chr(c) + "Ab" for c in range(0x4E00, 0x4F00)) + " Ann Lee",  # too many: `regex` kept
])
def test_name_runs_match_the_regex_pattern_for_any_characters(text: str) -> None:
    pattern = run_pattern()
    assert [m.span() for m in for_text(pattern, text).finditer(text)] == [m.span() for m in pattern.pattern.finditer(text)]


def _folded_reference(text: str) -> tuple[str, list[int], list[int]]:
    """The original fold: every gap of the lint text, one by one."""
    pieces, cuts, shifts, cursor, folded = [], [0], [0], 0, 0
    for gap in re.finditer(r"[ \n]{2,}|\n", text):
        start, end = gap.span()
        pieces += [text[cursor:start], "\n" if text.count("\n", start, end) >= 2 else " "]
        folded += start - cursor + 1
        cursor = end
        if end - start > 1:
            cuts.append(folded)
            shifts.append(end - folded)
    return "".join(pieces + [text[cursor:]]), cuts, shifts


@pytest.mark.parametrize("text", [
    "a  b \nc\nd \n \ne", "  lead\n\n\ntrail  ", "x \n  y\n", "one two", "\n", "a   \n\n  b  c",
])
def test_folded_text_and_offsets_equal_the_gap_by_gap_fold(text: str) -> None:
    folded = Folded(text)
    assert (folded.text, folded._cuts, folded._shifts) == _folded_reference(text)


def test_folding_a_character_to_one_keeps_a_word_character_a_word_character() -> None:
    # PhraseSet reads a phrase's word runs off the folded text: the same runs only if this holds.
    word = re.compile(r"\w")
    changed = [hex(code) for code in range(0x110000)
               if len(folded := phrases._folded(chr(code))) == 1
               and bool(word.match(chr(code))) != bool(word.match(folded))]
    assert changed == []


@pytest.mark.parametrize("text", [
    "According to the report, sales rose. In a statement, the firm said so; per the data, in the end.",
    "İN A STATEMENT the ſaid firm: according  to\nthe report (in a statement).",
    "U.S. officials said.in a statement, x_according to them; noted in an interview",
])
def test_cue_phrases_are_found_as_word_by_word_lookups_find_them(text: str) -> None:
    cues = phrases.phrase_set(["according to", "in a statement", "in an interview", "said", "per the data",
                               "in"], "cues")
    found = [(m.start(), m.end()) for m in cues.finditer(text)]
    expected = [(m.start(), m.end()) for m in cues._finditer_unfolded(text, 0, len(text))]
    assert found == expected and found


@pytest.mark.parametrize("text", [
    "the ab'c Abc o'neil a-b -ab .ab\nab's Ab abc, xab ab1 ab_ ab", "", "ab", "Ab ab'", "'ab ab-", "aB ab",
])
def test_lower_case_words_are_found_as_a_whole_text_scan_finds_them(text: str) -> None:
    every = set(re.findall(r"(?<![A-Za-z'])[a-z]+(?![A-Za-z])", text))
    asked = {"ab", "abc", "a", "b", "c", "the", "neil", "xab", "Ab", "ab's", ""}
    words = lower_words(text)
    assert {w for w in asked if w in words} == every & asked


@pytest.mark.parametrize("text", [
    "Half of it: a third, HALF the Half-time. Two-thirds—half (one) of them; it's a lot.",
    "half", "It said one thing", "", "none at all here",
])
def test_word_indexes_of_a_rule_set_find_in_one_pass_what_each_finds_alone(text: str) -> None:
    lists = (["half", "one", "a third"], ["it", "a", "half"], [], ["two-thirds", "half"])
    indexes = WordIndexes()
    numbers = [indexes.register(WordIndex(words)) for words in lists]
    doc = Document(text)
    for words, number in zip(lists, numbers):
        assert indexes.starts(doc, number) == WordIndex(words).starts(doc.lint_text)


@pytest.mark.parametrize("text", [
    "On Black Friday and xBlack Friday, the March Madness_ and May Day. Super Bowl Sunday; a|b, Fri. Friday",
    "Day", "", "éMay Day", "_Day Day_ Day",
])
def test_date_names_are_found_as_a_search_opening_with_the_look_behind_finds_them(text: str) -> None:
    names = ["Black Friday", "March Madness", "May Day", "Super Bowl Sunday", "a|b", "Day", "Fri", "Friday"]
    opening = re.compile(rf"(?<![\w])(?:{alternation(names)})(?![\w])")
    after = re.compile(rf"(?:{_after_nonword(names)})(?![\w])")
    for lo, hi in ((0, len(text)), (3, len(text) - 2)):
        assert [m.span() for m in after.finditer(text, lo, hi)] == [m.span() for m in opening.finditer(text, lo, hi)]


def _relatives(text: str, shared: bool) -> list[tuple[int, int, str, str]]:
    """The relative dates of text, their key words found by the plain search or in a word scan made already."""
    lex = dates_words.load(RULES / "dates" / "_words.yaml")
    doc = Document(text)
    if shared:
        lex.key_scanner = WordScanner()
        lex.scanned_keys = lex.key_scanner.register(lex.relative_keys)
        lex.key_scanner.candidates(doc, lex.key_scanner.register(("amidst",)))   # another rule's scan
    return [(r.start, r.end, r.kind, r.phrase) for r in dates_parse.parse(doc, lex).relatives]


@pytest.mark.parametrize("text", [
    "It rained yesterday...yesterday, _today and.today, and next week. Years later, this year.",
    "Theyesterday todays Today, TODAY (tomorrow) week-long weekly weekend 3week week3 ²week éyesterday",
    "A \u212a yesterday and today, yeſterday: a character that folds to ASCII takes the plain search.",
    "Monday morning, that evening, tonight, this afternoon, last month and the year before.",
])
def test_relative_dates_from_the_shared_word_scan_equal_those_of_the_plain_search(text: str) -> None:
    assert _relatives(text, shared=True) == _relatives(text, shared=False)


def test_the_shared_word_scan_finds_relative_dates_after_a_dot() -> None:
    text = "It rained...yesterday, and the day before."
    assert _relatives(text, shared=True) == _relatives(text, shared=False) == [(12, 21, "day", "yesterday")]
    doc = Document(text)
    scanner = WordScanner()
    keys = scanner.register(("yesterday", "day"))
    assert scanner.spans_if_scanned(doc, keys) is None   # no rule has scanned the text: nothing is scanned
    assert scanner.candidates(doc, keys) == [31]
    assert scanner.spans_if_scanned(doc, keys) == [(12, 21), (31, 34)]


@pytest.mark.parametrize("text", [
    "In a statement, in an interview, IN the end; inc. in-house in.x in_ in\na statement",
    "Experts say experts said, some experts say; some say: Somebody says. it is said it was",
    "exPERTS SAY it  is   thought, by one estimate by some estimates bye",
])
@pytest.mark.parametrize("space", [r"\ ", r"\s+"])
def test_phrases_grouped_by_first_word_match_as_the_flat_alternation_does(text: str, space: str) -> None:
    words = ["in a statement", "in an interview", "in", "experts say", "experts said", "some experts say",
             "some say", "it is said", "it is thought", "by one estimate", "by some estimates", "inc"]
    grouped = word_pattern(words, space)
    flat = "(?:" + "|".join(_bounded(w, space) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?!\w|\.\w)"
    assert grouped != flat
    for flags in (0, re.IGNORECASE):
        # Followed by more pattern, so that a phrase given back is tried as the flat one would be.
        for tail in ("", r"(?:\s+said)?", r"\s+[a-z]+"):
            found = [m.span() for m in re.finditer(grouped + tail, text, flags)]
            assert found == [m.span() for m in re.finditer(flat + tail, text, flags)]
        assert found or not flags


def test_phrases_whose_first_words_could_overlap_stay_one_alternative_each() -> None:
    assert word_pattern(["U.S. officials", "US", "us"]) == \
        "(?:" + "|".join(_bounded(w, r"\ ") for w in ["U.S. officials", "US", "us"]) + r")(?!\w|\.\w)"


@pytest.mark.parametrize("text", [
    "“one” —one ‘one? ?one é?ne one's", "", "ééé", "a?b a“b a”b ab 😀ab", "?" * 5,
])
def test_a_key_scan_finds_every_occurrence_of_every_key_as_a_search_at_each_offset_does(text: str) -> None:
    keys = ["“one", "?one", "one", "é?n", "a“b", "ab", "b", "ab", "😀a", "??"]
    found = sorted(KeyScan(keys, list(range(len(keys)))).find(text))
    expected = sorted((i, i + len(key), number) for number, key in enumerate(keys)
                      for i in range(len(text)) if text.startswith(key, i))
    assert found == expected


@pytest.mark.parametrize("words", [["one"], ["two-thirds", "a"], ["é", "one"], ["a.m.", "a", "it's"], ["one two"]])
def test_word_forms_are_found_where_a_search_after_each_opener_finds_them(words: list[str]) -> None:
    text = ("One, one; ONE oNe “one” —one one's someone one- (one) [One two-thirds Two-Thirds two thirds "
            "é one é\u00a0one\tONE?one a.m. A.M. a.mx it's IT'S one\u00a0two one  two One Two one")
    assert WordIndex(words).starts(text) == _whole_words(words, text)


@pytest.mark.parametrize("patterns", [
    [r"\bfirst\b(?<=\bthe\s+first)(?=\s+such)", r"\b(?:larg|bigg)est\b", r"\brecord\b(?!\s+label)", r"\bfirst\b"],
    [r"(?i)record", r"first"],            # a flag for the whole alternation: tried one by one
    [r"(?P<w>first)", r"(?P<w>record)"],  # one group name twice: valid only alone
    [r"(a)b\1", r"(c)d\1"],               # back-references count the alternation's groups
])
def test_patterns_tried_as_one_alternation_match_as_tried_one_by_one(patterns: list[str]) -> None:
    compiled = [compile_regex(p, True) for p in patterns]
    first_of = FirstOf(patterns, compiled, True)
    text = "The first such move, the largest record label, a Record first, RECORD aba cdc bigGEST first"
    for at in range(len(text)):
        one_by_one = next((m for p in compiled if (m := p.match(text, at))), None)
        assert first_of.span_at(text, at) == (one_by_one.span() if one_by_one else None), at


@pytest.mark.parametrize("text", ["", "\n", "one", "one\ntwo\n", "a\r\nb\rc\n\nd", "\r", "x\n\r\ny", "end\r"])
def test_lines_split_as_the_line_break_pattern_splits_them(text: str) -> None:
    assert split_lines(text) == LINE_BREAK.split(text)
    doc = Document(text, "t.txt")
    assert [doc.position(start)[0] for start in doc.line_starts] == list(range(1, len(split_lines(text)) + 1))
