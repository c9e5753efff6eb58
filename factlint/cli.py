"""The command line: parse options, lint the drafts, print findings, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import functools
import gc
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from factlint import __version__, parallel, runner
from factlint.config import ConfigError, default_pack, merge_command_line
from factlint.document import Dateline
from factlint.engine import LoadError, RuleSet
from factlint.finding import LEVELS, Finding, level_rank
from factlint.formats import FORMATS, Destination, OutputError, destinations, emit
from factlint.readers import READERS
from factlint.readers.reading import TRACKED_CHANGES
from factlint.report import FileReport, Report
from factlint.runner import STDIN, Outcome, Resolver, collect, lint_one

if TYPE_CHECKING:
    from factlint.baseline import Baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SERVERS = ("lsp", "serve")


def _date(value: str) -> Dateline:
    try:
        return Dateline(dt.date.fromisoformat(value), "--date")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def _globs(value: str) -> list[str]:
    return [v for v in value.split(",") if v]


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of processes: {value!r}")
    return int(value)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, the terminal's width found as shutil finds it but without shutil.

    argparse makes a formatter for every option it adds, and the first one imports shutil (and
    bz2 and lzma with it): a share of every commit hook's start-up, for help it seldom prints.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """Return the terminal's width in columns: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the factlint command."""
    parser = argparse.ArgumentParser(
        prog="factlint",
        formatter_class=_HelpFormatter,
        description="Fact-check a draft: dates, names, figures and house style, from YAML rules.",
        epilog="Editors: `factlint lsp` runs a language server, `factlint serve` a local page. "
               "Exit status: 0 no finding at or above --fail-level (after --baseline and --changed-only), "
               "1 findings, 2 usage, configuration or input error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="drafts or folders (.txt, .md, .docx, .html); - for standard input")
    parser.add_argument("--rules", action="append", type=Path, metavar="PATH", help="a rule file or pack to add (repeatable)")
    parser.add_argument("--no-default-rules", action="store_true", help="do not load the default rule pack")
    parser.add_argument("--select", action="append", type=_globs, metavar="GLOBS", help="run only these rule ids (globs, comma-separated)")
    parser.add_argument("--ignore", action="append", type=_globs, metavar="GLOBS", help="skip these rule ids (globs, comma-separated)")
    parser.add_argument("--fail-level", choices=LEVELS, help="lowest level that fails the run (default: warning)")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the dateline, overriding any in the draft")
    parser.add_argument("--format", action="append", choices=sorted(FORMATS), help="output format, repeatable (default: text)")
    parser.add_argument("--output", type=Path, metavar="PATH", help="write the report to PATH instead of standard output")
    parser.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file instead of looking one up")
    parser.add_argument("--warn-unused-disables", action="store_true", default=None,
                        help="report factlint-disable comments that silence nothing")
    parser.add_argument("--input-format", choices=sorted(READERS), help="read every draft as this format (default: by extension; text for -)")
    parser.add_argument("--tracked-changes", choices=TRACKED_CHANGES,
                        help="lint a Word draft with its tracked changes accepted (default) or as it reads now")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    parser.add_argument("--across", action="store_true",
                        help="compare the drafts named with each other as one story set (names, titles, figures, dates)")
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply fixes to the files in place")
    fixing.add_argument("--diff", action="store_true", help="print fixes as a unified diff; change nothing")
    fixing.add_argument("--annotate", action="store_true", help="write each finding as a comment into draft.factlint.docx")
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--list-rules", action="store_true", help="list the rules that would run, and exit")
    actions.add_argument("--test-rules", nargs="?", const="", metavar="PATH", help="run the rules' examples (of PATH, or of the configured packs)")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    _add_ci_options(parser)
    return parser


def _add_ci_options(parser: argparse.ArgumentParser) -> None:
    """Add the options a CI job uses: report files, baselines, changed lines, processes."""
    ci = parser.add_argument_group("CI gates and reports")
    for name in sorted(FORMATS):
        ci.add_argument(f"--output-{name}", type=Path, metavar="PATH", help=f"also write a {name} report to PATH")
    baselines = ci.add_mutually_exclusive_group()
    baselines.add_argument("--baseline", type=Path, metavar="FILE", help="do not report the findings recorded in FILE")
    baselines.add_argument("--write-baseline", type=Path, metavar="FILE", help="record every current finding in FILE, and exit 0")
    ci.add_argument("--changed-only", nargs="?", const="HEAD", metavar="REV",
                    help="report only findings on lines changed since git revision REV (default: HEAD)")
    ci.add_argument("--jobs", type=_jobs, metavar="N", help="lint in N processes (default: number of cores)")


def main(argv: list[str] | None = None) -> int:
    """Run factlint with the given arguments and return its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["registry"]:
        from factlint.suggest import main as registry_main  # only `factlint registry …` needs it

        return registry_main(argv[1:])
    if argv and argv[0] in SERVERS:  # a draft folder of that name is still reachable as ./lsp
        return _serve(argv[0], argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(parser, args)
    except _reported_errors() as exc:
        _print_error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a crash must read as "could not lint" (2), not "findings" (1)
        _print_error(runner.internal_error('', exc))
        return EXIT_ERROR


def _reported_errors() -> tuple[type[Exception], ...]:
    """Return the errors reported as one line with exit status 2 (read only once one is raised)."""
    # Imported here, not at the top: a plain check run never reads a baseline or asks git.
    from factlint.baseline import BaselineError
    from factlint.changed import GitError

    return (ConfigError, LoadError, OutputError, BaselineError, GitError, parallel.WorkerError)


def _print_error(message: str) -> None:
    """Print one error line: a path or value holding a line break or control character stays on it."""
    from factlint.formats.text import visible

    print(f"factlint: error: {visible(message)}", file=sys.stderr)


def _serve(name: str, argv: list[str]) -> int:
    """Run one of the editor surfaces: the language server or the local page."""
    if name == "lsp":
        from factlint.lsp import command
    else:
        from factlint.serve import command
    return command.main(argv)


def _layer(args: argparse.Namespace):
    """Return the function that lays the command-line options over a file's settings.

    It is a partial, not a closure, so that worker processes can be sent it.
    """
    return functools.partial(
        merge_command_line,
        rules=args.rules,
        default_rules=False if args.no_default_rules else None,
        select=tuple(g for group in args.select for g in group) if args.select else None,
        ignore=tuple(g for group in args.ignore for g in group) if args.ignore else None,
        fail_level=args.fail_level,
        date=args.date,
        warn_unused_disables=args.warn_unused_disables,
        input_format=args.input_format,
        tracked_changes=args.tracked_changes,
    )


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Dispatch to the action the arguments ask for."""
    resolver = Resolver(_layer(args), args.config)
    if args.config is not None and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such configuration file")
    if args.test_rules is not None:
        return _test_rules(args.test_rules, resolver)
    if args.list_rules:
        return _list_rules(resolver)
    if args.changed_only is not None and Path(args.changed_only).exists():
        # `--changed-only drafts/` names a path, not a revision: argparse cannot tell them apart.
        args.paths.insert(0, args.changed_only)
        args.changed_only = "HEAD"
    if not args.paths:
        parser.error("no PATH given (use - for standard input)")
    if (args.fix or args.diff or args.annotate) and STDIN in args.paths:
        parser.error("--fix, --diff and --annotate need files, not standard input")
    if args.changed_only is not None and STDIN in args.paths:
        parser.error("--changed-only needs files in a git repository, not standard input")
    files = {name: getattr(args, f"output_{name}") for name in FORMATS if getattr(args, f"output_{name}")}
    routes = destinations(args.format, files, args.output)
    return _lint(args, resolver, routes)


def _lint_all(args: argparse.Namespace, resolver: Resolver, paths: list[Path], mode: str) -> list[Outcome]:
    """Lint the drafts, in worker processes when there are several drafts and jobs."""
    jobs = args.jobs or parallel.default_jobs()
    if len(paths) == 1:
        return [lint_one(paths[0], resolver, mode, jobs)]  # a long draft's rules are shared out among the jobs
    if jobs == 1 or STDIN in map(str, paths):
        return [lint_one(path, resolver, mode) for path in paths]
    for path in paths:  # load each configuration's rules once, here, before workers fork
        resolver.rule_set(path)
    runner.share(resolver, mode)
    return parallel.ordered_map(runner.lint_in_worker, paths, jobs, runner.start_worker,
                                (resolver.layer, resolver.config, mode))


def _lint(args: argparse.Namespace, resolver: Resolver, routes: list[Destination]) -> int:
    """Lint every draft, apply the gates, write the reports (or diffs); return the exit status."""
    known = _baseline(args.baseline) if args.baseline is not None else None
    mode = "fix" if args.fix else "diff" if args.diff else "annotate" if args.annotate else "check"
    entries = list(collect(args.paths, resolver))
    _refuse_reports_over_inputs(args, routes, [path for path, problem in entries if problem is None])
    files, errors, diffs = _outcomes(args, resolver, mode, entries)
    if mode == "check" and len(files) > 1:  # a story set is two drafts or more
        from factlint.storysets import cross_lint

        files = cross_lint(files, resolver.settings, resolver.rule_set, args.across)
    if args.diff:
        sys.stdout.write("".join(diffs))
        return EXIT_ERROR if errors else (EXIT_FINDINGS if any(diffs) else EXIT_CLEAN)
    if args.changed_only is not None:
        from factlint.changed import changed_lines, keep_changed

        lines = changed_lines([file.path for file in files], args.changed_only)
        files = [keep_changed(file, lines[file.path]) for file in files]
    if args.write_baseline is not None:
        from factlint.baseline import write

        count = write(args.write_baseline, files)
        print(f"factlint: recorded {count} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_CLEAN
    if known is not None:
        files = known.new_findings(files)
    report = Report(tuple(files), _rules_of(resolver, args.paths), tuple(errors))
    emit(routes, report, sys.stdout.write, _use_color(args, routes))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if _failing(files, resolver) else EXIT_CLEAN


def _baseline(path: Path) -> Baseline:
    """Read the --baseline file."""
    from factlint.baseline import Baseline  # here: most runs have none

    return Baseline.load(path)


def _outcomes(args: argparse.Namespace, resolver: Resolver, mode: str,
              entries: list[tuple[Path, str | None]]) -> tuple[list[FileReport], list[str], list[str]]:
    """Lint every draft in order; return the reports, the errors (printed as they come) and the diffs."""
    outcomes = iter(_lint_all(args, resolver, [path for path, problem in entries if problem is None], mode))
    files: list[FileReport] = []
    errors, diffs, done = [], [], []
    for path, problem in entries:
        outcome = next(outcomes) if problem is None else None
        error = problem and f"{path}: {problem}" or (outcome.error if outcome else None)
        if error:
            errors.append(error)
            _print_error(error)
            continue
        files.append(outcome.report)
        diffs.append(outcome.diff)
        done.append(outcome)
    if mode in ("fix", "diff"):
        _say_what_was_fixed(done, mode)
    return files, errors, diffs


def _say_what_was_fixed(outcomes: list[Outcome], mode: str) -> None:
    """Tell, on standard error, which fixes were applied and which were left out, and how many."""
    verb = "fixed" if mode == "fix" else "would fix"
    for outcome in outcomes:
        for f in outcome.applied:
            print(f"factlint: {verb} {_place(f)}: {f.rule} {f.match!r} → {f.fix!r}", file=sys.stderr)
        for f in outcome.unfixed:
            print(f"factlint: not fixed {_place(f)}: {f.rule} {f.match!r}: its fix conflicts with "
                  "another rule's or would be changed again", file=sys.stderr)
    applied = sum(len(o.applied) for o in outcomes)
    unfixed = sum(len(o.unfixed) for o in outcomes)
    changed_files = sum(bool(o.applied) for o in outcomes)
    left = f"; {unfixed} left for an editor" if unfixed else ""
    print(f"factlint: {verb} {applied} {'fix' if applied == 1 else 'fixes'} in {changed_files} "
          f"{'file' if changed_files == 1 else 'files'}{left}", file=sys.stderr)


def _place(finding: Finding) -> str:
    """Return where a finding is: path:line:column, or path:¶paragraph:column in a Word draft."""
    return f"{finding.path}:{'¶' if finding.container else ''}{finding.line}:{finding.column}"


def _refuse_reports_over_inputs(args: argparse.Namespace, routes: list[Destination], drafts: list[Path]) -> None:
    """Refuse a report, or a baseline, whose file is one of the drafts or configuration files read."""
    outputs = [path for _, path in routes if path is not None]
    if args.write_baseline is not None:
        outputs.append(args.write_baseline)
    inputs = [p for p in drafts if str(p) != STDIN] + ([args.config] if args.config else [])
    for output in outputs:
        if output.exists() and any(_same_file(output, source) for source in inputs):
            raise OutputError(f"{output}: is an input of this run; refusing to write a report over it")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _failing(files: list[FileReport], resolver: Resolver) -> bool:
    """Tell whether any finding reaches the fail level of its draft's configuration."""
    for file in files:
        path = Path(STDIN if file.path == "<stdin>" else file.path)
        rank = level_rank(resolver.settings(path).fail_level)
        if any(level_rank(f.level) >= rank for f in file.findings):
            return True
    return False


def _rules_of(resolver: Resolver, paths: list[str]) -> tuple:
    """Return the rules that ran, for formats that describe them."""
    seen: dict[str, object] = {}
    for rule_set in resolver.loaded_rule_sets():
        for loaded in rule_set.rules:
            seen.setdefault(loaded.rule.id, loaded.rule)
    return tuple(seen[k] for k in sorted(seen))


def _use_color(args: argparse.Namespace, routes: list[Destination]) -> bool:
    if ("text", None) not in routes or args.color == "never":
        return False
    if args.color == "always":
        return True
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _list_rules(resolver: Resolver) -> int:
    """Print the rules that would run on a draft in the working directory."""
    rule_set = resolver.rule_set(Path(STDIN))
    for loaded in rule_set.rules:
        rule = loaded.rule
        summary = " ".join(rule.description.split())[:80]
        print(f"{rule.id:32} {rule.kind:13} {rule.level:8} {summary}")
    return EXIT_CLEAN


def _test_rules(target: str, resolver: Resolver) -> int:
    """Run the examples of a rule pack and report each failure; exit 1 if any fails."""
    from factlint.ruletest import run_examples

    settings = resolver.settings(Path(STDIN))
    packs = [Path(target)] if target else settings.packs()
    rule_set = RuleSet.load(packs)
    # A pack of cross-story rules alone finds no names, figures or dates: the default pack does.
    sources = RuleSet.load([default_pack(), *packs]).sources if target else rule_set.sources
    count, failed, problems = run_examples(rule_set, sources)
    for problem in problems:
        print(f"FAIL {problem}")
    print(f"rule examples: {count - failed} passed, {failed} failed")
    return EXIT_FINDINGS if failed else EXIT_CLEAN


# A lint run makes many small objects and next to no reference cycles: with the interpreter's
# default thresholds the cycle collector walked them hundreds of times, an eighth of a long
# story's run, while collecting late keeps the same peak memory.
GC_THRESHOLDS = (50_000, 20, 100)


def entry_point() -> None:
    """Console-script entry point."""
    gc.set_threshold(*GC_THRESHOLDS)
    leave(main())


def leave(status: int | None) -> None:
    """End the process with `status` without freeing, one by one, every object it made.

    Tearing down the interpreter (the rule set's patterns, automata and word tables) was about
    a tenth of a commit hook's run, so once the output is flushed and the exit handlers have
    run, the process ends at once. Anything unusual (output that cannot be flushed, a thread
    still running) takes the ordinary way out, which reports it as before. Every path of main()
    returns a status; a missing one is a fault, and a fault reads as "could not lint" (2), never
    as a clean draft (0).
    """
    if not isinstance(status, int):
        _print_error(f"internal error: no exit status ({status!r}); please report it to the factlint maintainers")
        status = EXIT_ERROR
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(status)
    if threading.active_count() > 1 or not hasattr(atexit, "_run_exitfuncs"):
        sys.exit(status)
    atexit._run_exitfuncs()
    os._exit(status)


if __name__ == "__main__":
    # `python -m factlint.cli` ends the ordinary way, so that a profiler or tracer wrapping it
    # gets to write its report; the console script takes the fast way out.
    sys.exit(main())
