"""The names registry: people, titles and organisations compiled into one Aho-Corasick automaton.

A registry of tens of thousands of names is matched in one pass over the text. Building the
automaton from a large registry file is cached on disk, keyed by a hash of the file's bytes.
"""

from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from factlint import yamlfile
from factlint.checks.names import cache
from factlint.checks.names.forms import key as form_key, run_pattern as form_run_pattern
from factlint.checks.names.text import distance
from factlint.rule import RuleError, RuleSetStore, ValueAtLine

PERSON, PERSON_VARIANT, ORG, ORG_VARIANT, TITLE, TITLE_VARIANT = range(6)
HOUSE_ROLES = (PERSON, ORG, TITLE)
CACHE_VERSION = b"factlint-names-2"
CACHE_MIN_ENTITIES = 1000  # smaller registries build faster than a cache file loads
PERSON_KEYS = {"name", "variants", "titles", "title_variants"}
ORG_KEYS = {"name", "variants"}


class Group(NamedTuple):
    """What one automaton key stands for: its role, the house form, the entities, its length."""

    role: int
    house: str
    ids: tuple[int, ...]
    length: int


class Person(NamedTuple):
    """A registry person: the house form of the name, its first and last words, the titles."""

    name: str
    first: str
    last: str
    titles: tuple[str, ...]
    title_variants: tuple[str, ...]


