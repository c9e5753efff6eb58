"""Configuration: defaults, then the project file, then the command line, merged in that order."""

import fnmatch
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from factlint import yamlfile
from factlint.checks.datafiles import default_pack_file
from factlint.document import Dateline, parse_date
from factlint.engine import RuleSet
from factlint.finding import LEVELS

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
KEYS = ("rules", "default_rules", "select", "ignore", "levels", "fail_level", "date", "exclude",
        "warn_unused_disables", "story_set", "story_keys", "tracked_changes")
STORY_KEYS = ("story", "event", "slug")


class ConfigError(Exception):
    """A configuration that cannot be used; str() is one line naming the file (and line)."""


class ConfigSearchError(ConfigError):
    """A folder the configuration search could not look into; only its drafts fail."""


def default_pack() -> Path:
    """Return the default rule pack: package data when installed, `rules/` in a checkout."""
    return default_pack_file()


class Settings(NamedTuple):
    """Everything that decides how files are linted, after all layers are merged."""

    rules: tuple[Path, ...] = ()
    default_rules: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    levels: Mapping[str, str] = MappingProxyType({})
    fail_level: str = "warning"
    date: Dateline | None = None
    exclude: tuple[str, ...] = ()
    warn_unused_disables: bool = False
    story_set: bool = False                       # the drafts below this configuration are one story set
    story_keys: tuple[str, ...] = STORY_KEYS      # front-matter keys whose equal values make a story set
    input_format: str | None = None  # None: by extension
    tracked_changes: str = "accepted"  # or "original": a Word draft as it reads now
    root: Path | None = None  # None: the working directory
    source: Path | None = None

    def packs(self) -> list[Path]:
        """Return the rule packs to load, the default pack first."""
        return ([default_pack()] if self.default_rules else []) + list(self.rules)

    def excluded(self, path: Path) -> bool:
        """Tell whether a path matches one of the exclude globs (relative to the config's folder)."""
        if not self.exclude:
            return False  # most projects exclude nothing: no path is resolved for each draft of a folder
        try:
            relative = path.resolve().relative_to((self.root or Path.cwd()).resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(path.name, g) for g in self.exclude)


def find_config(start: Path) -> Path | None:
    """Find the nearest .factlint.yaml, or pyproject.toml with [tool.factlint], from start upward."""
    for folder in (start, *start.parents):
        try:
            for name in CONFIG_NAMES:
                if (folder / name).is_file():
                    return folder / name
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and _pyproject_table(pyproject) is not None:
                return pyproject
        except OSError as exc:
            raise ConfigSearchError(
                f"cannot look for a configuration in {folder}: {exc.strerror or exc}") from None
    return None


def load_settings(path: Path | None) -> Settings:
    """Read a project configuration file into Settings (the defaults when path is None)."""
    if path is None:
        return Settings()
    if path.name == "pyproject.toml":
        table = _pyproject_table(path)
        data, lines = table or {}, table
        where = str(path)
    else:
        try:
            loaded = yamlfile.load(path)
        except yamlfile.YamlError as exc:
            raise ConfigError(str(exc)) from None
        if loaded is None:
            return Settings(root=path.parent, source=path)
        if not isinstance(loaded, yamlfile.LineDict):
            raise ConfigError(f"{path}:1: the configuration must be a YAML mapping")
        data, lines, where = loaded, loaded, str(path)
    return _settings_from(data, path, lines, where)


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    """Return the [tool.factlint] table of a pyproject.toml, or None if it has none.

    The table's keys carry their lines, as a YAML configuration's do; a `factlint` entry of
    [tool] that is not a table is an error, not a configuration silently ignored.
    """
    import tomllib  # only projects configured in pyproject.toml pay for the TOML parser

    try:
        data = path.read_bytes()
        if b"factlint" not in data:
            return None
        text = data.decode("utf-8")
        table = tomllib.loads(text).get("tool", {}).get("factlint")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if table is None:
        return None
    lines = text.splitlines()
    header = _toml_line(lines, ("[tool.factlint]", "factlint=", "tool.factlint="), 0)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{header}: [tool.factlint] must be a table of settings, "
                          f"not {type(table).__name__} {table!r:.40}")
    located = yamlfile.LineDict(table)
    located.line = header
    located.key_lines = {key: _toml_line(lines, (f"{key}=", f'"{key}"=', f"'{key}'="), header) for key in table}
    return located


