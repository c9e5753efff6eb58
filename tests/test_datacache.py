"""The on-disk cache of parsed rule files: used when sound, ignored when anything is amiss."""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

import pytest
import yaml

from factlint import datacache, yamlfile
from factlint.engine import LoadError, RuleSet
from factlint.checks.names import cache as names_cache, people

RULE = """kind: substitution
level: warning
message: "'{match}' → '{expected}'"
swap: {amidst: amid}
ignore_case: true
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    return folder


def _pack(tmp_path: Path, text: str = RULE) -> Path:
    pack = tmp_path / "pack" / "style"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "amid.yaml").write_text(text, encoding="utf-8")
    return pack.parent


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML parser ran: the cache was not used")
    monkeypatch.setattr(yaml, "load", refuse)


def datacache_entry(entry: Path) -> tuple:
    """Return what a cache file holds: (format, namespace, content, data), after its checksum."""
    blob = entry.read_bytes()
    assert int.from_bytes(blob[:4], "big") == zlib.crc32(blob[4:])
    return marshal.loads(blob[4:])


def write_entry(entry: Path, stored: tuple) -> None:
    """Write a cache file as datacache does: a checksum, then the marshalled entry."""
    blob = marshal.dumps(stored)
    entry.write_bytes(zlib.crc32(blob).to_bytes(4, "big") + blob)


def _lint_ids(rules: RuleSet) -> list[tuple[str, str]]:
    return [(r.rule.id, r.rule.message) for r in rules.rules]


def test_a_second_load_reads_the_cache_not_the_yaml(tmp_path: Path, cache: Path, monkeypatch) -> None:
    pack = _pack(tmp_path)
    first = RuleSet.load([pack])
    assert len(list(cache.glob("*.data"))) == 1
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    _no_parsing(monkeypatch)
    again = RuleSet.load([pack])
    assert _lint_ids(again) == _lint_ids(first) == [("style.amid", "'{match}' → '{expected}'")]


def test_a_changed_rule_file_is_parsed_again(tmp_path: Path, cache: Path) -> None:
    pack = _pack(tmp_path)
    RuleSet.load([pack])
    _pack(tmp_path, RULE.replace("level: warning", "level: error"))
    assert RuleSet.load([pack]).rules[0].rule.level == "error"
    assert len(list(cache.glob("*.data"))) == 2


def test_cached_data_is_validated_like_parsed_data(tmp_path: Path, cache: Path) -> None:
    """What the cache holds is only data: a bad value in it is reported as the rule file's error."""
    pack = _pack(tmp_path)
    RuleSet.load([pack])
    (entry,) = cache.glob("*.data")
    fmt, namespace, content, (line, keys, lines, values) = datacache_entry(entry)
    values = tuple("fatal" if key == "level" else value for key, value in zip(keys, values))
    write_entry(entry, (fmt, namespace, content, (line, keys, lines, values)))
    with pytest.raises(LoadError, match=r"amid\.yaml:2: 'level' must be one of"):
        RuleSet.load([pack])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped bit", "other content", "other format", "not a tree", "symlink"])
def test_a_damaged_cache_file_is_a_miss(tmp_path: Path, cache: Path, monkeypatch, damage: str) -> None:
    pack = _pack(tmp_path)
    RuleSet.load([pack])
    (entry,) = cache.glob("*.data")
    fmt, namespace, content, data = datacache_entry(entry)
    if damage == "garbage":
        entry.write_bytes(b"{\x00not marshal")
    elif damage == "flipped bit":
        blob = bytearray(entry.read_bytes())
        blob[len(blob) // 2] ^= 1
        entry.write_bytes(bytes(blob))
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-7])
    elif damage == "other content":  # what a checksum collision would look like
        write_entry(entry, (fmt, namespace, content.replace("amidst", "amongst"), data))
    elif damage == "other format":
        write_entry(entry, ("something else", namespace, content, data))
    elif damage == "not a tree":
        data = (1, (["a list as a key"],), (1,), (1,))
        write_entry(entry, (fmt, namespace, content, data))
    else:
        elsewhere = tmp_path / "elsewhere.data"
        elsewhere.write_bytes(entry.read_bytes())
        entry.unlink()
        entry.symlink_to(elsewhere)
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is None or damage == "not a tree"
    assert RuleSet.load([pack]).rules[0].rule.options["swap"] == {"amidst": "amid"}  # parsed again


def test_a_cache_others_can_write_is_ignored(tmp_path: Path, cache: Path, monkeypatch) -> None:
    pack = _pack(tmp_path)
    RuleSet.load([pack])
    (entry,) = cache.glob("*.data")
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is not None
    entry.chmod(0o666)
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is None
    entry.chmod(0o600)
    cache.chmod(0o777)
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is None
    datacache.put("test", "content", {"value": 1})
    assert len(list(cache.glob("*.data"))) == 1, "wrote into a folder others can write"
    cache.chmod(0o700)
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is not None


def test_a_cache_owned_by_someone_else_is_ignored(tmp_path: Path, cache: Path, monkeypatch) -> None:
    pack = _pack(tmp_path)
    RuleSet.load([pack])
    (entry,) = cache.glob("*.data")
    monkeypatch.setattr(os, "getuid", lambda: os.stat(entry).st_uid + 1)
    assert datacache.get(yamlfile.CACHE_NAMESPACE, RULE) is None
    _no_parsing(monkeypatch)
    with pytest.raises(AssertionError, match="the YAML parser ran"):
        RuleSet.load([pack])


