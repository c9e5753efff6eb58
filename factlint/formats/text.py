"""Text output: `path:line:col: level rule-id message`, with source and underline on a terminal."""

from __future__ import annotations

from factlint.document import split_lines
from factlint.finding import Finding
from factlint.report import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, color: bool = False) -> str:
    """Render one line per finding; with color, add the source line and a caret underline."""
    lines: list[str] = []
    for file in report.files:
        source_lines = _source_lines(file.text, file.findings) if color else []
        for finding in file.findings:
            lines.append(_headline(finding, color))
            if color:
                lines.extend(_excerpt(finding, source_lines))
        lines.extend(f"{file.path}: note: {note}" for note in file.notes)
    return "".join(line + "\n" for line in lines)


def _source_lines(text: str, findings: tuple[Finding, ...]) -> list[str]:
    """Return the lines findings count: a Word draft's are its paragraphs, a blank line between them."""
    if findings and findings[0].container:
        return text.split("\n\n")
    return split_lines(text)


def _headline(finding: Finding, color: bool) -> str:
    """Return the one-line form of a finding, coloured when asked."""
    # A Word draft has no lines: its findings are placed by paragraph, ¶14:37.
    place = f"{finding.path}:{'¶' if finding.container else ''}{finding.line}:{finding.column}:"
    if not color:
        return f"{place} {finding.level} {finding.rule} {finding.message}"
    tint = COLORS[finding.level]
    return f"{BOLD}{place}{RESET} {tint}{finding.level}{RESET} {DIM}{finding.rule}{RESET} {finding.message}"


EXCERPT_WIDTH = 100


def _excerpt(finding: Finding, source_lines: list[str]) -> list[str]:
    """Return the finding's source line, cut to a window around the match, and a caret line."""
    if finding.line > len(source_lines):
        return []
    source = source_lines[finding.line - 1].replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    left = max(0, min(start - EXCERPT_WIDTH // 3, len(source) - EXCERPT_WIDTH))
    window = source[left:left + EXCERPT_WIDTH]
    prefix = "…" if left else ""
    suffix = "…" if left + EXCERPT_WIDTH < len(source) else ""
    width = max(min(end, left + EXCERPT_WIDTH) - start, 1)
    underline = " " * (len(prefix) + start - left) + "^" + "~" * (width - 1)
    return [f"    {prefix}{window}{suffix}", f"    {COLORS[finding.level]}{underline}{RESET}"]


