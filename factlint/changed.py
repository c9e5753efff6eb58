"""Changed lines: ask git which lines of each draft differ from a revision, keep findings there."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from factlint.report import FileReport

HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
WHOLE_FILE = None  # marks an untracked draft: every line counts as changed
# Keeps each git command line well under the operating system's limit.
BATCH = 500

ChangedLines = dict[str, "set[int] | None"]


class GitError(Exception):
    """git could not tell what changed: no repository, an unknown revision, no git at all."""


def _git(root: Path, *args: str, stdin: str | None = None) -> str:
    """Run one git command in a repository (no shell) and return its output."""
    import subprocess  # imported here: only --changed-only runs git

    command = ["git", "-c", "core.quotePath=false", "--literal-pathspecs", "-C", str(root), *args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, text=True,
                              encoding="utf-8", errors="surrogateescape", check=False)
    except FileNotFoundError:
        raise GitError("--changed-only needs git, and git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise GitError(f"git {args[0]} failed in {root}: {message[-1] if message else done.returncode}")
    return done.stdout


def _repository(folder: Path, cache: dict[Path, Path | None]) -> Path | None:
    """Return the root of the git working tree holding a folder (None outside any)."""
    walked = []
    for candidate in (folder, *folder.parents):
        if candidate in cache:
            root = cache[candidate]
            break
        walked.append(candidate)
        if (candidate / ".git").exists():
            root = candidate
            break
    else:
        root = None
    for candidate in walked:
        cache[candidate] = root
    return root


def _base(root: Path, revision: str) -> str:
    """Return the revision to diff against; a repository without commits diffs against nothing."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except GitError:
        if revision != "HEAD":
            raise GitError(f"unknown git revision {revision!r} in {root}") from None
        return _git(root, "hash-object", "-t", "tree", "--stdin", stdin="").strip()
    return revision


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of a path in a diff header."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    import codecs  # imported here: only paths git had to quote need it

    raw = codecs.escape_decode(path[1:-1].encode("utf-8", "surrogateescape"))[0]
    return raw.decode("utf-8", "surrogateescape")


def _parse_diff(diff: str) -> dict[str, set[int]]:
    """Map each new-side path of a `--unified=0` diff to the line numbers it added or changed."""
    lines: dict[str, set[int]] = defaultdict(set)
    current = None
    for row in diff.splitlines():
        if row.startswith("+++ "):
            target = _unquote(row[4:].rstrip("\t"))
            current = target[2:] if target.startswith("b/") else None
        elif row.startswith("@@ ") and current is not None:
            match = HUNK.match(row)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                lines[current].update(range(start, start + count))
    return lines


def _changed_in(root: Path, relative: list[str], revision: str) -> dict[str, set[int] | None]:
    """Return the changed lines of some drafts of one repository, keyed by root-relative path."""
    base = _base(root, revision)
    found: dict[str, set[int] | None] = {}
    for i in range(0, len(relative), BATCH):
        batch = relative[i:i + BATCH]
        diff = _git(root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0",
                    "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", base, "--", *batch)
        found.update(_parse_diff(diff))
        untracked = _git(root, "ls-files", "--others", "-z", "--", *batch)
        found.update((name, WHOLE_FILE) for name in untracked.split("\0") if name)
    return found


def changed_lines(paths: list[str], revision: str = "HEAD") -> ChangedLines:
    """Return, for each draft path, its lines changed since revision (None: the whole file is new)."""
    by_root: dict[Path, list[tuple[str, str]]] = defaultdict(list)
    cache: dict[Path, Path | None] = {}
    for path in paths:
        absolute = Path(os.path.abspath(path))
        root = _repository(absolute.parent, cache)
        if root is None:
            raise GitError(f"{path}: not in a git repository (--changed-only compares with git)")
        by_root[root].append((path, absolute.relative_to(root).as_posix()))
    result: ChangedLines = {}
    for root, members in by_root.items():
        found = _changed_in(root, sorted({rel for _, rel in members}), revision)
        for path, rel in members:
            result[path] = found.get(rel, set())
    return result


def keep_changed(file: FileReport, lines: set[int] | None) -> FileReport:
    """Keep the findings that touch at least one changed line."""
    if lines is WHOLE_FILE:
        return file
    kept = tuple(f for f in file.findings if any(n in lines for n in range(f.line, f.end_line + 1)))
    return file._replace(findings=kept)
