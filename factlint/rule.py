"""The loaded rule value: what a rule file says, validated, and how it makes a Finding."""

import re
import string
import threading
from collections.abc import Callable, Hashable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from factlint.document import Document
from factlint.finding import Finding

T = TypeVar("T")


class RuleError(Exception):
    """A rule that cannot be built; `key` names the YAML key at fault, if one is."""

    def __init__(self, message: str, key: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.line = line


class ValueAtLine(ValueError):
    """A bad value inside an option whose own line is known (a registry entry, say)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Rule(NamedTuple):
    """A rule as loaded from its YAML file, common fields checked, options validated."""

    id: str
    kind: str
    level: str
    message: str
    options: Mapping[str, Any] = MappingProxyType({})
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
        text = bounded_format(message or self.message, values)
        return Finding(doc.path, line, column, end_line, end_column, self.id, self.level,
                       text, match, fix, start, end)


# The widest a placeholder may be padded to, and the longest a rendered message may be: an
# author's `{match:>99999999999}` must not allocate gigabytes.
MAX_FIELD_WIDTH = 200
MAX_MESSAGE = 2000
_WIDTH = re.compile(r"\d+")


def _too_wide(spec: str | None) -> bool:
    return "{" in (spec or "") or any(int(w) > MAX_FIELD_WIDTH for w in _WIDTH.findall(spec or ""))


def placeholders(template: str) -> set[str]:
    """Return the field names a message template uses; raise ValueError if it is malformed or unbounded."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} must be a plain name")
        if _too_wide(spec):
            raise ValueError(f"the format of {{{name}}} is too wide (at most {MAX_FIELD_WIDTH})")
        if conversion not in (None, "r", "s", "a"):
            raise ValueError(f"unknown conversion !{conversion}")
        names.add(name)
    return names


def bounded_format(template: str, values: Mapping[str, object]) -> str:
    """Fill a message template: a missing placeholder is empty, widths are capped, the result is cut."""
    pieces: list[str] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        pieces.append(literal)
        if name is None:
            continue
        value: object = values.get(name, "")
        if conversion:
            value = {"r": repr, "a": ascii}.get(conversion, str)(value)
        try:
            pieces.append(format(value, "" if _too_wide(spec) else spec or ""))
        except (ValueError, TypeError):
            pieces.append(str(value))
    text = "".join(pieces)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


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


def check_template(template: str, allowed: set[str]) -> None:
    """Raise ValueError, worded to follow the key's name, if a template is malformed or uses a placeholder not allowed."""
    try:
        names = placeholders(template)
    except ValueError as exc:
        raise ValueError(f"is not a valid template: {exc}") from None
    if names - allowed:
        raise ValueError(f"uses unknown placeholder {{{sorted(names - allowed)[0]}}} (allowed: {', '.join(sorted(allowed))})")


def message_template(value: Any) -> str:
    """Validate a second message of a check: a template with only {match} and {expected}."""
    if not isinstance(value, str):
        raise TypeError("must be a string")
    check_template(value, {"match", "expected"})
    return value
