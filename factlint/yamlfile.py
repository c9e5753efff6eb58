"""Load YAML files keeping the line of every mapping key, for one-line errors that point home."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint import datacache

if TYPE_CHECKING:
    import yaml

# Names this module's parsing in the cache: change it when what load() returns changes.
CACHE_NAMESPACE = "yamlfile.load 4"
SCALAR_TYPES = frozenset({str, int, bool, float, type(None)})  # what to_plain keeps as itself


class YamlError(Exception):
    """A YAML file that cannot be read; str() is a one-line 'path:line: message'."""


class LineDict(dict):
    """A mapping that remembers the 1-based line of each key and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str | None) -> int:
        """Return the line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line) if key is not None else self.line


def _loaders() -> tuple[type, type]:
    """Return the plain and the line-keeping loader, built on first need.

    PyYAML is imported here, not with the module: a run whose rule files all come from the
    cache never needs it, and importing it is a share of a commit hook's start-up.
    """
    import yaml  # noqa: PLC0415

    # libyaml's parser when the wheel has it: rule packs load on every run of a commit hook.
    safe_base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class PlainLoader(safe_base):  # type: ignore[misc, valid-type]
        """A safe loader that refuses aliases and reads an impossible date as an error, not a crash.

        An alias repeats a node without copying it, so a few hundred bytes of nested aliases
        stand for gigabytes once anything walks them (a `repr` in an error message will).
        Rule, configuration and registry files have no need of them.
        """

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise yaml.constructor.ConstructorError(
                    None, None, "YAML aliases (*name) are not allowed in factlint files", node.start_mark)
            return super().construct_object(node, deep=deep)

    PlainLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

    class LineLoader(PlainLoader):
        """A plain loader whose mappings are LineDicts and whose keys must be unique strings."""

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return PlainLoader, LineLoader


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    import yaml  # noqa: PLC0415 - imported already by _loaders

    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        raise yaml.constructor.ConstructorError(
            None, None, f"impossible date {node.value!r}", node.start_mark) from None


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    import yaml  # noqa: PLC0415 - imported already by _loaders

    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.MarkedYAMLError(
                problem=f"a key must be text, not {key_node.value!r:.60} (put it in quotes)",
                problem_mark=key_node.start_mark)
        if key in mapping:
            raise yaml.MarkedYAMLError(problem=f"duplicate key '{key}'", problem_mark=key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def parse(text: str | bytes) -> Any:
    """Parse YAML text into plain data, aliases refused; raise YamlError if it is not YAML."""
    import yaml  # noqa: PLC0415 - see _loaders

    try:
        return yaml.load(text, Loader=_loaders()[0])  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None


def load(path: Path, text: str | None = None) -> Any:
    """Parse a YAML file (or the given text of it) into plain data with LineDict mappings."""
    try:
        source = path.read_text(encoding="utf-8") if text is None else text
        # Files on disk only: text being edited (an editor's unsaved buffer) would fill the cache.
        cached = datacache.get(CACHE_NAMESPACE, source) if text is None else None
        if cached is not None:
            try:
                return from_plain(cached)
            except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
                pass  # not what to_plain writes: parse the file instead
        data = _parse_lines(path, source)
        if text is None:
            try:
                datacache.put(CACHE_NAMESPACE, source, to_plain(data))
            except TypeError:
                pass  # sets, binary, inf and nan: parse such a file every time
        return data
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise YamlError(f"{path}: cannot read: {_detail(exc)}") from None


def _parse_lines(path: Path, source: str) -> Any:
    """Parse YAML text into plain data with LineDict mappings; raise YamlError naming the line."""
    import yaml  # noqa: PLC0415 - see _loaders

    try:
        return yaml.load(source, Loader=_loaders()[1])  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"{mark.line + 1}:" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"{path}:{line} invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{path}: cannot read: {_detail(exc)}") from None


def _detail(exc: Exception) -> str:
    """Return the first line of what an error says (or its class name)."""
    return getattr(exc, "strerror", None) or (str(exc).splitlines() or [type(exc).__name__])[0]


def to_plain(data: Any) -> Any:
    """Return parsed YAML as plain data; raise TypeError if it holds a value that has no plain form.

    A mapping becomes a tuple (its line, its keys, their lines, its values), a list a list, a date
    a one-key dict; other scalars are themselves. The shapes differ by type, so reading them back
    needs no tags: a share of a commit hook's start-up is spent here.
    """
    kind = type(data)
    if kind is str or kind is int or kind is bool or data is None or (kind is float and data == data
                                                                     and abs(data) != float("inf")):
        return data
    if kind is LineDict:
        keys = tuple(data)
        return (data.line, keys, tuple(data.key_lines[k] for k in keys), tuple(to_plain(v) for v in data.values()))
    if kind is list:
        return [to_plain(v) for v in data]
    if kind is dt.datetime:  # a YAML timestamp with a time
        return {"datetime": data.isoformat()}
    if kind is dt.date:  # a YAML date, as rule examples give their dateline
        return {"date": data.isoformat()}
    raise TypeError(f"no plain form for {kind.__name__}")


def from_plain(plain: Any) -> Any:
    """Rebuild what to_plain was given; raise ValueError (or the like) on anything else."""
    kind = type(plain)
    if kind in SCALAR_TYPES:
        return plain
    if kind is tuple:
        return _mapping(plain)
    if kind is list:
        # Word lists are most of a pack: a list of scalars is checked in one pass and kept, as
        # the cache's reader made it afresh for this call.
        if set(map(type, plain)) <= SCALAR_TYPES:
            return plain
        return [from_plain(v) for v in plain]
    if kind is dict and len(plain) == 1:
        if "datetime" in plain:
            return dt.datetime.fromisoformat(plain["datetime"])
        if "date" in plain:
            return dt.date.fromisoformat(plain["date"])
    raise ValueError("not cached YAML")


def _mapping(plain: tuple) -> LineDict:
    """Rebuild a LineDict from (line, keys, key lines, values), checking every part's type."""
    line, keys, lines, values = plain
    if type(line) is not int or not type(keys) is type(lines) is type(values) is tuple \
            or not len(keys) == len(lines) == len(values) or set(map(type, keys)) - {str} or set(map(type, lines)) - {int}:
        raise ValueError("not a cached mapping")
    mapping = LineDict(zip(keys, map(from_plain, values)))
    if len(mapping) != len(keys):
        raise ValueError("a cached mapping repeats a key")
    mapping.line = line
    mapping.key_lines = dict(zip(keys, lines))
    return mapping
