"""Find the drafts to lint, resolve each one's configuration, and lint, fix or diff them."""

from typing import NamedTuple

import errno
from collections import Counter
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from factlint import readers
from factlint.config import ConfigError, ConfigSearchError, Settings, build_rule_set, find_config, load_settings
from factlint.document import InputError
from factlint.engine import LintError, LoadError, RuleSet, lint, summarize
from factlint.finding import Finding
from factlint.readers.reading import Reading, ReadOptions, cannot_annotate
from factlint.report import FileReport

DRAFT_SUFFIXES = tuple(readers.SUFFIXES)
STDIN = "-"


class Outcome(NamedTuple):
    """What linting one draft produced: a report, a diff, or an error line."""

    report: FileReport | None = None
    diff: str = ""
    error: str | None = None
    applied: tuple[Finding, ...] = ()  # the fixes written (--fix) or shown (--diff)
    unfixed: tuple[Finding, ...] = ()  # reported fixes left out: they conflict or do not converge


class Resolver:
    """Resolve and cache the settings and rule set that apply to each draft."""

    def __init__(self, layer: Callable[[Settings], Settings], config: Path | None = None) -> None:
        self.layer = layer
        self.config = config
        self._by_source: dict[Path | None, tuple[Settings, RuleSet | None]] = {}
        self._by_folder: dict[Path, Path | None] = {}

    def settings(self, path: Path) -> Settings:
        """Return the merged settings for a draft: its nearest config, command line on top."""
        return self._entry(self._source(path))[0]

    def rule_set(self, path: Path) -> RuleSet:
        """Return the configured rule set for a draft, loaded once per configuration file."""
        source = self._source(path)
        settings, rules = self._entry(source)
        if rules is None:
            rules = build_rule_set(settings)
            self._by_source[source] = (settings, rules)
        return rules

    def loaded_rule_sets(self) -> list[RuleSet]:
        """Return the rule sets loaded so far, one per configuration in use."""
        return [rules for _, rules in self._by_source.values() if rules is not None]

    def _source(self, path: Path) -> Path | None:
        if self.config is not None:
            return self.config
        # Drafts share folders: one search per folder, not one walk to the root per draft.
        folder = Path.cwd() if str(path) == STDIN else path.parent
        if folder not in self._by_folder:
            real = folder.resolve()
            self._by_folder[folder] = find_config(real) or find_config(Path.cwd())
        return self._by_folder[folder]

    def _entry(self, source: Path | None) -> tuple[Settings, RuleSet | None]:
        if source not in self._by_source:
            self._by_source[source] = (self.layer(load_settings(source)), None)
        return self._by_source[source]


def collect(arguments: list[str], resolver: Resolver) -> Iterator[tuple[Path, str | None]]:
    """Yield each draft to lint, or a path with the reason it cannot be linted."""
    for argument in arguments:
        path = Path(argument)
        try:
            if argument == STDIN or path.is_file():
                if argument == STDIN or not resolver.settings(path).excluded(path):
                    yield path, None
            elif path.is_dir():
                yield from _drafts_below(path, resolver)
            else:
                yield path, describe_missing(path)
        except (OSError, ConfigSearchError) as exc:
            yield path, _reason(exc)


def describe_missing(path: Path) -> str:
    """Say what a path that is not a regular file or folder is, in words a user can act on."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return "broken symbolic link (its target does not exist)" if path.is_symlink() else "no such file or directory"
        return _reason(exc)
    if str(path) in STANDARD_INPUT_NAMES or str(path.resolve()).startswith("/proc/"):
        return "standard input is read with -, not by its device name"
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    what = next((name for test, name in kinds if test(mode)), "not a regular file")
    return f"{what}, not a draft file (pipe it to standard input with -)"


STANDARD_INPUT_NAMES = ("/dev/stdin", "/dev/fd/0", "/proc/self/fd/0")


def _reason(exc: Exception) -> str:
    """Return why a path could not be read, in one line."""
    if isinstance(exc, ConfigSearchError):
        return str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points, through other links, back to itself)"
    if isinstance(exc, OSError) and exc.errno == errno.EACCES:
        return "permission denied"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _drafts_below(folder: Path, resolver: Resolver) -> Iterator[tuple[Path, str | None]]:
    """Yield the drafts below a folder, skipping hidden folders and excluded paths.

    A subfolder that cannot be listed is yielded with the reason, so it is reported, not skipped.
    """
    found: list[tuple[Path, str | None]] = []
    unreadable: list[OSError] = []
    for root, folders, names in os.walk(folder, onerror=unreadable.append):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() not in DRAFT_SUFFIXES or path.stem.endswith(readers.ANNOTATED_SUFFIX):
                continue
            try:
                if path.is_file() and not resolver.settings(path).excluded(path):
                    found.append((path, None))
            except (OSError, ConfigSearchError) as exc:
                found.append((path, _reason(exc)))
    found.extend((Path(exc.filename or folder), _reason(exc)) for exc in unreadable)
    return iter(sorted(found, key=lambda entry: entry[0]))


def read(path: Path) -> bytes:
    """Read a draft's bytes from a file or standard input."""
    return sys.stdin.buffer.read() if str(path) == STDIN else path.read_bytes()


