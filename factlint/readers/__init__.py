"""Readers: turn a draft's bytes (plain text, Markdown, Word, HTML) into a Document and a location map."""

from __future__ import annotations

import importlib
from types import ModuleType

# Each reader module has read(data, path, options) -> Reading and rewrite(data, reading, fixed_text)
# -> bytes; a reader that can hand findings back as comments also has annotate(data, reading, findings).
READERS: dict[str, str] = {
    "text": "factlint.readers.plain",
    "markdown": "factlint.readers.markdown",
    "docx": "factlint.readers.docx",
    "html": "factlint.readers.html",
}
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
}
# What --annotate writes beside a draft; a folder walk does not lint these outputs again.
ANNOTATED_SUFFIX = ".factlint"


def format_of(path: str, chosen: str | None) -> str:
    """Return a draft's format: the one chosen, else its extension's, else plain text."""
    if chosen:
        return chosen
    lowered = path.lower()
    return next((name for suffix, name in SUFFIXES.items() if lowered.endswith(suffix)), "text")


def reader(name: str) -> ModuleType:
    """Return the reader module of a format name."""
    return importlib.import_module(READERS[name])


def annotated_path(name: str) -> str:
    """Return the file name --annotate writes for a draft: draft.docx → draft.factlint.docx."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}{ANNOTATED_SUFFIX}.{suffix}" if dot else f"{name}{ANNOTATED_SUFFIX}"
