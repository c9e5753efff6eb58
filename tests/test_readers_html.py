"""HTML drafts: the article's prose only, positions in the source's lines, fixes in text nodes only."""

from __future__ import annotations

import hashlib
import html
import json
import time
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.readers import html as web
from factlint.readers.reading import ReadOptions

STYLE = ("--select", "style.*", "--no-default-rules", "--rules", "rules/style")

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>US council</title><style>.c1 { font-weight: bold }</style></head>
<body>
<nav class="top"><a href="/">US</a> | <a href="/metro">Metro amidst</a></nav>
<div role="navigation">Amidst the menu</div>
<main>
  <article>
    <header><h1>Council   meets amidst  protests</h1></header>
    <p>The US&nbsp;delegation arrived on
       Tuesday, officials at AT&amp;T&rsquo;s office said.<br>It left amidst cheers.</p>
    <figure><img src="a.jpg" alt="US flag amidst smoke"><figcaption>Police in the U<b>S</b> capital.</figcaption></figure>
    <script>document.write("US amidst")</script>
    <p aria-hidden="true">Hidden US text.</p>
    <!-- factlint-disable style.amid -->
    <p>Talks continued amidst the noise.</p>
    <!-- factlint-enable -->
    <footer><p>Reporting amidst the crowd by Ana Ruiz.</p></footer>
  </article>
  <aside><p>Related: US talks amidst the rain.</p></aside>
</main>
<footer><p>Copyright US News amidst all.</p></footer>
</body>
</html>
"""

# What Google Docs' "Web page" export looks like: classes, spans, no article element.
DOCS_EXPORT = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
    '<style type="text/css">.c0{font-family:"Arial"}.c1{padding:0}</style></head>'
    '<body class="c1 doc-content"><p class="c2"><span class="c0">Farmers gathered amidst the</span>'
    '<span class="c0 c3">&nbsp;rain on Monday.</span></p><p class="c2 c4"><span class="c0"></span></p>'
    '<p class="c2"><span class="c0">The US Department of Agriculture declined to comment.</span></p></body></html>'
)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def source_at(source: str, finding: dict) -> str:
    """Return the source between a finding's start and end (line, column), as a browser shows it."""
    lines = source.replace("\r\n", "\n").split("\n")
    start = sum(len(line) + 1 for line in lines[:finding["line"] - 1]) + finding["column"] - 1
    end = sum(len(line) + 1 for line in lines[:finding["end_line"] - 1]) + finding["end_column"] - 1
    return " ".join(html.unescape("\n".join(lines)[start:end].replace("<b>", "").replace("</b>", "")).split())


def test_article_prose_only_at_source_lines_and_columns(tmp_path: Path, capsys) -> None:
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_PAGE, encoding="utf-8")
    code, out, _ = run_cli(capsys, *STYLE, "--format", "json", str(page))
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in findings] == [
        ("style.amid", 9, 33, "amidst"),
        ("style.us-abbreviation", 10, 12, "US"),
        ("style.amid", 11, 71, "amidst"),
        ("style.us-abbreviation", 12, 83, "US"),
        ("style.amid", 18, 26, "amidst"),
    ]
    for finding in findings:
        assert source_at(ARTICLE_PAGE, finding) == finding["match"]


def test_text_is_decoded_and_white_space_collapsed_as_a_browser_shows_it() -> None:
    reading = web.read(ARTICLE_PAGE.encode(), "story.html", ReadOptions("html"))
    paragraphs = reading.doc.text.split("\n\n")
    assert paragraphs[:3] == [
        "Council meets amidst protests",
        "The US\xa0delegation arrived on Tuesday, officials at AT&T’s office said.\nIt left amidst cheers.",
        "Police in the US capital.",
    ]
    assert "Hidden" not in reading.doc.text and "Related" not in reading.doc.text
    assert "menu" not in reading.doc.text and "Copyright" not in reading.doc.text


