"""Hostile and mistaken input: every failure is one line and exit 2, never a traceback or exit 1."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from factlint import runner
from factlint.cli import main
from factlint.config import Settings, build_rule_set
from factlint.document import Document
from factlint.engine import LoadError, lint, load_rule_file
from tests.helpers import finding_lines, rule_set


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str) -> str:
    """Return the only line of standard error, asserting it is one factlint error line."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factlint: error: ") and "Traceback" not in err, err
    return lines[0]


# --- a crash is exit 2 with one line, and the other drafts are still linted --------------------

def test_a_crash_in_one_draft_is_one_line_exit_2_and_the_others_are_still_reported(
        tmp_path: Path, capsys, monkeypatch) -> None:
    bad, good = tmp_path / "a.txt", tmp_path / "b.txt"
    bad.write_text("The talks came amidst the storm.\n", encoding="utf-8")
    good.write_text("The talks came amidst tension.\n", encoding="utf-8")
    real = Document.__init__

    def explode(self: Document, text: str, *args, **kwargs) -> None:
        if "storm" in text:
            raise KeyError("boom")
        real(self, text, *args, **kwargs)

    monkeypatch.setattr(Document, "__init__", explode)
    code, out, err = run_cli(capsys, "--select", "style.amid", "--jobs", "1", str(bad), str(good))
    line = one_error_line(err)
    assert code == 2 and str(bad) in line and "internal error (KeyError: 'boom')" in line and "report" in line
    assert finding_lines(out) == [f"{good}:1:16: warning style.amid 'amidst' → 'amid' (AP style)"]


def test_a_crash_outside_any_draft_is_one_line_exit_2(capsys, monkeypatch) -> None:
    monkeypatch.setattr("factlint.cli._run", lambda *a: 1 / 0)
    code, _, err = run_cli(capsys, "x.txt")
    line = one_error_line(err)
    assert code == 2 and line.startswith("factlint: error: internal error (ZeroDivisionError"), line
    assert line.endswith("please report it to the factlint maintainers"), line


# --- impossible dates ---------------------------------------------------------------------------

