"""End-to-end tests of the command line on the seeds, fixtures and small drafts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from factlint.cli import main
from tests.helpers import ROOT, SEEDS, finding_lines

FIXTURES = ROOT / "tests" / "fixtures"
FINDING_SCHEMA = {
    "type": "object",
    "required": ["findings"],
    "properties": {
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "line", "column", "end_line", "end_column", "rule", "level",
                             "message", "match", "fix"],
                "properties": {
                    "path": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "end_line": {"type": "integer", "minimum": 1},
                    "end_column": {"type": "integer", "minimum": 1},
                    "rule": {"type": "string", "pattern": r"^[\w-]+\.[\w.-]+$"},
                    "level": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "match": {"type": "string"},
                    "fix": {"type": ["string", "null"]},
                    "related": {  # cross-story findings only: the other drafts' places
                        "type": "array", "minItems": 1,
                        "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["path", "line", "column", "match"],
                            "properties": {
                                "path": {"type": "string"},
                                "line": {"type": "integer", "minimum": 1},
                                "column": {"type": "integer", "minimum": 1},
                                "match": {"type": "string"},
                            },
                        },
                    },
                },
            },
        }
    },
}


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def text_at(path: Path, line: int, column: int, length: int) -> str:
    text = path.read_bytes().decode("utf-8-sig")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rest = "\n".join(lines[line - 1:])[column - 1:]
    return rest[:length]


def test_seeds_text_output_is_sorted_and_well_formed(capsys) -> None:
    code, out, err = run_cli(capsys, "--select", "style.*", str(SEEDS))
    assert code == 1 and err == ""
    lines = finding_lines(out)
    assert f"{SEEDS}/002_73a1217c700929f8.txt:1:78: warning style.us-abbreviation \"US\" → \"U.S.\" (AP style)" in lines
    assert out.splitlines()[-1] == "7 findings (6 fixable) in 2 files" and len(lines) == 7
    keys = []
    for line in lines:
        path, row, col, rest = line.split(":", 3)
        assert rest.split()[0] in {"error", "warning", "info"}
        keys.append((path, int(row), int(col)))
    assert keys == sorted(keys)


def test_seeds_json_matches_the_contract_and_positions(capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "json", str(SEEDS))
    data = json.loads(out)
    jsonschema.validate(data, FINDING_SCHEMA)
    assert code == 1 and data["findings"]
    for finding in data["findings"]:
        start = text_at(Path(finding["path"]), finding["line"], finding["column"], len(finding["match"]))
        assert start == finding["match"]


def test_fixtures_positions_survive_bom_crlf_tabs_and_front_matter(capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "json", "--select", "style.*",
                           str(FIXTURES / "crlf-bom.txt"), str(FIXTURES / "front-matter.md"))
    found = [(Path(f["path"]).name, f["line"], f["column"], f["match"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("crlf-bom.txt", 1, 37, "US"),
        ("crlf-bom.txt", 3, 1, "Amidst"),
        ("crlf-bom.txt", 3, 23, "US"),
        ("front-matter.md", 7, 5, "US"),
        ("front-matter.md", 7, 27, "amidst"),
        ("front-matter.md", 16, 10, "US"),
    ]
    assert code == 1


@pytest.mark.parametrize(
    "fail_level, text, expected",
    [
        ("warning", "The talks came amidst tension.\n", 1),
        ("error", "The talks came amidst tension.\n", 0),
        ("info", "Interestingly, it rained.\n", 1),
        ("warning", "Interestingly, it rained.\n", 0),
        ("info", "The talks came amid tension.\n", 0),
    ],
)
def test_exit_status_follows_fail_level(tmp_path: Path, capsys, fail_level: str, text: str, expected: int) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    code, _, _ = run_cli(capsys, "--select", "style.*", "--fail-level", fail_level, str(draft))
    assert code == expected


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"caf\xe9 au lait", "not valid UTF-8: byte 0xe9 at offset 3"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"", "file is empty"),
    ],
)
def test_bad_input_is_one_error_line_and_others_still_lint(tmp_path: Path, capsys, content: bytes, problem: str) -> None:
    bad = tmp_path / "a-bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "b-good.txt"
    good.write_text("The talks came amidst tension.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--select", "style.amid", str(bad), str(good))
    assert code == 2
    assert err.startswith(f"factlint: error: {bad}: {problem}") and err.count("\n") == 1
    assert f"{good}:1:16: warning style.amid" in out
    assert bad.read_bytes() == content


def test_missing_path_and_bad_date_are_usage_errors(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys, str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file or directory" in err
    with pytest.raises(SystemExit) as exited:
        main(["--date", "2024-13-01", str(tmp_path)])
    assert exited.value.code == 2


def test_directories_recurse_into_drafts_only(tmp_path: Path, capsys) -> None:
    for name in ("a.txt", "b.md", "c.markdown", "d.py", ".hidden/e.txt", "sub/f.TXT"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("It came amidst it.\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "--select", "style.amid", str(tmp_path))
    names = [Path(line.split(":")[0]).relative_to(tmp_path).as_posix() for line in finding_lines(out)]
    assert names == ["a.txt", "b.md", "c.markdown", "sub/f.TXT"]


def test_standard_input(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": __import__("io").BytesIO(b"Amidst it.\n")})())
    code, out, _ = run_cli(capsys, "--select", "style.amid", "-")
    assert (code, out) == (1, "<stdin>:1:1: warning style.amid 'Amidst' → 'Amid' (AP style)\n"
                              "1 finding (1 fixable) in 1 file\n")


def test_fix_is_atomic_keeps_bom_and_line_ends_and_is_idempotent(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    shutil.copy(FIXTURES / "crlf-bom.txt", draft)
    before = draft.read_bytes()
    code, out, _ = run_cli(capsys, "--select", "style.*", "--diff", str(draft))
    assert code == 1 and "-Amidst the talks" in out and draft.read_bytes() == before
    run_cli(capsys, "--select", "style.*", "--fix", str(draft))
    after = draft.read_bytes()
    assert after == before.replace(b"US", b"U.S.").replace(b"Amidst", b"Amid")
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert run_cli(capsys, "--select", "style.*", "--fix", str(draft))[0] == 0
    assert draft.read_bytes() == after
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_fix_refuses_standard_input(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--fix", "-"])
    assert exited.value.code == 2


def test_inline_suppression_and_sic(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "<!-- factlint-disable style.amid -->\nAmidst one.\n<!-- factlint-enable -->\nAmidst two.\n"
        "<!-- factlint-disable-next-line -->\nAmidst three.\nAmidst [sic] four. Amidst five.\n",
        encoding="utf-8",
    )
    _, out, _ = run_cli(capsys, "--select", "style.amid", str(draft))
    assert [line.split(":")[1] for line in finding_lines(out)] == ["4", "7"]
    assert ":7:20:" in out


def test_markdown_fixture_skips_code_links_headings_and_suppressed_lines(capsys) -> None:
    _, out, _ = run_cli(capsys, "--select", "style.*", str(FIXTURES / "front-matter.md"))
    assert [line.split(":")[1:3] for line in finding_lines(out)] == [["7", "5"], ["7", "27"], ["16", "10"]]


def test_config_file_is_found_upward_and_command_line_overrides(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / ".factlint.yaml").write_text("select: [style.amid]\nfail_level: error\n", encoding="utf-8")
    nested = tmp_path / "desk" / "drafts"
    nested.mkdir(parents=True)
    (nested / "d.txt").write_text("The US came amidst it.\n", encoding="utf-8")
    monkeypatch.chdir(nested)
    code, out, _ = run_cli(capsys, "d.txt")
    assert (code, len(finding_lines(out))) == (0, 1) and "style.amid" in out
    code, out, _ = run_cli(capsys, "--fail-level", "warning", "--select", "style.*", "d.txt")
    assert (code, len(finding_lines(out))) == (1, 2)


def test_pyproject_configuration(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["style.us-abbreviation"]\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("The US came amidst it.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "--select", "style.*", "d.txt")
    assert "style.amid" in out
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["x"]\nstrict = true\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "d.txt")
    assert code == 2 and "pyproject.toml:3: unknown key 'strict'" in err


@pytest.mark.parametrize(
    "config, problem",
    [
        ("select: [style.*]\nfail-level: error\n", ".factlint.yaml:2: unknown key 'fail-level'"),
        ("levels:\n  style.amid: fatal\n", ".factlint.yaml:1: 'levels' must map rule ids"),
        ("date: yesterday\n", ".factlint.yaml:1: 'date' must be a YYYY-MM-DD date"),
        ("rules: [nowhere]\n", "nowhere: no such rule file or directory"),
        ("select: [a\n", ".factlint.yaml:2: invalid YAML"),
    ],
)
def test_bad_configuration_is_one_line_exit_2(tmp_path: Path, capsys, monkeypatch, config: str, problem: str) -> None:
    (tmp_path / ".factlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "d.txt").write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "d.txt")
    assert code == 2 and out == "" and problem in err and err.count("\n") == 1


def test_list_rules_and_version(capsys) -> None:
    code, out, _ = run_cli(capsys, "--list-rules")
    assert code == 0 and "style.us-abbreviation" in out
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("factlint ")


def test_installed_command_finds_the_default_pack_from_any_folder(tmp_path: Path) -> None:
    command = shutil.which("factlint", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("factlint is not installed in this environment")
    draft = tmp_path / "d.txt"
    draft.write_text("The talks came amidst tension.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([command, "--select", "style.amid", "d.txt"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "style.amid" in done.stdout, done.stderr


def test_runaway_regex_reports_the_rule_instead_of_hanging(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("factlint.checks.base.MATCH_TIMEOUT", 0.2)
    rule = tmp_path / "house" / "slow.yaml"
    rule.parent.mkdir()
    rule.write_text("kind: existence\npatterns: ['(a|aa)+$']\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("a" * 40 + "!\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "--no-default-rules", "--rules", str(rule.parent), str(draft))
    assert code == 2
    assert err.count("\n") == 1 and "rule 'house.slow'" in err and "timed out" in err


def test_terminal_output_underlines_the_match_in_a_window_of_a_long_line(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("word " * 60 + "amidst the talks " + "word " * 60 + "\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "--select", "style.amid", "--color", "always", str(draft))
    headline, source, underline, summary = out.splitlines()
    assert summary == "1 finding (1 fixable) in 1 file"
    underline = underline.replace("\033[33m", "").replace("\033[0m", "")
    assert "\033[33mwarning\033[0m" in headline
    caret = underline.index("^")
    assert source[caret:caret + 6] == "amidst" and underline.count("~") == 5
    assert source.startswith("    …") and source.endswith("…") and len(source) < 110


def test_unused_disable_comments_are_reported_on_request(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "<!-- factlint-disable-next-line style.amid -->\nAmidst one.\n"
        "<!-- factlint-disable-next-line style.amid -->\nAmid two.\n"
        "<!-- factlint-disable-next-line names.* -->\nAmid three.\n",
        encoding="utf-8",
    )
    assert run_cli(capsys, "--select", "style.amid", str(draft))[:2] == (0, "")
    code, out, _ = run_cli(capsys, "--select", "style.amid", "--warn-unused-disables", str(draft))
    assert code == 1
    assert out == (f"{draft}:3:1: warning factlint.unused-disable this factlint-disable-next-line "
                   "(style.amid) silences nothing: remove it\n1 finding (0 fixable) in 1 file\n")


def _drafts_with_config(folder: Path, config: str, names: list[str]) -> None:
    """Write a .factlint.yaml and drafts (each with one style.amid finding) below folder."""
    (folder / ".factlint.yaml").write_text(config, encoding="utf-8")
    for name in names:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("It came amidst talks.\n", encoding="utf-8")


def test_configuration_is_searched_once_per_folder_not_once_per_draft(tmp_path: Path, capsys, monkeypatch) -> None:
    from factlint import runner

    _drafts_with_config(tmp_path, "ignore: [style.amid]\n", [f"d{i}.txt" for i in range(5)])
    searched = []
    real = runner.find_config
    monkeypatch.setattr(runner, "find_config", lambda folder: searched.append(folder) or real(folder))
    code, out, _ = run_cli(capsys, "--jobs", "1", str(tmp_path))
    assert code == 0 and out == ""          # every draft still gets the folder's configuration
    assert searched == [tmp_path.resolve()]


def test_exclude_globs_skip_drafts_by_path_below_the_configuration_or_by_name(tmp_path: Path, capsys,
                                                                           monkeypatch) -> None:
    _drafts_with_config(tmp_path, "select: [style.amid]\nexclude: ['archive/*', 'wire-*.txt']\n",
                        ["story.txt", "archive/old.txt", "desk/wire-ap.txt", "desk/local.txt"])
    monkeypatch.chdir(tmp_path / "desk")  # globs are relative to the configuration's folder, not the caller's
    code, out, _ = run_cli(capsys, "--jobs", "1", str(tmp_path))
    assert code == 1
    assert sorted(line.split(":")[0] for line in out.splitlines()[:-1]) == [
        str(tmp_path / "desk" / "local.txt"), str(tmp_path / "story.txt")]
    code, out, _ = run_cli(capsys, str(tmp_path / "archive" / "old.txt"))  # named outright: excluded all the same
    assert (code, out) == (0, "")


def test_without_exclude_globs_no_draft_path_is_resolved(tmp_path: Path, capsys, monkeypatch) -> None:
    from factlint.config import Settings

    _drafts_with_config(tmp_path, "select: [style.amid]\n", [f"d{i}.txt" for i in range(3)])
    resolved = []
    real = Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, *a: resolved.append(self) or real(self, *a))
    assert Settings().excluded(tmp_path / "d0.txt") is False
    code, out, _ = run_cli(capsys, "--jobs", "1", str(tmp_path))
    assert code == 1 and out.count("style.amid") == 3
    assert not [p for p in resolved if p.suffix == ".txt"]


@pytest.mark.parametrize("status, expected", [("0", 0), ("1", 1), ("2", 2), ("None", 2)])
def test_the_fast_exit_passes_the_status_through_and_a_missing_one_is_an_error(status: str, expected: int) -> None:
    code = f"from factlint import cli; print('report', flush=False); cli.leave({status})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == expected and done.stdout == "report\n"
    if status == "None":
        assert done.stderr.count("\n") == 1 and "no exit status" in done.stderr and "Traceback" not in done.stderr
    else:
        assert done.stderr == ""
