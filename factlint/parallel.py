"""Run one task over many items in worker processes, results in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
# Chunks per worker: enough to even out long and short drafts, few enough to keep IPC cheap.
CHUNKS_PER_WORKER = 4


class WorkerError(Exception):
    """A worker process died before it could finish its share of the drafts."""


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def ordered_map(task: Callable[[Item], Result], items: Sequence[Item], jobs: int,
                setup: Callable[..., None], setup_args: tuple[Any, ...]) -> list[Result]:
    """Apply task to every item in up to `jobs` processes, each prepared once by setup(*setup_args).

    The caller runs single jobs and single items itself: no pool is started for them.
    """
    from concurrent.futures import ProcessPoolExecutor  # only runs that go parallel pay for it
    from concurrent.futures.process import BrokenProcessPool

    workers = max(1, min(jobs, len(items)))
    chunk = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=setup, initargs=setup_args) as pool:
            return list(pool.map(task, items, chunksize=chunk))
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process stopped abruptly ({exc}); try --jobs 1") from None
