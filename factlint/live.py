"""Lint drafts held in memory, for the editor surfaces: the language server and the local page.

Both surfaces resolve settings and rule sets through the command line's Resolver, lint with the
engine's lint() and fix with fix_with_report() as --fix does, so a draft gets the same findings everywhere.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factlint.config import ConfigError, Settings
from factlint.document import MARKDOWN_SUFFIXES, Dateline, Document
from factlint.engine import LintError, LoadError, RuleSet, lint, rule_files
from factlint.finding import Finding
from factlint.fix import fix_with_report
from factlint.rule import Rule
from factlint.runner import Resolver

# A configuration or rule file named at the head of an error line: `path:line: problem`.
FILE_AND_LINE = re.compile(r"^(?P<path>.+?\.(?:ya?ml|toml))(?::(?P<line>\d+))?:")
DEFAULT_MAX_BYTES = 2_000_000
SETUP_ERRORS = (ConfigError, LoadError)
STAMP_INTERVAL = 1.0  # seconds between looks at a folder's configuration and rule files


@dataclass(frozen=True)
class Trouble:
    """Why a draft could not be linted: one line, and the file and 1-based line it names, if any."""

    message: str
    path: str | None = None
    line: int | None = None

    @classmethod
    def of(cls, error: Exception) -> Trouble:
        """Describe a configuration, rule or lint error, locating the file and line it names."""
        message = str(error)
        found = FILE_AND_LINE.match(message)
        if found is None:
            return cls(message)
        return cls(message, found["path"], int(found["line"]) if found["line"] else None)


@dataclass(frozen=True)
class Checked:
    """One linted draft: its document and findings, and the rules that produced them."""

    doc: Document
    findings: tuple[Finding, ...]
    rules: dict[str, Rule]
    unfixed: int = 0  # after fixing: fixes left out because they conflict or do not converge


def text_problem(text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Return why a draft's text is not lintable (binary, too large), or None when it is."""
    if "\x00" in text:
        return "binary data (contains NUL characters), not a text draft"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return (f"the draft is {_size(size)}, over this server's limit of {_size(max_bytes)}: "
                "lint it with the factlint command instead")
    return None


def _size(count: int) -> str:
    """Return a byte count as people read it: kB below a megabyte, MB above."""
    return f"{count / 1e6:.1f} MB" if count >= 1_000_000 else f"{count / 1e3:.0f} kB"


def is_markdown(path: str) -> bool:
    """Tell whether a draft's name marks it as Markdown."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def rules_by_id(rule_set: RuleSet) -> dict[str, Rule]:
    """Return the rules of a set keyed by id, for hover text and documentation links."""
    return {loaded.rule.id: loaded.rule for loaded in rule_set.rules}


def check(text: str, path: str, settings: Settings, rule_set: RuleSet,
          date: Dateline | None = None, markdown: bool | None = None) -> Checked:
    """Lint a draft's text as the command line would lint the same file; raise LintError."""
    markdown = is_markdown(path) if markdown is None else markdown
    doc = Document(text, path, markdown, date or settings.date)
    findings = lint(doc, rule_set, settings.warn_unused_disables)
    return Checked(doc, tuple(findings), rules_by_id(rule_set))


def fix_all(text: str, path: str, settings: Settings, rule_set: RuleSet,
            date: Dateline | None = None, markdown: bool | None = None) -> Checked:
    """Apply every fix as `factlint --fix` would; return the fixed draft and what remains."""
    markdown = is_markdown(path) if markdown is None else markdown
    doc = Document(text, path, markdown, date or settings.date)
    outcome = fix_with_report(doc, lambda d: lint(d, rule_set))
    return Checked(outcome.doc, tuple(outcome.findings), rules_by_id(rule_set), len(outcome.unfixed))


