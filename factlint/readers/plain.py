"""Plain text and Markdown: the draft's text is the Document's text, positions need no mapping."""

from __future__ import annotations

from factlint.document import Document, decode, encoding_of
from factlint.readers.reading import Reading, ReadOptions


def read(data: bytes, path: str, options: ReadOptions) -> Reading:
    """Decode a draft (UTF-8, or UTF-16/32 with a byte-order mark) into a Document."""
    encoding = encoding_of(data)
    text, bom = decode(data, encoding)
    return Reading(Document(text, path, options.format == "markdown", options.date, bom, encoding), text)


def rewrite(data: bytes, reading: Reading, fixed_text: str) -> bytes:
    """Return the fixed draft's bytes in its encoding, the byte-order mark kept if it had one."""
    return encoded(reading.doc, fixed_text)


def encoded(doc: Document, text: str) -> bytes:
    """Return text as a draft like doc is written: its encoding, its byte-order mark."""
    return (("\ufeff" if doc.bom else "") + text).encode(doc.encoding)