def _strings(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


def _entries(value: Any, allowed: set[str], what: str) -> tuple[dict[str, Any], ...]:
    """Validate a list of registry entries, each a mapping with a `name`."""
    if not isinstance(value, list):
        raise TypeError("must be a list of entries, each with a 'name'")
    entries = []
    for number, entry in enumerate(value, 1):
        try:
            entries.append(_entry(entry, allowed, f"{what} entry {number}"))
        except ValueError as exc:  # point at the entry itself, when its line is known
            raise ValueAtLine(str(exc), getattr(entry, "line", None)) from None
    return tuple(entries)


_NAME_LIST = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
PEOPLE_SCHEMA = {"type": "array", "items": {
    "type": "object", "required": ["name"], "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "variants": _NAME_LIST, "titles": _NAME_LIST, "title_variants": _NAME_LIST}}}
ORGANIZATIONS_SCHEMA = {"type": "array", "items": {
    "type": "object", "required": ["name"], "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "variants": _NAME_LIST}}}


def _entry(entry: Any, allowed: set[str], where: str) -> dict[str, Any]:
    """Validate one registry entry: a mapping with a `name` and only the allowed keys."""
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ValueError(f"{where} needs a 'name' string")
    extra = sorted(set(entry) - allowed)
    if extra:
        raise ValueError(f"{where} has unknown key '{extra[0]}' (known: {', '.join(sorted(allowed))})")
    parsed = {"name": " ".join(entry["name"].split())}
    parsed.update({k: _strings(entry, k, where) for k in sorted(allowed - {"name"})})
    if parsed.get("title_variants") and not parsed.get("titles"):
        raise ValueError(f"{where} has 'title_variants' but no 'titles' to correct them to")
    return parsed


def people_option(value: Any) -> tuple[dict[str, Any], ...]:
    """Validate a rule's `people` list."""
    return _entries(value, PERSON_KEYS, "people")


def organizations_option(value: Any) -> tuple[dict[str, Any], ...]:
    """Validate a rule's `organizations` list."""
    return _entries(value, ORG_KEYS, "organizations")


def name_parts(name: str) -> tuple[str, str]:
    """Return the first and last words of a name, skipping initials and suffixes like 'Jr.'."""
    words = [w for w in name.split() if not w.endswith(".") and any(c.islower() for c in w)]
    return (words[0], words[-1]) if len(words) >= 2 else ("", "")


class Registry:
    """A compiled registry: the automaton, what each key stands for, and near-miss indexes."""

    def __init__(self, people: Iterable[Mapping[str, Any]], organizations: Iterable[Mapping[str, Any]]) -> None:
        # Flat lists and blobs, not lists of small objects: a cached registry of 100,000
        # entities must load from disk in well under a second.
        self.names: list[str] = []
        self.titles: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.organizations: list[str] = []
        keys: dict[str, list[Any]] = {}
        for entry in people:
            self._add_person(entry, keys)
        for entry in organizations:
            index = len(self.organizations)
            self.organizations.append(entry["name"])
            _add_key(keys, entry["name"], ORG, entry["name"], index)
            for variant in entry.get("variants", ()):
                _add_key(keys, variant, ORG_VARIANT, entry["name"], index)
        self._roles = bytes(role for role, _, _ in keys.values())
        self._houses = [house for _, house, _ in keys.values()]
        self._ids = [tuple(ids) for _, _, ids in keys.values()]
        self._lengths = array("I", (len(key) for key in keys))
        self.automaton = _automaton(keys)
        # Titles after a name are lower case in AP style: title variants are also matched in any case.
        lowered = _lowered_title_variants(keys)
        self.lower_titles = [(house, tuple(ids), len(key)) for key, (house, ids) in lowered.items()]
        self.lower_automaton = _automaton(lowered)
        self.particles = frozenset(w for name in self.names for w in name.split(" ") if w[:1].islower())
        self.run_pattern = form_run_pattern(self.particles)
        self.by_form: dict[str, tuple[int, ...]] = {}
        self.by_surname_form: dict[str, tuple[int, ...]] = {}
        self.by_last: dict[str, tuple[int, ...]] = {}
        self.by_first: dict[str, tuple[int, ...]] = {}
        self._index_people()

    def group(self, index: int) -> Group:
        """Return what automaton key number `index` stands for."""
        return Group(self._roles[index], self._houses[index], self._ids[index], self._lengths[index])

    def person(self, index: int) -> Person:
        """Return registry person number `index`."""
        name = self.names[index]
        titles, variants = self.titles.get(index, ((), ()))
        return Person(name, *name_parts(name), titles, variants)

    def _add_person(self, entry: Mapping[str, Any], keys: dict[str, list[Any]]) -> None:
        index = len(self.names)
        name, titles = entry["name"], entry.get("titles", ())
        self.names.append(name)
        if titles:
            self.titles[index] = (titles, entry.get("title_variants", ()))
        _add_key(keys, name, PERSON, name, index)
        for title in titles:
            _add_key(keys, title, TITLE, title, index)
        for variant in entry.get("variants", ()):
            _add_key(keys, variant, PERSON_VARIANT, name, index)
        for variant in entry.get("title_variants", ()):
            _add_key(keys, variant, TITLE_VARIANT, _closest(variant, titles), index)

    def _index_people(self) -> None:
        """Index people by surname, and by first name with the surname's first or last two letters."""
        by_last: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        by_form: dict[str, list[int]] = {}
        by_surname: dict[str, list[int]] = {}
        for index, name in enumerate(self.names):
            by_form.setdefault(form_key(name), []).append(index)
            if " " in name:
                by_surname.setdefault(form_key(name.split(" ", 1)[1]), []).append(index)
            first, last = name_parts(name)
            if not last:
                continue
            by_last.setdefault(last, []).append(index)
            for key in _first_keys(first, last):
                by_first.setdefault(key, []).append(index)
        self.by_last = {k: tuple(v) for k, v in by_last.items()}
        self.by_form = {k: tuple(v) for k, v in by_form.items()}
        self.by_surname_form = {k: tuple(v) for k, v in by_surname.items()}
        self.by_first = {k: tuple(v) for k, v in by_first.items()}

    def __len__(self) -> int:
        return len(self.names) + len(self.organizations)

    def to_data(self) -> dict[str, Any]:
        """Return the compiled registry as plain JSON-able data (the automaton as its keys)."""
        keys = [""] * len(self._houses)
        for key, index in (self.automaton.items() if self.automaton is not None else ()):
            keys[index] = key
        return {"names": self.names, "organizations": self.organizations, "keys": keys,
                "titles": [[index, *pair] for index, pair in self.titles.items()],
                "roles": _pack(self._roles), "houses": self._houses, "ids": _pack_lists(self._ids),
                "by_last": [list(self.by_last), _pack_lists(self.by_last.values())],
                "by_first": [list(self.by_first), _pack_lists(self.by_first.values())]}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Registry":
        """Rebuild a registry from to_data()'s output; raise ValueError for data it did not make."""
        registry = cls.__new__(cls)
        registry.names, registry.organizations = _texts(data["names"]), _texts(data["organizations"])
        limit = max(len(registry.names), len(registry.organizations))
        keys, registry._houses = _texts(data["keys"]), _texts(data["houses"])
        registry._roles = _unpack(data["roles"], "B", 6)
        registry._ids = _unpack_lists(data["ids"], limit)
        if not len(keys) == len(registry._houses) == len(registry._roles) == len(registry._ids):
            raise ValueError("inconsistent registry cache")
        registry.titles = {i: (tuple(t), tuple(v)) for i, t, v in data["titles"]}
        if not all(isinstance(i, int) and 0 <= i < len(registry.names) for i in registry.titles):
            raise ValueError("inconsistent registry cache")
        _texts([text for pair in registry.titles.values() for words in pair for text in words])
        registry._lengths = array("I", map(len, keys))
        registry.automaton = _automaton(dict.fromkeys(keys))
        for name in ("by_last", "by_first"):
            index_keys, packed = data[name]
            setattr(registry, name, dict(zip(_texts(index_keys), _unpack_lists(packed, len(registry.names)), strict=True)))
        return registry


def _texts(values: Any) -> list[str]:
    """Return a list of strings, or raise ValueError."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("expected a list of strings")
    return values


def _pack(values: Iterable[int], code: str = "B") -> str:
    """Return numbers as the base64 of their machine array (fast to write and to read)."""
    import base64

    return base64.b64encode(array(code, values).tobytes()).decode("ascii")


def _unpack(packed: Any, code: str, limit: int) -> Any:
    """Read back _pack's numbers, each below limit; raise ValueError for anything else."""
    import base64
    import binascii

    try:
        values = array(code, base64.b64decode(packed, validate=True))
    except (TypeError, binascii.Error) as exc:
        raise ValueError(str(exc)) from None
    if values and max(values) >= limit:
        raise ValueError("inconsistent registry cache")
    return bytes(values) if code == "B" else values


def _pack_lists(lists: Iterable[tuple[int, ...]]) -> list[str]:
    """Pack lists of numbers as their concatenation and the offset at which each one ends."""
    flat, ends = array("I"), array("I")
    for numbers in lists:
        flat.extend(numbers)
        ends.append(len(flat))
    return [_pack(flat, "I"), _pack(ends, "I")]


def _unpack_lists(packed: Any, limit: int) -> list[tuple[int, ...]]:
    """Read back _pack_lists's lists of numbers, each number below limit."""
    flat_packed, ends_packed = packed
    flat = _unpack(flat_packed, "I", limit)
    ends = _unpack(ends_packed, "I", len(flat) + 1)
    starts = [0, *ends[:-1]]
    if any(a > b for a, b in zip(starts, ends)):
        raise ValueError("inconsistent registry cache")
    return [tuple(flat[a:b]) for a, b in zip(starts, ends)]


def _first_keys(first: str, last: str) -> tuple[str, str]:
    """Index keys under which a one-edit misspelling of `last` still meets its person."""
    return f"{first}\x00{last[:2]}", f"{first}\x01{last[-2:]}"


def first_keys(first: str, last: str) -> tuple[str, str]:
    """Public view of the near-miss index keys for a first name and a surname."""
    return _first_keys(first, last)


def _add_key(keys: dict[str, list[Any]], key: str, role: int, house: str, index: int) -> None:
    """Record what a key stands for; a house form wins over a variant spelled the same."""
    known = keys.get(key)
    if known is None or (known[0] not in HOUSE_ROLES and role in HOUSE_ROLES):
        keys[key] = [role, house, [index]]
    elif known[0] == role and known[1] == house and known[2][-1] != index:
        known[2].append(index)  # indexes arrive in order, so a repeat is always the last one


def _lowered_title_variants(keys: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """Map each title variant in lower case to its house title and people."""
    lowered: dict[str, list[Any]] = {}
    for key, (role, house, ids) in keys.items():
        if role == TITLE_VARIANT:
            entry = lowered.setdefault(key.lower(), [house, []])
            entry[1].extend(i for i in ids if i not in entry[1])
    return lowered


def _closest(variant: str, titles: tuple[str, ...]) -> str:
    """Return the house title a title variant is closest to (the only one, usually)."""
    if len(titles) == 1:
        return titles[0]
    return min(titles, key=lambda t: distance(variant.lower(), t.lower(), max(len(variant), len(t))))


def _automaton(keys: Mapping[str, Any]) -> ahocorasick.Automaton | None:
    """Compile all keys into one Aho-Corasick automaton whose values index the groups."""
    if not keys:
        return None
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, key in enumerate(keys):
        automaton.add_word(key, index)
    automaton.make_automaton()
    return automaton


def from_options(options: Mapping[str, Any], source: str, store: RuleSetStore) -> Registry | None:
    """Return the registry a rule names: inline people/organizations, a registry file, or none."""
    people, organizations = options["people"], options["organizations"]
    if options["registry"]:
        if people or organizations:
            raise RuleError("give 'people'/'organizations' or 'registry', not both", "registry")
        path = Path(source).parent / options["registry"] if source else Path(options["registry"])
        return load_file(path, store)
    if people or organizations:
        # One registry for every check of a rule (and every rule listing the same entries), so
        # that they share one scan of each document.
        return store.get((from_options, repr(people), repr(organizations)), lambda: Registry(people, organizations))
    return None


def load_file(path: Path, store: RuleSetStore) -> Registry:
    """Load a registry data file once per rule set, from the disk cache when its content is unchanged."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read registry {path}: {exc.strerror or exc}", "registry") from None
    import hashlib  # here, not at the top: only registry files need it, not every start-up

    digest = hashlib.sha256(CACHE_VERSION + data).hexdigest()
    return store.get((load_file, digest), lambda: _from_cache(path, digest) or _parse(path, data, digest))


def _from_cache(path: Path, digest: str) -> Registry | None:
    """Build a registry from its cached entries, validated again as if read from the file."""
    content = cache.read(digest)
    if content is None:
        return None
    try:
        return Registry.from_data(content["registry"])
    except (KeyError, TypeError, ValueError, AttributeError):  # not what factlint wrote: a miss
        return None


def _parse(path: Path, data: bytes, digest: str) -> Registry:
    """Parse and compile a registry file, and cache the result if it is large."""
    try:
        content = _load_data(path, data)
    except yamlfile.YamlError as exc:
        raise RuleError(f"registry {exc}", "registry") from None
    if not isinstance(content, dict) or set(content) - {"people", "organizations"}:
        raise RuleError(f"registry {path} must be a mapping with 'people' and/or 'organizations'", "registry")
    people, organizations = _validated(path, content)
    registry = Registry(people, organizations)
    if len(registry) >= CACHE_MIN_ENTITIES:
        cache.write(digest, registry.to_data())
    return registry


def _validated(path: Path, content: dict[str, Any]) -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """Return a registry's people and organizations, validated."""
    try:
        return people_option(content.get("people", [])), organizations_option(content.get("organizations", []))
    except (TypeError, ValueError) as exc:
        line = f":{exc.line}" if getattr(exc, "line", None) else ""
        raise RuleError(f"registry {path}{line}: {exc}", "registry") from None


def _load_data(path: Path, data: bytes) -> Any:
    """Parse registry data: YAML, or JSON (itself YAML) through the much faster JSON parser."""
    if data.lstrip()[:1] == b"{":
        import json

        try:
            return json.loads(data)
        except ValueError:
            pass  # not JSON after all: let the YAML parser read it and report any error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise yamlfile.YamlError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    return yamlfile.load(path, text)
