"""Markdown: backslash escapes read as the characters they stand for, positions kept in the source.

Google Docs escapes punctuation it need not (`$4\\.2 million`, `7\\-2`); linted as written, a
figure would end at the backslash. The escapes are dropped from the text the checks see, and
offsets map back across each dropped backslash.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factlint import markup
from factlint.document import LINE_BREAK, Document, decode, encoding_of
from factlint.finding import Finding
from factlint.readers.plain import encoded
from factlint.readers.reading import Reading, ReadOptions

ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# An escape that keeps a line from being a heading, list item or quote stays: it is structure.
BLOCK_ESCAPE = re.compile(r"[ \t]*(?:\\[#>+*-]|\d{1,9}\\[.)])")


@dataclass(frozen=True)
class MarkdownReading(Reading):
    """A Markdown draft with its escapes dropped, and where each dropped backslash stood."""

    doc: Document  # Reading's own fields, first, as Reading.__init__ takes them
    report_text: str
    notes: tuple[str, ...] = ()

    source: str = ""
    dropped: tuple[int, ...] = ()  # text offsets of the characters whose backslash was dropped
    line_starts: tuple[int, ...] = (0,)

    def source_offset(self, offset: int, end: bool = False) -> int:
        """Return the source offset of a text offset (just past the character before, if end)."""
        if end and offset > 0:
            return self.source_offset(offset - 1) + 1
        return offset + bisect.bisect_right(self.dropped, offset)

    def position(self, source_offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a source offset."""
        line = bisect.bisect_right(self.line_starts, source_offset)
        return line, source_offset - self.line_starts[line - 1] + 1

    def locate(self, finding: Finding) -> Finding:
        """Place a finding at its line and column in the Markdown as written."""
        start, end = self.source_offset(finding.start), self.source_offset(finding.end, end=True)
        (line, column), (end_line, end_column) = self.position(start), self.position(end)
        return finding._replace(line=line, column=column, end_line=end_line, end_column=end_column, start=start, end=end)


def read(data: bytes, path: str, options: ReadOptions) -> Reading:
    """Read a Markdown draft; one without backslash escapes is linted exactly as written."""
    encoding = encoding_of(data)
    source, bom = decode(data, encoding)
    escapes = _escapes(source) if "\\" in source else []
    if not escapes:
        return Reading(Document(source, path, True, options.date, bom, encoding), source)
    pieces, dropped, cursor = [], [], 0
    for backslash in escapes:
        pieces.append(source[cursor:backslash])
        dropped.append(backslash - len(dropped))
        cursor = backslash + 1
    text = "".join(pieces) + source[cursor:]
    starts = (0, *(m.end() for m in LINE_BREAK.finditer(source)))
    doc = Document(text, path, True, options.date, bom, encoding)
    return MarkdownReading(doc, source, (), source, tuple(dropped), starts)


def rewrite(data: bytes, reading: Reading, fixed_text: str) -> bytes:
    """Return the fixed draft's bytes, each edit made at its place in the Markdown as written."""
    if not isinstance(reading, MarkdownReading):
        return encoded(reading.doc, fixed_text)
    from factlint.readers.edits import Edit, apply_edits, text_edits

    in_source = []
    for edit in text_edits(reading.doc.text, fixed_text):
        start = reading.source_offset(edit.start)
        end = reading.source_offset(edit.end, end=True) if edit.end > edit.start else start
        in_source.append(Edit(start, end, edit.text))
    return encoded(reading.doc, apply_edits(reading.source, in_source))


def _escapes(source: str) -> list[int]:
    """Return the offsets of the backslashes to drop: escapes in prose, not in code or structure."""
    normalised = source.replace("\r\n", " \n").replace("\r", "\n")
    kept: list[list[int]] = []
    for start, end in sorted(markup.scan(normalised, True).masked):
        if kept and start <= kept[-1][1]:
            kept[-1][1] = max(kept[-1][1], end)
        else:
            kept.append([start, end])
    starts = [start for start, _ in kept]
    found = []
    for match in ESCAPE.finditer(source):
        at = match.start()
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and at < kept[index][1]:
            continue  # in code, a link target, a comment: not prose
        structure = BLOCK_ESCAPE.match(source, source.rfind("\n", 0, at) + 1)
        if structure and structure.end() > at:
            continue
        found.append(at)
    return found
