"""The result of a run, as formatters see it: per-file findings, the rules that ran, errors."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from factlint.rule import Rule
from factlint.finding import Finding


class FileReport(NamedTuple):
    """One linted file: its path, original text, findings and any per-file summary."""

    path: str
    text: str
    findings: tuple[Finding, ...]
    summary: Mapping[str, object] = MappingProxyType({})
    notes: tuple[str, ...] = ()  # how the file was read or written (tracked changes, comments)


class Report(NamedTuple):
    """Everything one run produced, in output order."""

    files: tuple[FileReport, ...]
    rules: tuple[Rule, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        """All findings of all files, in output order."""
        return [f for file in self.files for f in file.findings]