def lint_one(path: Path, resolver: Resolver, mode: str = "check", jobs: int = 1) -> Outcome:
    """Lint one draft; 'fix' writes its fixes, 'diff' returns them as a diff, 'annotate' writes comments.

    `jobs`: the processes a long draft's rules may be shared out among (see engine.lint).
    """
    shown = "<stdin>" if str(path) == STDIN else str(path)
    try:
        settings = resolver.settings(path)
        rules = resolver.rule_set(path)
        fmt = readers.format_of("" if str(path) == STDIN else shown, settings.input_format)
        reader, options = readers.reader(fmt), ReadOptions(fmt, settings.date, settings.tracked_changes)
        data = read(path)
        reading = reader.read(data, shown, options)
        doc = reading.doc
        if mode == "check":
            findings = lint(doc, rules, settings.warn_unused_disables, jobs)
            return Outcome(_report(reading, findings, summarize(doc, rules)))
        if mode == "annotate":
            return Outcome(_annotate(path, data, reader, reading, lint(doc, rules)))
        return _fix(path, data, reader, reading, options, rules, mode)
    except InputError as exc:
        return Outcome(error=f"{shown}: {exc}")
    except (OSError, ConfigSearchError) as exc:
        return Outcome(error=f"{shown}: {_reason(exc)}")
    except LintError as exc:
        return Outcome(error=str(exc))
    except (ConfigError, LoadError):
        raise  # a bad configuration or rule file stops the run: every draft would fail alike
    except Exception as exc:  # noqa: BLE001 - one draft's crash must not hide the others' findings
        return Outcome(error=internal_error(shown, exc))


def _fix(path: Path, data: bytes, reader: ModuleType, reading: Reading, options: ReadOptions,
         rules: RuleSet, mode: str) -> Outcome:
    """Fix one draft read from `data`: 'fix' writes the fixes into it, 'diff' returns them as a diff."""
    from factlint.fix import FixError, fix_with_report, unified_diff, write_atomic  # here: a check run never fixes

    doc, shown = reading.doc, reading.doc.path
    try:
        fixing = fix_with_report(doc, lambda d: lint(d, rules))
        fixed, diff, findings, first = fixing.doc, "", fixing.findings, reading
        if fixed.text != doc.text:
            written = reader.rewrite(data, reading, fixed.text)
            if mode == "fix":
                write_atomic(path, written, data)
            before, reading = reading, reader.read(written, shown, options)
            if mode == "diff":  # of the source as written (HTML, Markdown), of the text for Word
                diff = unified_diff(shown, before.report_text, reading.report_text)
    except FixError as exc:
        return Outcome(error=str(exc))
    applied, unfixed = (tuple(first.locate(f) for f in found) for found in (fixing.applied, fixing.unfixed))
    if fixed.text != doc.text and reading.doc.text != fixed.text:
        # Fixes the format could not take (a Word footnote, a match across HTML tags) are
        # not claimed as written: they are reported again from what was written.
        findings = lint(reading.doc, rules)
        applied = _not_left(applied, findings)
    return Outcome(_report(reading, findings), diff, applied=applied, unfixed=unfixed)


def _not_left(applied: tuple[Finding, ...], left: list[Finding]) -> tuple[Finding, ...]:
    """Return the applied fixes less one of the same rule and match per fixable finding left."""
    remaining = Counter((f.rule, f.match) for f in left if f.fix is not None)
    kept = []
    for finding in reversed(applied):  # the later ones are those the format could not take
        key = (finding.rule, finding.match)
        if remaining[key]:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return tuple(reversed(kept))


def _report(reading: Reading, findings: list[Finding], summary: dict[str, object] | None = None) -> FileReport:
    """Return a file's report with its findings placed in the file (paragraph, or source line)."""
    placed = tuple(reading.locate(f) for f in findings)
    return FileReport(reading.doc.path, reading.report_text, placed, summary or {}, reading.notes)


def _annotate(path: Path, data: bytes, reader: ModuleType, reading: Reading, findings: list[Finding]) -> FileReport:
    """Write the draft's findings as comments into a copy beside it; never touch the draft."""
    if not hasattr(reader, "annotate"):
        raise cannot_annotate()
    from factlint.fix import write_beside  # here: a check run writes no file

    target = path.with_name(readers.annotated_path(path.name))
    annotated, count = reader.annotate(data, reading, findings)
    write_beside(target, annotated, like=path)
    note = f"wrote {target} with {count} comments"
    if count < len(findings):
        note += f"; {len(findings) - count} findings outside the body (headers, footers, notes) have none"
    report = _report(reading, findings)
    return FileReport(report.path, report.text, report.findings, report.summary, (*report.notes, note))


def internal_error(where: str, exc: BaseException) -> str:
    """Return the one line that reports an unexpected failure, with a hint to report it; `where` is a draft, or ''."""
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    if not where:
        return f"internal error ({detail}); please report it to the factlint maintainers"
    return f"{where}: internal error ({detail}); please report it to the factlint maintainers with this draft"


# A worker process's resolver and mode. A forked worker inherits the parent's resolver, rule
# sets already loaded; a spawned one starts empty and builds its own from the same recipe.
_WORKER: dict[str, object] = {}


def share(resolver: Resolver, mode: str) -> None:
    """Make this process's resolver and mode the ones worker processes use."""
    _WORKER.update(resolver=resolver, mode=mode)


def start_worker(layer: Callable[[Settings], Settings], config: Path | None, mode: str) -> None:
    """Set up a worker process: reuse an inherited resolver, or build one from the recipe."""
    if _WORKER.get("mode") != mode or not isinstance(_WORKER.get("resolver"), Resolver):
        share(Resolver(layer, config), mode)


def lint_in_worker(path: Path) -> Outcome:
    """Lint one draft in a worker process set up by start_worker."""
    resolver = _WORKER["resolver"]
    assert isinstance(resolver, Resolver)
    return lint_one(path, resolver, str(_WORKER["mode"]))
