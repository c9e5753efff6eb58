"""The loaded rule value: what a rule file says, validated, and how it makes a Finding."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from factlint.document import Document
from factlint.finding import Finding


class RuleError(Exception):
    """A rule that cannot be built; `key` names the YAML key at fault, if one is."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Rule:
    """A rule as loaded from its YAML file, common fields checked, options validated."""

    id: str
    kind: str
    level: str
    message: str
    options: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    link: str = ""
    enabled: bool = True
    examples: tuple[Mapping[str, Any], ...] = ()
    source: str = ""

    def finding(self, doc: Document, start: int, end: int, fix: str | None = None,
                message: str | None = None, **fields: object) -> Finding:
        """Make a Finding for doc.text[start:end], the message filled from fields."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        match = doc.text[start:end]
        # Messages stay on one line even when a match is hard-wrapped across two.
        values = {"match": " ".join(match.split()), "expected": fix or "", **fields}
        text = (message or self.message).format_map(_Blank(values))
        return Finding(doc.path, line, column, end_line, end_column, self.id, self.level,
                       text, match, fix, start, end)


class _Blank(dict):
    """A format map that renders a placeholder with no value as empty text."""

    def __missing__(self, key: str) -> str:
        return ""


def placeholders(template: str) -> set[str]:
    """Return the field names a message template uses; raise ValueError if it is malformed."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