def test_impossible_front_matter_date_is_no_dateline_and_other_files_are_linted(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "leap.md"
    draft.write_text("---\ndate: 2023-02-29\n---\n\nThe talks came amidst tension.\n", encoding="utf-8")
    assert Document(draft.read_text(), "leap.md", markdown=True).dateline is None
    code, out, err = run_cli(capsys, "--select", "style.amid", str(draft))
    assert (code, err) == (1, "") and f"{draft}:5:16:" in out


def test_impossible_date_in_configuration_names_file_and_line(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / ".factlint.yaml").write_text("fail_level: warning\ndate: 2023-02-29\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "d.txt")
    assert code == 2 and ".factlint.yaml:2:" in one_error_line(err) and "impossible date '2023-02-29'" in err


def test_impossible_date_in_a_rule_example_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "style" / "amid.yaml"
    path.parent.mkdir()
    path.write_text("kind: existence\ntokens: [amidst]\nexamples:\n  - text: Amidst it.\n"
                    "    matches: [Amidst]\n    date: 2023-02-29\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"amid.yaml:6: invalid YAML: impossible date '2023-02-29'"):
        load_rule_file(path)


# --- case folding changes length: every special-casing character ------------------------------

SPECIAL_CASING = [c for c in map(chr, range(sys.maxunicode + 1))
                  if len(c.lower()) != 1 or len(c.upper()) != 1 or c.casefold() != c.lower()]


def test_special_casing_characters_are_all_there() -> None:
    assert {"ſ", "İ", "ß", "ﬁ", "ς"} <= set(SPECIAL_CASING) and len(SPECIAL_CASING) > 200


def test_long_s_and_dotted_capital_i_are_found_with_their_own_spelling() -> None:
    rules = rule_set().configured(["style.*"], [], {})
    doc = Document("The talks come amidſt tension. The ADVİSER met the adviser and the ADVISOR.\n")
    found = [(f.rule, f.column, f.match, f.fix) for f in lint(doc, rules)]
    assert ("style.amid", 16, "amidſt", "amid") in found
    assert ("style.adviser-advisor", 68, "ADVISOR", "ADVISER") in found


@pytest.mark.parametrize("chunk", [SPECIAL_CASING[i:i + 50] for i in range(0, len(SPECIAL_CASING), 50)])
def test_every_special_casing_character_inside_searched_words_keeps_positions(chunk: list[str]) -> None:
    rules = rule_set()
    lines = []
    for char in chunk:
        lines.append(f"The talks came ami{char}dst tension; the advi{char}ser and ADVI{char}SOR met "
                     f"{char}US officials and Jen Daskal{char} in the U{char}S. on Monday, {char}\"he said.")
    doc = Document("\n\n".join(lines) + "\n", "draft.txt")
    for finding in lint(doc, rules):
        assert doc.text[finding.start:finding.end] == finding.match
        assert doc.position(finding.start) == (finding.line, finding.column)


# --- hostile or mistaken rule and configuration files ------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("text, line, problem", [
    ("kind: [existence]\ntokens: [x]\n", 1, "unknown kind"),
    ("kind: existence\ntokens: [x]\nmessage: \"{match:>99999999999}\"\n", 3, "too wide"),
    ("kind: existence\ntokens: [x]\nmessage: \"{match.__class__}\"\n", 3, "must be a plain name"),
    ("kind: existence\n{[a]: b}: 1\ntokens: [x]\n", 2, "a key must be text"),
    ("kind: existence\ntokens: ['']\n", 2, "empty word"),
    ("kind: substitution\nswap: {'': x}\n", 2, "empty word"),
    ("kind: existence\ntokens: [x]\nexamples:\n  - text: x\n    matches: [1]\n", 3, "non-empty strings"),
    ("kind: existence\ntokens: [x]\nexamples:\n  - text: x\n    matches: ['']\n", 3, "non-empty strings"),
    ("kind: existence\npatterns: ['(unclosed']\n", 2, "invalid regular expression"),
    (BOMB.replace("i: &i", "level: &i") + "kind: existence\ntokens: [x]\n", 1, "aliases"),
    ("kind: existence\ntokens: [x]\nexamples:\n  - &e {text: x, matches: [x]}\n  - *e\n", 4, "aliases"),
])
def test_hostile_rule_files_are_one_line_load_errors(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = tmp_path / "style" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:") and problem in message and "\n" not in message


@pytest.mark.parametrize("text, problem", [
    ("{[a]: b}\n", ".factlint.yaml:1: invalid YAML: a key must be text"),
    ("levels: {1: info}\n", ".factlint.yaml:1: invalid YAML: a key must be text"),
    ("levels: {style.amid: loud}\n", ".factlint.yaml:1: 'levels' must map rule ids"),
    ("select: [style.amidd]\n", "select 'style.amidd' matches no rule"),
    ("ignore: [names.first-reference]\n", "ignore 'names.first-reference' matches no rule"),
    ("levels: {style.amidd: info}\n", "levels 'style.amidd' matches no rule"),
    ("date: 2023-02-30\n", ".factlint.yaml:1: invalid YAML: impossible date"),
    ("a: &a [1]\nselect: *a\n", "aliases"),
])
def test_hostile_configurations_are_one_line_errors(tmp_path: Path, capsys, monkeypatch,
                                                    text: str, problem: str) -> None:
    (tmp_path / ".factlint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "d.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "d.txt")
    assert code == 2 and out == "" and problem in one_error_line(err)


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_ids_on_the_command_line_are_errors(tmp_path: Path, capsys, option: str) -> None:
    (tmp_path / "d.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, option, "style.amidd,style.amid", str(tmp_path / "d.txt"))
    assert code == 2 and out == "" and "'style.amidd' matches no rule" in one_error_line(err)


def test_a_tool_factlint_string_in_pyproject_is_an_error_with_its_line(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "desk"\n\n[tool]\nfactlint = "x"\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "d.txt")
    assert code == 2 and "pyproject.toml:5: [tool.factlint] must be a table" in one_error_line(err)


def test_registry_errors_point_at_the_entry_not_the_people_line(tmp_path: Path) -> None:
    path = tmp_path / "names" / "desk.yaml"
    path.parent.mkdir()
    path.write_text("kind: names\npeople:\n  - name: Ana Ruiz\n  - name: Bo Li\n    nickname: Bob\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"desk.yaml:4: 'people' people entry 2 has unknown key 'nickname'"):
        load_rule_file(path)
    registry = tmp_path / "names" / "_people.yaml"
    registry.write_text("people:\n  - name: Ana Ruiz\n\n  - titles: [Mayor]\n", encoding="utf-8")
    path.write_text("kind: names\nregistry: _people.yaml\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"desk.yaml:2: registry .*_people.yaml:4: people entry 2 needs a 'name'"):
        load_rule_file(path)


def test_test_rules_rejects_rules_that_can_never_match(tmp_path: Path, capsys) -> None:
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "empty.yaml").write_text("kind: existence\ntokens: ['']\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "--test-rules", str(tmp_path))
    assert code == 2 and "empty.yaml:2:" in one_error_line(err)


# --- permissions, pipes, links ------------------------------------------------------------------

def test_an_unreadable_subfolder_is_named_and_the_rest_is_linted(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path=".") -> object:  # as an unprivileged user meets a folder without read permission
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run_cli(capsys, "--select", "style.amid", str(tmp_path))
    assert code == 2 and f"{tmp_path / 'locked'}: permission denied" in one_error_line(err)
    assert finding_lines(out) == [f"{tmp_path / 'open' / 'a.txt'}:1:16: warning style.amid 'amidst' → 'amid' (AP style)"]


def test_an_unsearchable_folder_in_the_config_search_fails_only_its_drafts(tmp_path: Path, capsys, monkeypatch) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "d.txt").write_text("The talks came amidst tension.\n", encoding="utf-8")
    real = Path.is_file

    def is_file(self: Path) -> bool:
        if self.parent.name == "a" and self.name.startswith((".factlint", "pyproject")):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    code, out, err = run_cli(capsys, "--select", "style.amid", str(tmp_path / "a" / "d.txt"), str(tmp_path / "b" / "d.txt"))
    line = one_error_line(err)
    assert code == 2 and "cannot look for a configuration in" in line and str(tmp_path / "a") in line
    assert len(finding_lines(out)) == 1 and str(tmp_path / "b" / "d.txt") in out


def test_pipes_standard_input_names_and_link_loops_are_described(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    code, _, err = run_cli(capsys, str(fifo), str(loop), str(broken), "/dev/stdin")
    assert code == 2
    assert f"{fifo}: a named pipe (FIFO), not a draft file" in err
    assert f"{loop}: symbolic link loop" in err
    assert f"{broken}: broken symbolic link" in err
    assert "/dev/stdin: standard input is read with -" in err


def test_utf16_and_utf32_drafts_are_read(tmp_path: Path, capsys) -> None:
    text = "The talks came amidst tension.\n"
    for name, data in (("le16.txt", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("be16.txt", b"\xfe\xff" + text.encode("utf-16-be")),
                       ("le32.txt", b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))):
        (tmp_path / name).write_bytes(data)
    code, out, err = run_cli(capsys, "--select", "style.amid", str(tmp_path))
    assert (code, err) == (1, "") and len(finding_lines(out)) == 3 and ":1:16:" in out
    run_cli(capsys, "--select", "style.amid", "--fix", str(tmp_path / "be16.txt"))
    assert (tmp_path / "be16.txt").read_bytes() == b"\xfe\xff" + text.replace("amidst", "amid").encode("utf-16-be")


def test_color_excerpts_show_control_characters_as_symbols(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("\x1b[2J\x1b]0;owned\x07 The talks came amidst tension.\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "--select", "style.amid", "--color", "always", str(draft))
    source = out.splitlines()[1]
    assert "\x1b[2J" not in source and "\x07" not in source and "␛[2J" in source
    caret = out.splitlines()[2].replace("\033[33m", "").replace("\033[0m", "").index("^")
    assert source[caret:caret + 6] == "amidst"


# --- the registry cache runs nothing it reads -----------------------------------------------------

REGISTRY = "people:\n  - name: Jennifer Daskal\n    variants: [Jen Daskal]\n    titles: [Deputy Homeland Security Advisor]\n"


def test_a_planted_pickle_in_the_cache_is_never_loaded(tmp_path: Path, monkeypatch) -> None:
    import hashlib
    import pickle

    from factlint.checks.names import registry as names_registry
    from factlint.rule import RuleSetStore

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(names_registry, "CACHE_MIN_ENTITIES", 1)
    data = tmp_path / "_people.yaml"
    data.write_text(REGISTRY, encoding="utf-8")
    digest = hashlib.sha256(names_registry.CACHE_VERSION + data.read_bytes()).hexdigest()
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for suffix in ("pickle", "json"):
        (cache / f"names-{digest}.{suffix}").write_bytes(pickle.dumps(Planted()))
    built = names_registry.load_file(data, RuleSetStore())
    assert not marker.exists() and built.names == ["Jennifer Daskal"]
    cached = names_registry.load_file(data, RuleSetStore())  # the file is rewritten as plain JSON
    assert cached.names == built.names and (cache / f"names-{digest}.json").read_bytes().startswith(b"{")


def test_cache_folders_others_can_write_and_foreign_files_are_not_used(tmp_path: Path, monkeypatch) -> None:
    from factlint.checks.names import cache

    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    cache.write("d1", {"names": []})
    assert cache.read("d1") is not None
    folder.chmod(0o777)
    assert cache.read("d1") is None
    folder.chmod(0o700)
    cache.cache_path("d2").write_text(cache.cache_path("d1").read_text(), encoding="utf-8")
    assert cache.read("d2") is None  # made for other content
    cache.cache_path("d3").write_text("{not json", encoding="utf-8")
    assert cache.read("d3") is None


def test_seeds_still_lint_the_same_with_the_default_configuration() -> None:
    rules = build_rule_set(Settings(select=("style.*",)))
    assert {loaded.rule.id for loaded in rules.rules} >= {"style.amid", "style.us-abbreviation"}
    assert runner.describe_missing(Path("/nonexistent/x.txt")) == "no such file or directory"


def test_messages_are_formatted_with_bounded_widths_and_length() -> None:
    from factlint.rule import MAX_MESSAGE, bounded_format, placeholders

    assert bounded_format("'{match:>8}' → '{expected}'{missing}", {"match": "US", "expected": "U.S."}) == "'      US' → 'U.S.'"
    assert bounded_format("{match:>99999999999}", {"match": "US"}) == "US"  # a template no loader checked
    assert len(bounded_format("{match}" * 3, {"match": "x" * 5000})) == MAX_MESSAGE
    assert placeholders("{match:>40} {count!r}") == {"match", "count"}
    with pytest.raises(ValueError, match="too wide"):
        placeholders("{match:>{expected}}")


def test_a_draft_in_an_unsearchable_folder_is_named_and_the_rest_is_linted(tmp_path: Path, capsys, monkeypatch) -> None:
    hidden = tmp_path / "locked" / "d.txt"
    hidden.parent.mkdir()
    hidden.write_text("The talks came amidst tension.\n", encoding="utf-8")
    other = tmp_path / "e.txt"
    other.write_text("The talks came amidst tension.\n", encoding="utf-8")
    real = Path.is_file

    def is_file(self: Path) -> bool:  # stat() on a draft whose folder may not be searched
        if self == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    code, out, err = run_cli(capsys, "--select", "style.amid", str(hidden), str(other))
    assert code == 2 and f"{hidden}: permission denied" in one_error_line(err)
    assert finding_lines(out) == [f"{other}:1:16: warning style.amid 'amidst' → 'amid' (AP style)"]


def test_without_a_terminal_a_finding_on_a_long_line_gets_a_short_excerpt(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("word " * 90 + "amidst the talks " + "word " * 30 + "\nShort line amidst it.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--select", "style.amid", str(draft))
    lines = out.splitlines()
    assert code == 1 and lines[0].startswith(f"{draft}:1:451: warning style.amid")
    excerpt, caret = lines[1], lines[2]
    assert excerpt.startswith("    …") and len(excerpt) < 110 and "\033" not in out
    assert excerpt[caret.index("^"):caret.index("^") + 6] == "amidst" and caret.count("~") == 5
    assert lines[3].startswith(f"{draft}:2:12:")  # a short line needs no excerpt
    assert lines[4:] == ["2 findings (2 fixable) in 1 file"]


def test_the_readme_examples_name_rules_that_exist() -> None:
    import re

    from tests.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ids = {loaded.rule.id for loaded in rule_set().rules}
    for option, glob in re.findall(r"--(select|ignore) '?([\w.*-]+)'?", readme):
        assert any(__import__("fnmatch").fnmatchcase(rule_id, glob) for rule_id in ids), (option, glob)


def test_an_error_naming_a_path_with_a_line_break_stays_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / ".factlint.yaml").write_text('rules: "pack\\rname"\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The talks come amidst tensions.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["draft.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\r" not in err and err.startswith("factlint: error: ")
    assert "pack␍name: no such rule file or directory" in err
