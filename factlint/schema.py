"""The JSON Schema of a rule file, generated from the option schemas of every check kind.

`python -m factlint.schema` prints it; docs/rule-file.schema.json is that output, so a YAML
editor can complete and check rule files (see docs/rules.md).
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from factlint.checks import KINDS
from factlint.checks.group import CheckGroup
from factlint.engine import check_group, check_key, check_options, kind_checks, kind_module
from factlint.finding import LEVELS

COMMON = {
    "id": {"type": "string", "minLength": 1, "description": "The rule id; default <folder>.<file stem>."},
    "kind": {"type": "string", "enum": sorted(KINDS), "description": "The check kind that runs the rule."},
    "level": {"type": "string", "enum": list(LEVELS), "default": "warning"},
    "message": {"type": "string", "description": "A template with {match}, {expected} and the kind's placeholders."},
    "description": {"type": "string"},
    "link": {"type": "string"},
    "enabled": {"type": "boolean", "default": True},
    "examples": {"type": "array", "items": {
        "type": "object", "additionalProperties": False,
        "oneOf": [{"required": ["text"]}, {"required": ["stories"]}],
        "properties": {
            "text": {"type": "string"},
            "stories": {"type": "array", "minItems": 1, "items": {"type": "string"},
                        "description": "A story set (across rules): its texts, in order."},
            "matches": {"type": "array", "items": {"type": "string"}},
            "fixed": {"type": "string"},
            "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "markdown": {"type": "boolean"},
        },
    }},
}


def check_schema(kind: str, check: ModuleType | CheckGroup) -> dict[str, Any]:
    """Return the schema a rule of one kind and check must meet: the common keys and its own."""
    options = check_options(kind, check)
    return {
        "properties": {**COMMON, **{key: option.json_schema() for key, option in options.items()}},
        "required": ["kind", *sorted(key for key, option in options.items() if option.required)],
        "additionalProperties": False,
    }


def kind_schema(kind: str) -> dict[str, Any]:
    """Return the schema of a kind's rules: its one check's, or one per `check:` value."""
    checks = kind_checks(kind)
    if "" in checks:
        return check_schema(kind, checks[""])
    if getattr(kind_module(kind), "CHECK_LISTS", False):
        return _lists_schema(kind, checks)
    return {
        "required": ["check"],
        "properties": {"check": {"enum": list(checks)}},
        "allOf": [{"if": {"properties": {"check": {"const": name}}}, "then": check_schema(kind, module)}
                  for name, module in checks.items()],
    }


def _lists_schema(kind: str, checks: dict[str, ModuleType]) -> dict[str, Any]:
    """Return the schema of a kind whose rules may name several checks, or none for its defaults.

    A list takes the keys of the checks it names: each key of the kind is allowed when the list
    contains one of the checks that take it.
    """
    named = {"required": ["check"]}
    listed = {**named, "properties": {"check": {"type": "array"}}}
    shared = kind_module(kind).OPTIONS
    owners = {key: [name for name, module in checks.items() if key in module.OPTIONS]
              for module in checks.values() for key in module.OPTIONS if key not in shared}
    defaults = getattr(kind_module(kind), "DEFAULT_CHECKS", None)
    unnamed = {"if": {"not": named}, "then": check_schema(kind, check_group(kind, defaults))} if defaults else {}
    return {
        **({} if defaults else named),
        "properties": {"check": check_key(kind_module(kind))["check"].json_schema()},
        "allOf": [
            *({"if": {**named, "properties": {"check": {"const": name}}}, "then": check_schema(kind, module)}
              for name, module in checks.items()),
            *([unnamed] if unnamed else []),
            {"if": listed, "then": check_schema(kind, check_group(kind, tuple(checks)))},
            *({"if": {**listed, "required": ["check", key]},
               "then": {"properties": {"check": {"contains": {"enum": names}}}}}
              for key, names in owners.items() if len(names) < len(checks)),
        ],
    }


def rule_file_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a factlint rule file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factlint rule file",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": COMMON["kind"]},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": kind_schema(kind)}
            for kind in sorted(KINDS)
        ],
    }


def main() -> None:
    """Print the rule-file schema as JSON."""
    print(json.dumps(rule_file_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
