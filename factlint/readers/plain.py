"""Plain text and Markdown: the draft's text is the Document's text, positions need no mapping."""

from __future__ import annotations

from factlint.document import Document, decode
from factlint.readers.reading import Reading, ReadOptions


def read(data: bytes, path: str, options: ReadOptions) -> Reading:
    """Decode a UTF-8 draft into a Document; Markdown when the format says so."""
    text, bom = decode(data)
    return Reading(Document(text, path, options.format == "markdown", options.date, bom), text)


def rewrite(data: bytes, reading: Reading, fixed_text: str) -> bytes:
    """Return the fixed draft's bytes: UTF-8, the byte-order mark kept if it had one."""
    return (("\ufeff" if reading.doc.bom else "") + fixed_text).encode("utf-8")
