"""CI gates: baselines, changed lines only, parallel jobs, fail levels and exit statuses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from factlint import parallel
from factlint.baseline import fingerprint
from factlint.cli import main
from factlint.finding import Finding
from tests.helpers import SEEDS, write_project

PACK = {
    "amid.yaml": "kind: substitution\nlevel: warning\nswap: {amidst: amid}\n",
    "hype.yaml": "kind: existence\nlevel: info\ntokens: [interestingly]\nignore_case: true\n",
    "typo.yaml": "kind: existence\nlevel: error\ntokens: [teh]\nignore_case: true\n",
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose config loads only a three-rule pack: t.amid (warning), t.hype (info), t.typo (error)."""
    write_project(tmp_path, PACK)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["--format", "json", *args])
    captured = capsys.readouterr()
    found = json.loads(captured.out)["findings"] if captured.out else []
    return code, [(f["path"], f["line"], f["rule"], f["match"]) for f in found], captured.err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


STORY = (
    "The council met on Monday.\n"
    "\n"
    "Talks went on amidst protests outside the hall, and the mayor\n"
    "left early.\n"
)


# Baselines

def test_baseline_hides_recorded_findings_after_edits_above_and_a_reflow(project: Path, capsys) -> None:
    story = write(project / "drafts" / "story.txt", STORY)
    code, _, err = run_cli(capsys, "--write-baseline", "baseline.json", "drafts")
    assert code == 0 and "recorded 1 findings in baseline.json" in err
    assert run_cli(capsys, "--baseline", "baseline.json", "drafts")[:2] == (0, [])
    story.write_text(
        "A new lede.\n\nAnother paragraph.\n\n"
        "The council met on Monday.\n"
        "\n"
        "Talks went on\namidst protests outside the hall,\nand the mayor left early.\n",
        encoding="utf-8",
    )
    assert run_cli(capsys, "drafts")[1] == [("drafts/story.txt", 8, "t.amid", "amidst")]
    assert run_cli(capsys, "--baseline", "baseline.json", "drafts")[:2] == (0, [])


def test_baseline_reports_new_findings_and_one_rewritten_around_its_match(project: Path, capsys) -> None:
    story = write(project / "drafts" / "story.txt", STORY)
    run_cli(capsys, "--write-baseline", "baseline.json", "drafts")
    story.write_text(STORY + "\nTeh end came amidst cheers.\n", encoding="utf-8")
    code, found, _ = run_cli(capsys, "--baseline", "baseline.json", "drafts")
    assert code == 1
    assert found == [("drafts/story.txt", 6, "t.typo", "Teh"), ("drafts/story.txt", 6, "t.amid", "amidst")]
    story.write_text(STORY.replace("went on amidst protests", "continued amidst loud protests"), encoding="utf-8")
    assert run_cli(capsys, "--baseline", "baseline.json", "drafts")[1] == [("drafts/story.txt", 3, "t.amid", "amidst")]


def test_baseline_counts_duplicate_findings(project: Path, capsys) -> None:
    story = write(project / "a.txt", "It came amidst talks.\n\nIt came amidst talks.\n")
    run_cli(capsys, "--write-baseline", "baseline.json", "a.txt")
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 2 and data["findings"][0] == data["findings"][1]
    story.write_text("It came amidst talks.\n\nIt came amidst talks.\n\nIt came amidst talks.\n", encoding="utf-8")
    code, found, _ = run_cli(capsys, "--baseline", "baseline.json", "a.txt")
    assert code == 1 and len(found) == 1


