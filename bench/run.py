"""Benchmark factlint against proselint and textlint+prh: cold start, throughput, registry scaling, memory.

Run from a checkout after `pip install '.[bench]'`:  python bench/run.py [--quick]
Where node and npm are installed, the benchmark installs textlint and textlint-rule-prh into
bench/textlint/ first (see bench/textlint.py). Figures go to bench/results/latest.json and a
short table to standard output.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procs import MEMORY_SOURCE, RunFailed, alternate, summary  # noqa: E402  (a sibling script module)
import textlint  # noqa: E402  (a sibling script module)

BENCH = Path(__file__).resolve().parent
SEEDS = BENCH.parent / "seeds"
RESULTS = BENCH / "results" / "latest.json"
DATE_PREFIX = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2} ")
COLD_TARGET = 0.8  # factlint's cold start over proselint's, at most
# factlint's words per second over each peer's, at least.
THROUGHPUT_TARGETS = {"proselint": 10.0, "textlint": 3.0}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the benchmark's options."""
    parser = argparse.ArgumentParser(description="Benchmark factlint against proselint and textlint+prh.")
    parser.add_argument("--quick", action="store_true", help="fewer runs: 10 cold starts, 1 run per throughput test")
    parser.add_argument("--cold-runs", type=int, help="cold-start runs per tool (default 21; 10 with --quick)")
    parser.add_argument("--runs", type=int, help="runs per throughput test (default 3; 1 with --quick)")
    parser.add_argument("--repeat", type=int, default=200, help="times the five seeds are repeated (default 200)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"where to write the JSON (default {RESULTS})")
    parser.add_argument("--no-textlint", action="store_true", help="leave textlint+prh out (no npm install)")
    parser.add_argument("--no-registry", action="store_true", help="skip the registry-scaling section")
    args = parser.parse_args(argv)
    args.cold_runs = args.cold_runs or (10 if args.quick else 21)
    args.runs = args.runs or (1 if args.quick else 3)
    return args


def tool_commands(with_textlint: bool) -> tuple[list[str], dict[str, list[str]]]:
    """Return the command that starts factlint and those of the peers found (proselint, textlint)."""
    here = Path(sys.executable).parent
    factlint = here / "factlint"
    factlint_cmd = [str(factlint)] if factlint.exists() else [sys.executable, "-m", "factlint.cli"]
    proselint = here / "proselint" if (here / "proselint").exists() else shutil.which("proselint")
    peers = {}
    if proselint:
        peers["proselint"] = [str(proselint), "check"]
    else:
        print("proselint is not installed: run pip install '.[bench]' first.", file=sys.stderr)
    if with_textlint:
        command, why = textlint.prepare()
        if command:
            peers["textlint"] = command
        else:
            print(f"textlint+prh left out: {why}", file=sys.stderr)
    return factlint_cmd, peers


def version(package: str) -> str | None:
    """Return an installed distribution's version, or None."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def seed_texts() -> list[str]:
    """Return the five seed stories, as written."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def build_workloads(root: Path, repeat: int) -> dict[str, object]:
    """Write the workloads: one seed, the seeds repeated as one file and as separate files."""
    texts = seed_texts()
    (root / "one").mkdir()
    (root / "one" / "story.txt").write_text(texts[0], encoding="utf-8")
    # Copies after the first lose their ` date …` line, so the big file reads as one long story.
    copies = texts * repeat
    big = "\n\n".join([copies[0], *(DATE_PREFIX.sub("", t) for t in copies[1:])])
    (root / "big").mkdir()
    (root / "big" / "stories.txt").write_text(big, encoding="utf-8")
    many = root / "many"
    many.mkdir()
    for i in range(repeat * len(texts)):
        (many / f"{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return {
        "one_words": len(texts[0].split()),
        "big_words": len(big.split()),
        "many_words": sum(len(t.split()) for t in texts) * repeat,
        "many_files": repeat * len(texts),
    }


def has_option(command: list[str], option: str) -> bool:
    """Tell whether a command's --help mentions an option."""
    shown = subprocess.run([*command, "--help"], capture_output=True, text=True, check=False)
    return option in shown.stdout


def ratio(numerator: float, denominator: float) -> float:
    """A ratio rounded for reports."""
    return round(numerator / denominator, 2) if denominator else float("nan")


def cold_start(factlint: list[str], peers: dict[str, list[str]], root: Path, runs: int) -> dict[str, object]:
    """Whole-process wall time on one seed, factlint and its peers in turn."""
    commands = {"factlint": [*factlint, "story.txt"],
                "factlint_readability": [*factlint, "--select", "readability.*", "story.txt"]}
    commands.update({name: [*command, "story.txt"] for name, command in peers.items()})
    found = {name: summary(r) for name, r in alternate(commands, runs, root / "one").items()}
    # factlint's time over each peer's: lower is better.
    found["ratios"] = {name: ratio(found["factlint"]["median_s"], found[name]["median_s"]) for name in peers}
    # The same over CPU time (user + system): steadier than wall time on a machine others share.
    found["cpu_ratios"] = {name: ratio(found["factlint"]["cpu_median_s"], found[name]["cpu_median_s"])
                           for name in peers}
    if "proselint" in peers:
        found["ratio"] = found["ratios"]["proselint"]
        found["target"] = f"<= {COLD_TARGET}"
        found["met"] = found["ratio"] <= COLD_TARGET
    return found


def throughput(factlint: list[str], peers: dict[str, list[str]], root: Path, runs: int,
               sizes: dict[str, object], jobs: bool) -> dict[str, object]:
    """Words per second on the repeated seeds, as one file and as many files."""
    found: dict[str, object] = {}
    for label, target, words in (("one_file", "big", sizes["big_words"]), ("many_files", "many", sizes["many_words"])):
        commands = {"factlint": [*factlint, target]}
        if label == "one_file":  # what the dates rules add to the default pack's time
            commands["factlint_no_dates"] = [*factlint, "--ignore", "dates.*", target]
            # The work prh does (bench/prh.yml is rules/style/ as a dictionary): like against like.
            commands["factlint_style"] = [*factlint, "--select", "style.*", target]
        if jobs and label == "many_files":
            commands["factlint_jobs_1"] = [*factlint, "--jobs", "1", target]
            commands["factlint_jobs_2"] = [*factlint, "--jobs", "2", target]
        commands.update({name: [*command, target] for name, command in peers.items()})
        section = {name: summary(r, words) for name, r in alternate(commands, runs, root, warmup=False).items()}
        # factlint's words per second over each peer's: higher is better.
        section["ratios"] = {name: ratio(section["factlint"]["words_per_s"], section[name]["words_per_s"])
                             for name in peers}
        section["cpu_ratios"] = {name: ratio(section[name]["cpu_median_s"], section["factlint"]["cpu_median_s"])
                                 for name in peers}  # the peer's CPU time over factlint's: the speed ratio
        section["targets"] = {name: f">= {THROUGHPUT_TARGETS[name]}" for name in peers}
        section["met"] = all(section["ratios"][name] >= THROUGHPUT_TARGETS[name] for name in peers)
        if "proselint" in peers:
            section["ratio"] = section["ratios"]["proselint"]
            if "factlint_jobs_1" in section:
                section["ratio_jobs_1"] = ratio(section["factlint_jobs_1"]["words_per_s"],
                                                section["proselint"]["words_per_s"])
        if "factlint_style" in section:
            section["style_ratios"] = {name: ratio(section["factlint_style"]["words_per_s"], section[name]["words_per_s"])
                                       for name in peers}
        if "factlint_no_dates" in section:
            with_dates, without = section["factlint"]["median_s"], section["factlint_no_dates"]["median_s"]
            section["dates_overhead"] = round(with_dates / without - 1, 3)
        found[label] = section
    return found


def registry_scaling(quick: bool, factlint: list[str]) -> dict[str, object] | None:
    """Run bench/registry.py's measure() when that benchmark is present."""
    path = BENCH / "registry.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_registry", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "measure"):
        return None
    offered = {"quick": quick, "factlint": factlint}
    accepted = inspect.signature(module.measure).parameters
    return module.measure(**{k: v for k, v in offered.items() if k in accepted})


