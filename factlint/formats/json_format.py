"""JSON output: an object with a `findings` array (the contract other tools parse)."""

from __future__ import annotations

import json

from factlint.report import Report


def render(report: Report, color: bool = False) -> str:
    """Render findings as JSON; files with a summary also appear under `files`."""
    data: dict[str, object] = {"findings": [f.to_dict() for f in report.findings]}
    summaries = [{"path": f.path, **f.summary, **({"notes": list(f.notes)} if f.notes else {})}
                 for f in report.files if f.summary or f.notes]
    if summaries:
        data["files"] = summaries
    if report.errors:
        data["errors"] = list(report.errors)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