def changed_span(before: str, after: str) -> tuple[int, int, str]:
    """Return the one replacement (start, end, new text) that turns before into after."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return prefix, len(before) - suffix, after[prefix:len(after) - suffix]


def examples_of(rule: Rule) -> tuple[str | None, str | None]:
    """Return the text of a rule's first failing example and of its first passing one."""
    failing = next((e["text"] for e in rule.examples if e.get("matches")), None)
    passing = next((e["text"] for e in rule.examples if not e.get("matches")), None)
    return failing, passing


def doc_link(rule: Rule) -> str | None:
    """Return where a rule is documented: its `link`, else its rule file."""
    if rule.link:
        return rule.link
    return Path(rule.source).resolve().as_uri() if rule.source else None


class Folders:
    """One Resolver per workspace folder: settings and rule sets loaded once, dropped on reload.

    Editors that watch files for the server say when a configuration or rule file changes; for
    those that do not, a folder's files are also looked at, at most once a second, as it lints.
    """

    def __init__(self, roots: list[Path], layer=lambda settings: settings) -> None:
        self.roots = sorted((root.resolve() for root in roots), key=lambda r: len(r.parts), reverse=True)
        self.layer = layer
        self._resolvers: dict[Path | None, Resolver] = {}
        self._inputs: dict[Path | None, set[Path]] = {}
        self._stamps: dict[Path | None, tuple[float, object]] = {}
        self._benched: dict[Path | None, dict[str, str]] = {}

    def _root(self, path: Path) -> Path | None:
        real = path.resolve()
        return next((r for r in self.roots if real == r or r in real.parents), None)

    def resolver(self, path: Path) -> Resolver:
        """Return the resolver of the workspace folder that holds a draft (or of no folder)."""
        root = self._root(path)
        if root not in self._resolvers:
            self._resolvers[root] = Resolver(self.layer)
            self._inputs[root] = set()
        return self._resolvers[root]

    def load(self, path: Path) -> tuple[Settings, RuleSet]:
        """Return a draft's settings and rule set; raise ConfigError or LoadError."""
        root = self._root(path)
        if self._changed(root):
            self._resolvers.pop(root, None)
            self._benched.pop(root, None)
        resolver = self.resolver(path)
        settings = resolver.settings(path)
        inputs = {p for p in (settings.source, *settings.rules) if p is not None}
        if not inputs <= self._inputs[root]:  # files first read now: their state is the baseline
            self._inputs[root] |= inputs
            self._stamps[root] = (time.monotonic(), stamp_of(self._inputs[root]))
        rule_set = resolver.rule_set(path)
        benched = self._benched.get(root)
        if benched:
            rule_set = RuleSet(tuple(r for r in rule_set.rules if r.rule.id not in benched), rule_set.ids)
        return settings, rule_set

    def bench(self, path: Path, error: LintError) -> None:
        """Switch off, in a draft's folder, the rule that could not finish, until its files change."""
        self._benched.setdefault(self._root(path), {})[error.rule or ""] = (
            f"{error}; it is switched off until its rule file changes")

    def benched(self, path: Path) -> list[str]:
        """Return why each rule switched off in a draft's folder is off."""
        return list(self._benched.get(self._root(path), {}).values())

    def _changed(self, root: Path | None) -> bool:
        """Tell whether a folder's configuration or rule files changed since last looked at (throttled)."""
        now = time.monotonic()
        checked = self._stamps.get(root)
        if checked is not None and now - checked[0] < STAMP_INTERVAL:
            return False
        stamp = stamp_of(self._inputs.get(root, ()))
        self._stamps[root] = (now, stamp)
        return checked is not None and checked[1] != stamp

    def reload(self) -> None:
        """Forget every loaded configuration and rule set: the next lint reads them afresh."""
        self._resolvers.clear()
        self._stamps.clear()
        self._benched.clear()


def stamp_of(paths: Iterable[Path]) -> tuple:
    """Return the modification times of configuration files and of every rule file in packs."""
    stamps = []
    for path in sorted(paths):
        files = rule_files(path) if path.is_dir() else [path]
        for file in files:
            try:
                stamps.append((str(file), file.stat().st_mtime_ns))
            except OSError:
                stamps.append((str(file), None))
    return tuple(stamps)

