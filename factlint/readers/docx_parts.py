"""Word paragraphs as pieces of runs, and the run surgery that marks an exact span of their text.

A finding rarely falls on run boundaries, so a span is isolated by splitting runs at its ends;
each new run carries a copy of the run properties, so formatting is kept.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "factlint"


@dataclass
class Piece:
    """One stretch of a paragraph's text and the XML element it comes from (w:t, w:tab, ...)."""

    start: int
    text: str
    element: Any

    @property
    def end(self) -> int:
        """Offset just past this piece."""
        return self.start + len(self.text)


@dataclass
class Paragraph:
    """One w:p in reading order: its number, container path, offsets and pieces."""

    number: int
    container: str
    start: int
    element: Any
    pieces: list[Piece] = field(default_factory=list)
    writable: bool = True
    text: str = ""

    @property
    def end(self) -> int:
        """Offset just past the paragraph's text."""
        return self.start + len(self.text)


    def split_at(self, offset: int) -> None:
        """Split runs so that a run boundary falls at offset (within this paragraph)."""
        for index, piece in enumerate(self.pieces):
            if piece.start < offset < piece.end:
                keep = offset - piece.start
                tail = _split_text(piece.element, keep)
                self.pieces.insert(index + 1, Piece(offset, piece.text[keep:], tail))
                piece.text = piece.text[:keep]
                return
            if piece.start == offset and piece.text:
                _split_run_before(piece.element)
                return

    def isolate(self, start: int, end: int) -> list[Any]:
        """Split runs at start and end; return the runs (w:r) that hold exactly that span."""
        self.split_at(end)
        self.split_at(start)
        runs: list[Any] = []
        for piece in self.pieces:
            run = piece.element.getparent()
            if start <= piece.start and piece.end <= end and piece.text and run not in runs:
                runs.append(run)
        return runs


class Revisions:
    """Tracked changes authored by factlint: unique ids, one timestamp for the run."""

    def __init__(self, roots: list[Any]) -> None:
        used = [int(v) for root in roots for e in root.iter() if (v := e.get(f"{W}id", "")).isdigit()]
        self.next_id = max(used, default=0) + 1
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str, like: Any) -> Any:
        """Return a new w:ins or w:del element authored by factlint."""
        element = like.makeelement(f"{W}{tag}", {f"{W}id": str(self.next_id), f"{W}author": AUTHOR, f"{W}date": self.date})
        self.next_id += 1
        return element

    def replace(self, paragraph: Paragraph, start: int, end: int, text: str) -> None:
        """Track the replacement of paragraph text[start:end] by text: a deletion, then an insertion."""
        runs = paragraph.isolate(start, end) if end > start else []
        anchor = None
        for run in runs:
            deletion = self.mark("del", run)
            run.addprevious(deletion)
            deletion.append(run)
            for element in run.iter(f"{W}t"):
                element.tag = f"{W}delText"
            anchor = deletion
        if not text:
            return
        template = runs[0] if runs else _run_near(paragraph, start)
        insertion = self.mark("ins", paragraph.element)
        insertion.append(_new_run(template, paragraph.element, text))
        _place(insertion, anchor, paragraph, start)


def _split_text(text: Any, keep: int) -> Any:
    """Split a w:t after `keep` characters into a new run; return the new w:t."""
    value = text.text
    text.text = value[:keep]
    tail = text.makeelement(text.tag, {XML_SPACE: "preserve"})
    tail.text = value[keep:]
    text.set(XML_SPACE, "preserve")
    text.addnext(tail)
    _split_run_before(tail)
    return tail


def _split_run_before(element: Any) -> None:
    """Move element and what follows it in its run into a new run with the same properties."""
    run = element.getparent()
    prior = [c for c in element.itersiblings(preceding=True) if c.tag != f"{W}rPr"]
    if run is None or run.tag != f"{W}r" or not prior:
        return
    new_run = run.makeelement(run.tag, dict(run.attrib))
    properties = run.find(f"{W}rPr")
    if properties is not None:
        new_run.append(copy.deepcopy(properties))
    for moved in [element, *element.itersiblings()]:
        new_run.append(moved)
    run.addnext(new_run)


def _run_near(paragraph: Paragraph, offset: int) -> Any | None:
    """Return the run whose formatting an insertion at offset takes: the one before, else after."""
    before = [p for p in paragraph.pieces if p.end <= offset and p.text]
    after = [p for p in paragraph.pieces if p.start >= offset and p.text]
    chosen = before[-1] if before else after[0] if after else None
    return chosen.element.getparent() if chosen is not None else None


def _new_run(template: Any | None, like: Any, text: str) -> Any:
    """Return a run holding text, formatted as template."""
    run = like.makeelement(f"{W}r", {})
    properties = template.find(f"{W}rPr") if template is not None else None
    if properties is not None:
        run.append(copy.deepcopy(properties))
    element = run.makeelement(f"{W}t", {XML_SPACE: "preserve"})
    element.text = text
    run.append(element)
    return run


def _place(insertion: Any, anchor: Any | None, paragraph: Paragraph, offset: int) -> None:
    """Put an insertion after the deletion it replaces, else at offset in the paragraph."""
    if anchor is not None:
        anchor.addnext(insertion)
        return
    paragraph.split_at(offset)
    before = [p for p in paragraph.pieces if p.end == offset and p.text]
    after = [p for p in paragraph.pieces if p.start == offset and p.text]
    if before:
        before[-1].element.getparent().addnext(insertion)
    elif after:
        after[0].element.getparent().addprevious(insertion)
    else:
        paragraph.element.append(insertion)
