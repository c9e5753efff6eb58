"""Apply fixes: only reported, non-conflicting ones that converge; safe writes; diffs git can apply."""

from typing import NamedTuple

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from factlint.document import Document
from factlint.finding import Finding

Edit = tuple[int, int, str]  # replace text[start:end] with the string


class FixError(Exception):
    """A fix that was not written: str() is one line naming the file."""


class FixOutcome(NamedTuple):
    """What fixing one document did: the fixed document, its remaining findings, what was applied."""

    doc: Document
    findings: list[Finding]
    applied: list[Finding]
    unfixed: list[Finding]


def fixable(findings: list[Finding], text: str) -> list[Finding]:
    """Return the fixes that change the text, without those that overlap a different fix.

    Two rules that want different words in the same place conflict: neither is applied.
    Two rules that want the same word there agree: it is applied once.
    """
    candidates = sorted((f for f in findings if f.fix is not None and text[f.start:f.end] != f.fix),
                        key=lambda f: (f.start, f.end, f.fix))
    kept: list[Finding] = []
    group: list[Finding] = []
    group_end = -1
    for finding in [*candidates, None]:
        if finding is not None and group and finding.start < group_end:
            group.append(finding)
            group_end = max(group_end, finding.end)
            continue
        if group and len({(f.start, f.end, f.fix) for f in group}) == 1:
            kept.append(group[0])
        if finding is not None:
            group, group_end = [finding], finding.end
    return kept


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits, given in order."""
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply every fix that changes the text and conflicts with no other; return the text and count."""
    chosen = fixable(findings, text)
    return apply_edits(text, [(f.start, f.end, f.fix or "") for f in chosen]), len(chosen)


def _old_span(edits: list[Edit], start: int, end: int) -> tuple[int, int]:
    """Map a span of the edited text back to the original text's offsets."""
    def back(pos: int, closing: bool) -> int:
        delta = 0
        for old_start, old_end, replacement in edits:
            new_start = old_start + delta
            new_end = new_start + len(replacement)
            if pos < new_start or (pos == new_start and not closing):
                break
            if pos <= new_end:
                return old_end if closing else old_start
            delta += len(replacement) - (old_end - old_start)
        return pos - delta
    return back(start, False), back(end, True)


def fix_with_report(doc: Document, lint: Callable[[Document], list[Finding]]) -> FixOutcome:
    """Fix a document in one step that converges: a second fix of the result changes nothing.

    The reported findings' fixes are applied together, then the result is linted again. A fix
    that another rule would change again (a swap cycle, two rules flipping one word) or that
    makes another rule want a change, is withdrawn and the step retried without it; each retry
    withdraws at least one fix, so fixing always ends.
    """
    findings = lint(doc)
    candidates = fixable(findings, doc.text)
    chosen = candidates
    while True:
        if not chosen:
            return FixOutcome(doc, findings, [], _unfixed(findings, [], doc.text))
        edits = [(f.start, f.end, f.fix or "") for f in chosen]
        fixed = _rebuilt(doc, apply_edits(doc.text, edits))
        after = lint(fixed)
        # A fix left out stays wanted in the result: only a new wish means no convergence.
        held = {(f.rule, f.start, f.end, f.fix) for f in candidates if f not in chosen}
        again = [f for f in fixable(after, fixed.text)
                 if (f.rule, *_old_span(edits, f.start, f.end), f.fix) not in held]
        if not again:
            return FixOutcome(fixed, after, chosen, _unfixed(findings, chosen, doc.text))
        chosen = _withdraw(chosen, edits, again)


def _withdraw(chosen: list[Finding], edits: list[Edit], again: list[Finding]) -> list[Finding]:
    """Drop the fixes that the next round of fixes would touch, or whose rules it comes from."""
    spans = [_old_span(edits, f.start, f.end) for f in again]
    kept = [f for f in chosen if not any(f.start < end and start < f.end for start, end in spans)]
    if len(kept) == len(chosen):  # a fix that brings in a word the next round would change
        words = {w.casefold() for f in again for w in (f.match, f.fix or "") if w.strip()}
        kept = [f for f in chosen if not any(w in (f.fix or "").casefold() for w in words)]
    if len(kept) == len(chosen):
        rules = {f.rule for f in again}
        kept = [f for f in chosen if f.rule not in rules]
    return kept if len(kept) < len(chosen) else []


def _unfixed(findings: list[Finding], applied: list[Finding], text: str) -> list[Finding]:
    """Return the reported fixes that were not applied (they conflict or do not converge)."""
    done = set(applied)
    return [f for f in findings if f.fix is not None and f not in done and text[f.start:f.end] != f.fix]


def _rebuilt(doc: Document, text: str) -> Document:
    return Document(text, doc.path, doc.markdown, doc.date_override, doc.bom, doc.encoding)


def fix_document(doc: Document, lint: Callable[[Document], list[Finding]]) -> tuple[Document, list[Finding]]:
    """Fix a document; return the fixed document and its remaining findings."""
    outcome = fix_with_report(doc, lint)
    return outcome.doc, outcome.findings


@contextmanager
def _signals_raise() -> Iterator[None]:
    """While writing, turn SIGTERM (and SIGHUP) into an exception, so temporary files are removed."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {number}")

    wanted = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def write_atomic(path: Path, data: bytes, original: bytes | None = None) -> None:
    """Replace a draft's content safely, through symbolic links, keeping its mode and owner.

    With `original` (the bytes the fixes were made from), refuse to write if the file has
    changed since: a line added during a slow fix must not be lost.
    """
    target = path.resolve()  # a symbolic link is followed: its target is fixed, the link kept
    with _signals_raise():
        _check_unchanged(path, target, original)
        info = target.stat()
        if info.st_nlink > 1:
            _write_in_place(target, data)  # a rename would split the hard links apart
            return
        _replace(path, target, data, info, original)


def write_beside(path: Path, data: bytes, like: Path) -> None:
    """Write a new file (or replace an earlier one) atomically, with the mode and owner of `like`."""
    with _signals_raise():
        _replace(path, path, data, like.resolve().stat(), None)


def _check_unchanged(path: Path, target: Path, original: bytes | None) -> None:
    if original is not None and target.read_bytes() != original:
        raise FixError(f"{path}: changed on disk while it was being fixed; not written (run --fix again)")


def _replace(path: Path, target: Path, data: bytes, info: os.stat_result, original: bytes | None) -> None:
    """Write a temporary file beside the target with its mode and owner, then rename it over."""
    import tempfile  # imported here: only --fix writes files

    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, info.st_mode & 0o7777)
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temp_name, info.st_uid, info.st_gid)
            except PermissionError:  # cannot give the file back to its owner: keep its inode
                Path(temp_name).unlink()
                _write_in_place(target, data)
                return
        _check_unchanged(path, target, original)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite a file's content in its own inode, so hard links and ownership stay."""
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of a file's text before and after fixing, as `git apply` reads it.

    Lines split only at LF (CR, form feed and U+2028 stay inside their line, as git and patch
    see them), and a last line with no line end is marked with git's "\\ No newline" line.
    """
    import difflib  # imported here: only --diff needs it

    lines = []
    for line in difflib.unified_diff(_lines(before), _lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"):
        if line.endswith("\n"):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """Split text after each LF only, keeping the line ends."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
