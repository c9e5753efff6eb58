"""What every reader returns: the Document to lint, and how its findings map back to the file."""

from typing import NamedTuple

from factlint.document import Dateline, Document, InputError
from factlint.finding import Finding

TRACKED_CHANGES = ("accepted", "original")


class ReadOptions(NamedTuple):
    """How to read a draft: its format, the dateline given, and which text of tracked changes."""

    format: str = "text"
    date: Dateline | None = None
    tracked_changes: str = "accepted"


class Reading:
    """A draft as read: the Document the checks see, the text reports show, notes on the reading.

    The report text is what a placed finding's line, column and offsets refer to: the file's
    text, the HTML source, or a Word draft's paragraphs with a blank line between them. It is
    not changed once made. A plain class, not a dataclass: a text draft's cold start imports no
    `dataclasses`; the readers of other formats extend it as frozen dataclasses that declare
    these three fields first.
    """

    doc: Document
    report_text: str
    notes: tuple[str, ...]

    def __init__(self, doc: Document, report_text: str, notes: tuple[str, ...] = ()) -> None:
        for name, value in (("doc", doc), ("report_text", report_text), ("notes", notes)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a reading is not changed once made (setting {name!r})")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(doc={self.doc!r}, report_text={self.report_text[:40]!r}, notes={self.notes!r})"

    def locate(self, finding: Finding) -> Finding:
        """Return the finding placed in the file; a text file's positions are already right."""
        return finding


def cannot_annotate() -> InputError:
    """Return the error for --annotate on a format that has no comments."""
    return InputError("--annotate writes Word comments: it needs a .docx draft")