def main(argv: list[str] | None = None) -> int:
    """Run every section, print the table and write the JSON."""
    args = parse_args(argv)
    factlint, peers = tool_commands(not args.no_textlint)
    results: dict[str, object] = {"environment": environment(factlint, peers)}
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as scratch:
        root = Path(scratch)
        sizes = build_workloads(root, args.repeat)
        results["workloads"] = sizes
        try:
            results["cold_start"] = cold_start(factlint, peers, root, args.cold_runs)
            jobs = has_option(factlint, "--jobs")
            results["throughput"] = throughput(factlint, peers, root, args.runs, sizes, jobs)
        except RunFailed as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 2
    try:
        results["registry_scaling"] = None if args.no_registry else registry_scaling(args.quick, factlint)
    except Exception as exc:  # noqa: BLE001  (its failure must not lose the figures above)
        print(f"bench: registry scaling failed: {exc!r}", file=sys.stderr)
        results["registry_scaling"] = {"error": repr(exc)}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    from table import render  # noqa: PLC0415

    print(render(results, THROUGHPUT_TARGETS, COLD_TARGET))
    print(f"\nwritten to {args.output}")
    return 0


def environment(factlint: list[str], peers: dict[str, list[str]]) -> dict[str, object]:
    """Describe the machine and the versions measured."""
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False) \
        if "textlint" in peers else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "factlint": version("factlint"),
        "factlint_command": " ".join(factlint),
        "proselint": version("proselint") if "proselint" in peers else None,
        "textlint": textlint.installed_versions(textlint.FOLDER) if "textlint" in peers else None,
        "node": node.stdout.strip() if node else None,
        "textstat": version("textstat"),
        "peak_memory_from": MEMORY_SOURCE,
    }


if __name__ == "__main__":
    sys.exit(main())
