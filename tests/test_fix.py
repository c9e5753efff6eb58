"""Fixes: non-overlapping in one pass, repeated to a fixed point, written atomically."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from factlint.document import Document
from factlint.engine import lint
from factlint.finding import Finding
from factlint.fix import apply_fixes, fix_document, write_atomic
from tests.helpers import rule_set
from tests.test_properties import documents


def finding(start: int, end: int, fix: str | None) -> Finding:
    return Finding("d", 1, start + 1, 1, end + 1, "t.r", "warning", "m", "x", fix, start, end)


def test_overlapping_different_fixes_conflict_and_neither_is_applied() -> None:
    text = "The US-PRC group met."
    fixes = [finding(4, 6, "U.S."), finding(4, 16, "U.S.-PRC group")]
    assert apply_fixes(text, fixes) == (text, 0)


def test_the_same_fix_from_two_rules_is_applied_once() -> None:
    fixes = [finding(4, 6, "U.S."), finding(4, 6, "U.S.")]
    assert apply_fixes("The US met.", fixes) == ("The U.S. met.", 1)


def test_findings_without_fixes_change_nothing() -> None:
    assert apply_fixes("abc", [finding(0, 1, None)]) == ("abc", 0)


def test_fix_document_reaches_a_fixed_point() -> None:
    rules = rule_set().configured(["style.*"], [], {})
    doc = Document("The US came amidst US talks.\n")
    fixed, remaining = fix_document(doc, lambda d: lint(d, rules))
    assert fixed.text == "The U.S. came amid U.S. talks.\n"
    assert remaining == []


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_fixing_is_idempotent_and_keeps_line_ends(sample: tuple[bytes, str]) -> None:
    data, path = sample
    assume(data.strip(b"\xef\xbb\xbf"))
    rules = rule_set()
    doc = Document.from_bytes(data, path)
    once, _ = fix_document(doc, lambda d: lint(d, rules))
    twice, _ = fix_document(once, lambda d: lint(d, rules))
    assert twice.text == once.text
    assert once.text.count("\n") == doc.text.count("\n")
    assert once.text.count("\r") == doc.text.count("\r")
