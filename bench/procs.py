"""Time whole processes: wall time and peak memory of each run, runs of rival commands interleaved."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OK_STATUSES = (0, 1)  # both linters exit 1 when they find something


class RunFailed(Exception):
    """A measured command exited with an error status."""


@dataclass(frozen=True)
class Run:
    """One process run: wall seconds, peak resident memory in MiB, exit status, output lines, CPU seconds."""

    seconds: float
    peak_mib: float
    status: int
    output_lines: int
    cpu_seconds: float = float("nan")  # user + system time: what the run cost, however busy the machine


def _gnu_time() -> str | None:
    """Return GNU time's path if it is installed: it reads a command's own peak memory."""
    path = shutil.which("time") or "/usr/bin/time"
    try:
        probe = subprocess.run([path, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False)
    except OSError:
        return None
    return path if probe.returncode == 0 else None


GNU_TIME = _gnu_time()
# Without GNU time, wait4() reports memory too, but a forked child starts out counting its
# parent's pages: its figure is then at least the benchmark's own size.
MEMORY_SOURCE = "GNU time %M" if GNU_TIME else "wait4 ru_maxrss (includes the parent's size at fork)"


def run_once(command: list[str], cwd: Path) -> Run:
    """Run a command to completion, its output to a scratch file, and measure it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name, *command] if GNU_TIME else command
        # The untimed warm-up run keeps its bytecode, as an installed package's is compiled at install.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        if hasattr(os, "wait4"):
            _, wait_status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = status = os.waitstatus_to_exitcode(wait_status)
            peak_kib = usage.ru_maxrss  # KiB on Linux
            cpu = usage.ru_utime + usage.ru_stime  # the command's and its children's (GNU time's too)
        else:
            status = process.wait()
            seconds, peak_kib, cpu = time.perf_counter() - start, float("nan"), float("nan")
        if GNU_TIME:
            peak_kib = int(rss.read().split()[-1])
        out.seek(0)
        lines = sum(1 for _ in out)
        if status not in OK_STATUSES:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()[-2000:]
            raise RunFailed(f"{' '.join(command)} exited {status}:\n{message}")
    return Run(seconds, peak_kib / 1024, status, lines, cpu)


def alternate(commands: dict[str, list[str]], runs: int, cwd: Path, warmup: bool = True) -> dict[str, list[Run]]:
    """Run each command `runs` times, taking turns, after one untimed warm-up run each."""
    if warmup:
        for command in commands.values():
            run_once(command, cwd)
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run_once(command, cwd))
    return results


def summary(runs: list[Run], words: int | None = None) -> dict[str, object]:
    """Median, spread and peak memory of a command's runs, with words per second when given words."""
    seconds = [r.seconds for r in runs]
    median = statistics.median(seconds)
    result: dict[str, object] = {
        "runs": len(runs),
        "median_s": round(median, 4),
        "min_s": round(min(seconds), 4),
        "max_s": round(max(seconds), 4),
        "cpu_median_s": round(statistics.median(r.cpu_seconds for r in runs), 4),
        "peak_mib": round(max(r.peak_mib for r in runs), 1),
        "output_lines": runs[-1].output_lines,
    }
    if words is not None:
        result["words"] = words
        result["words_per_s"] = round(words / median)
    return result
