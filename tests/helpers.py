"""Test helpers: lint a small inline text with chosen rules and get its findings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from factlint.document import Dateline, Document
from factlint.engine import RuleSet, lint
from factlint.finding import Finding

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
SEEDS = ROOT / "seeds"
_CACHE: dict[tuple[str, ...], RuleSet] = {}


def rule_set(*packs: Path) -> RuleSet:
    """Load (once per test session) the rule packs given, the default pack if none."""
    key = tuple(str(p) for p in packs or (RULES,))
    if key not in _CACHE:
        _CACHE[key] = RuleSet.load([Path(p) for p in key])
    return _CACHE[key]


def run(text: str, select: list[str] | None = None, date: str | None = None,
        path: str = "draft.txt", packs: tuple[Path, ...] = ()) -> list[Finding]:
    """Lint text with the selected rules (globs) of the packs and return its findings."""
    rules = rule_set(*packs).configured(select or [], [], {})
    override = Dateline(dt.date.fromisoformat(date), "test") if date else None
    doc = Document(text, path, path.endswith((".md", ".markdown")), override)
    return lint(doc, rules)


def brief(findings: list[Finding]) -> list[tuple[str, int, int, str]]:
    """Reduce findings to (rule, line, column, match) for exact comparisons."""
    return [(f.rule, f.line, f.column, f.match) for f in findings]


# The packs the attribution checks are tested with: figures and quotes.
ATTRIBUTION_PACKS = (RULES / "figures", RULES / "quotes")


def brief_of(rule: str, text: str, packs: tuple[Path, ...] = ATTRIBUTION_PACKS) -> list[tuple[str, int, int, str]]:
    """Return the brief findings of one rule (or glob) on text."""
    return brief(run(text, select=[rule], packs=packs))


def write_project(root: Path, pack: dict[str, str]) -> Path:
    """Write a project whose `.factlint.yaml` loads only the given rule files, as pack `t`."""
    folder = root / "pack" / "t"
    folder.mkdir(parents=True)
    for name, text in pack.items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / ".factlint.yaml").write_text("default_rules: false\nrules: [pack]\n", encoding="utf-8")
    return root


SUMMARY = re.compile(r"^\d+ findings? \(\d+ fixable\) in \d+ files?$")


def finding_lines(out: str) -> list[str]:
    """Return the finding lines of text output: not the excerpts under them, not the summary."""
    return [line for line in out.splitlines() if line and not line.startswith(" ") and not SUMMARY.match(line)]


def copy_working_tree(destination: Path) -> Path:
    """Copy this checkout's working tree (tracked and untracked, not ignored files) to destination."""
    import shutil
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination
