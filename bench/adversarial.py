"""Adversarial draft shapes: time against size for each, to show every scan grows linearly.

Run from a checkout:  python bench/adversarial.py [--sizes 100000,200000,400000] [--shape NAME]
Each shape is a draft built to make a careless scan quadratic (an unclosed comment, fence or
link, runs that look like e-mail addresses or URLs, quote marks, backtick runs). Each is linted
as Markdown with the default rule pack at each size; the last column is the time ratio of the
largest size to the smallest divided by their size ratio: about 1 for linear growth, the size
ratio itself for quadratic growth. Each time is the fastest of --repeat runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factlint.config import Settings, build_rule_set  # noqa: E402
from factlint.document import Document  # noqa: E402
from factlint.engine import lint  # noqa: E402


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


def _backticks(size: int) -> str:
    """Backtick runs of lengths 1, 2, 3 …: no run closes another, every one opens a span."""
    pieces, total, length = [], 0, 1
    while total < size:
        pieces.append("`" * length + " x ")
        total += length + 3
        length += 1
    return "".join(pieces)


SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed comment": _repeat("The plan. <!-- "),
    "unclosed directive": _repeat("<!-- factlint-disable style.amid "),
    "unclosed fence": lambda size: "```\n" + _repeat("The plan went ahead.\n")(size),
    "fence openers": _repeat("```x\nThe plan.\n"),
    "unclosed link": _repeat("[the plan]("),
    "long link target": lambda size: "[the plan](" + "a" * size,
    "e-mail-like run": lambda size: "Write to " + "a." * (size // 4) + "@" + "b" * (size // 2),
    "at signs": _repeat("a.b@c"),
    "URL-like run": lambda size: "See http://" + "a." * (size // 2),
    "www runs": _repeat("www.a "),
    "straight quotes": _repeat('"The plan. '),
    "curly quotes": _repeat("“The plan, ”he said “"),
    "backtick runs": _backticks,
    "one long line of words": _repeat("The plan went ahead on Monday, officials said, amid 3 talks. "),
    "autolink opener": _repeat("<a@b "),
    "html tags": _repeat("<b x "),
}


def time_shape(make: Callable[[int], str], size: int, rules) -> float:
    """Return the seconds to build and lint one draft of the shape at the size."""
    text = make(size)
    started = time.perf_counter()
    lint(Document(text, "draft.md", markdown=True), rules)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,200000,400000", help="draft sizes in characters")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts (default 3)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rules = build_rule_set(Settings())
    print(f"{'shape':26}" + "".join(f"{size:>12,}" for size in sizes) + "   growth")
    for name in args.shape or SHAPES:
        # The fastest of a few runs: other processes only ever add time.
        times = [min(time_shape(SHAPES[name], size, rules) for _ in range(args.repeat)) for size in sizes]
        growth = (times[-1] / max(times[0], 1e-9)) / (sizes[-1] / sizes[0])
        print(f"{name:26}" + "".join(f"{t:>11.3f}s" for t in times) + f"   {growth:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
