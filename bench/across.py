"""Across-story scaling: the cross-story step over generated archives of 100, 1,000 and 10,000 stories.

Run from a checkout:  python bench/across.py [--sizes 100 1000 10000] [--seed 7]
Each archive is one story set: stories of a few paragraphs, each naming several of a large
cast of people (many sharing a surname) with their titles, a counted figure and a dated event;
a few disagreements are planted (a nickname, a surname one letter off, a second title, a
transposed figure, an event a day late). It times, on one core, the facts extraction per story
(names, figures, dates) and the comparison across the set, counts the findings, and prints the
time per story and the process's peak resident memory so far (the archive's documents included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import resource
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factlint.config import default_pack  # noqa: E402
from factlint.document import Dateline, Document  # noqa: E402
from factlint.engine import RuleSet  # noqa: E402
from factlint.storyrun import facts_of, lint_stories  # noqa: E402

SYLLABLES = "ba ko ren da mi sul tar ve lo an esh or nik pa ru sel dor wyn gal fe th ing".split()
FIRST = ("Amara Bruno Celia Dmitri Elena Farid Greta Hiro Ines Jonas Kemal Lucia Mateo Nadia Oskar "
         "Priya Quentin Rosa Samir Tomas Ursula Viktor Wanda Xavier Yara Zoltan Adele Boris Carmen "
         "Dario Edith Fabian Gloria Hector Irene Julian Karin Leon Marisol Nestor Olga Pablo").split()
TITLES = ["Commissioner", "Deputy Director", "Fire Chief", "Council President", "Budget Director", "Treasurer"]
NOUNS = [("residents", "were evacuated"), ("homes", "were damaged"), ("workers", "were hired"),
         ("trees", "were planted"), ("buses", "were bought"), ("permits", "were issued")]
# Planted pairs: a formal first name and its nickname (both in the nicknames data set).
NICKNAMES = [("Katherine", "Kathy"), ("William", "Bill"), ("Jennifer", "Jen"), ("Robert", "Bob")]


def cast(rng: random.Random, size: int) -> list[tuple[str, str, str]]:
    """Return (first, last, title) for a cast of people; about ten share each surname."""
    surnames, taken = [], set()
    while len(surnames) < max(10, size // 10):
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        keys = {name.lower()[:i] + name.lower()[i + 1:] for i in range(len(name))} | {name.lower()}
        if not keys & taken:  # two made-up surnames one letter apart would be one person misspelled
            taken |= keys
            surnames.append(name)
    people = {(rng.choice(FIRST), rng.choice(surnames)): rng.choice(TITLES) for _ in range(size)}
    return [(first, last, title) for (first, last), title in people.items()]


def story(rng: random.Random, number: int, people: list[tuple[str, str, str]], day: dt.date) -> str:
    """Write one story: a dateline, three people with titles, a counted figure and a dated event."""
    chosen = rng.sample(people, 3)
    noun, verb = NOUNS[number % len(NOUNS)]
    count = 40 + number % 900
    lines = [f"date {day.isoformat()} Story {number} from the county desk."]
    for first, last, title in chosen:
        lines.append(f"{title} {first} {last} said the plan for district {number} would go ahead. "
                     f"{last} spoke on Tuesday.")
    lines.append(f"Officials said {count:,} {noun} in district {number} {verb} this year.")
    return "\n\n".join(lines) + "\n"


def planted(day: dt.date) -> list[str]:
    """Stories that disagree with each other: the benchmark checks the checks still find them."""
    formal, nick = NICKNAMES[0]
    return [
        f"date {day.isoformat()} Treasurer {formal} Vandermolen presented the audit. The budget vote will be held on Tuesday.\n\n"
        "Officials said 1,240 residents of Elmwood were evacuated.\n",
        f"date {day.isoformat()} Deputy Treasurer {nick} Vandermolen answered questions. The budget vote will be held on "
        f"{(day + dt.timedelta(days=2)):%A}.\n\nAbout 1,420 residents of Elmwood were evacuated.\n",
        f"date {day.isoformat()} Treasurer {formal} Vandermollen said the audit was late.\n",
    ]


def archive(size: int, seed: int) -> list[Document]:
    """Generate an archive of `size` stories (the planted ones included) as documents."""
    rng = random.Random(seed)
    people = cast(rng, max(50, size))
    day = dt.date(2024, 1, 29)
    texts = planted(day) + [story(rng, n, people, day) for n in range(size - 3)]
    return [Document(text, f"story-{n:05d}.txt", False, Dateline(day, "bench")) for n, text in enumerate(texts)]


def measure(size: int, seed: int, rules: RuleSet) -> dict[str, float]:
    """Time the facts extraction and the cross-story comparison over one generated archive."""
    docs = archive(size, seed)
    started = time.perf_counter()
    for doc in docs:
        facts_of(doc, rules.sources)  # kept in each document's store, as a run keeps them
    extracted = time.perf_counter()
    found = lint_stories(docs, rules)
    compared = time.perf_counter()
    return {"extract": extracted - started, "compare": compared - extracted,
            "findings": sum(len(v) for v in found.values()),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rules = RuleSet.load([default_pack()]).configured(["across.*"], [], {})
    print(f"{'stories':>8} {'extract s':>10} {'compare s':>10} {'ms/story':>9} {'findings':>9} {'peak RSS MB':>12}")
    for size in args.sizes:
        row = measure(size, args.seed, rules)
        per_story = (row["extract"] + row["compare"]) / size * 1000
        print(f"{size:>8,} {row['extract']:>10.2f} {row['compare']:>10.2f} {per_story:>9.2f} "
              f"{row['findings']:>9} {row['rss_mb']:>12.0f}")


if __name__ == "__main__":
    main()
