"""Rule files: every load error is one line naming the file and YAML line, and exit 2."""

from __future__ import annotations

from collections.abc import Mapping

import re
from pathlib import Path

import pytest
import regex

from factlint.checks.base import TimedPattern, compile_regex, compile_words, find_all, word_pattern
from factlint.rule import RuleError
from factlint.cli import main
from factlint.engine import LoadError, RuleSet, load_rule_file, rule_id

GOOD = "kind: substitution\nlevel: warning\nswap:\n  amidst: amid\n"


def write(tmp_path: Path, text: str, name: str = "style/rule.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, line, problem",
    [
        ("level: warning\nswap:\n  a: b\n", 1, "missing required key 'kind'"),
        ("kind: substitution\nswap:\n  a: b\ncolour: red\n", 4, "unknown key 'colour' for kind 'substitution'"),
        ("kind: spelling\n", 1, "unknown kind 'spelling'"),
        ("kind: substitution\nlevel: fatal\nswap:\n  a: b\n", 2, "'level' must be one of info, warning, error"),
        ("kind: substitution\nswap: [a, b]\n", 2, "'swap' must be a mapping of strings to strings"),
        ("kind: existence\nignore_case: yes please\ntokens: [a]\n", 2, "'ignore_case' must be true or false"),
        ("kind: existence\npatterns: ['(unclosed']\n", 2, "invalid regular expression '(unclosed'"),
        ("kind: substitution\nswap:\n  a: b\nmessage: 'use {wanted}'\n", 4, "unknown placeholder {wanted}"),
        ("kind: substitution\nswap:\n  a: b\n  a: c\n", 4, "duplicate key 'a'"),
        ("kind: substitution\nswap: {a: b\n", 3, "invalid YAML"),
        ("- just\n- a list\n", 1, "a rule file must be a YAML mapping"),
        ("kind: existence\nlevel: info\n", 1, "needs 'tokens' or 'patterns'"),
        ("kind: consistency\npairs: [[only-one]]\n", 2, "'pairs' must be a list of lists of two or more strings"),
        ("kind: substitution\nswap:\n  a: b\nexamples:\n  - matches: []\n", 4, "each example needs a 'text' string"),
    ],
)
def test_load_errors_name_file_and_line(tmp_path: Path, capsys, text: str, line: int, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(LoadError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert problem in message
    assert "\n" not in message
    draft = write(tmp_path, "Some text.\n", "draft.txt")
    assert main(["--no-default-rules", "--rules", str(path), str(draft)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and "Traceback" not in err


def test_rule_id_is_folder_and_stem(tmp_path: Path) -> None:
    assert rule_id(Path("rules/style/us-abbreviation.yaml")) == "style.us-abbreviation"
    path = write(tmp_path, GOOD + "id: house.amid\n")
    assert load_rule_file(path).rule.id == "house.amid"


def test_duplicate_ids_in_one_pack_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "style/a.yaml")
    write(tmp_path, GOOD + "id: style.a\n", "style/b.yaml")
    with pytest.raises(LoadError, match="rule id 'style.a' is also defined"):
        RuleSet.load([tmp_path])


def test_later_pack_replaces_a_rule_of_an_earlier_one(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD, "one/style/amid.yaml").parents[1]
    second = write(tmp_path, GOOD.replace("warning", "error"), "two/style/amid.yaml").parents[1]
    rules = RuleSet.load([first, second]).rules
    assert [(r.rule.id, r.rule.level) for r in rules] == [("style.amid", "error")]


def test_shared_data_files_starting_with_underscore_are_not_rules(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "style/amid.yaml")
    write(tmp_path, "words: [a, b]\n", "style/_words.yaml")
    assert [r.rule.id for r in RuleSet.load([tmp_path]).rules] == ["style.amid"]


def test_missing_rule_path_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such rule file or directory"):
        RuleSet.load([tmp_path / "nowhere"])


def test_select_ignore_and_levels(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "style/amid.yaml")
    write(tmp_path, GOOD + "enabled: false\n", "style/off.yaml")
    write(tmp_path, GOOD, "names/x.yaml")
    rules = RuleSet.load([tmp_path])
    assert [r.rule.id for r in rules.configured([], [], {}).rules] == ["names.x", "style.amid"]
    assert [r.rule.id for r in rules.configured(["style.*"], [], {}).rules] == ["style.amid", "style.off"]
    assert [r.rule.id for r in rules.configured([], ["names.*"], {}).rules] == ["style.amid"]
    levelled = rules.configured(["style.amid"], [], {"style.*": "error"}).rules
    assert [r.rule.level for r in levelled] == ["error"]


@pytest.mark.parametrize("pattern, engine", [
    (r"(?:amidst(?<![\w.]amidst)|whilst)(?!\w)", re.Pattern),   # a word list: the fast `re`
    (r"(?<![\w.])(?:amidst|whilst)(?!\w)", TimedPattern),        # opens with an assertion
    (r"\b(?:first|Élan)", TimedPattern),                          # opens with \b
    (r"(?:[A-Z]\p{Ll}+)", TimedPattern),                           # Unicode classes: only `regex`
    (r"\bfirst\b(?<=(?:the|a)\s+first)", TimedPattern),         # variable-width look-behind
    (r"(?P<wd>Mon)|\((?P<wd>Tue)\)", TimedPattern),              # a group name used twice
    (r"[[a]]", TimedPattern),                                     # `re` warns of a nested set
])
def test_built_patterns_fall_back_to_regex_only_for_its_own_syntax(pattern: str, engine: type) -> None:
    compiled = compile_words(pattern, scan=True).compiled()
    assert isinstance(compiled, engine)
    assert [m.group() for m in find_all(compiled, "the first amidst Élan")] == [
        m.group() for m in regex.finditer(pattern, "the first amidst Élan")]


def test_word_patterns_compile_with_re_and_keep_their_boundaries() -> None:
    pattern = compile_words(word_pattern(["U.S.", "US", "adviser"]), ignore_case=False, scan=True)
    assert isinstance(pattern.compiled(), re.Pattern)
    text = "US troops, U.S. aid, USA, the US. adviser, advisers, co-adviser, x.US"
    assert [m.group() for m in find_all(pattern, text)] == ["US", "U.S.", "US", "adviser", "adviser"]


def test_author_patterns_keep_regex_and_its_time_limit() -> None:
    compiled = compile_regex(r"(a|aa)+$")
    assert isinstance(compiled, TimedPattern) and isinstance(compiled.compiled, regex.Pattern)
    for search in (compiled.search, compiled.match, lambda t: list(compiled.finditer(t))):
        with pytest.raises(TimeoutError):
            search("a" * 40 + "b")


def test_invalid_built_pattern_is_a_rule_error_naming_the_key_on_first_use() -> None:
    pattern = compile_words("(unclosed", key="phrases")  # compiled when first used, not at start-up
    with pytest.raises(RuleError, match="invalid regular expression") as caught:
        pattern.search("text")
    assert caught.value.key == "phrases"


def test_a_built_pattern_is_compiled_once_and_then_searches_directly() -> None:
    pattern = compile_words(r"\bvote[sd]?\b")
    assert "search" not in vars(pattern)
    assert pattern.search("Council voted 5-2").group() == "voted"
    assert vars(pattern)["search"] == pattern.compiled().search  # the compiled pattern's own method
    assert pattern.pattern == r"\bvote[sd]?\b" and pattern.compiled() is pattern.compiled()


def test_every_pattern_a_module_builds_at_import_compiles() -> None:
    """A fixed pattern is compiled on first use: a typo in one must still fail here, not in a newsroom."""
    import importlib
    import pkgutil

    import factlint
    from factlint.checks.base import LazyPattern

    count = 0
    for info in pkgutil.walk_packages(factlint.__path__, "factlint."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            held = value.values() if isinstance(value, Mapping) else value if isinstance(value, (tuple, list)) else ()
            for pattern in (value, *held):
                if isinstance(pattern, LazyPattern):
                    pattern.compiled()
                    count += 1
    assert count > 40  # the walk reached the modules that build patterns


def test_only_the_rules_that_run_are_built_but_every_file_is_validated(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write(pack, "kind: existence\npatterns: ['(unclosed']\n", "style/broken.yaml")  # fails when built
    write(pack, GOOD, "style/good.yaml")
    chosen = RuleSet.load([pack], lambda rule: rule.id == "style.good")
    assert [r.rule.id for r in chosen.rules] == ["style.good"]
    assert chosen.ids == {"style.good", "style.broken"} and chosen.unknown_patterns(["style.*", "x.*"]) == ["x.*"]
    with pytest.raises(LoadError, match="broken.yaml:2: invalid regular expression"):
        RuleSet.load([pack])
    write(pack, "kind: existence\ntokens: [a]\ncolour: red\n", "style/broken.yaml")  # fails when read
    with pytest.raises(LoadError, match="broken.yaml:3: unknown key 'colour'"):
        RuleSet.load([pack], lambda rule: rule.id == "style.good")


def test_a_selection_builds_only_its_rules(tmp_path: Path, monkeypatch) -> None:
    from factlint import config
    from factlint.checks.dates import checking as dates_checking

    monkeypatch.setattr(dates_checking, "build_check", lambda *a: pytest.fail("a dates rule was built"))
    settings = config.Settings(select=("names.*", "style.*"))
    ids = {r.rule.id for r in config.build_rule_set(settings).rules}
    assert ids and all(i.startswith(("names.", "style.")) for i in ids)


@pytest.mark.parametrize("rule, data_file, body", [
    ("kind: dates\ncheck: impossible\nwords: _words.yaml\n", "_words.yaml", "months: {}\nmonthz: {}\n"),
    ("kind: names\ncheck: same-person\nnickname_supplement: _nick.yaml\n", "_nick.yaml", "pairs: []\npair: []\n"),
])
def test_data_files_reject_unknown_keys_naming_their_line(tmp_path: Path, rule: str, data_file: str, body: str) -> None:
    path = write(tmp_path, rule, "pack/probe.yaml")
    (path.parent / data_file).write_text(body, encoding="utf-8")
    with pytest.raises(LoadError, match=rf"{data_file}:2: unknown key '\w+' in the"):
        load_rule_file(path)
