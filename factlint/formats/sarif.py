"""SARIF 2.1.0 output: one run, the rules as reportingDescriptors, each finding a result."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePath
from urllib.parse import quote

from factlint import __version__, segment
from factlint.rule import Rule
from factlint.finding import Finding
from factlint.report import Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"


def render(report: Report, color: bool = False) -> str:
    """Render the report as a SARIF 2.1.0 log with a single run."""
    index = {rule.id: i for i, rule in enumerate(report.rules)}
    run: dict[str, object] = {
        "tool": {"driver": {
            "name": "factlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_descriptor(rule) for rule in report.rules],
        }},
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report.errors)],
        "results": [_result(finding, index) for finding in report.findings],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule: Rule) -> dict[str, object]:
    """Describe a rule: id, short and full description, help link, default level."""
    description = " ".join(rule.description.split())
    first = segment.sentences(description, segment.Span(0, len(description)))
    descriptor: dict[str, object] = {
        "id": rule.id,
        "shortDescription": {"text": description[first[0].start:first[0].end] if first else rule.id},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"kind": rule.kind},
    }
    if description:
        descriptor["fullDescription"] = {"text": description}
        descriptor["help"] = {"text": description}
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://\S+$", rule.link):
        descriptor["helpUri"] = rule.link
    return descriptor


def _invocation(errors: tuple[str, ...]) -> dict[str, object]:
    """Say whether the run could lint everything, with one notification per error."""
    invocation: dict[str, object] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in errors
        ]
    return invocation


def _result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    """Turn one finding into a result with its physical location and, if fixable, a fix."""
    location = _artifact(finding.path)
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": {**region, "snippet": {"text": finding.match}},
        }}],
    }
    if finding.related:
        result["relatedLocations"] = [{
            "id": number,
            "physicalLocation": {"artifactLocation": _artifact(other.path),
                                 "region": {"startLine": other.line, "startColumn": other.column,
                                            "snippet": {"text": other.match}}},
            "message": {"text": f"'{other.match}' here"},
        } for number, other in enumerate(finding.related, 1)]
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.fix is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace '{finding.match}' with '{finding.fix}'"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": finding.fix}}],
            }],
        }]
    return result


def _artifact(path: str) -> dict[str, str]:
    """Return the artifactLocation of a path: relative to the source root, or an absolute URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SOURCE_ROOT}
