"""The on-disk cache of compiled patterns: a hit is the same pattern, anything amiss compiles afresh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from factlint import datacache, patterncache
from factlint.checks.base import TimedPattern, _compile_regex_cached, compile_regex, compile_words
from factlint.engine import LoadError, RuleSet
from factlint.rule import RuleError
from tests.test_datacache import datacache_entry, write_entry

# Long enough for `re` to cache it: a desk's list of vague sources.
SOURCES = r"\b(?:(?P<who>officials|experts|analysts|observers|insiders|sources close to the (?:mayor|council))\s+(?:said|say|believe|warned))\b"
COPY = "Officials said the bridge would reopen, but sources close to the council warned of delays."


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with `re` as checks/base.py does: through the cache."""
    compiled = patterncache.load(pattern, flags, "re")
    if compiled is None:
        compiled = re.compile(pattern, flags)
        patterncache.store(pattern, flags, compiled)
    return compiled


def compile_regex_engine(pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile with `regex` as checks/base.py does: through the cache."""
    return _compile_regex_cached(pattern, flags)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    return folder


def _refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again: the cache was not used")
    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(regex, "compile", refuse)


@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_second_compile_is_rebuilt_from_the_cache(cache: Path, monkeypatch, engine: str) -> None:
    compile_ = compile_re if engine == "re" else compile_regex_engine
    flags = re.IGNORECASE if engine == "re" else regex.IGNORECASE | regex.V0
    first = compile_(SOURCES, flags)
    assert len(list(cache.glob("*.data"))) == 1
    _refuse(monkeypatch)
    again = compile_(SOURCES, flags)
    assert again is not first and (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    assert [m.span("who") for m in again.finditer(COPY)] == [m.span("who") for m in first.finditer(COPY)] == [(0, 9), (44, 72)]


def test_a_short_re_pattern_is_compiled_not_cached(cache: Path) -> None:
    assert compile_re(r"\bsaid\b").search(COPY).start() == 10
    assert not cache.exists()


def test_an_assembled_word_pattern_and_an_authors_pattern_use_the_cache(cache: Path, monkeypatch) -> None:
    words = compile_words(SOURCES, ignore_case=True)
    authored = compile_regex(SOURCES, ignore_case=True)
    expected = [(0, 9), (44, 72)]
    assert [m.span("who") for m in words.finditer(COPY)] == [m.span("who") for m in authored.finditer(COPY)] == expected
    _refuse(monkeypatch)
    assert [m.span("who") for m in compile_words(SOURCES, ignore_case=True).finditer(COPY)] == expected
    assert [m.span("who") for m in compile_regex(SOURCES, ignore_case=True).finditer(COPY)] == expected


def test_what_re_refused_goes_to_regex_without_trying_re_again(cache: Path, monkeypatch) -> None:
    """An assembled pattern with syntax only `regex` reads (\\p{Lu}) is compiled by `regex`, and remembered so."""
    names = r"(?<![\p{L}'])(?P<name>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,2})(?=\s+(?:said|told|wrote)\b)"
    assert len(names) >= patterncache.RE_MIN_LENGTH
    first = compile_words(names)
    assert [m["name"] for m in first.finditer(COPY + " Ruth Ames said so.")] == ["Ruth Ames"]
    assert isinstance(first.compiled(), TimedPattern)
    _refuse(monkeypatch)
    again = compile_words(names)
    assert isinstance(again.compiled(), TimedPattern)
    assert [m["name"] for m in again.finditer("Later, Óscar Núñez said no.")] == ["Óscar Núñez"]


def test_a_bad_pattern_is_never_cached_and_still_reported(cache: Path) -> None:
    for _ in range(2):
        with pytest.raises(RuleError, match="invalid regular expression"):
            compile_regex(r"(?P<who>officials said" * 3)
    assert not cache.exists()


DAMAGES = ["garbage", "truncated", "flipped bit", "other pattern", "not a program"]


@pytest.mark.parametrize(("engine", "damage"), [*(("re", d) for d in DAMAGES), ("re", "bad code"), *(("regex", d) for d in DAMAGES)])
def test_a_damaged_entry_is_a_miss(cache: Path, engine: str, damage: str) -> None:
    """A damaged file fails its checksum; `re` also refuses a well-formed entry whose code is wrong.

    `regex` trusts the program it is given, as it trusts a pickle: its entries are as safe as
    the cache folder, which only its owner can write to (see datacache).
    """
    compile_ = compile_re if engine == "re" else compile_regex_engine
    compile_(SOURCES, re.IGNORECASE)
    (entry,) = cache.glob("*.data")
    fmt, namespace, key, program = datacache_entry(entry)
    if damage == "garbage":
        entry.write_bytes(b"\x00not marshal")
    elif damage == "flipped bit":  # in the program's code, which a checksum-less entry would run
        blob = bytearray(entry.read_bytes())
        blob[len(blob) - 80] ^= 0x10
        entry.write_bytes(bytes(blob))
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-9])
    elif damage == "other pattern":
        program = (program[0].replace("officials", "officers"), *program[1:])
    elif damage == "not a program":
        program = ("a list", "of", "strings")
    else:  # a program of the right shape whose code is not one
        program = (*program[:2], [1, 2, 3, 999] if engine == "re" else b"\xff" * 8, *program[3:])
    if damage in ("other pattern", "not a program", "bad code"):
        write_entry(entry, (fmt, namespace, key, program))
    again = compile_(SOURCES, re.IGNORECASE)
    assert [m.span("who") for m in again.finditer(COPY)] == [(0, 9), (44, 72)]


def test_an_entry_is_for_one_engine_one_version_and_one_set_of_flags(cache: Path) -> None:
    compile_re(SOURCES, re.IGNORECASE)
    compile_re(SOURCES, 0)
    compile_regex_engine(SOURCES, regex.IGNORECASE)
    keys = [datacache_entry(p)[2] for p in cache.glob("*.data")]
    assert len(set(keys)) == 3 and all(regex.__version__ in k or "re\0" in k for k in keys)
    assert datacache.get("patterncache re 1", patterncache._key("re", SOURCES, re.IGNORECASE))[0] == SOURCES


def test_a_rule_packs_patterns_are_the_same_in_every_process(tmp_path: Path, cache: Path) -> None:
    """An alternation built from a set orders its ties by text, so the cache finds it again."""
    from factlint.checks.wordpattern import alternation

    assert alternation({"Tues.", "Thur.", "Wed."}) == alternation(["Thur.", "Tues.", "Wed."]) == r"Thur\.|Tues\.|Wed\."


def test_a_bad_authors_pattern_is_a_one_line_load_error_with_the_cache_on(tmp_path: Path, cache: Path) -> None:
    pack = tmp_path / "pack" / "claims"
    pack.mkdir(parents=True)
    (pack / "broken.yaml").write_text("kind: existence\npatterns: ['(?P<x>best ever']\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LoadError, match=r"broken\.yaml:2: invalid regular expression") as caught:
            RuleSet.load([pack.parent])
        assert "\n" not in str(caught.value)
