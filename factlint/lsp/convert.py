"""Findings as the protocol's diagnostics, hovers and code actions; positions via codeunits only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from factlint.codeunits import Lines
from factlint.document import DATE_LINE
from factlint.finding import Finding
from factlint.live import Checked, Trouble, changed_span, doc_link, examples_of

SOURCE = "factlint"
SETUP_CODE = "factlint.setup-error"
FIX_ALL = "source.fixAll.factlint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# A disable-next-line comment alone on its line, to which another rule id can be added.
NEXT_LINE_COMMENT = re.compile(r"^(?P<indent>[ \t]*)<!--\s*factlint-disable-next-line\b(?P<rules>[^\n]*?)\s*-->[ \t]*$")


def span(lines: Lines, start: int, end: int) -> types.Range:
    """Return the protocol range of the characters [start, end)."""
    return types.Range(types.Position(*lines.position(start)), types.Position(*lines.position(end)))


def diagnostic(finding: Finding, checked: Checked, lines: Lines) -> types.Diagnostic:
    """Return the diagnostic of one finding: rule id as code, a link to the rule's documentation."""
    rule = checked.rules.get(finding.rule)
    link = doc_link(rule) if rule is not None else None
    return types.Diagnostic(
        range=span(lines, finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY[finding.level],
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


def diagnostics(checked: Checked, lines: Lines) -> list[types.Diagnostic]:
    """Return the diagnostics of a linted draft, in the order of its findings."""
    return [diagnostic(f, checked, lines) for f in checked.findings]


def trouble_diagnostic(trouble: Trouble, line: int = 0) -> types.Diagnostic:
    """Return the one diagnostic that says why a draft (or the file at fault) cannot be linted."""
    where = types.Range(types.Position(line, 0), types.Position(line + 1, 0))
    return types.Diagnostic(range=where, message=trouble.message, severity=types.DiagnosticSeverity.Error,
                            code=SETUP_CODE, source=SOURCE)


def at(checked: Checked, offset: int) -> list[Finding]:
    """Return the findings whose span holds a character offset (its ends included)."""
    return [f for f in checked.findings if f.start <= offset <= f.end]


def overlapping(checked: Checked, start: int, end: int) -> list[Finding]:
    """Return the findings that touch the character range [start, end]."""
    return [f for f in checked.findings if f.start <= end and start <= f.end]


def hover_text(findings: list[Finding], checked: Checked) -> str:
    """Return Markdown for a hover: each finding's rule, description and one example each way."""
    parts = []
    for finding in findings:
        rule = checked.rules.get(finding.rule)
        lines = [f"**{finding.rule}** ({finding.level}): {finding.message}"]
        if rule is not None:
            if rule.description:
                lines.append(" ".join(rule.description.split()))
            failing, passing = examples_of(rule)
            if failing:
                lines.append(f"Flagged: “{' '.join(failing.split())}”")
            if passing:
                lines.append(f"Passes: “{' '.join(passing.split())}”")
            link = doc_link(rule)
            if link:
                lines.append(f"[Rule documentation]({link})")
        parts.append("\n\n".join(lines))
    return "\n\n---\n\n".join(parts)


@dataclass(frozen=True)
class Target:
    """The document version an edit is made for, and whether the client takes versioned edits."""

    uri: str
    version: int | None
    versioned: bool = True


def edit(target: Target, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """Return a workspace edit of one document, tied to its version when the client supports that."""
    if not target.versioned:
        return types.WorkspaceEdit(changes={target.uri: edits})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=target.version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])


def fix_action(finding: Finding, diag: types.Diagnostic, lines: Lines,
               target: Target) -> types.CodeAction:
    """Return the quick fix that applies one finding's fix."""
    replace = types.TextEdit(range=span(lines, finding.start, finding.end), new_text=finding.fix or "")
    return types.CodeAction(
        title=f"Fix: replace “{finding.match}” with “{finding.fix}” ({finding.rule})",
        kind=types.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=True,
        edit=edit(target, [replace]),
    )


def fix_all_action(before: str, after: str, lines: Lines, target: Target,
                   kind: str = types.CodeActionKind.QuickFix) -> types.CodeAction | None:
    """Return the action that applies every fix in the file, as `factlint --fix` would."""
    if before == after:
        return None
    start, end, new_text = changed_span(before, after)
    replace = types.TextEdit(range=span(lines, start, end), new_text=new_text)
    return types.CodeAction(title="Apply all factlint fixes in this file", kind=kind,
                            edit=edit(target, [replace]))


def disable_action(finding: Finding, diag: types.Diagnostic, text: str, lines: Lines,
                   target: Target) -> types.CodeAction:
    """Return the action that silences a rule on the finding's line with a disable-next-line comment."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    previous_start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
    previous = text[previous_start:line_start - 1].rstrip("\r") if line_start else ""
    existing = NEXT_LINE_COMMENT.match(previous)
    dateline = DATE_LINE.match(text) if line_start == 0 else None
    if dateline:  # a comment above a first-line dateline would hide it: fence the rest of the line
        return _fence_first_line(finding, diag, text, lines, target, dateline.end())
    if existing and existing["rules"].strip():
        rules = existing["rules"].split()
        new_text = f"{existing['indent']}<!-- factlint-disable-next-line {' '.join([*rules, finding.rule])} -->"
        change = types.TextEdit(range=span(lines, previous_start, previous_start + len(previous)), new_text=new_text)
    else:
        indent = re.match(r"[ \t]*", text[line_start:]).group()
        newline = "\r\n" if text[line_start:].split("\n", 1)[0].endswith("\r") else "\n"
        comment = f"{indent}<!-- factlint-disable-next-line {finding.rule} -->{newline}"
        change = types.TextEdit(range=span(lines, line_start, line_start), new_text=comment)
    return types.CodeAction(title=f"Disable {finding.rule} on this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=edit(target, [change]))


def _fence_first_line(finding: Finding, diag: types.Diagnostic, text: str, lines: Lines, target: Target,
                      after_date: int) -> types.CodeAction:
    """Silence a rule on a first line that opens with its dateline: disable after the date, enable at the end."""
    line_end = len(text.split("\n", 1)[0].rstrip("\r"))
    changes = [
        types.TextEdit(range=span(lines, after_date, after_date), new_text=f" <!-- factlint-disable {finding.rule} -->"),
        types.TextEdit(range=span(lines, line_end, line_end), new_text=f" <!-- factlint-enable {finding.rule} -->"),
    ]
    return types.CodeAction(title=f"Disable {finding.rule} on this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=edit(target, changes))
