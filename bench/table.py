"""Render the benchmark's results as a short plain-text table."""

from __future__ import annotations

from typing import Any


def _seconds(entry: dict[str, Any] | None) -> str:
    return f"{entry['median_s']:.3f} s" if entry else "-"


def _rate(entry: dict[str, Any] | None) -> str:
    return f"{entry['words_per_s']:,} w/s" if entry else "-"


def _memory(entry: dict[str, Any] | None) -> str:
    return f"{entry['peak_mib']:.0f} MiB" if entry else "-"


def _ratio(section: dict[str, Any], key: str = "ratio") -> str:
    if key not in section:
        return "-"
    mark = "" if key != "ratio" or "met" not in section else (" ok" if section["met"] else " MISSED")
    return f"{section[key]:.2f}x{mark}"


def _row(cells: list[str]) -> str:
    widths = (38, 16, 16, 14, 8)
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def render(results: dict[str, Any]) -> str:
    """Return the figures as a table: one row per measure, factlint against proselint."""
    env, sizes = results["environment"], results["workloads"]
    lines = [
        f"factlint {env['factlint']} vs proselint {env['proselint']} on Python {env['python']}, {env['cpus']} CPUs",
        "",
        _row(["measure", "factlint", "proselint", "ratio", "target"]),
    ]
    cold = results["cold_start"]
    lines.append(_row([f"cold start, one seed (median of {cold['factlint']['runs']})", _seconds(cold["factlint"]),
                       _seconds(cold.get("proselint")), _ratio(cold), "<= 0.80x"]))
    lines.append(_row(["  with readability rules selected", _seconds(cold["factlint_readability"]), "", "", ""]))
    lines.append(_row(["  peak memory", _memory(cold["factlint"]), _memory(cold.get("proselint")), "", ""]))
    through = results["throughput"]
    for label, title in (("one_file", f"throughput, 1 file ({sizes['big_words']:,} words)"),
                         ("many_files", f"throughput, {sizes['many_files']:,} files")):
        section = through[label]
        lines.append(_row([title, _rate(section["factlint"]), _rate(section.get("proselint")),
                           _ratio(section), ">= 8.00x"]))
        if "factlint_no_dates" in section:
            overhead = f"dates rules add {section['dates_overhead']:.0%}"
            lines.append(_row(["  without the dates rules", _rate(section["factlint_no_dates"]), "", overhead, ""]))
        for jobs in ("1", "2"):
            entry = section.get(f"factlint_jobs_{jobs}")
            if entry:
                key = "ratio_jobs_1" if jobs == "1" else ""
                lines.append(_row([f"  --jobs {jobs}", _rate(entry), "", _ratio(section, key), ""]))
        lines.append(_row(["  peak memory", _memory(section["factlint"]), _memory(section.get("proselint")), "", ""]))
    lines.extend(_registry(results.get("registry_scaling")))
    return "\n".join(lines)


def _registry(found: dict[str, Any] | None) -> list[str]:
    """The registry-scaling figures, as bench/registry.py reported them."""
    if not found:
        return ["registry scaling: skipped (bench/registry.py is absent)"]
    lines = ["", "registry scaling (bench/registry.py):"]
    for key, value in found.items():
        shown = f"{value:,.4g}" if isinstance(value, float) else str(value)
        lines.append(f"  {key:36} {shown}")
    return lines
