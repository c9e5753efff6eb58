"""Output formats: a dict of names to small modules, each with render(report, color) -> str."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from factlint.report import Report

FORMATS: dict[str, str] = {
    "text": "factlint.formats.text",
    "json": "factlint.formats.json_format",
    "sarif": "factlint.formats.sarif",
    "github": "factlint.formats.github",
    "junit": "factlint.formats.junit",
}

Formatter = Callable[[Report, bool], str]
Destination = tuple[str, Path | None]  # a format and its file; None is standard output


class OutputError(Exception):
    """Output options that contradict each other, or a report file that cannot be written."""


def formatter(name: str) -> Formatter:
    """Return the render function of a named format."""
    return importlib.import_module(FORMATS[name]).render


def destinations(chosen: list[str] | None, files: dict[str, Path], output: Path | None) -> list[Destination]:
    """Route formats: those with a file of their own go there, the rest (one at most) to stdout or --output."""
    named = list(dict.fromkeys(chosen if chosen is not None else ["text"]))
    streamed = [name for name in named if name not in files]
    if len(streamed) > 1:
        raise OutputError(
            f"formats {', '.join(streamed)} would share one output; "
            f"give all but one a file of its own with --output-FORMAT PATH"
        )
    if output is not None and not streamed:
        raise OutputError("--output needs a --format that has no --output-FORMAT file")
    routed = [(name, output) for name in streamed]
    routed += [(name, files[name]) for name in FORMATS if name in files]
    paths = [path.resolve() for _, path in routed if path is not None]
    if len(paths) != len(set(paths)):
        raise OutputError("two formats would write the same file")
    return routed


def emit(routes: list[Destination], report: Report, write_stdout: Callable[[str], object], color: bool) -> None:
    """Render the report once per destination; color only ever reaches the terminal."""
    for name, path in routes:
        rendered = formatter(name)(report, color and path is None)
        if path is None:
            write_stdout(rendered)
            continue
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write(rendered)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write the {name} report: {exc.strerror or exc}") from None
