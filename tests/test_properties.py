"""Property: for any document, the text at each finding's line and column is its match."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factlint.document import Document
from factlint.engine import RuleSet, lint, load_rule_file
from tests.helpers import rule_set

WORDS = st.sampled_from([
    "US", "amidst", "Amidst", "Jan.", "Tuesday,", "March 21", "3.5%", "said", "“quoted”", "café",
    "naïve", "日本", "emoji😀", "\t", " ", "  ", "U.S.", "adviser", "advisor", "Jen Daskal", "$48.2 million",
])
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " "])
NOISE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=6)


@st.composite
def documents(draw) -> tuple[bytes, str]:
    pieces = draw(st.lists(st.one_of(WORDS, BREAKS, NOISE), min_size=1, max_size=60))
    body = "".join(pieces)
    markdown = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    if markdown and draw(st.booleans()):
        body = f"---{newline}title: x{newline}date: 2024-01-29{newline}---{newline}" + body
    elif draw(st.booleans()):
        body = " date 2024-01-29 " + body
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + body.encode("utf-8"), "draft.md" if markdown else "draft.txt"


def every_word_rule(tmp: Path) -> RuleSet:
    rule = tmp / "test" / "words.yaml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    rule.write_text("kind: existence\nlevel: info\npatterns: ['\\w+']\n", encoding="utf-8")
    return RuleSet((load_rule_file(rule),))


def text_at(data: bytes, line: int, column: int, length: int) -> str:
    """Read the file the way an editor does: BOM dropped, CRLF, CR and LF end lines."""
    lines = re.split(r"\r\n|\r|\n", data.decode("utf-8-sig"))
    rest = "\n".join(lines[line - 1:])[column - 1:]
    return rest[:length]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_reported_position_holds_the_match(tmp_path_factory, sample: tuple[bytes, str]) -> None:
    data, path = sample
    assume(data.strip(b"\xef\xbb\xbf"))
    doc = Document.from_bytes(data, path)
    rules = RuleSet(rule_set().rules + every_word_rule(tmp_path_factory.getbasetemp()).rules)
    for finding in lint(doc, rules):
        normalised = finding.match.replace("\r\n", "\n").replace("\r", "\n")
        assert text_at(data, finding.line, finding.column, len(normalised)) == normalised
        assert doc.position(finding.end) == (finding.end_line, finding.end_column)
