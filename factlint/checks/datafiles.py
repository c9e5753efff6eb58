"""A rule pack's data files (word lists, lexicons, nickname tables): where they are, read once, validated."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from factlint import yamlfile
from factlint.checks.base import Option, validate_options
from factlint.rule import Rule, RuleError, RuleSetStore

T = TypeVar("T")


def default_pack_file(*parts: str) -> Path:
    """Return a path in the default rule pack: package data when installed, `rules/` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "rules"
    return (installed if installed.is_dir() else package.parent / "rules").joinpath(*parts)


def rule_data_file(rule: Rule, key: str, default: Path | None = None) -> Path:
    """Return the data file a rule names with `key`, relative to the rule file; `default` when it names none."""
    name = rule.options[key]
    if not name and default is not None:
        return default
    return Path(rule.source).parent / name if rule.source else Path(name)


def shared_data(store: RuleSetStore, path: Path, key: str, what: str, load: Callable[[Path], T]) -> T:
    """Load a rule pack's data file once per file version and rule set: the rules that name it share one load."""
    try:
        version = (path.resolve(), path.stat().st_mtime_ns)
    except OSError:
        raise RuleError(f"the {what} {path} does not exist", key) from None
    return store.get((load, version), lambda: load(path))


def read_data_file(path: Path, key: str, what: str, known: Iterable[str] | None = None) -> yamlfile.LineDict:
    """Read a rule pack's data file (a word list, a lexicon) as a mapping; a RuleError on the rule's `key` if unusable.

    With `known`, a key the file may not hold is an error naming its line, as in a rule file.
    """
    try:
        data = yamlfile.load(path)
    except yamlfile.YamlError as exc:
        raise RuleError(f"cannot read the {what}: {exc}", key) from None
    if not isinstance(data, yamlfile.LineDict):
        raise RuleError(f"{path}: the {what} must be a YAML mapping", key)
    unknown = sorted(set(data) - set(known)) if known is not None else []
    if unknown:
        raise RuleError(f"{path}:{data.line_of(unknown[0])}: unknown key '{unknown[0]}' in the {what}", key)
    return data


def validate_data(path: Path, data: yamlfile.LineDict, schema: Mapping[str, Option], key: str,
                  what: str) -> dict[str, Any]:
    """Check a data file's values with the validators rule options use; a RuleError on the rule's `key`.

    The error is one line naming the file and the line of the bad value, as for a rule file.
    """
    try:
        return validate_options(data, schema)
    except RuleError as exc:
        raise RuleError(f"{path}:{exc.line or data.line_of(exc.key)}: {exc} (in the {what})", key) from None
