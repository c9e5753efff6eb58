"""The existence kind: tokens and patterns, anchored patterns, and what it leaves alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.document import Document
from factlint.engine import LoadError, RuleSet, lint, load_rule_file
from tests.helpers import brief


def findings(tmp_path: Path, rule: str, text: str, path: str = "draft.txt") -> list[tuple[str, int, int, str]]:
    """Lint text with one existence rule written as style/probe.yaml."""
    file = tmp_path / "style" / "probe.yaml"
    file.parent.mkdir(exist_ok=True)
    file.write_text(f"kind: existence\n{rule}", encoding="utf-8")
    return brief(lint(Document(text, path, path.endswith(".md")), RuleSet((load_rule_file(file),))))


ANCHORED = "anchors: [record]\nignore_case: true\npatterns: ['record(?=\\s+(?:high|turnout)\\b)']\n"


def test_anchored_patterns_are_tried_where_an_anchor_word_starts(tmp_path: Path) -> None:
    text = "Turnout hit a record high.\nThe record shows a Record turnout, a recorded vote."
    assert findings(tmp_path, ANCHORED, text) == [
        ("style.probe", 1, 15, "record"), ("style.probe", 2, 20, "Record")]


def test_anchored_patterns_find_what_a_whole_text_scan_finds(tmp_path: Path) -> None:
    scanned = ANCHORED.replace("anchors: [record]\n", "")
    text = "A record high; records high; the record turnout; (record high)."
    assert findings(tmp_path, ANCHORED, text) == findings(tmp_path, scanned, text) != []


def test_skip_quotations_leaves_the_speakers_words_alone(tmp_path: Path) -> None:
    rule = "tokens: [unprecedented]\nskip_quotations: true\n"
    text = 'The mayor called it "an unprecedented step." Critics said it was unprecedented.'
    assert findings(tmp_path, rule, text) == [("style.probe", 1, 66, "unprecedented")]
    assert len(findings(tmp_path, "tokens: [unprecedented]\n", text)) == 2


def test_anchors_go_with_patterns_not_tokens(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="'anchors' go with 'patterns', not 'tokens'"):
        findings(tmp_path, "anchors: [a]\ntokens: [a]\n", "a")


def substitutions(tmp_path: Path, rule: str, text: str) -> list[tuple[str, int, int, str]]:
    """Lint text with one substitution rule written as style/swap.yaml."""
    file = tmp_path / "style" / "swap.yaml"
    file.parent.mkdir(exist_ok=True)
    file.write_text(f"kind: substitution\n{rule}", encoding="utf-8")
    return brief(lint(Document(text, "draft.txt"), RuleSet((load_rule_file(file),))))


def test_a_substitution_may_leave_quoted_words_as_spoken(tmp_path: Path) -> None:
    text = "The senator posted: “The US will not back down.” US officials said little."
    assert substitutions(tmp_path, "swap: {US: U.S.}\nskip_quotations: true\n", text) == [("style.swap", 1, 50, "US")]
    assert substitutions(tmp_path, "swap: {US: U.S.}\n", text) == [("style.swap", 1, 26, "US"), ("style.swap", 1, 50, "US")]


def test_an_unclosed_quotation_does_not_hide_the_writer_s_words_from_a_substitution(tmp_path: Path) -> None:
    text = "Cole called it “a betrayal of every farm family, and US trade officials walked out."
    assert substitutions(tmp_path, "swap: {US: U.S.}\nskip_quotations: true\n", text) == [("style.swap", 1, 54, "US")]


def test_a_quoted_word_or_two_is_the_writer_s_term_and_is_restyled(tmp_path: Path) -> None:
    text = "The group met amid “US” protests."
    assert substitutions(tmp_path, "swap: {US: U.S.}\nskip_quotations: true\n", text) == [("style.swap", 1, 21, "US")]
