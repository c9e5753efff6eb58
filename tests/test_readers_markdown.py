"""Markdown as Google Docs exports it: bold headings, needless backslash escapes, wrapped links."""

from __future__ import annotations

import json
from pathlib import Path

from factlint.cli import main

GOOGLE_DOCS_EXPORT = r"""# **Council approves budget amidst protests**

## Metro desk \- filed Thursday

The city council voted 7\-2 on Tuesday to approve the plan\. The budget grows by \$4\.2 million\.

Officials from the US Department of Transportation \(DOT\) attended the vote\.

\* Not a list item: the vote came amidst shouting \[inaudible\]\.

See [the city website](https://www.google.com/url?q=https://example.gov/US-budget&sa=D&source=editors&ust=1721&usg=AOvVaw) for the plan\.

```
The US code sample keeps its \. escapes amidst the code.
```
"""


def findings(capsys, *args: str) -> list[tuple[str, int, int, str]]:
    main(["--date", "2025-07-17", "--format", "json", *args])
    return [(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_escapes_read_as_their_characters_at_their_places_as_written(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "export.md"
    draft.write_text(GOOGLE_DOCS_EXPORT, encoding="utf-8")
    assert findings(capsys, str(draft)) == [
        ("style.amid", 1, 29, "amidst"),
        ("figures.unsourced", 5, 83, "$4.2 million"),
        ("style.us-abbreviation", 7, 20, "US"),
        ("style.amid", 9, 35, "amidst"),
    ]
    lines = GOOGLE_DOCS_EXPORT.split("\n")
    assert lines[4][82:97] == r"$4\.2 million\." and lines[6][19:21] == "US" and lines[8][34:40] == "amidst"


def test_the_same_text_without_escapes_gives_the_same_findings(tmp_path: Path, capsys) -> None:
    plain = tmp_path / "plain.md"
    plain.write_text(GOOGLE_DOCS_EXPORT.replace("\\$", "$").replace("\\.", ".").replace("\\-", "-")
                     .replace("\\(", "(").replace("\\)", ")").replace("\\[", "[").replace("\\]", "]"), encoding="utf-8")
    escaped = tmp_path / "export.md"
    escaped.write_text(GOOGLE_DOCS_EXPORT, encoding="utf-8")
    assert [(r, m) for r, _, _, m in findings(capsys, str(plain))] == [(r, m) for r, _, _, m in findings(capsys, str(escaped))]


def test_fix_edits_the_words_and_keeps_every_escape(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "export.md"
    draft.write_text(GOOGLE_DOCS_EXPORT, encoding="utf-8")
    main(["--date", "2025-07-17", "--fix", str(draft)])
    capsys.readouterr()
    assert draft.read_text(encoding="utf-8") == (
        GOOGLE_DOCS_EXPORT.replace("budget amidst", "budget amid").replace("the US Dep", "the U.S. Dep")
        .replace("came amidst", "came amid")
    )
