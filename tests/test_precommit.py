"""The pre-commit hook, installed from the README's snippet as written, on this working tree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import __version__
from tests.helpers import ROOT, copy_working_tree

README = (ROOT / "README.md").read_text(encoding="utf-8")
PLACEHOLDER = "https://github.com/<your-org>/factlint"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo,
                          capture_output=True, text=True, check=False)


def readme_snippet() -> str:
    """Return the README's .pre-commit-config.yaml snippet, exactly as a newsroom would copy it."""
    found = re.search(r"\*\*A newsroom repository's `\.pre-commit-config\.yaml`\*\*.*?```yaml\n(.*?)```", README, re.S)
    assert found, "the README has no pre-commit snippet"
    return found.group(1)


def test_the_snippet_names_the_release_tag_of_this_version() -> None:
    snippet = readme_snippet()
    assert f"rev: v{__version__}" in snippet and PLACEHOLDER in snippet
    assert "How `rev` is chosen" in README and "git tag" in README


def working_tree_release(tmp_path: Path) -> Path:
    """Copy this working tree (committed or not) into a repository tagged as this release."""
    release = copy_working_tree(tmp_path / "factlint")
    git(release, "init", "-q")
    git(release, "config", "user.email", "release@example.com")
    git(release, "config", "user.name", "Release")
    git(release, "add", "-A")
    git(release, "commit", "-q", "-m", "release")
    git(release, "tag", f"v{__version__}")
    return release


def test_the_readme_snippet_fails_on_a_violation_and_passes_a_clean_draft(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.fail("the hook is installed from a copy of this checkout's working tree: run in a git checkout")
    release = working_tree_release(tmp_path)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    (repo / ".pre-commit-config.yaml").write_text(readme_snippet().replace(PLACEHOLDER, str(release)), encoding="utf-8")
    draft = repo / "draft.md"
    draft.write_text("# Talks\n\nThe talks came amidst tension, officials said.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a clean start")  # --changed-only=HEAD: the next change is what counts
    draft.write_text("# Talks\n\nThe talks came amidst tension, officials said.\n"
                     "The envoy left amidst cheers, aides said.\n", encoding="utf-8")
    git(repo, "add", ".")
    failed = pre_commit(repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "draft.md:4:16: warning style.amid" in failed.stdout
    assert "draft.md:3:" not in failed.stdout  # an unchanged line is not held against the commit
    draft.write_text("# Talks\n\nThe talks came amidst tension, officials said.\n"
                     "The envoy left amid cheers, aides said.\n", encoding="utf-8")
    git(repo, "add", ".")
    passed = pre_commit(repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
