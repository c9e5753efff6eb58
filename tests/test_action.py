"""The repository-root GitHub Action: its steps' commands, run as the runner would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import venv
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, copy_working_tree

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def environment(found: dict, inputs: dict[str, str], action_path: Path) -> dict[str, str]:
    """Evaluate a step's `env:` the way the runner does, for `inputs.*` and `github.action_path`."""
    values = {f"inputs.{k}": v for k, v in inputs.items()} | {"github.action_path": str(action_path)}
    return {key: EXPRESSION.sub(lambda m: values[m.group(1)], str(value)) for key, value in found.get("env", {}).items()}


def run_step(name: str, cwd: Path, inputs: dict[str, str], path: str, output: Path,
             action_path: Path = ROOT) -> subprocess.CompletedProcess[str]:
    found = step(name)
    assert found["shell"] == "bash" and "${{" not in found["run"], "expressions belong in env:, not in the script"
    env = {**os.environ, **environment(found, inputs, action_path), "PATH": path, "GITHUB_OUTPUT": str(output)}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", found["run"]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def defaults() -> dict[str, str]:
    return {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Run the install step in a fresh virtual environment; return a PATH that finds its factlint."""
    folder = tmp_path_factory.mktemp("runner")
    venv.create(folder / "venv", with_pip=True)
    bin_dir = folder / "venv" / ("Scripts" if os.name == "nt" else "bin")
    path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    # The runner checks the action out on its own; a copy keeps the build out of this checkout.
    action = copy_working_tree(folder / "action")
    done = run_step("Install factlint", folder, defaults(), path, folder / "out", action)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (bin_dir / "factlint").exists()
    return path


@pytest.fixture()
def newsroom(tmp_path: Path) -> tuple[Path, str]:
    """A repository with a clean draft at its base commit, then a changed and a new draft."""
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    (repo / "drafts" / "old.md").write_text("# Talks\n\nThe talks came amidst tension, officials said.\n", encoding="utf-8")
    (repo / "drafts" / "kept.md").write_text("# Kept\n\nThe talks came amidst tension, she said.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "drafts" / "old.md").write_text("# Talks\n\nThe talks came amidst tension, officials said.\n"
                                            "The US team left amidst cheers, aides said.\n", encoding="utf-8")
    (repo / "drafts" / "new.txt").write_text("The mayor spoke amidst the protest, aides said.\n", encoding="utf-8")
    (repo / "notes.py").write_text("x = 'amidst'\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "change")
    return repo, base


def test_the_action_is_composite_and_uploads_its_sarif() -> None:
    assert ACTION["runs"]["using"] == "composite"
    upload = next(s for s in ACTION["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
    assert "always()" in upload["if"] and "inputs.upload-sarif == 'true'" in upload["if"]
    assert ACTION["outputs"]["sarif-file"]["value"] == "${{ steps.lint.outputs.sarif-file }}"


def test_the_lint_step_checks_only_changed_drafts_and_lines(installed: str, newsroom: tuple[Path, str]) -> None:
    repo, base = newsroom
    output = repo.parent / "github_output"
    done = run_step("Lint the changed drafts", repo, defaults() | {"base": base}, installed, output)
    assert done.returncode == 1, done.stdout + done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    files = {re.search(r"file=([^,]+)", line).group(1) for line in annotations}
    assert files == {"drafts/old.md", "drafts/new.txt"}  # not kept.md, not notes.py
    assert not any("line=3," in line and "old.md" in line for line in annotations)  # an old line
    sarif = json.loads((repo / "factlint.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert output.read_text(encoding="utf-8").strip() == "sarif-file=factlint.sarif"


def test_the_lint_step_passes_when_no_draft_changed(installed: str, newsroom: tuple[Path, str]) -> None:
    repo, _ = newsroom
    head = git(repo, "rev-parse", "HEAD")
    done = run_step("Lint the changed drafts", repo, defaults() | {"base": head}, installed, repo.parent / "out")
    assert done.returncode == 0 and "no changed drafts" in done.stdout


def test_the_lint_step_lints_everything_without_a_base(installed: str, newsroom: tuple[Path, str]) -> None:
    repo, _ = newsroom
    inputs = defaults() | {"base": "", "paths": "drafts", "args": "--fail-level error"}
    done = run_step("Lint the changed drafts", repo, inputs, installed, repo.parent / "out")
    assert done.returncode == 0, done.stdout + done.stderr  # warnings only, under --fail-level error
    assert "kept.md" in done.stdout and (repo / "factlint.sarif").exists()
