"""JUnit XML output: a testcase per file, a failure per finding, an error per unreadable draft."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factlint.finding import Finding
from factlint.report import FileReport, Report

# Characters XML 1.0 cannot carry, even escaped; a draft may still contain them.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, color: bool = False) -> str:
    """Render the report as a <testsuites> document with one <testsuite> named factlint."""
    failures = len(report.findings)
    counts = {
        "tests": str(len(report.files) + (1 if report.errors else 0)),
        "failures": str(failures),
        "errors": str(len(report.errors)),
    }
    suites = ET.Element("testsuites", {"name": "factlint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "factlint", **counts, "skipped": "0"})
    for file in report.files:
        _testcase(suite, file)
    if report.errors:
        case = ET.SubElement(suite, "testcase", {"classname": "factlint", "name": "drafts that could not be linted"})
        for error in report.errors:
            ET.SubElement(case, "error", {"message": _xml(error), "type": "error"}).text = _xml(error)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, file: FileReport) -> None:
    """Add a file's testcase, with a failure element per finding."""
    case = ET.SubElement(suite, "testcase", {"classname": "factlint", "name": _xml(file.path), "file": _xml(file.path)})
    for finding in file.findings:
        ET.SubElement(case, "failure", {
            "message": _xml(f"{finding.line}:{finding.column} {finding.rule}: {finding.message}{finding.pointers()}"),
            "type": finding.level,
        }).text = _xml(_detail(finding))


def _detail(finding: Finding) -> str:
    """Return the failure's body: where, what rule, the message, the matched text and any fix."""
    lines = [
        f"{finding.path}:{finding.line}:{finding.column}: {finding.level} {finding.rule} {finding.message}{finding.pointers()}",
        f"matched: {finding.match}",
    ]
    if finding.fix is not None:
        lines.append(f"fix: {finding.fix}")
    return "\n".join(lines)


def _xml(text: str) -> str:
    """Replace the characters XML 1.0 cannot hold with U+FFFD."""
    return NOT_XML.sub("\ufffd", text)
