"""The seeds as Word and HTML drafts: the same findings as the plain text, placed in each format,
and findings handed back as Word comments and tracked changes, or as edits of HTML text nodes."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from factlint.cli import main
from tests.drafts import (
    W, accept_all, commented_texts, docx_from_text, html_from_text, paragraphs_of, reject_all,
)
from tests.helpers import SEEDS

CONFIG = ("--config", str(SEEDS / ".factlint.yaml"))
SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def findings_of(capsys, *args: str) -> list[dict]:
    main([*CONFIG, "--format", "json", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def same_findings(a: list[dict], b: list[dict]) -> bool:
    keys = ("rule", "match", "message", "fix", "level")
    return [tuple(f[k] for k in keys) for f in a] == [tuple(f[k] for k in keys) for f in b]


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.stem)
def test_a_seed_as_word_gives_the_text_findings_at_its_paragraphs(seed: Path, tmp_path: Path, capsys) -> None:
    text = seed.read_text(encoding="utf-8")
    plain = findings_of(capsys, str(seed))
    word = findings_of(capsys, str(docx_from_text(text, tmp_path / f"{seed.stem}.docx")))
    assert plain and same_findings(plain, word)
    lines, paragraphs = text.split("\n"), paragraphs_of(text)
    for in_text, in_word in zip(plain, word):
        paragraph = paragraphs[in_word["paragraph"] - 1]
        assert paragraph == lines[in_text["line"] - 1]  # one seed line is one paragraph
        assert (in_word["column"], in_word["end_column"]) == (in_text["column"], in_text["end_column"])
        assert paragraph[in_word["column"] - 1:in_word["end_column"] - 1] == in_word["match"]
        assert in_word["container"] == f"body/p[{in_word['paragraph']}]"


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.stem)
def test_a_seed_as_html_gives_the_text_findings_at_their_source_lines(seed: Path, tmp_path: Path, capsys) -> None:
    page = html_from_text(seed.read_text(encoding="utf-8"), tmp_path / f"{seed.stem}.html")
    plain, web = findings_of(capsys, str(seed)), findings_of(capsys, str(page))
    assert plain and same_findings(plain, web)
    source = page.read_text(encoding="utf-8").split("\n")
    for finding in web:
        start = sum(len(line) + 1 for line in source[:finding["line"] - 1]) + finding["column"] - 1
        end = sum(len(line) + 1 for line in source[:finding["end_line"] - 1]) + finding["end_column"] - 1
        shown = html.unescape(re.sub(r"\s+", " ", "\n".join(source)[start:end]))
        assert shown == finding["match"]
        assert "paragraph" not in finding


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.stem)
def test_annotate_writes_one_comment_per_finding_on_its_text(seed: Path, tmp_path: Path, capsys) -> None:
    draft = docx_from_text(seed.read_text(encoding="utf-8"), tmp_path / "draft.docx")
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    findings = findings_of(capsys, "--annotate", str(draft))
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    annotated = docx.Document(tmp_path / "draft.factlint.docx")
    comments = sorted(annotated.comments, key=lambda c: c.comment_id)
    assert len(comments) == len(findings) > 0
    anchored = commented_texts(annotated)
    by_place = sorted(findings, key=lambda f: (f["paragraph"], f["column"], f["end_column"]))
    assert [anchored[c.comment_id] for c in comments] == [f["match"] for f in by_place]
    for comment, finding in zip(comments, by_place):
        assert comment.author == "factlint"
        assert comment.text.startswith(f"{finding['message']} ({finding['rule']})")
        assert ("Fix: " in comment.text) == (finding["fix"] is not None)


def _formatted_characters(document: docx.document.Document) -> list[tuple[str, bool, bool]]:
    """Return each character of the body runs with its bold and italic flags."""
    return [(c, bool(r.bold), bool(r.italic)) for p in document.paragraphs for r in p.runs for c in r.text]


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.stem)
def test_fix_writes_tracked_changes_that_accepted_read_as_the_fixed_text(seed: Path, tmp_path: Path, capsys) -> None:
    text_copy = shutil.copy(seed, tmp_path / seed.name)
    main([*CONFIG, "--fix", str(text_copy)])
    draft = docx_from_text(seed.read_text(encoding="utf-8"), tmp_path / "draft.docx")
    original, untouched = docx.Document(draft), draft.read_bytes()
    main([*CONFIG, "--fix", str(draft)])
    capsys.readouterr()
    fixed_text = Path(text_copy).read_text(encoding="utf-8")
    if fixed_text == seed.read_text(encoding="utf-8"):  # nothing to fix: nothing written
        assert draft.read_bytes() == untouched
        return
    accepted = accept_all(draft.read_bytes())
    assert [p.text for p in accepted.paragraphs] == paragraphs_of(fixed_text)
    changes = [*docx.Document(draft).element.body.iter(f"{W}ins", f"{W}del")]
    assert changes and {c.get(f"{W}author") for c in changes} == {"factlint"}
    # Formatting kept: rejecting every change gives back each character with its bold and italic.
    assert _formatted_characters(reject_all(draft.read_bytes())) == _formatted_characters(original)
    again = draft.read_bytes()
    main([*CONFIG, "--fix", str(draft)])
    assert draft.read_bytes() == again


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.stem)
def test_html_fix_edits_text_nodes_only(seed: Path, tmp_path: Path, capsys) -> None:
    text_copy = shutil.copy(seed, tmp_path / seed.name)
    main([*CONFIG, "--fix", str(text_copy)])
    page = html_from_text(seed.read_text(encoding="utf-8"), tmp_path / "draft.html")
    before = page.read_text(encoding="utf-8")
    main([*CONFIG, "--fix", str(page)])
    capsys.readouterr()
    after = page.read_text(encoding="utf-8")
    assert (after == before) == (Path(text_copy).read_text(encoding="utf-8") == seed.read_text(encoding="utf-8"))
    assert re.findall(r"<[^>]*>", after) == re.findall(r"<[^>]*>", before)
    expected = html_from_text(Path(text_copy).read_text(encoding="utf-8"), tmp_path / "expected.html")
    words = re.compile(r"\s+")
    assert words.sub(" ", after) == words.sub(" ", expected.read_text(encoding="utf-8"))
