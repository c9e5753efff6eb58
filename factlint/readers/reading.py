"""What every reader returns: the Document to lint, and how its findings map back to the file."""

from __future__ import annotations

from typing import NamedTuple

from dataclasses import dataclass

from factlint.document import Dateline, Document, InputError
from factlint.finding import Finding

TRACKED_CHANGES = ("accepted", "original")


class ReadOptions(NamedTuple):
    """How to read a draft: its format, the dateline given, and which text of tracked changes."""

    format: str = "text"
    date: Dateline | None = None
    tracked_changes: str = "accepted"


@dataclass(frozen=True)
class Reading:
    """A draft as read: the Document the checks see, the text reports show, notes on the reading.

    The report text is what a placed finding's line, column and offsets refer to: the file's
    text, the HTML source, or a Word draft's paragraphs with a blank line between them.
    """

    doc: Document
    report_text: str
    notes: tuple[str, ...] = ()

    def locate(self, finding: Finding) -> Finding:
        """Return the finding placed in the file; a text file's positions are already right."""
        return finding


def cannot_annotate() -> InputError:
    """Return the error for --annotate on a format that has no comments."""
    return InputError("--annotate writes Word comments: it needs a .docx draft")
