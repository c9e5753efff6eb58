"""across.titles: one person given two different titles across a story set ('Fire Chief' / 'Deputy Chief').

A title is the run of capitalised words right before a name ('Deputy Homeland Security Adviser
Jen Daskal'), headed by one of the rule's title words. A title marked as of another time
('former', 'then-', '-elect') is left alone: a person can hold two titles at two times.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factlint.checks.across.people import people
from factlint.checks.across.report import Mention, forms_of, report, usage
from factlint.facts import FactSource, HouseName, PersonName, Story, source_of
from factlint.finding import Finding
from factlint.rule import Rule

# A capitalised word of a title (Deputy, U.S.-led, Attorney); the rule's joiners go between them.
WORD = re.compile(r"[A-Z][\w'’.&-]*$")
REACH = 160


@dataclass(frozen=True)
class TitleWords:
    """The rule's word lists, folded to lower case."""

    heads: frozenset[str]
    ranks: frozenset[str]
    times: frozenset[str]
    spellings: dict[str, str]
    joiners: frozenset[str]  # words inside a title: 'Secretary of State'

    def fold(self, word: str) -> str:
        """Fold a title word: lower case, no dots, one spelling for words spelled two ways."""
        word = word.lower().replace(".", "")
        return self.spellings.get(word, word)


def title_before(text: str, start: int, words: TitleWords) -> tuple[int, int, str] | None:
    """Return the span and text of the title right before a name, if a title word heads it."""
    before = text[max(0, start - REACH):start]
    tokens = list(re.finditer(r"\S+", before))
    if not tokens or tokens[-1].end() != len(before) - 1 or before[-1] != " ":
        return None
    kept: list[re.Match[str]] = []
    for token in reversed(tokens):
        if not (WORD.match(token.group()) or token.group() in words.joiners) or \
                (kept and token.end() + 1 != kept[-1].start()):
            break
        kept.append(token)
    while kept and kept[-1].group().lower() in words.joiners:
        kept.pop()
    while kept and kept[0].group() in words.joiners:
        kept.pop(0)
    if not kept:
        return None
    kept.reverse()
    title_words = [t.group() for t in kept]
    if head(" ".join(title_words), words) not in words.heads:
        return None
    offset = start - len(before)
    return offset + kept[0].start(), offset + kept[-1].end(), " ".join(title_words)


def head(title: str, words: TitleWords) -> str:
    """Return the folded word a title names the job by: its last word, or the one before 'of'."""
    parts = title.split()
    return words.fold(next((w for w, after in zip(parts, [*parts[1:], ""]) if after in words.joiners), parts[-1]))


def of_another_time(text: str, start: int, title: str, words: TitleWords) -> bool:
    """Tell whether a title is marked as past or future: 'former', 'then-', 'ex-', '-elect'."""
    before = text[max(0, start - 12):start].split()
    parts = {p for w in title.split() for p in re.split(r"[-\s]", words.fold(w))}
    last = before[-1].lower().rstrip("-") if before else ""
    return bool(parts & words.times) or last in words.times or last.startswith(("then-", "ex-"))


def differ(a: str, b: str, words: TitleWords) -> bool:
    """Tell whether two titles of one person disagree: spelled two ways, or another rank of one job.

    Only the words that name a job or a rank are compared (Deputy, Chief, Adviser): a place, a
    party or a body added to a title ('Chinese President', 'Republican House Speaker') is not
    another title, and titles of two jobs (Senator, Committee Chairman) can both hold.
    """
    if spelled_two_ways(a, b, words):
        return True
    if head(a, words) != head(b, words):
        return False
    return _job_words(a, words) != _job_words(b, words)


def _job_words(title: str, words: TitleWords) -> set[str]:
    """Return the folded words of a title that name a job or a rank."""
    return {w for w in (words.fold(part) for part in re.split(r"[\s-]+", title)) if w in words.heads or w in words.ranks}


def spelled_two_ways(a: str, b: str, words: TitleWords) -> bool:
    """Tell whether two titles share a word spelled two ways (Adviser / Advisor)."""
    plain_a = {w.lower().replace(".", "") for w in a.split()}
    plain_b = {w.lower().replace(".", "") for w in b.split()}
    folded_b = {words.fold(w) for w in plain_b}
    return any(w not in plain_b and words.fold(w) != w and words.fold(w) in folded_b for w in plain_a) or \
        any(w not in plain_a and words.fold(w) != w and words.fold(w) in {words.fold(v) for v in plain_a} for w in plain_b)


def check_titles(rule: Rule, stories: Sequence[Story], sources: Sequence[FactSource],
                 words: TitleWords) -> Iterator[Finding]:
    """Flag each story's title of a person that another story's title for them contradicts."""
    source = source_of(sources, PersonName)
    if source is None or source.relate is None:
        return
    for person in people(stories, source.relate):
        mentions = []
        for index, name in person.mentions:
            text = stories[index].doc.lint_text
            found = title_before(text, name.start, words)
            if found and not of_another_time(text, found[0], found[2], words):
                mentions.append(Mention(index, found[0], found[1], found[2]))
        if len({m.form for m in mentions}) < 2:
            continue
        counts = {form: usage(uses) for form, uses in forms_of(mentions).items()}
        named = Counter(name.name for _, name in person.mentions)
        who = person.house or named.most_common(1)[0][0]  # the most used form, the first seen on a tie
        house = _house_title(stories, mentions)

        def detail(form: str, others: list[str], who: str = who, house: str | None = house) -> str:
            if house is not None:
                return f"{who} is '{form}' here, but other stories of the set use '{house}', the registry's title"
            said = ", ".join(f"'{o}' ({counts[o]})" for o in others)
            return f"{who} is '{form}' here ({counts[form]}) but {said} in other stories of the set: check the title"

        yield from report(rule, stories, mentions, detail, house, conflict=lambda a, b: differ(a, b, words))


def _house_title(stories: Sequence[Story], mentions: list[Mention]) -> str | None:
    """Return the registry's house form of a title the mentions use, if a registry knows it."""
    for mention in mentions:
        for hit in stories[mention.story].of(HouseName):
            if hit.role == "title" and hit.start < mention.end and mention.start < hit.end:
                return hit.house
    return None
