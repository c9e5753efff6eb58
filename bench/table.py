"""Render the benchmark's results as a short plain-text table."""

from __future__ import annotations

from typing import Any

PEERS = ("proselint", "textlint")


def _seconds(entry: dict[str, Any] | None) -> str:
    return f"{entry['median_s']:.3f} s" if entry else "-"


def _rate(entry: dict[str, Any] | None) -> str:
    return f"{entry['words_per_s']:,} w/s" if entry else "-"


def _cpu(entry: dict[str, Any] | None) -> str:
    return f"{entry['cpu_median_s']:.3f} s" if entry and "cpu_median_s" in entry else "-"


def _memory(entry: dict[str, Any] | None) -> str:
    return f"{entry['peak_mib']:.0f} MiB" if entry else "-"


def _ratio(value: float | None, target: float | None = None, lower_is_better: bool = False) -> str:
    """A ratio with `ok` or `MISSED` when it has a target."""
    if value is None:
        return "-"
    if target is None:
        return f"{value:.2f}x"
    met = value <= target if lower_is_better else value >= target
    return f"{value:.2f}x {'ok' if met else 'MISSED'}"


def _row(cells: list[str]) -> str:
    widths = (38, 15, 15, 15, 16, 16)
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def render(results: dict[str, Any], targets: dict[str, float] | None = None, cold_target: float = 0.8) -> str:
    """Return the figures as a table: one row per measure, factlint against each peer."""
    targets = targets or {"proselint": 10.0, "textlint": 3.0}
    env, sizes = results["environment"], results["workloads"]
    versions = ", ".join(f"{p} {env.get(p)}" for p in PEERS if env.get(p))
    lines = [
        f"factlint {env['factlint']} vs {versions or 'no peer'} on Python {env['python']}, {env['cpus']} CPUs",
        "ratios: factlint's time over the peer's for the cold start (target <= "
        f"{cold_target}x proselint); factlint's words/s over the peer's for throughput "
        f"(targets >= {targets['proselint']:g}x proselint, >= {targets['textlint']:g}x textlint)",
        "",
        _row(["measure", "factlint", *PEERS, "vs proselint", "vs textlint"]),
    ]
    cold = results["cold_start"]
    ratios = cold.get("ratios", {})
    lines.append(_row([f"cold start, one seed (median of {cold['factlint']['runs']})", _seconds(cold["factlint"]),
                       *(_seconds(cold.get(p)) for p in PEERS),
                       _ratio(ratios.get("proselint"), cold_target, lower_is_better=True),
                       _ratio(ratios.get("textlint"))]))
    cpu = cold.get("cpu_ratios", {})
    lines.append(_row(["  CPU time (user + system)", *(_cpu(cold.get(p)) for p in ("factlint", *PEERS)),
                       _ratio(cpu.get("proselint"), cold_target, lower_is_better=True), _ratio(cpu.get("textlint"))]))
    lines.append(_row(["  with readability rules selected", _seconds(cold["factlint_readability"])]))
    lines.append(_row(["  peak memory", _memory(cold["factlint"]), *(_memory(cold.get(p)) for p in PEERS)]))
    through = results["throughput"]
    for label, title in (("one_file", f"throughput, 1 file ({sizes['big_words']:,} words)"),
                         ("many_files", f"throughput, {sizes['many_files']:,} files")):
        section = through[label]
        ratios = section.get("ratios", {})
        lines.append(_row([title, _rate(section["factlint"]), *(_rate(section.get(p)) for p in PEERS),
                           *(_ratio(ratios.get(p), targets[p]) for p in PEERS)]))
        cpu = section.get("cpu_ratios", {})
        lines.append(_row(["  CPU time (user + system)", *(_cpu(section.get(p)) for p in ("factlint", *PEERS)),
                           *(_ratio(cpu.get(p), targets[p]) for p in PEERS)]))
        if "factlint_no_dates" in section:
            overhead = f"dates rules add {section['dates_overhead']:.0%}"
            lines.append(_row(["  without the dates rules", _rate(section["factlint_no_dates"]), overhead]))
        if "factlint_style" in section:
            style = section.get("style_ratios", {})
            lines.append(_row(["  house-style rules only", _rate(section["factlint_style"]), "", "",
                               *(_ratio(style.get(p)) for p in PEERS)]))
        for jobs in ("1", "2"):
            entry = section.get(f"factlint_jobs_{jobs}")
            if entry:
                shown = _ratio(section.get("ratio_jobs_1")) if jobs == "1" else ""
                lines.append(_row([f"  --jobs {jobs}", _rate(entry), "", "", shown]))
        lines.append(_row(["  peak memory", _memory(section["factlint"]), *(_memory(section.get(p)) for p in PEERS)]))
    lines.extend(_registry(results.get("registry_scaling")))
    return "\n".join(lines)


def _registry(found: dict[str, Any] | None) -> list[str]:
    """The registry-scaling figures, as bench/registry.py reported them."""
    if not found:
        return ["", "registry scaling: skipped (--no-registry, or bench/registry.py is absent)"]
    lines = ["", "registry scaling (bench/registry.py):"]
    for key, value in found.items():
        shown = f"{value:,.4g}" if isinstance(value, float) else str(value)
        lines.append(f"  {key:36} {shown}")
    return lines
