"""Text output: `path:line:col: level rule-id message`, with source and underline on a terminal."""

from __future__ import annotations

from factlint.document import split_lines
from factlint.finding import Finding
from factlint.report import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, color: bool = False) -> str:
    """Render one line per finding and a summary line.

    On a terminal (color) each finding is followed by its source line and a caret underline;
    elsewhere (hooks, CI logs) only a finding on a line too long to scan gets a plain excerpt.
    """
    lines: list[str] = []
    for file in report.files:
        source_lines = _source_lines(file.text, file.findings) if file.findings else []
        for finding in file.findings:
            lines.append(_headline(finding, color))
            if color:
                lines.extend(_excerpt(finding, source_lines, color))
            elif _line_length(finding, source_lines) > EXCERPT_WIDTH:
                lines.extend(_excerpt(finding, source_lines, color))
        lines.extend(f"{file.path}: note: {note}" for note in file.notes)
    if report.findings:
        lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def summary(report: Report) -> str:
    """Return the closing line: '24 findings (2 fixable) in 5 files'."""
    findings = report.findings
    fixable = sum(f.fix is not None for f in findings)
    files = sum(bool(file.findings) for file in report.files)
    return (f"{_count(len(findings), 'finding')} ({fixable} fixable) in {_count(files, 'file')}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _line_length(finding: Finding, source_lines: list[str]) -> int:
    return len(source_lines[finding.line - 1]) if finding.line <= len(source_lines) else 0


# Control characters, which a terminal would act on, are shown as visible symbols of one
# column each, so the caret line still lines up: C0 controls as their Unicode control
# pictures, DEL, C1 controls, bidirectional and other format characters as U+FFFD.
_VISIBLE = {**{c: 0x2400 + c for c in range(0x20) if c != 0x09}, 0x7F: 0x2421,
            **{c: 0xFFFD for c in range(0x80, 0xA0)},
            **{c: 0xFFFD for c in (*range(0x200B, 0x2010), *range(0x2028, 0x202F), *range(0x2060, 0x2070), 0xFEFF)}}


def visible(text: str) -> str:
    """Return text with control and format characters replaced by visible symbols."""
    return text.translate(_VISIBLE)


def _source_lines(text: str, findings: tuple[Finding, ...]) -> list[str]:
    """Return the lines findings count: a Word draft's are its paragraphs, a blank line between them."""
    if findings[0].container:
        return text.split("\n\n")
    return split_lines(text)


def _headline(finding: Finding, color: bool) -> str:
    """Return the one-line form of a finding, coloured when asked."""
    # A Word draft has no lines: its findings are placed by paragraph, ¶14:37.
    place = f"{finding.path}:{'¶' if finding.container else ''}{finding.line}:{finding.column}:"
    if not color:
        return f"{place} {finding.level} {finding.rule} {finding.message}{finding.pointers()}"
    message = visible(finding.message + finding.pointers())  # a terminal must not act on control characters
    tint = COLORS[finding.level]
    return f"{BOLD}{place}{RESET} {tint}{finding.level}{RESET} {DIM}{finding.rule}{RESET} {message}"


EXCERPT_WIDTH = 100


def _excerpt(finding: Finding, source_lines: list[str], color: bool) -> list[str]:
    """Return the finding's source line, cut to a window around the match, and a caret line."""
    if finding.line > len(source_lines):
        return []
    # Tabs and control characters become one character each: the window is cut first and made
    # visible alone, not the whole line (a paragraph, in a plain-text draft).
    source = source_lines[finding.line - 1]
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    left = max(0, min(start - EXCERPT_WIDTH // 3, len(source) - EXCERPT_WIDTH))
    window = visible(source[left:left + EXCERPT_WIDTH].replace("\t", " "))
    prefix = "…" if left else ""
    suffix = "…" if left + EXCERPT_WIDTH < len(source) else ""
    width = max(min(end, left + EXCERPT_WIDTH) - start, 1)
    underline = " " * (len(prefix) + start - left) + "^" + "~" * (width - 1)
    if not color:
        return [f"    {prefix}{window}{suffix}", f"    {underline}"]
    return [f"    {prefix}{window}{suffix}", f"    {COLORS[finding.level]}{underline}{RESET}"]


