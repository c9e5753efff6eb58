"""Baselines: record today's findings so that a gate reports only the ones added later."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path, PurePath

from factlint.finding import Finding
from factlint.report import FileReport

VERSION = 1
CONTEXT_WORDS = 4
# How far around a finding to look for its context words; keeps fingerprinting linear.
WINDOW = 400
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; str() names the file."""


def fingerprint(finding: Finding, text: str) -> str:
    """Key a finding on its rule, matched text and neighbouring words, never on its line.

    Whitespace is collapsed, so lines added elsewhere or a reflowed paragraph keep the key;
    editing the words right around the match makes it a new finding.
    """
    before = text[max(0, finding.start - WINDOW):finding.start]
    paragraph_break = None
    for paragraph_break in BLANK_LINE.finditer(before):
        pass
    if paragraph_break is not None:
        before = before[paragraph_break.end():]
    after = text[finding.end:finding.end + WINDOW]
    next_break = BLANK_LINE.search(after)
    if next_break is not None:
        after = after[:next_break.start()]
    import hashlib  # imported here: only baselines need it

    parts = (
        finding.rule,
        " ".join(finding.match.split()),
        " ".join(before.split()[-CONTEXT_WORDS:]),
        " ".join(after.split()[:CONTEXT_WORDS]),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _relative(path: str, folder: Path) -> str:
    """Return a draft's path relative to the baseline's folder, with forward slashes."""
    if path == "<stdin>":
        return path
    absolute = os.path.abspath(path)
    try:
        return PurePath(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return PurePath(absolute).as_posix()


def _entries(files: list[FileReport], folder: Path) -> list[dict[str, str]]:
    """Return one entry per finding (duplicates kept), sorted for a stable, diffable file."""
    entries = []
    for file in files:
        path = _relative(file.path, folder)
        for finding in file.findings:
            entries.append({"path": path, "rule": finding.rule, "match": finding.match,
                            "fingerprint": fingerprint(finding, file.text)})
    return sorted(entries, key=lambda e: (e["path"], e["rule"], e["match"], e["fingerprint"]))


def write(target: Path, files: list[FileReport]) -> int:
    """Write every finding of the files to a baseline file; return how many were recorded."""
    import json  # only baseline runs need it; a commit hook's start-up does not

    entries = _entries(files, Path(os.path.abspath(target)).parent)
    lines = [json.dumps(entry, ensure_ascii=False) for entry in entries]
    body = ",\n".join(f"    {line}" for line in lines)
    text = f'{{\n  "version": {VERSION},\n  "findings": [\n{body}{chr(10) if body else ""}  ]\n}}\n'
    try:
        target.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise BaselineError(f"{target}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


class Baseline:
    """The recorded findings, as a multiset of (path, fingerprint) keys."""

    def __init__(self, folder: Path, counts: Counter[tuple[str, str]]) -> None:
        self.folder = folder
        self.counts = counts

    @classmethod
    def load(cls, source: Path) -> Baseline:
        """Read a baseline file written by write(); raise BaselineError if it is not one."""
        import json

        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{source}: no such baseline file (create it with --write-baseline)") from None
        except OSError as exc:
            raise BaselineError(f"{source}: cannot read the baseline: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise BaselineError(f"{source}: not a factlint baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise BaselineError(f"{source}: not a version {VERSION} factlint baseline")
        entries = data.get("findings")
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("fingerprint"), str)
            for e in entries
        ):
            raise BaselineError(f"{source}: 'findings' must be a list of entries with a path and a fingerprint")
        counts = Counter((e["path"], e["fingerprint"]) for e in entries)
        return cls(Path(os.path.abspath(source)).parent, counts)

    def new_findings(self, files: list[FileReport]) -> list[FileReport]:
        """Return the files with their recorded findings removed, each entry used once."""
        remaining = Counter(self.counts)
        kept_files = []
        for file in files:
            path = _relative(file.path, self.folder)
            kept = []
            for finding in file.findings:
                key = (path, fingerprint(finding, file.text))
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    kept.append(finding)
            kept_files.append(file._replace(findings=tuple(kept)))
        return kept_files
