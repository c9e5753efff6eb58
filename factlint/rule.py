"""The loaded rule value: what a rule file says, validated, and how it makes a Finding."""

from __future__ import annotations

import string
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from factlint.document import Document
from factlint.finding import Finding

T = TypeVar("T")


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


class RuleSetStore:
    """What the rules of one rule set share, built once while the set loads.

    A dates word list, a names registry or a word scanner is built by the first rule that asks
    and handed to the others; it lives as long as the rule set, never in a module. Keys pair
    the building function with what it was built from (a file's path and version, say).
    """

    def __init__(self) -> None:
        self._values: dict[Hashable, object] = {}
        self._lock = threading.RLock()  # a value may be built from another stored value

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the value stored under key, building it on first request."""
        with self._lock:
            if key not in self._values:
                self._values[key] = build()
            return self._values[key]  # type: ignore[return-value]
