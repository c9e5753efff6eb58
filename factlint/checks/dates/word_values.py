"""The values a dates word list may hold, checked with the validators rule options use."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factlint import yamlfile
from factlint.checks.base import Option, integer, string_list, string_value, word_list
from factlint.checks.datafiles import validate_data
from factlint.rule import ValueAtLine

UNITS = ("week", "month", "year")
PARTS = ("all", "past", "future")
MONTH_KEYS = ("number", "ap", "forms")


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    """Return a mapping of words to values, or raise TypeError."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
        raise TypeError(f"must be a mapping of {what}")
    return value


def _at(value: Any, key: str, message: str) -> ValueAtLine:
    """An error about one entry of a mapping, at the entry's line when it is known."""
    line = value.line_of(key) if isinstance(value, yamlfile.LineDict) else None
    return ValueAtLine(f"entry {key!r} {message}", line)


def numbers(value: Any) -> dict[str, int]:
    """Validate a mapping of phrases to whole numbers (days, qualifiers)."""
    for key, number in _mapping(value, "phrases to whole numbers").items():
        if isinstance(number, bool) or not isinstance(number, int):
            raise _at(value, key, "must be a whole number")
    return dict(value)


def months(value: Any) -> dict[str, Any]:
    """Validate the months: each name with its `number` (1 to 12), its `ap` form and other `forms`."""
    for name, entry in _mapping(value, "month names to entries").items():
        try:
            if not isinstance(entry, dict) or set(entry) - set(MONTH_KEYS):
                raise TypeError(f"must be a mapping with {', '.join(MONTH_KEYS)}")
            if integer(entry.get("number")) not in range(1, 13):
                raise ValueError("must have a 'number' from 1 to 12")
            if not isinstance(entry.get("ap"), str):
                raise TypeError("must have an 'ap' form, a string")
            string_list(entry.get("forms", []))
        except (TypeError, ValueError) as exc:
            raise _at(value, name, str(exc)) from None
    return dict(value)


def weekdays(value: Any) -> dict[str, Any]:
    """Validate the weekdays: each name, Monday first, with its abbreviations."""
    for name, forms in _mapping(value, "weekday names to abbreviations").items():
        try:
            string_list(forms)
        except TypeError as exc:
            raise _at(value, name, str(exc)) from None
    return dict(value)


def periods(value: Any) -> dict[str, Any]:
    """Validate the periods: each phrase with [unit, offset, part]."""
    for phrase, entry in _mapping(value, "phrases to [unit, offset, part]").items():
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in UNITS and entry[2] in PARTS
                and isinstance(entry[1], int) and not isinstance(entry[1], bool)):
            raise _at(value, phrase, f"must be [unit, offset, part]: a unit of {', '.join(UNITS)}, "
                                     f"a whole number, a part of {', '.join(PARTS)}")
    return dict(value)


def generic_today(value: Any) -> dict[str, Any]:
    """Validate `generic_today`: its `word`, and the `after`, `participle_endings`, `determiners` and `nouns` lists."""
    spec = _mapping(value, "keys word, after, participle_endings, determiners and nouns")
    for key, item in spec.items():
        try:
            if key not in ("word", "after", "participle_endings", "determiners", "nouns"):
                raise ValueError("is not a key it may hold")
            string_value(item) if key == "word" else word_list(item)
        except (TypeError, ValueError) as exc:
            raise _at(value, key, str(exc)) from None
    return dict(value)


SPECIAL = {"months": months, "weekdays": weekdays, "days": numbers, "qualifiers": numbers,
           "periods": periods, "generic_today": generic_today,
           "tense_window_days": integer, "plausible_days": integer}


def validate(path: Path, data: yamlfile.LineDict, keys: tuple[str, ...]) -> None:
    """Check every value of a dates word list; raise a one-line RuleError naming the file and line."""
    schema = {key: Option(SPECIAL.get(key, word_list)) for key in keys}
    validate_data(path, data, schema, "words", "dates word list")
