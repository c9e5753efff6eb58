"""Run one task over many items in worker processes, results in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
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


def forked_map(task: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """Apply task to every item, the first in this process and each other one in a forked child.

    A forked child sees what the caller already built (a document model, a rule set) without
    pickling or rebuilding it; only its results come back, through a pipe. Where fork is
    missing or unsafe (another thread runs), or fails for want of a process, items are done
    here, one after the other. An exception a child raises is raised here, as a serial run
    would raise it.
    """
    import threading  # only runs that go parallel pay for it

    if len(items) < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        return [task(item) for item in items]
    results: list[Any] = [None] * len(items)
    here, children = [0], []  # children: (index, pid, pipe) of each item a child works on
    try:
        for index in range(1, len(items)):
            try:
                children.append((index, *_fork(task, items[index])))
            except OSError:  # no process to spare (EAGAIN, ENOMEM): this item is done here
                here.append(index)
        for index in here:
            results[index] = task(items[index])
        for index, pid, status, data in _drain(children):
            results[index] = _collect(pid, status, data)
        return results
    finally:
        for _, pid, pipe in children:  # left only when something above failed
            _reap(pid, pipe)


def _fork(task: Callable[[Item], Result], item: Item) -> tuple[int, int]:
    """Start a child that applies task to item and writes the pickled outcome to a pipe; return (pid, pipe)."""
    import pickle

    readable, writable = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        raise
    if pid:
        os.close(writable)
        return pid, readable
    status = 1
    try:  # the child: never returns, never runs the parent's clean-up or flushes its buffers
        os.close(readable)
        try:
            outcome: tuple[bool, object] = (True, task(item))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome)
        except Exception as exc:  # noqa: BLE001 - what cannot be pickled: an exception's text is kept
            what = "its result" if outcome[0] else f"{type(outcome[1]).__name__}: {outcome[1]}"
            data = pickle.dumps((False, WorkerError(f"a worker process could not send back {what} ({exc})")))
        with os.fdopen(writable, "wb") as out:
            out.write(data)
        status = 0
    finally:
        os._exit(status)


def _drain(children: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, int, bytes]]:
    """Yield (index, pid, exit status, output) of each child, its whole output read before it is reaped.

    Reading first means a child never waits on a full pipe; a child leaves the list only once reaped.
    """
    while children:
        index, pid, pipe = children[0]
        with os.fdopen(pipe, "rb", closefd=False) as source:
            data = source.read()
        _, status = os.waitpid(pid, 0)
        children.pop(0)
        os.close(pipe)
        yield index, pid, status, data


def _collect(pid: int, status: int, data: bytes) -> Any:
    """Return a child's result, or raise what it raised."""
    import pickle

    if status != 0 or not data:
        raise WorkerError(f"a worker process ({pid}) stopped abruptly (exit status {os.waitstatus_to_exitcode(status)}); "
                          "try --jobs 1")
    try:
        ok, value = pickle.loads(data)
    except Exception as exc:  # noqa: BLE001 - output cut short or garbled: the child failed
        raise WorkerError(f"a worker process ({pid}) sent back what cannot be read ({exc}); try --jobs 1") from None
    if not ok:
        raise value
    return value


def _reap(pid: int, pipe: int) -> None:
    """Stop a child whose result is no longer wanted and release its pipe."""
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass  # already gone
    os.close(pipe)
