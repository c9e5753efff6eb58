"""Profile factlint's hot path in one process: the seeds repeated as one file or as many files.

Run from a checkout:  python bench/hotpath.py [--many] [--repeat 200] [--top 25] [--select GLOBS] [--per-rule]
Prints the most expensive functions by own time and by cumulative time (cProfile), or with
--per-rule the seconds each stage (reading, the document model, each rule) takes, unprofiled,
beside each check's stated COST and how two processes share a long draft's rules (--jobs 2).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import build_workloads  # noqa: E402  (a sibling script module)


def main(argv: list[str] | None = None) -> int:
    """Lint the workload under cProfile with the command line's own code path and print the costs."""
    parser = argparse.ArgumentParser(description="Profile factlint on the repeated seeds.")
    parser.add_argument("--many", action="store_true", help="one file per story instead of one big file")
    parser.add_argument("--repeat", type=int, default=200, help="times the five seeds are repeated (default 200)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--select", help="rule-id globs to run instead of the default pack")
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for snakeviz and the like)")
    parser.add_argument("--per-rule", action="store_true", help="time each stage and rule instead of profiling")
    args = parser.parse_args(argv)
    if args.per_rule:
        return per_rule(args)
    from factlint.cli import main as factlint  # noqa: PLC0415  (profiled below, imported here)

    with tempfile.TemporaryDirectory(prefix="factlint-profile-") as scratch:
        root = Path(scratch)
        build_workloads(root, args.repeat)
        target = "many" if args.many else "big"
        command = [target, "--jobs", "1"] + (["--select", args.select] if args.select else [])
        profiler = cProfile.Profile()
        cwd = os.getcwd()
        os.chdir(root)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                profiler.runcall(factlint, command)
        finally:
            os.chdir(cwd)
    if args.save:
        profiler.dump_stats(args.save)
    stats = pstats.Stats(profiler)
    for order in ("tottime", "cumulative"):
        print(f"--- by {order} ---")
        stats.sort_stats(order).print_stats(args.top)
    return 0


def per_rule(args: argparse.Namespace) -> int:
    """Time building the rules, the document model and each rule's check, without a profiler."""
    from factlint.engine import RuleSet  # noqa: PLC0415
    from factlint.document import Document  # noqa: PLC0415

    pack = Path(__file__).resolve().parents[1] / "rules"
    costs: dict[str, float] = {}
    timed_out: set[str] = set()
    started = time.perf_counter()
    rules = RuleSet.load([pack]).configured(args.select.split(",") if args.select else [], [], {})
    costs["(load and build rules)"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="factlint-profile-") as scratch:
        root = Path(scratch)
        sizes = build_workloads(root, args.repeat)
        files = sorted((root / ("many" if args.many else "big")).glob("*.txt"))
        for path in files:
            started = time.perf_counter()
            doc = Document.from_bytes(path.read_bytes(), path.name)
            _ = doc.sentences, doc.line_starts  # the shared model every kind leans on
            costs["(document model)"] = costs.get("(document model)", 0.0) + time.perf_counter() - started
            for loaded in rules.rules:
                started = time.perf_counter()
                try:
                    list(loaded.check(doc))
                except TimeoutError:  # a regex over its time limit: the cost so far still counts
                    timed_out.add(loaded.rule.id)
                costs[loaded.rule.id] = costs.get(loaded.rule.id, 0.0) + time.perf_counter() - started
    words = sizes["many_words" if args.many else "big_words"]
    total = sum(v for k, v in costs.items() if k != "(load and build rules)")
    print(f"{words:,} words in {len(files):,} files: {total:.2f} s linting, {words / total:,.0f} words/s")
    # Beside each rule: its seconds per million words, and the COST its check states for sharing
    # a long draft's rules out among processes (engine.rule_packages), so a stale COST shows.
    stated = {loaded.rule.id: loaded.cost for loaded in rules.rules}
    for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1])[: args.top]:
        cost = f"{seconds / words * 1e6:6.2f} s/M words, COST {stated[name]:<5g}" if name in stated else " " * 29
        print(f"  {seconds:8.3f} s  {cost}  {name}{'  (timed out)' if name in timed_out else ''}")
    print_shares(rules.rules, costs)
    return 0


def print_shares(rules: tuple, costs: dict[str, float]) -> None:
    """Print the kind packages a long draft's processes claim, in order, and how two processes would share them."""
    from factlint.engine import rule_packages  # noqa: PLC0415

    busy = [0.0, 0.0]
    taken: list[list[str]] = [[], []]
    for package in rule_packages(rules):   # each process claims the next package when it is free
        ids = [loaded.rule.id for loaded in package]
        free = busy.index(min(busy))
        busy[free] += sum(costs[i] for i in ids)
        taken[free].extend(ids)
    for number, (seconds, ids) in enumerate(zip(busy, taken), 1):
        print(f"process {number} of a long draft with --jobs 2: {seconds:.3f} s  {', '.join(ids)}")


if __name__ == "__main__":
    sys.exit(main())
