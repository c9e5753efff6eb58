"""GitHub Actions output: one workflow command per finding, so it shows on the pull request."""

from __future__ import annotations

from factlint.finding import Finding
from factlint.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message as the Actions toolkit does: %, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property's value: as data, plus the ':' and ',' that delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    """Render one `::error|warning|notice file=…::message` line per finding and per error."""
    lines = [_command(finding) for finding in report.findings]
    lines.extend(f"::error title=factlint::{escape_data(error)}" for error in report.errors)
    return "".join(line + "\n" for line in lines)


def _command(finding: Finding) -> str:
    """Return the workflow command that annotates one finding."""
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.level]} {joined}::{escape_data(finding.message + finding.pointers())}"
