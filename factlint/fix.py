"""Apply fixes: non-overlapping replacements, repeated passes, atomic writes, diffs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from factlint.document import Document
from factlint.finding import Finding

MAX_PASSES = 10


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply every fixable finding that does not overlap one already applied in this pass."""
    pieces: list[str] = []
    cursor = 0
    applied = 0
    fixable = sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, -(f.end - f.start)))
    for finding in fixable:
        if finding.start < cursor or text[finding.start:finding.end] == finding.fix:
            continue
        pieces.append(text[cursor:finding.start])
        pieces.append(finding.fix)
        cursor = finding.end
        applied += 1
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def fix_document(doc: Document, lint: Callable[[Document], list[Finding]]) -> tuple[Document, list[Finding]]:
    """Lint and fix until nothing changes; return the fixed document and its remaining findings."""
    findings = lint(doc)
    for _ in range(MAX_PASSES):
        text, applied = apply_fixes(doc.text, findings)
        if not applied:
            break
        doc = Document(text, doc.path, doc.markdown, doc.date_override, doc.bom)
        findings = lint(doc)
    return doc, findings


def write_atomic(path: Path, data: bytes, like: Path | None = None) -> None:
    """Replace a file's content atomically: write a temporary file beside it, then rename.

    A new file takes the permissions of `like`.
    """
    import tempfile  # imported here: only --fix writes files

    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, (like or path).stat().st_mode & 0o7777)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of a file's text before and after fixing."""
    import difflib  # imported here: only --diff needs it

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True),
            fromfile=f"a/{path}", tofile=f"b/{path}",
        )
    )