def test_a_page_without_an_article_reads_its_body(tmp_path: Path, capsys) -> None:
    page = tmp_path / "export.html"
    page.write_text(DOCS_EXPORT, encoding="utf-8")
    code, out, _ = run_cli(capsys, *STYLE, str(page))
    assert [line for line in out.splitlines() if line.startswith(str(page))] == [
        f"{page}:1:233: warning style.amid 'amidst' → 'amid' (AP style)",
        f"{page}:1:382: warning style.us-abbreviation \"US\" → \"U.S.\" (AP style)",
    ]
    assert DOCS_EXPORT[232:238] == "amidst" and DOCS_EXPORT[381:383] == "US"


def test_crlf_source_lines_count_once(tmp_path: Path, capsys) -> None:
    page = tmp_path / "crlf.html"
    page.write_bytes(b"<p>First line.</p>\r\n<p>Second\r\nline amidst talks.</p>\r\n")
    _, out, _ = run_cli(capsys, *STYLE, str(page))
    assert out == f"{page}:3:6: warning style.amid 'amidst' → 'amid' (AP style)\n1 finding (1 fixable) in 1 file\n"


def test_fix_edits_text_nodes_and_leaves_markup_byte_for_byte(tmp_path: Path, capsys) -> None:
    page = tmp_path / "story.html"
    page.write_bytes(ARTICLE_PAGE.replace("\n", "\r\n").encode())
    code, out, _ = run_cli(capsys, *STYLE, "--fix", str(page))
    fixed = page.read_bytes().decode()
    expected = (ARTICLE_PAGE.replace("meets amidst", "meets amid").replace("The US&nbsp;", "The U.S.&nbsp;")
                .replace("It left amidst", "It left amid").replace("Reporting amidst", "Reporting amid"))
    assert fixed == expected.replace("\n", "\r\n")
    # "U<b>S</b>" crosses markup: left for the editor, and still reported.
    assert out.splitlines()[0] == f"{page}:12:83: warning style.us-abbreviation \"US\" → \"U.S.\" (AP style)"
    assert code == 1 and out.splitlines()[-1] == "1 finding (1 fixable) in 1 file"


def test_deeply_nested_tags_are_a_bounded_run(tmp_path: Path, capsys) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<div>" * 50_000 + "<p>Talks went on amidst the protests.</p>" + "<span><i>" * 20_000, encoding="utf-8")
    started = time.monotonic()
    code, out, err = run_cli(capsys, *STYLE, str(page))
    assert time.monotonic() - started < 20
    assert code == 1 and err == ""
    assert out.splitlines()[0] == f"{page}:1:250018: warning style.amid 'amidst' → 'amid' (AP style)"
    assert out.splitlines()[-1] == "1 finding (1 fixable) in 1 file"