def test_an_unusable_cache_folder_costs_nothing_but_speed(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(blocker / "cache"))
    assert RuleSet.load([_pack(tmp_path)]).rules[0].rule.id == "style.amid"


@pytest.mark.parametrize("variable, value", [("FACTLINT_CACHE_DIR", "cache"), ("FACTLINT_CACHE_DIR", "./cache"),
                                             ("XDG_CACHE_HOME", "cache")])
def test_a_relative_cache_folder_turns_the_cache_off(tmp_path: Path, monkeypatch, variable: str, value: str) -> None:
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)
    assert datacache.folder() is None and names_cache.cache_dir() is None and names_cache.cache_path("d1") is None
    pack = _pack(tmp_path)
    assert RuleSet.load([pack]).rules[0].rule.id == "style.amid"
    names_cache.write("d1", {"names": []})
    assert names_cache.read("d1") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]  # nothing written where factlint runs


def test_an_absolute_cache_folder_is_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert datacache.folder() == names_cache.cache_dir() == tmp_path / "cache"
    RuleSet.load([_pack(tmp_path)])
    names_cache.write("d1", {"names": []})
    assert names_cache.read("d1") == {"format": names_cache.FORMAT, "digest": "d1", "registry": {"names": []}}
    assert len(list((tmp_path / "cache").glob("*.data"))) == 1


def test_every_yaml_value_comes_back_from_the_cache_as_parsed(tmp_path: Path, cache: Path, monkeypatch) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("date: 2024-01-29\nat: 2024-01-29 10:30:00+02:00\n"
                    "list: [1, 2.5, null, true, text, {a: b}]\n", encoding="utf-8")
    first = yamlfile.load(path)
    _no_parsing(monkeypatch)
    again = yamlfile.load(path)
    assert again == first and again["list"][5].line_of("a") == 3 and again.line_of("at") == 2
    assert [type(v) for v in again.values()] == [type(v) for v in first.values()]


def test_a_cached_list_of_plain_values_comes_back_as_it_is() -> None:
    assert yamlfile.from_plain(["a", 1, None, True, 2.5]) == ["a", 1, None, True, 2.5]


@pytest.mark.parametrize("plain", [["a", {1, 2}], ["a", b"bytes"], ["a", ("not", "a mapping")], [["a"], 1j]])
def test_a_cached_list_holding_what_to_plain_never_writes_is_refused(plain: list) -> None:
    with pytest.raises(ValueError):
        yamlfile.from_plain(plain)


def test_yaml_that_json_cannot_hold_is_not_cached(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("values: !!set {a, b}\nbig: .inf\n", encoding="utf-8")
    assert yamlfile.load(path)["big"] == float("inf") and not list(cache.glob("*.data"))


def test_the_nickname_table_is_cached_by_the_data_set(cache: Path, monkeypatch) -> None:
    table = people.load_nicknames()
    assert len(list(cache.glob("*.data"))) == 1
    import nicknames

    monkeypatch.setattr(nicknames, "name_triplets", lambda: pytest.fail("read the data set again"))
    assert people.load_nicknames() == table


@pytest.mark.parametrize("stored", [["jennifer", "jen", "robert"], ["jennifer", 7], [("jennifer", "jen")], "jen"])
def test_a_nickname_entry_of_another_shape_is_a_miss(cache: Path, stored: object) -> None:
    table = people.load_nicknames()
    content = people._data_set_content()
    datacache.put(people.NICKNAME_CACHE, content, stored)
    assert people._cached_rows(content) is None
    assert people.load_nicknames() == table and ("jennifer", "jen") in table.rows


def test_text_not_read_from_disk_is_not_cached(tmp_path: Path, cache: Path) -> None:
    """An editor's unsaved buffer changes at every keystroke: it would only fill the cache."""
    data = yamlfile.load(tmp_path / "unsaved.yaml", "kind: existence\ntokens: [very]\n")
    assert data.line_of("tokens") == 2 and not cache.exists()


def test_an_entry_is_used_only_for_its_own_content(cache: Path) -> None:
    datacache.put("test", "one", {"value": 1})
    assert datacache.get("test", "one") == {"value": 1}
    assert datacache.get("test", "two") is None and datacache.get("other", "one") is None


def test_the_nickname_short_forms_are_cached_with_the_code_that_weighs_them(cache: Path, monkeypatch) -> None:
    table = people.load_nicknames()
    endings = ("y", "ie")
    first = people.nickname_pairs(table, endings=endings)
    assert ("kathy", "katherine") in first and ("mike", "miguel") not in first
    # A hit writes nothing: the second call reads what the first wrote.
    monkeypatch.setattr(people.datacache, "put", lambda *args: pytest.fail("weighed the rows again"))
    assert people.nickname_pairs(table, endings=endings) == first
    assert people._code_key(people.short_form.__code__) != people._code_key(people._stems.__code__)


def test_a_changed_short_form_is_weighed_afresh(cache: Path, monkeypatch) -> None:
    table = people.load_nicknames()
    people.nickname_pairs(table, endings=("y",))
    monkeypatch.setattr(people, "short_form", lambda nick, formal, endings=(): nick == "kathy")
    assert {nick for nick, _ in people.nickname_pairs(table, endings=("y",))} == {"kathy"}
