"""Each dates check built from its own module, the keys each takes, and the words of date forms in the word list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factlint.document import Dateline, Document
from factlint.engine import LoadError, RuleSet, lint, load_rule_file
from tests.helpers import RULES, brief

WORDS = (RULES / "dates" / "_words.yaml").read_text(encoding="utf-8")


def desk(tmp_path: Path, rule: str, words: str = WORDS) -> RuleSet:
    """Load one dates rule from a pack folder holding the word list given."""
    folder = tmp_path / "dates"
    folder.mkdir(exist_ok=True)
    (folder / "_words.yaml").write_text(words, encoding="utf-8")
    (folder / "desk.yaml").write_text(f"kind: dates\n{rule}", encoding="utf-8")
    return RuleSet((load_rule_file(folder / "desk.yaml"),))


def findings(rules: RuleSet, text: str, dateline: str | None = "2025-10-08") -> list[tuple[str, int, int, str]]:
    override = Dateline(dt.date.fromisoformat(dateline), "test") if dateline else None
    return brief(lint(Document(text, "draft.txt", False, override), rules))


@pytest.mark.parametrize("check, text, found", [
    ("weekday-mismatch", "The library reopens Tuesday, Oct. 15, after repairs.", [(1, 21, "Tuesday")]),
    ("weekday-mismatch", "The library reopens Wednesday, Oct. 15, after repairs.", []),
    ("impossible", "Ballots are due Nov. 31 at the county office.", [(1, 17, "Nov. 31")]),
    ("impossible", "Ballots are due Nov. 30 at the county office.", []),
    ("range", "The fair runs Oct. 19-17 at the grounds.", [(1, 15, "Oct. 19-17")]),
    ("range", "The fair runs Oct. 17-19 at the grounds.", []),
    ("tense", "The council will vote on Sept. 30 on the levy.", [(1, 26, "Sept. 30")]),
    ("tense", "The council voted on Sept. 30 on the levy.", []),
    ("relative-conflict", "The board met last Tuesday, Oct. 1, to hear bids.", [(1, 15, "last Tuesday, Oct. 1")]),
    ("relative-conflict", "The board met last Tuesday, Sept. 30, to hear bids.", []),
    ("ap-style", "The levy vote is on October 14th.", [(1, 21, "October 14th")]),
    ("ap-style", "The levy vote is on Oct. 14.", []),
    ("resolved", "The pool closed yesterday.", [(1, 17, "yesterday")]),
    ("resolved", "The pool closed on Oct. 7, 2025.", []),
])
def test_each_dates_check_alone(tmp_path: Path, check: str, text: str, found: list) -> None:
    assert findings(desk(tmp_path, f"check: {check}\nmessage: '{{match}}'\n"), text) == [("dates.desk", *f) for f in found]


def test_missing_dateline_reports_once_without_a_dateline(tmp_path: Path) -> None:
    rules = desk(tmp_path, "check: missing-dateline\nmessage: '{match}'\n")
    assert findings(rules, "The pool closed yesterday and reopens Friday.", None) == [("dates.desk", 1, 17, "yesterday")]
    assert findings(rules, "The pool closed yesterday and reopens Friday.") == []


def test_ap_style_weekday_reach_is_the_rules_key(tmp_path: Path) -> None:
    text = "The levy passed Tuesday of last week."  # Sept. 30, eight days before the Oct. 8 dateline
    assert findings(desk(tmp_path, "check: ap-style\nmessage: '{match}'\n"), text) == [
        ("dates.desk", 1, 17, "Tuesday of last week")]
    assert findings(desk(tmp_path, "check: ap-style\nmessage: '{match}'\nweekday_reach_days: 10\n"), text) == []


@pytest.mark.parametrize("rule, problem", [
    ("check: impossible\nweekday_reach_days: 7\n", "desk.yaml:3: unknown key 'weekday_reach_days' for check 'impossible'"),
    ("check: tense\nwords: _words.yaml\nholder_words: [the]\n", "desk.yaml:4: unknown key 'holder_words' for check 'tense'"),
    ("check: ap-style\nweekday_reach_days: -1\n", "desk.yaml:3: 'weekday_reach_days' must be 0 or more"),
    ("check: impossible\nmessage: '{cue}'\n", "which check 'impossible' does not fill"),
    ("weekday_reach_days: 7\n", "missing required key 'check'"),
])
def test_a_key_of_another_check_is_an_error_naming_it(tmp_path: Path, rule: str, problem: str) -> None:
    with pytest.raises(LoadError, match=problem) as error:
        desk(tmp_path, rule)
    assert "\n" not in str(error.value)


def test_the_words_of_date_forms_come_from_the_word_list(tmp_path: Path) -> None:
    text = "The fair runs Oct. 19 thru 17 at the grounds. The fair runs Oct. 19 through 17 again."
    rule = "check: range\nmessage: '{match}'\n"
    assert findings(desk(tmp_path, rule), text) == [("dates.desk", 1, 61, "Oct. 19 through 17")]
    thru = WORDS.replace("range_words: [through]", "range_words: [thru]")
    assert findings(desk(tmp_path, rule, thru), text) == [("dates.desk", 1, 15, "Oct. 19 thru 17")]


def test_a_word_list_without_a_form_s_words_never_reads_that_form(tmp_path: Path) -> None:
    text = "The library reopens Friday the 10th, after repairs."  # Oct. 10, 2025 is a Friday
    rule = "check: resolved\nmessage: '{match}'\n"
    assert findings(desk(tmp_path, rule), text) == []  # a day with its weekday and month is resolved
    bare = WORDS.replace("day_determiners: [the]", "day_determiners: []")
    assert findings(desk(tmp_path, rule, bare), text) == [("dates.desk", 1, 21, "Friday")]


def test_a_month_name_before_on_is_no_month(tmp_path: Path) -> None:
    # An unquoted `on` in YAML is `true`: the word list quotes it, and a word list that does not is an error.
    rules = desk(tmp_path, "check: resolved\nmessage: '{match}'\n")
    assert findings(rules, "Organizers said the March on the capitol drew 5,000 people.") == []
    assert findings(rules, "Organizers said the March vote drew 5,000 people.") == [("dates.desk", 1, 21, "March")]


@pytest.mark.parametrize("old, new, problem", [
    ('month_not_before: ["on", ', "month_not_before: [on, ", r"_words.yaml:\d+: 'month_not_before' must be a list of strings"),
    ("tense_window_days: 45", "tense_window_days: soon", r"_words.yaml:\d+: 'tense_window_days' must be a whole number"),
    ("  March:     {number: 3,", "  March:     {number: 13,", r"_words.yaml:\d+: 'months' entry 'March' must have a 'number' from 1 to 12"),
    ("  last week: [week, -1, all]", "  last week: [fortnight, -1, all]", r"_words.yaml:\d+: 'periods' entry 'last week' must be \[unit"),
    ("qualifiers: {last: -1,", "qualifiers: {last: before,", r"_words.yaml:\d+: 'qualifiers' entry 'last' must be a whole number"),
    ("range_words: [through]", "range_words: [through, '']", r"_words.yaml:\d+: 'range_words' must not hold an empty word"),
    ("  word: today", "  word: [today]", r"_words.yaml:\d+: 'generic_today' entry 'word' must be a string"),
])
def test_a_bad_value_in_the_word_list_is_a_one_line_error_at_its_line(tmp_path: Path, old: str, new: str,
                                                                       problem: str) -> None:
    assert old in WORDS
    words = WORDS.replace(old, new, 1)
    line = words[:words.index(new)].count("\n") + 1
    with pytest.raises(LoadError, match=problem) as error:
        desk(tmp_path, "check: impossible\n", words)
    assert "\n" not in str(error.value) and f"_words.yaml:{line}:" in str(error.value)


def test_generic_today_reads_its_word_and_participle_endings_from_the_word_list(tmp_path: Path) -> None:
    text = "The mayor said the housing costs facing our city today are the worst in decades."
    rule = "check: resolved\nmessage: '{match}'\n"
    assert findings(desk(tmp_path, rule), text) == []  # the present age, framed by reported speech
    no_endings = WORDS.replace("participle_endings: [ing]", "participle_endings: []")
    assert findings(desk(tmp_path, rule, no_endings), text) == [("dates.desk", 1, 50, "today")]
    other_word = WORDS.replace("  word: today", "  word: nowadays")
    assert findings(desk(tmp_path, rule, other_word), text) == [("dates.desk", 1, 50, "today")]