def _toml_line(lines: list[str], openings: tuple[str, ...], after: int) -> int:
    """Return the 1-based line, from line `after` on, that opens with one of openings, spaces aside."""
    for number in range(max(after, 1), len(lines) + 1):
        if "".join(lines[number - 1].split()).startswith(openings):
            return number
    return after


def _settings_from(data: dict[str, Any], path: Path, lines: yamlfile.LineDict | None, where: str) -> Settings:
    """Validate a configuration mapping, every unknown key or bad value named with its line."""
    def fail(key: str, problem: str) -> ConfigError:
        line = f":{lines.line_of(key)}" if lines is not None else ""
        return ConfigError(f"{where}{line}: {problem}")

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key '{key}' (known: {', '.join(KEYS)})")
    base = path.parent
    values: dict[str, Any] = {"root": base, "source": path}
    for key in ("rules", "select", "ignore", "exclude", "story_keys"):
        if key in data:
            items = data[key]
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise fail(key, f"'{key}' must be a list of strings")
            values[key] = tuple(base / i for i in items) if key == "rules" else tuple(items)
    for key in ("default_rules", "warn_unused_disables", "story_set"):
        if key in data:
            if not isinstance(data[key], bool):
                raise fail(key, f"'{key}' must be true or false")
            values[key] = data[key]
    if "levels" in data:
        levels = data["levels"]
        if not isinstance(levels, dict) or any(v not in LEVELS for v in levels.values()):
            raise fail("levels", f"'levels' must map rule ids to one of {', '.join(LEVELS)}")
        values["levels"] = dict(levels)
    if "fail_level" in data:
        if data["fail_level"] not in LEVELS:
            raise fail("fail_level", f"'fail_level' must be one of {', '.join(LEVELS)}")
        values["fail_level"] = data["fail_level"]
    if "tracked_changes" in data:
        if data["tracked_changes"] not in ("accepted", "original"):
            raise fail("tracked_changes", "'tracked_changes' must be accepted or original")
        values["tracked_changes"] = data["tracked_changes"]
    if "date" in data:
        values["date"] = parse_date(data["date"], f"{path.name} date")
        if values["date"] is None:
            raise fail("date", "'date' must be a YYYY-MM-DD date")
    return Settings(**values)


def merge_command_line(settings: Settings, **options: Any) -> Settings:
    """Layer command-line options over settings: given values replace, extra packs add."""
    changes = {k: v for k, v in options.items() if v is not None and k != "rules"}
    if options.get("rules"):
        changes["rules"] = settings.rules + tuple(options["rules"])
    if options.get("levels"):
        changes["levels"] = {**settings.levels, **options["levels"]}
    return settings._replace(**changes)


def build_rule_set(settings: Settings) -> RuleSet:
    """Load the packs that settings name and configure them (select, ignore, levels).

    A select, ignore or levels entry that names no rule is an error: a typo would otherwise
    run nothing, or silence nothing, and pass.
    """
    select, ignore = list(settings.select), list(settings.ignore)
    # Only the rules that will run are built: compiling the others would only cost start-up.
    loaded = RuleSet.load(settings.packs(), lambda rule: RuleSet.runs(rule, select, ignore))
    for key, patterns in (("select", select), ("ignore", ignore), ("levels", list(settings.levels))):
        unknown = loaded.unknown_patterns(patterns)
        if unknown:
            where = f"{settings.source}: " if settings.source else ""
            names = ", ".join(repr(u) for u in unknown)
            raise ConfigError(f"{where}{key} {names} {'matches' if len(unknown) == 1 else 'match'} no rule "
                              "(factlint --list-rules shows the rule ids)")
    return loaded.configured(select, ignore, settings.levels)
