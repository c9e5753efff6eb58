"""Word drafts: reading order, exact positions across runs, tables, notes, headers, tracked changes."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from factlint.cli import main
from factlint.readers import docx as word
from factlint.readers.reading import ReadOptions
from tests.drafts import add_footnote, tracked

STYLE = ("--select", "style.*", "--no-default-rules", "--rules", "rules/style")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def desk_draft(path: Path) -> Path:
    """A Word draft with split runs, a table, a footnote, a header, a comment and tracked changes."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "City desk copy, filed amidst the storm."
    lead = document.add_paragraph()
    for piece, bold in (("Council members met U", False), ("S trade officials am", True), ("idst protests.", False)):
        lead.add_run(piece).bold = bold
    add_footnote(document, lead, "Figures from the US Treasury.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Ward"
    table.cell(1, 1).text = "Turnout rose in US precincts, officials said."
    changed = document.add_paragraph("The plan passed")
    changed._p.append(tracked("del", " amidst jeers"))
    changed._p.append(tracked("ins", " amidst cheers from US farmers"))
    changed.add_run(".")
    note = document.add_paragraph("A reporter wrote this line.")
    document.add_comment(note.runs[0], text="Check US figures amidst the rush", author="Editor")
    document.save(path)
    return path


def test_positions_containers_and_reading_order(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    code, out, _ = run_cli(capsys, *STYLE, "--format", "json", str(draft))
    found = [(f["rule"], f["paragraph"], f["column"], f["match"], f["container"]) for f in json.loads(out)["findings"]]
    assert code == 1
    assert found == [
        ("style.us-abbreviation", 1, 21, "US", "body/p[1]"),
        ("style.amid", 1, 40, "amidst", "body/p[1]"),
        ("style.us-abbreviation", 5, 17, "US", "body/table[1]/row[2]/cell[2]/p[1]"),
        ("style.amid", 6, 17, "amidst", "body/p[2]"),
        ("style.us-abbreviation", 6, 36, "US", "body/p[2]"),
        ("style.us-abbreviation", 8, 19, "US", "footnote[1]/p[1]"),
        ("style.amid", 9, 23, "amidst", "header[1]/p[1]"),
    ]


def test_every_finding_points_at_its_match_in_the_extracted_paragraph(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    reading = word.read(draft.read_bytes(), str(draft), ReadOptions("docx"))
    _, out, _ = run_cli(capsys, *STYLE, "--format", "json", str(draft))
    findings = json.loads(out)["findings"]
    assert findings
    for finding in findings:
        paragraph = reading.paragraphs[finding["paragraph"] - 1]
        assert paragraph.container == finding["container"]
        assert paragraph.text[finding["column"] - 1:finding["end_column"] - 1] == finding["match"]
        assert finding["line"] == finding["paragraph"]


def test_comments_are_not_copy_and_footnote_marks_are_not_text(tmp_path: Path) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    reading = word.read(draft.read_bytes(), str(draft), ReadOptions("docx"))
    assert "Check US figures" not in reading.doc.text
    assert reading.paragraphs[0].text == "Council members met US trade officials amidst protests."
    assert reading.paragraphs[7].text == " Figures from the US Treasury."


def test_tracked_changes_read_accepted_by_default_or_as_it_reads_now(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    accepted = word.read(draft.read_bytes(), str(draft), ReadOptions("docx"))
    original = word.read(draft.read_bytes(), str(draft), ReadOptions("docx", tracked_changes="original"))
    assert accepted.paragraphs[5].text == "The plan passed amidst cheers from US farmers."
    assert original.paragraphs[5].text == "The plan passed amidst jeers."
    assert accepted.notes == ("2 tracked changes: linted with every change accepted",)
    _, out, _ = run_cli(capsys, *STYLE, "--tracked-changes", "original", str(draft))
    assert f"{draft}:¶6:17: warning style.amid 'amidst' → 'amid' (AP style)" in out.splitlines()
    assert f"{draft}:¶6:36:" not in out
    assert out.splitlines()[-2:] == [
        f"{draft}: note: 2 tracked changes: linted as it reads now, no change accepted", "6 findings (6 fixable) in 1 file",
    ]


def test_python_docx_paragraph_text_would_miss_the_insertion(tmp_path: Path) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    assert docx.Document(draft).paragraphs[1].text == "The plan passed."


def test_sarif_places_word_findings_by_container_and_offset(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    reading = word.read(draft.read_bytes(), str(draft), ReadOptions("docx"))
    _, out, _ = run_cli(capsys, *STYLE, "--format", "sarif", str(draft))
    result = json.loads(out)["runs"][0]["results"][0]
    location = result["locations"][0]
    region = location["physicalLocation"]["region"]
    assert location["logicalLocations"] == [{"fullyQualifiedName": "body/p[1]", "kind": "element"}]
    paragraphs = reading.report_text.split("\n\n")
    assert paragraphs[0] == reading.paragraphs[0].text and len(paragraphs) == len(reading.paragraphs)
    assert reading.report_text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "US"
    assert result["properties"] == {"paragraph": 1, "column": 21}


def test_a_plain_draft_still_reads_as_text_and_stdin_can_be_word(tmp_path: Path, capsys, monkeypatch) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(draft.read_bytes())))
    code, out, _ = run_cli(capsys, *STYLE, "--input-format", "docx", "-")
    assert code == 1 and out.startswith("<stdin>:¶1:21: warning style.us-abbreviation")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Talks went on amidst the US protests.\n")))
    code, out, _ = run_cli(capsys, *STYLE, "-")
    assert out.splitlines()[0] == "<stdin>:1:15: warning style.amid 'amidst' → 'amid' (AP style)"


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(260):
                member.write(b" " * (1 << 20))


def _with_body(good: bytes, path: Path, change) -> None:
    """Write good's package to path with its document.xml changed."""
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, change(data) if name == "word/document.xml" else data)


def _nested_tables(data: bytes, depth: int = 30) -> bytes:
    inner = b"<w:p><w:r><w:t>The US team.</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = b"<w:tbl><w:tr><w:tc>" + inner + b"</w:tc></w:tr></w:tbl>"
    return data.replace(b"<w:body>", b"<w:body>" + inner)


@pytest.mark.parametrize("make, problem", [
    (lambda p, good: _with_body(good, p, lambda d: d[: len(d) // 2]), "not a readable Word document"),
    (lambda p, good: _with_body(good, p, lambda d: d.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 5000)),
     "not a readable Word document"),
    (lambda p, good: _with_body(good, p, _nested_tables), "tables nested more than 20 deep"),
    (lambda p, good: p.write_bytes(good[: len(good) // 2]), "not a complete zip archive"),
    (lambda p, good: p.write_bytes(b"Council meets Tuesday.\n"), "not a complete zip archive"),
    (lambda p, good: zipfile.ZipFile(p, "w").writestr("notes.txt", "hello"), "not a readable Word document"),
    (lambda p, good: _zip_bomb(p), "a zip bomb?"),
])
def test_a_corrupt_word_draft_is_one_error_line_and_left_alone(tmp_path: Path, capsys, make, problem: str) -> None:
    good = desk_draft(tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    make(bad, good)
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    for mode in ((), ("--fix",), ("--annotate",)):
        code, out, err = run_cli(capsys, *STYLE, *mode, str(bad))
        assert code == 2 and out == ""
        errors = [line for line in err.splitlines() if line.startswith("factlint: error: ")]
        assert len(errors) == 1 and errors[0].startswith(f"factlint: error: {bad}: ") and problem in errors[0]
        assert err.splitlines()[1:] == (["factlint: fixed 0 fixes in 0 files"] if mode == ("--fix",) else [])
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "good.docx"]


def test_annotate_comments_the_body_and_says_what_it_could_not(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    code, out, _ = run_cli(capsys, *STYLE, "--annotate", str(draft))
    assert code == 1 and draft.read_bytes() == before
    annotated = docx.Document(tmp_path / "draft.factlint.docx")
    comments = [c for c in annotated.comments if c.author == "factlint"]
    us, amid = '"US" → "U.S." (AP style) (style.us-abbreviation)\nFix: U.S.', "'amidst' → 'amid' (AP style) (style.amid)\nFix: amid"
    assert [c.text for c in comments] == [us, amid, us, amid, us]
    assert out.splitlines()[-2] == (
        f"{draft}: note: wrote {tmp_path / 'draft.factlint.docx'} with 5 comments; "
        "2 findings outside the body (headers, footers, notes) have none"
    )
    assert [c.author for c in annotated.comments].count("Editor") == 1  # the draft's own comment stays


def test_fix_tracks_changes_in_body_tables_and_headers_and_reports_what_is_left(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    code, out, _ = run_cli(capsys, *STYLE, "--fix", str(draft))
    assert out.splitlines() == [
        f"{draft}:¶8:19: warning style.us-abbreviation \"US\" → \"U.S.\" (AP style)",
        f"{draft}: note: 16 tracked changes: linted with every change accepted",
        "1 finding (1 fixable) in 1 file",
    ]
    accepted = word.read(draft.read_bytes(), str(draft), ReadOptions("docx"))
    assert [p.text for p in accepted.paragraphs if p.text] == [
        "Council members met U.S. trade officials amid protests.", "Ward",
        "Turnout rose in U.S. precincts, officials said.", "The plan passed amid cheers from U.S. farmers.",
        "A reporter wrote this line.", " Figures from the US Treasury.", "City desk copy, filed amid the storm.",
    ]
    original = word.read(draft.read_bytes(), str(draft), ReadOptions("docx", tracked_changes="original"))
    assert original.paragraphs[0].text == "Council members met US trade officials amidst protests."
    assert original.paragraphs[5].text == "The plan passed amidst jeers."


def test_fix_refuses_to_write_over_a_draft_read_as_it_reads_now(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    code, out, err = run_cli(capsys, *STYLE, "--tracked-changes", "original", "--fix", str(draft))
    assert code == 2 and draft.read_bytes() == before
    assert err.splitlines()[0] == (f"factlint: error: {draft}: --fix writes tracked changes over the accepted text: "
                                   "read it with --tracked-changes accepted")


def test_a_baseline_keeps_word_and_html_findings_when_paragraphs_move(tmp_path: Path, capsys) -> None:
    draft = desk_draft(tmp_path / "draft.docx")
    baseline = tmp_path / "baseline.json"
    run_cli(capsys, *STYLE, "--write-baseline", str(baseline), str(draft))
    document = docx.Document(draft)
    document.paragraphs[0].insert_paragraph_before("A new first paragraph, written later.")
    document.save(draft)
    code, out, _ = run_cli(capsys, *STYLE, "--baseline", str(baseline), str(draft))
    assert code == 0 and out == f"{draft}: note: 2 tracked changes: linted with every change accepted\n"


def test_sarif_of_a_word_draft_is_valid_and_github_names_the_paragraph(tmp_path: Path, capsys) -> None:
    from tests.test_formats import validate_sarif

    draft = desk_draft(tmp_path / "draft.docx")
    _, out, _ = run_cli(capsys, *STYLE, "--format", "sarif", str(draft))
    validate_sarif(json.loads(out))
    _, out, _ = run_cli(capsys, *STYLE, "--format", "github", str(draft))
    assert out.splitlines()[0] == (
        f"::warning file={draft},title=style.us-abbreviation::¶1:21 (body/p[1]): \"US\" → \"U.S.\" (AP style)"
    )
