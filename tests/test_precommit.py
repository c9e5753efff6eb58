"""The pre-commit hook: a newsroom repository that uses it fails on a bad draft, passes a clean one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo,
                          capture_output=True, text=True, check=False)


def test_hook_fails_on_a_violation_and_passes_a_clean_draft(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is installed from this checkout's git history")
    revision = git(ROOT, "rev-parse", "HEAD")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {revision}\n    hooks:\n      - id: factlint\n", encoding="utf-8"
    )
    draft = repo / "draft.md"
    draft.write_text("# Talks\n\nThe talks came amidst tension, officials said.\n", encoding="utf-8")
    git(repo, "add", ".")
    failed = pre_commit(repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "draft.md:3:16: warning style.amid" in failed.stdout
    draft.write_text("# Talks\n\nThe talks came amid tension, officials said.\n", encoding="utf-8")
    git(repo, "add", ".")
    passed = pre_commit(repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
