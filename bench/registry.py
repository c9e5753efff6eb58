"""Registry scaling: build and lint time of the names kind with a 100,000- and a 10-entity registry.

Run from a checkout:  python bench/registry.py [--quick]
Generates both registries in a temporary folder (the compiled-registry cache goes there too),
measures the cold build (parse YAML, compile the automaton), the build from the disk cache, and
the time to lint one ~1,000-word article with each, and prints the figures and the ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factlint.document import Document  # noqa: E402
from factlint.engine import RuleSet, lint, load_rule_file  # noqa: E402

LARGE, SMALL = 100_000, 10
FIRST = ("Amara Bruno Celia Dmitri Elena Farid Greta Hiro Ines Jonas Kemal Lucia Mateo Nadia Oskar "
         "Priya Quentin Rosa Samir Tomas Ursula Viktor Wanda Xavier Yara Zoltan").split()
SYLLABLES = "ba ko ren da mi sul tar ve lo an esh or nik pa ru sel dor wyn gal fe".split()
TITLES = [("Deputy Secretary", "Deputy Sec."), ("Homeland Security Advisor", "Homeland Security Adviser"),
          ("Commissioner", "Commisioner"), ("Special Envoy", "Special Envoi")]
RULE = ("kind: names\nlevel: error\nregistry: _registry.yaml\n"
        "check: [variants, titles, near-miss, first-reference]\n")


def surname(rng: random.Random, index: int) -> str:
    """A made-up surname, unique by index."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(2)) + SYLLABLES[index % len(SYLLABLES)]
    return f"{word.capitalize()}{_suffix(index)}"


def _suffix(index: int) -> str:
    """Letters that make every generated surname distinct (base 26, lower case)."""
    letters = ""
    while True:
        index, rest = divmod(index, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
        if not index:
            return letters


def registry_yaml(size: int, seed: int = 7) -> str:
    """A registry of `size` entities: four people for every organisation, with variants and titles."""
    rng = random.Random(seed)
    people, orgs = ["people:"], ["organizations:"]
    for index in range(size):
        last = surname(rng, index)
        if index % 5 == 4:
            orgs.append(f"  - name: {last} Development Council\n    variants: [{last} Dev Council]")
            continue
        first = rng.choice(FIRST)
        title, variant = TITLES[index % len(TITLES)]
        people.append(f"  - name: {first} {last}\n    variants: [{first[:3]}. {last}]\n"
                      f"    titles: [{title}]\n    title_variants: [{variant}]")
    return "\n".join(people + orgs) + "\n"


def write_pack(folder: Path, size: int) -> Path:
    """Write a rule file and its registry data file; return the rule file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_registry.yaml").write_text(registry_yaml(size), encoding="utf-8")
    rule = folder / "officials.yaml"
    rule.write_text(RULE, encoding="utf-8")
    return rule


def article(words: int = 1000) -> str:
    """A ~1,000-word article naming the first registry entities (present in both registries)."""
    rng = random.Random(11)
    filler = ("officials said the council would meet again next week to review the budget and "
              "the plan for new housing across the region while residents asked questions").split()
    entities = registry_yaml(SMALL).split("  - name: ")[1:]
    names = [e.split("\n")[0] for e in entities]
    names += [e.split("variants: [")[1].split("]")[0] for e in entities[:2]]  # two variants to flag
    out: list[str] = []
    while len(out) < words:
        sentence = [rng.choice(filler) for _ in range(rng.randint(12, 22))]
        if rng.random() < 0.3:
            sentence.insert(rng.randrange(len(sentence)), rng.choice(names))
        out.extend(sentence)
        out[-1] += "."
    return " ".join(out) + "\n"


def _timed_load(rule: Path) -> tuple[float, object]:
    # Each load gets a store of its own: only the disk cache carries over between loads.
    start = time.perf_counter()
    loaded = load_rule_file(rule)
    return time.perf_counter() - start, loaded


def _lint_time(loaded, text: str, runs: int) -> float:
    """Best time of `runs` lints of the article, in seconds."""
    rules = RuleSet((loaded,))
    best = float("inf")
    for _ in range(runs):
        doc = Document(text, "article.txt")
        start = time.perf_counter()
        lint(doc, rules)
        best = min(best, time.perf_counter() - start)
    return best


def measure(quick: bool = False) -> dict[str, object]:
    """Return the build and lint figures for a 100,000- and a 10-entity registry."""
    runs = 5 if quick else 20
    text = article()
    saved = os.environ.get("FACTLINT_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="factlint-registry-") as scratch:
        os.environ["FACTLINT_CACHE_DIR"] = str(Path(scratch) / "cache")
        try:
            figures: dict[str, object] = {"entities": LARGE, "article_words": len(text.split())}
            for label, size in (("large", LARGE), ("small", SMALL)):
                rule = write_pack(Path(scratch) / label / "names", size)
                cold, loaded = _timed_load(rule)
                cached, loaded = _timed_load(rule)
                figures[f"{label}_build_cold_s"] = round(cold, 3)
                figures[f"{label}_build_cached_s"] = round(cached, 3)
                figures[f"{label}_lint_ms"] = round(_lint_time(loaded, text, runs) * 1000, 3)
                figures[f"{label}_findings"] = len(lint(Document(text, "article.txt"), RuleSet((loaded,))))
        finally:
            if saved is None:
                os.environ.pop("FACTLINT_CACHE_DIR", None)
            else:
                os.environ["FACTLINT_CACHE_DIR"] = saved
    figures["build_target_s"] = 1.0
    figures["build_met"] = figures["large_build_cached_s"] < 1.0
    figures["lint_ratio_large_to_small"] = round(figures["large_lint_ms"] / figures["small_lint_ms"], 3)
    figures["lint_ratio_met"] = figures["lint_ratio_large_to_small"] < 2.0
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description="Benchmark the names registry at scale.")
    parser.add_argument("--quick", action="store_true", help="fewer lint runs")
    args = parser.parse_args(argv)
    for key, value in measure(args.quick).items():
        print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