def test_baseline_file_is_sorted_json_with_paths_relative_to_its_folder(project: Path, capsys) -> None:
    write(project / "drafts" / "b.txt", "Teh talks came amidst tension.\n")
    write(project / "drafts" / "sub" / "a.txt", "Interestingly, it rained amidst it all.\n")
    (project / "ci").mkdir()
    run_cli(capsys, "--write-baseline", "ci/baseline.json", str(project / "drafts"))
    text = (project / "ci" / "baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    keys = [(e["path"], e["rule"], e["match"]) for e in data["findings"]]
    assert keys == [
        ("../drafts/b.txt", "t.amid", "amidst"),
        ("../drafts/b.txt", "t.typo", "Teh"),
        ("../drafts/sub/a.txt", "t.amid", "amidst"),
        ("../drafts/sub/a.txt", "t.hype", "Interestingly"),
    ]
    assert len(text.splitlines()) == 4 + 5, "one line per finding, so that a diff shows each one"
    assert run_cli(capsys, "--baseline", "ci/baseline.json", "drafts")[:2] == (0, [])


def test_fingerprint_ignores_lines_and_spacing_but_not_the_neighbouring_words() -> None:
    def key(text: str) -> str:
        start = text.index("amidst")
        return fingerprint(Finding("a.txt", 9, 9, 9, 9, "t.amid", "warning", "m", "amidst", "amid",
                                   start, start + 6), text)
    original = key("Talks went on amidst protests outside the hall.")
    assert key("Intro.\n\nTalks went on amidst protests outside the hall.") == original
    assert key("Talks   went\non amidst protests\r\noutside the hall.") == original
    assert key("Talks went on amidst protests inside the hall.") != original
    assert key("Talks went on amidst protests outside the hall.") != key("Talks went ON amidst protests outside the hall.")


@pytest.mark.parametrize("content, problem", [
    (None, "no such baseline file"),
    ("{not json", "invalid JSON"),
    ('{"version": 9, "findings": []}', "not a version 1 factlint baseline"),
    ('{"version": 1, "findings": [{"path": 3}]}', "'findings' must be a list"),
])
def test_unusable_baselines_exit_2(project: Path, capsys, content: str | None, problem: str) -> None:
    write(project / "a.txt", "It came amidst talks.\n")
    if content is not None:
        write(project / "baseline.json", content)
    code, found, err = run_cli(capsys, "--baseline", "baseline.json", "a.txt")
    assert code == 2 and found == [] and problem in err


# Changed lines only

def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.email=desk@example.com", "-c", "user.name=Desk", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(project: Path) -> Path:
    """The project as a git repository with one commit holding a story with one finding."""
    git(project, "init", "-q")
    write(project / "drafts" / "story.txt", STORY)
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    return project


@needs_git
def test_changed_only_reports_findings_on_changed_lines(repo: Path, capsys) -> None:
    story = repo / "drafts" / "story.txt"
    story.write_text("Teh lede.\n\n" + STORY + "\nIt ended amidst cheers.\n", encoding="utf-8")
    assert len(run_cli(capsys, "drafts")[1]) == 3
    code, found, _ = run_cli(capsys, "drafts", "--changed-only")
    assert code == 1
    assert found == [("drafts/story.txt", 1, "t.typo", "Teh"), ("drafts/story.txt", 8, "t.amid", "amidst")]


@needs_git
def test_changed_only_counts_staged_and_untracked_drafts_and_takes_a_revision(repo: Path, capsys) -> None:
    first = git(repo, "rev-parse", "HEAD")
    write(repo / "drafts" / "new.txt", "It came amidst talks.\n\nTeh end.\n")
    story = repo / "drafts" / "story.txt"
    story.write_text(STORY + "\nIt ended amidst cheers.\n", encoding="utf-8")
    git(repo, "add", "drafts/story.txt")
    code, found, _ = run_cli(capsys, "--changed-only", "HEAD", "drafts")
    assert found == [("drafts/new.txt", 1, "t.amid", "amidst"), ("drafts/new.txt", 3, "t.typo", "Teh"),
                     ("drafts/story.txt", 6, "t.amid", "amidst")]
    git(repo, "commit", "-q", "-m", "second")
    assert run_cli(capsys, "--changed-only", "HEAD", "drafts/story.txt")[:2] == (0, [])
    assert run_cli(capsys, f"--changed-only={first}", "drafts/story.txt")[1] == [("drafts/story.txt", 6, "t.amid", "amidst")]


@needs_git
def test_changed_only_before_the_first_commit_counts_every_line(project: Path, capsys) -> None:
    git(project, "init", "-q")
    write(project / "story.txt", STORY)
    git(project, "add", "story.txt")
    assert run_cli(capsys, "--changed-only", "story.txt")[1] == [("story.txt", 3, "t.amid", "amidst")]


@needs_git
def test_changed_only_handles_quoted_and_non_ascii_paths(repo: Path, capsys) -> None:
    odd = write(repo / "drafts" / 'Café "quote".txt', "Calm.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd")
    odd.write_text("Calm.\nIt came amidst talks.\n", encoding="utf-8")
    assert run_cli(capsys, "--changed-only", "HEAD", str(odd.relative_to(repo)))[1] == [
        ('drafts/Café "quote".txt', 2, "t.amid", "amidst")
    ]


@needs_git
def test_changed_only_outside_a_repository_or_with_an_unknown_revision_exits_2(project: Path, repo: Path, capsys, tmp_path_factory) -> None:
    code, found, err = run_cli(capsys, "--changed-only", "no-such-branch", "drafts")
    assert code == 2 and found == [] and "unknown git revision 'no-such-branch'" in err
    outside = write(tmp_path_factory.mktemp("loose") / "a.txt", "It came amidst talks.\n")
    code, found, err = run_cli(capsys, "--changed-only", "HEAD", str(outside))
    assert code == 2 and found == [] and "not in a git repository" in err


# Parallel jobs

@pytest.fixture
def many_drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(6):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"{copy}_{seed.name}")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("output", ["text", "json", "sarif"])
def test_parallel_output_is_identical_to_a_serial_run(many_drafts: Path, capsys, output: str) -> None:
    args = ["--config", str(many_drafts / "empty.yaml"), "--date", "2024-01-29", "--format", output, str(many_drafts / "many")]
    serial = main([*args, "--jobs", "1"]), capsys.readouterr().out
    parallel_run = main([*args, "--jobs", "3"]), capsys.readouterr().out
    assert serial == parallel_run and serial[1].count("many/") > 30


