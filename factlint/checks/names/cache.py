"""The disk cache of parsed registries: plain JSON that cannot run code, in a folder only we can write.

A CI cache folder is often shared between jobs and branches, so nothing read from it may
execute: the cache holds the compiled registry as JSON, checked on load, and the automaton is
rebuilt from its keys. A folder or file that others can write, or that is not
ours, is not used; a file that is unreadable, malformed or made for other content is a miss.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from factlint import datacache

FORMAT = "factlint-registry-cache-2"


def cache_dir() -> Path | None:
    """Return where parsed registries are cached (the data cache's folder), or None when there is none."""
    return datacache.folder()


def cache_path(digest: str) -> Path | None:
    """Return the cache file of a registry whose content hashes to digest, or None without a cache folder."""
    folder = cache_dir()
    return None if folder is None else _entry(folder, digest)


def _entry(folder: Path, digest: str) -> Path:
    """Return the file in a cache folder of a registry whose content hashes to digest."""
    return folder / f"names-{digest}.json"


def trusted(info: os.stat_result) -> bool:
    """Tell whether a cache folder or file is ours and writable by nobody else."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(digest: str) -> dict[str, Any] | None:
    """Return the cached entries of a registry, or None when there is no usable cache file."""
    folder, path = cache_dir(), cache_path(digest)
    if folder is None or path is None:
        return None
    try:
        if not trusted(os.stat(folder)):
            return None
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(handle, "rb") as source:
            if not trusted(os.fstat(source.fileno())):
                return None
            import json  # here: only a run with a names registry reads one, and a cold start imports none

            content = json.loads(source.read())
    except (OSError, ValueError, RecursionError):  # missing, unreadable or malformed: build again
        return None
    if not isinstance(content, dict) or content.get("format") != FORMAT or content.get("digest") != digest:
        return None
    return content


def write(digest: str, registry: dict[str, Any]) -> None:
    """Save a compiled registry's plain data atomically; an unusable cache folder is skipped."""
    import json
    import tempfile

    temp, folder = None, cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted(os.stat(folder)):
            return
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".names-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"format": FORMAT, "digest": digest, "registry": registry}, out, separators=(",", ":"))
        os.replace(temp, _entry(folder, digest))
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
