"""A cache of parsed data files on disk: plain data, found by the content it was parsed from.

A commit hook starts factlint for every commit, and parsing the rule pack's YAML is a good share
of its start-up. The cache holds only plain values (mappings, lists, tuples, strings, bytes,
numbers), written with `marshal` after a checksum of them; `marshal` reads them back faster
than JSON and never runs code. What it returns goes through the same validation as freshly
parsed data (patterncache's programs, through their engine). An entry holds the very content
it was parsed from and is used only for that content, so a changed file is a miss. Anything
amiss is a miss too: a folder or file another user could write to, a file that is not ours, an
unreadable, damaged or malformed file. Writing is best effort and atomic.

The folder is $FACTLINT_CACHE_DIR, else $XDG_CACHE_HOME/factlint, else ~/.cache/factlint (the
folder of the names registry cache too). A relative $FACTLINT_CACHE_DIR or $XDG_CACHE_HOME turns
the cache off: it would land in whatever folder a hook or editor runs factlint from.
"""

from __future__ import annotations

import marshal
import os
import stat
import zlib
from pathlib import Path
from typing import Any

FORMAT = "factlint-data-cache 2"
MAX_BYTES = 16 * 1024 * 1024  # a cache file larger than this is not ours
SUFFIX = ".data"


def entry_name(namespace: str, content: str) -> str:
    """Return the file name of an entry: a checksum of what it was parsed from, and how.

    The name only finds the entry; the content stored in it decides whether it is a hit, so a
    checksum collision is a miss, never wrong data (and a cryptographic hash's import is spared).
    """
    data = content.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data, zlib.crc32(namespace.encode())):08x}-{len(data)}{SUFFIX}"


def folder() -> Path | None:
    """Return the cache folder to use, or None when caching is off or impossible here."""
    where = _folder_name()
    return None if where is None else Path(where)


def _folder_name() -> str | None:
    """Return folder() as a string: a lookup makes no Path, a share of start-up over 60 lookups."""
    if not hasattr(os, "getuid"):  # ownership cannot be checked: no cache
        return None
    chosen = os.environ.get("FACTLINT_CACHE_DIR")
    if chosen:
        return chosen if os.path.isabs(chosen) else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "factlint") if os.path.isabs(base) else None


def _private(info: os.stat_result, kind: int) -> bool:
    """Tell whether a file or folder is ours, of the right type, and writable by nobody else."""
    return (stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _safe_folder(path: Path | str) -> bool:
    """Tell whether the cache folder is a real folder of ours that others cannot write to."""
    try:
        return _private(os.lstat(path), stat.S_IFDIR)
    except OSError:
        return False


def get(namespace: str, content: str) -> Any | None:
    """Return the data stored for content parsed one way (the namespace), or None on any miss."""
    where = _folder_name()
    if where is None or not _safe_folder(where):
        return None
    try:
        fd = os.open(os.path.join(where, entry_name(namespace, content)), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not _private(info, stat.S_IFREG) or info.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            blob = handle.read()
        # A checksum first: a damaged file is a miss, never data (or a program) it does not hold.
        body = memoryview(blob)[4:]
        if len(blob) < 4 or int.from_bytes(blob[:4], "big") != zlib.crc32(body):
            return None
        stored = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError, RecursionError):
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    if type(stored) is not tuple or len(stored) != 4 or stored[:3] != (FORMAT, namespace, content):
        return None
    return stored[3]


def put(namespace: str, content: str, data: Any) -> None:
    """Store the data parsed from content one way if the cache folder is usable; never fail."""
    where = folder()
    if where is None:
        return
    try:
        import tempfile  # here: only a miss writes, and importing it is a share of start-up

        blob = marshal.dumps((FORMAT, namespace, content, data))
        blob = zlib.crc32(blob).to_bytes(4, "big") + blob
        if not where.exists():
            where.mkdir(mode=0o700, parents=True)
        if not _safe_folder(where):
            return
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, where / entry_name(namespace, content))
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError, RecursionError):
        return
