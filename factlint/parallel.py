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


# Items are claimed one byte each from a pipe filled before any child starts.
MAX_CLAIMED_ITEMS = 255


def forked_map(task: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """Apply task to every item in up to `processes` processes, this one included; results in item order.

    Each process claims the next item not yet claimed whenever it is free, so a long item
    never leaves another process idle behind it: put the costliest items first. A forked child
    sees what the caller already built (a document model, a rule set) without pickling or
    rebuilding it; only its results come back, through a pipe. Where fork is missing or unsafe
    (another thread runs), or fails for want of a process, this process does the rest. An
    exception a child raises is raised here, as a serial run would raise it.
    """
    import threading  # only runs that go parallel pay for it

    if processes < 2 or not 2 <= len(items) <= MAX_CLAIMED_ITEMS or not hasattr(os, "fork") \
            or threading.active_count() > 1:
        return [task(item) for item in items]
    claims, unclaimed = os.pipe()
    os.write(unclaimed, bytes(range(len(items))))  # a few bytes: the pipe holds them all at once
    os.close(unclaimed)  # once every item is claimed, a claim finds the end of the pipe
    children: list[tuple[int, int]] = []
    try:
        for _ in range(min(processes, len(items)) - 1):
            try:
                children.append(_fork(_claim_all, task, items, claims))
            except OSError:  # no process to spare (EAGAIN, ENOMEM): the processes started share the items
                break
        results: dict[int, Any] = dict(_claim_all(task, items, claims))
        for pid, status, data in _drain(children):
            results.update(_collect(pid, status, data))
        return [results[index] for index in range(len(items))]
    finally:
        os.close(claims)
        for pid, pipe in children:  # left only when something above failed
            _reap(pid, pipe)


def _claim_all(task: Callable[[Item], Result], items: Sequence[Item], claims: int) -> list[tuple[int, Result]]:
    """Claim items one at a time (a read of one byte from a pipe is never shared) and do each; return (index, result)."""
    done = []
    while claimed := os.read(claims, 1):
        done.append((claimed[0], task(items[claimed[0]])))
    return done


def _fork(work: Callable[..., object], *args: object) -> tuple[int, int]:
    """Start a child that calls work(*args) and writes the pickled outcome to a pipe; return (pid, pipe)."""
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
            outcome: tuple[bool, object] = (True, work(*args))
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


def _drain(children: list[tuple[int, int]]) -> Iterator[tuple[int, int, bytes]]:
    """Yield (pid, exit status, output) of each child, its whole output read before it is reaped.

    Reading first means a child never waits on a full pipe; a child leaves the list only once reaped.
    """
    while children:
        pid, pipe = children[0]
        with os.fdopen(pipe, "rb", closefd=False) as source:
            data = source.read()
        _, status = os.waitpid(pid, 0)
        children.pop(0)
        os.close(pipe)
        yield pid, status, data


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
