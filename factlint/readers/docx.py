"""Word (.docx): paragraphs of the body, tables, notes, headers and footers, with exact positions.

The text of a paragraph is the concatenation of its runs' text, read from the XML rather than
python-docx's `Paragraph.text`, which drops pending insertions. Paragraphs are numbered in
reading order (the body with its tables, then footnotes, endnotes, headers and footers) and
joined by a blank line into the Document's text.
"""

from __future__ import annotations

import bisect
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factlint.document import Document, InputError
from factlint.finding import Finding
from factlint.readers.docx_parts import AUTHOR, W, Paragraph, Piece
from factlint.readers.reading import Reading, ReadOptions

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SEPARATOR = "\n\n"
# A zip bomb declares its sizes honestly or is cut off at them: these bound what is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5000
MAX_TABLE_DEPTH = 20
# What each text-bearing element of a run stands for (w:t and w:delText hold their own text).
MARKS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
TEXTS = {f"{W}t", f"{W}delText"}
# Not copy: properties, field codes, drawings and text boxes, alternative renderings.
SKIPPED = {f"{W}{name}" for name in ("pPr", "rPr", "instrText", "delInstrText", "drawing", "pict", "object")}
SKIPPED |= {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
INSERTED = {f"{W}ins", f"{W}moveTo"}
DELETED = {f"{W}del", f"{W}moveFrom"}
NOTES = (("footnotes", "footnote"), ("endnotes", "endnote"))


@dataclass(frozen=True)
class DocxReading(Reading):
    """A Word draft as read: the Document, its paragraphs, and the open package to write back."""

    doc: Document  # Reading's own fields, first, as Reading.__init__ takes them
    report_text: str
    notes: tuple[str, ...] = ()

    paragraphs: tuple[Paragraph, ...] = ()
    package: Any = None
    changes: int = 0
    accepted: bool = True
    starts: tuple[int, ...] = ()

    def locate(self, finding: Finding) -> Finding:
        """Place a finding at its paragraph number and column, with the paragraph's container."""
        first, last = self.paragraph_at(finding.start), self.paragraph_at(max(finding.start, finding.end - 1))
        return finding._replace(
            line=first.number, column=finding.start - first.start + 1,
            end_line=last.number, end_column=finding.end - last.start + 1, container=first.container,
        )

    def paragraph_at(self, offset: int) -> Paragraph:
        """Return the paragraph whose text holds (or last began before) offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.paragraphs[max(index, 0)]


def read(data: bytes, path: str, options: ReadOptions) -> DocxReading:
    """Read a .docx draft; raise InputError, one line, for anything that is not a sound one."""
    package = open_package(data)
    accepted = options.tracked_changes == "accepted"
    walk = _Walk(accepted)
    for element, container, writable in _stories(package):
        walk.story(element, container, writable)
    paragraphs = tuple(walk.paragraphs)
    text = SEPARATOR.join(p.text for p in paragraphs)
    doc = Document(text, path, False, options.date)
    notes = ()
    if walk.changes:
        state = "with every change accepted" if accepted else "as it reads now, no change accepted"
        notes = (f"{walk.changes} tracked changes: linted {state}",)
    # The report text keeps every offset; a line break inside a paragraph shows as a space.
    shown = SEPARATOR.join(p.text.replace("\n", " ") for p in paragraphs)
    return DocxReading(doc, shown, notes, paragraphs, package, walk.changes, accepted, tuple(p.start for p in paragraphs))


def open_package(data: bytes) -> Any:
    """Open a .docx with python-docx after checking it is a zip of sane size."""
    _check_zip(data)
    import docx  # imported here: only Word drafts pay for python-docx and lxml

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... for bad packages
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(f"not a readable Word document: {detail}") from None


def _check_zip(data: bytes) -> None:
    """Refuse what is not a zip, a damaged zip, and one that unpacks to far more than it holds."""
    if not data:
        raise InputError("file is empty")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"not a Word document: not a complete zip archive ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(f"not a Word document: {len(members)} parts in the archive")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(data), 1) + 10 * 1024 * 1024:
        raise InputError(f"refused: the archive unpacks to {unpacked:,} bytes from {len(data):,} (a zip bomb?)")


def _stories(package: Any) -> Iterator[tuple[Any, str, bool]]:
    """Yield each story's root element in reading order: body, notes, headers, footers."""
    body = package.element.body
    yield body, "body", True
    for part_name, tag in NOTES:
        for number, note in enumerate(_notes(package, part_name, tag), 1):
            yield note, f"{tag}[{number}]", False
    seen: set[int] = set()
    for kind in ("header", "footer"):
        count = 0
        for reference in body.iter(f"{W}{kind}Reference"):
            part = package.part.related_parts.get(reference.get(R_ID))
            if part is None or id(part) in seen or not hasattr(part, "element"):
                continue
            seen.add(id(part))
            count += 1
            yield part.element, f"{kind}[{count}]", True


def _notes(package: Any, part_name: str, tag: str) -> list[Any]:
    """Return the real notes (not separators) of the footnotes or endnotes part, if there is one."""
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    for part in package.part.related_parts.values():
        if str(part.partname).endswith(f"/{part_name}.xml"):
            try:
                root = parse_xml(part.blob)
            except Exception:  # lxml's XMLSyntaxError, or what a damaged part gives
                raise InputError(f"not a readable Word document: damaged {part_name} part") from None
            return [n for n in root.iter(f"{W}{tag}") if n.get(f"{W}type") in (None, "normal")]
    return []


class _Walk:
    """Collect the paragraphs of the stories, in order, counting tracked changes."""

    def __init__(self, accepted: bool) -> None:
        self.accepted = accepted
        self.paragraphs: list[Paragraph] = []
        self.offset = 0
        self.changes = 0

    def story(self, root: Any, container: str, writable: bool, depth: int = 0) -> None:
        """Read the block content of a story, a cell or a note: paragraphs and tables."""
        if depth > MAX_TABLE_DEPTH:
            raise InputError(f"not a readable Word document: tables nested more than {MAX_TABLE_DEPTH} deep")
        counts = {"p": 0, "table": 0}
        for block in _blocks(root):
            if block.tag == f"{W}p":
                counts["p"] += 1
                self.paragraph(block, f"{container}/p[{counts['p']}]", writable)
            else:
                counts["table"] += 1
                self.table(block, f"{container}/table[{counts['table']}]", writable, depth)

    def table(self, table: Any, container: str, writable: bool, depth: int) -> None:
        """Read a table row by row, cell by cell."""
        for r, row in enumerate(table.iterchildren(f"{W}tr"), 1):
            for c, cell in enumerate(row.iterchildren(f"{W}tc"), 1):
                self.story(cell, f"{container}/row[{r}]/cell[{c}]", writable, depth + 1)

    def paragraph(self, element: Any, container: str, writable: bool) -> None:
        """Read one paragraph's pieces and place it after the ones before."""
        if self.paragraphs:
            self.offset += len(SEPARATOR)
        paragraph = Paragraph(len(self.paragraphs) + 1, container, self.offset, element, writable=writable)
        for piece_element, text in self.inline(element):
            paragraph.pieces.append(Piece(self.offset, text, piece_element))
            self.offset += len(text)
        paragraph.text = "".join(p.text for p in paragraph.pieces)
        self.paragraphs.append(paragraph)

    def inline(self, paragraph: Any) -> Iterator[tuple[Any, str]]:
        """Yield the text-bearing elements of a paragraph and their text, in order."""
        dropped = DELETED if self.accepted else INSERTED
        stack = [iter(paragraph)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag in TEXTS:
                if child.text:
                    yield child, child.text
            elif tag in MARKS:
                yield child, MARKS[tag]
            elif tag in INSERTED or tag in DELETED:
                self.changes += 1
                if tag not in dropped:
                    stack.append(iter(child))
            elif tag not in SKIPPED and isinstance(tag, str):
                stack.append(iter(child))


def _blocks(root: Any) -> Iterator[Any]:
    """Yield the paragraphs and tables of a story, looking inside content controls."""
    for child in root:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            yield from _blocks(content if content is not None else child)


def rewrite(data: bytes, reading: DocxReading, fixed_text: str) -> bytes:
    """Return the draft with the fixes made as tracked changes authored by factlint."""
    from factlint.readers.docx_parts import Revisions
    from factlint.readers.edits import text_edits

    if reading.changes and not reading.accepted:
        raise InputError("--fix writes tracked changes over the accepted text: read it with --tracked-changes accepted")
    writable = [p for p in reading.paragraphs if p.writable]
    revisions = Revisions(list({id(r): r for r in (p.element.getroottree().getroot() for p in writable)}.values()))
    for edit in reversed(text_edits(reading.doc.text, fixed_text)):
        paragraph = reading.paragraph_at(edit.start)
        if paragraph.writable and paragraph.start <= edit.start and edit.end <= paragraph.end:
            revisions.replace(paragraph, edit.start, edit.end, edit.text)
    return _saved(reading.package)


def annotate(data: bytes, reading: DocxReading, findings: list[Finding]) -> tuple[bytes, int]:
    """Return the draft with one Word comment per finding on its matched text, and their count."""
    from docx.text.run import Run

    count = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        first = bisect.bisect_right(reading.starts, finding.start) - 1
        last = bisect.bisect_right(reading.starts, max(finding.start, finding.end - 1)) - 1
        covering = reading.paragraphs[max(first, 0):last + 1]
        if not covering or any(not p.container.startswith("body/") for p in covering):
            continue  # Word anchors comments in the body only, not in headers, footers or notes
        runs = [r for p in covering for r in p.isolate(max(finding.start, p.start), min(finding.end, p.end))]
        if not runs:
            continue
        comment = reading.package.add_comment(
            [Run(runs[0], None), Run(runs[-1], None)], text=f"{finding.message} ({finding.rule})",
            author=AUTHOR, initials="FL",
        )
        if finding.fix is not None:
            comment.add_paragraph(f"Fix: {finding.fix}" if finding.fix else "Fix: delete it")
        count += 1
    return _saved(reading.package), count


def _saved(package: Any) -> bytes:
    """Return the bytes of a python-docx package as it would be saved."""
    buffer = io.BytesIO()
    package.save(buffer)
    return buffer.getvalue()