def test_one_job_or_one_draft_starts_no_pool(project: Path, capsys, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a process pool was started")
    monkeypatch.setattr(parallel, "ordered_map", refuse)
    write(project / "a.txt", "It came amidst talks.\n")
    write(project / "b.txt", "Teh talks.\n")
    assert run_cli(capsys, "--jobs", "1", "a.txt", "b.txt")[0] == 1
    assert run_cli(capsys, "--jobs", "4", "a.txt")[0] == 1


def test_parallel_fix_mode_fixes_every_draft(project: Path, capsys) -> None:
    drafts = [write(project / f"{i}.txt", "It came amidst talks.\n") for i in range(4)]
    assert main(["--fix", "--jobs", "2", *[d.name for d in drafts]]) == 0
    assert {d.read_text(encoding="utf-8") for d in drafts} == {"It came amid talks.\n"}


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(project: Path, capsys, value: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--jobs", value, "a.txt"])
    assert exited.value.code == 2


# Fail levels and exit statuses

DRAFTS = {"info": "Interestingly, it rained.\n", "warning": "It came amidst talks.\n", "error": "Teh talks.\n"}


@pytest.mark.parametrize("fail_level, worst, expected", [
    ("info", "info", 1), ("info", "warning", 1), ("info", "error", 1),
    ("warning", "info", 0), ("warning", "warning", 1), ("warning", "error", 1),
    ("error", "info", 0), ("error", "warning", 0), ("error", "error", 1),
])
def test_fail_level_fails_on_findings_at_or_above_it(project: Path, capsys, fail_level: str, worst: str, expected: int) -> None:
    write(project / "a.txt", DRAFTS[worst])
    code, found, _ = run_cli(capsys, "--fail-level", fail_level, "a.txt")
    assert code == expected and [f[2] for f in found] == [f"t.{ {'info': 'hype', 'warning': 'amid', 'error': 'typo'}[worst]}"]


def test_fail_level_from_the_configuration_and_after_the_baseline(project: Path, capsys) -> None:
    write(project / "a.txt", DRAFTS["warning"])
    (project / ".factlint.yaml").write_text("default_rules: false\nrules: [pack]\nfail_level: error\n", encoding="utf-8")
    assert run_cli(capsys, "a.txt")[0] == 0
    assert run_cli(capsys, "--fail-level", "warning", "a.txt")[0] == 1
    run_cli(capsys, "--write-baseline", "b.json", "a.txt")
    assert run_cli(capsys, "--fail-level", "info", "--baseline", "b.json", "a.txt")[0] == 0


def test_clean_drafts_exit_0(project: Path, capsys) -> None:
    write(project / "a.txt", "It came amid talks.\n")
    assert run_cli(capsys, "--fail-level", "info", "a.txt") == (0, [], "")


@pytest.mark.parametrize("args, problem", [
    (["missing.txt"], "missing.txt: no such file or directory"),
    (["--config", "nope.yaml", "a.txt"], "nope.yaml: no such configuration file"),
    (["--rules", "no-pack", "a.txt"], "no-pack: no such rule file or directory"),
    (["binary.txt", "a.txt"], "binary.txt: binary file"),
])
def test_exit_2_when_factlint_cannot_do_its_job_even_with_findings(project: Path, capsys, args: list[str], problem: str) -> None:
    write(project / "a.txt", DRAFTS["error"])
    (project / "binary.txt").write_bytes(b"\x00\x01")
    code, _, err = run_cli(capsys, *args)
    assert code == 2 and problem in err