def test_a_50_mb_page_is_one_error_line_and_left_alone(tmp_path: Path, capsys) -> None:
    page = tmp_path / "huge.html"
    paragraph = b"<p>The council met amidst protests in the US capital on Tuesday.</p>\n"
    page.write_bytes(b"<html><body>" + paragraph * (50 * 1024 * 1024 // len(paragraph)) + b"</body></html>")
    before = hashlib.sha256(page.read_bytes()).hexdigest()
    for mode in ((), ("--fix",)):
        started = time.monotonic()
        code, out, err = run_cli(capsys, *STYLE, *mode, str(page))
        assert time.monotonic() - started < 10
        assert code == 2 and out == ""
        assert err.splitlines()[0] == f"factlint: error: {page}: HTML of 52,428,779 bytes is larger than the 20,971,520 factlint reads"
        assert err.splitlines()[1:] == (["factlint: fixed 0 fixes in 0 files"] if mode else [])
    assert hashlib.sha256(page.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("content, problem", [
    (b"\xff\xfe<\x00p\x00>\x00", "binary file"),
    (b"<p>Caf\xe9 owners met.</p>", "not valid UTF-8"),
])
def test_undecodable_html_is_one_error_line(tmp_path: Path, capsys, content: bytes, problem: str) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    code, out, err = run_cli(capsys, *STYLE, "--fix", str(page))
    assert code == 2 and out == "" and problem in err.splitlines()[0]
    assert err.splitlines()[1:] == ["factlint: fixed 0 fixes in 0 files"]
    assert page.read_bytes() == content


def test_annotate_needs_a_word_draft(tmp_path: Path, capsys) -> None:
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_PAGE, encoding="utf-8")
    code, _, err = run_cli(capsys, *STYLE, "--annotate", str(page))
    assert code == 2 and err == f"factlint: error: {page}: --annotate writes Word comments: it needs a .docx draft\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.html"]


def test_folders_take_word_and_html_drafts_but_not_annotated_copies(tmp_path: Path, capsys) -> None:
    (tmp_path / "story.html").write_text("<p>Talks went on amidst the protests.</p>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Talks went on amidst the protests.\n", encoding="utf-8")
    from tests.drafts import docx_from_text

    docx_from_text("Talks went on amidst the protests.", tmp_path / "draft.docx")
    docx_from_text("Talks went on amidst the protests.", tmp_path / "draft.factlint.docx")
    _, out, _ = run_cli(capsys, *STYLE, str(tmp_path))
    assert [line.split(": ")[0] for line in out.splitlines()[:-1]] == [
        f"{tmp_path / 'draft.docx'}:¶1:15", f"{tmp_path / 'notes.txt'}:1:15", f"{tmp_path / 'story.html'}:1:18",
    ]


def test_standard_input_as_html_when_told(monkeypatch, capsys) -> None:
    import io

    page = b"<nav>US</nav><p>Talks went on amidst the protests.</p>"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    _, out, _ = run_cli(capsys, *STYLE, "--input-format", "html", "-")
    assert out == "<stdin>:1:31: warning style.amid 'amidst' → 'amid' (AP style)\n1 finding (1 fixable) in 1 file\n"


def test_hidden_inline_content_leaves_no_text_and_no_line_break() -> None:
    page = b"<p>Turnout rose <span hidden>draft<br>note</span> sharply.<br>Officials agreed.</p>"
    reading = web.read(page, "page.html", ReadOptions("html"))
    assert reading.doc.text == "Turnout rose sharply.\nOfficials agreed."


def test_diff_shows_the_source_as_it_would_be_written(tmp_path: Path, capsys) -> None:
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_PAGE, encoding="utf-8")
    code, out, _ = run_cli(capsys, *STYLE, "--diff", str(page))
    assert code == 1 and page.read_text(encoding="utf-8") == ARTICLE_PAGE
    changed = [line for line in out.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))]
    assert changed[0] == "-    <header><h1>Council   meets amidst  protests</h1></header>"
    assert "+    <p>The U.S.&nbsp;delegation arrived on" in changed and len(changed) == 8


def test_a_page_in_the_encoding_its_meta_declares_is_read_and_fixed_in_it(tmp_path: Path, capsys) -> None:
    page = tmp_path / "word-export.htm"
    source = ('<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'
              "<body><p>The caf\u00e9 owners\u2019 group met amidst \u201cUS\u201d protests.</p></body></html>")
    page.write_bytes(source.encode("cp1252"))
    _, out, _ = run_cli(capsys, *STYLE, str(page))
    assert [line for line in out.splitlines() if line.startswith(str(page))] == [
        f"{page}:1:128: warning style.amid 'amidst' → 'amid' (AP style)",
        f"{page}:1:136: warning style.us-abbreviation \"US\" → \"U.S.\" (AP style)",
    ]
    assert "The café owners’ group met amidst “US” protests." in out
    assert source[127:133] == "amidst" and source[135:137] == "US"
    run_cli(capsys, *STYLE, "--fix", str(page))
    assert page.read_bytes() == source.replace("amidst", "amid").replace("\u201cUS", "\u201cU.S.").encode("cp1252")


def test_cross_story_checks_take_only_drafts_read_as_text(tmp_path: Path, capsys) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(ARTICLE_PAGE, encoding="utf-8")
    code, out, err = run_cli(capsys, "--across", "--format", "json", str(tmp_path / "a.html"), str(tmp_path / "b.html"))
    findings = json.loads(out)["findings"]
    assert err == "" and findings and not any("related" in f or f["rule"].startswith("across.") for f in findings)
    for finding in findings:
        assert source_at(ARTICLE_PAGE, finding) == " ".join(finding["match"].split())
