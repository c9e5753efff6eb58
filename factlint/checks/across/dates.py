"""across.dates: the same event placed on different days by two stories of a set.

Each story's dates are resolved against its own dateline ('on Tuesday' in a story dated Monday,
Jan. 29, is Jan. 30); only dates the dates kind resolves with certainty take part. A date
belongs to an event when an event word stands right before it, joined by at most a few linking
words ('the budget vote is set for Tuesday', 'a rally Tuesday'), or right after it ('Tuesday's
budget vote'). The event is the word with the words that qualify it ('New Hampshire primary',
'budget vote'); a bare event word ('the vote') is one event across two stories only when their
sentences share two names (a person and a place, say). A story that gives one event two separate
runs of days is left out for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factlint.checks.across.report import Mention, report
from factlint.facts import DateSpan, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule

TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|[,;:()]")
POSSESSIVE_EVENT = re.compile(r"['’]s\s+(?:([A-Za-z][\w-]*)\s+)?([A-Za-z]+)")
MAX_LINKS = 4  # "the vote will be held on Tuesday"
MAX_MODIFIERS = 2
# A bare event word ('a rally') is one event in two stories when their sentences share this many
# names: one shared name (the candidate every story is about) is not enough.
SHARED_NAMES = 2


@dataclass(frozen=True)
class EventWords:
    """The rule's word lists, in lower case."""

    events: frozenset[str]
    links: frozenset[str]
    determiners: frozenset[str]
    verb_markers: frozenset[str]  # 'will vote on Tuesday': the event word is a verb there


@dataclass(frozen=True)
class Dated:
    """One story's days for one event, with the names its sentences mention."""

    mention: Mention
    days: frozenset[dt.date]
    names: frozenset[str]
    qualified: bool


def lemma(word: str) -> str:
    """Fold an event word: lower case, no trailing plural s ('meetings' is 'meeting')."""
    word = word.lower().rstrip("'’")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def event_of(text: str, start: int, end: int, sentence: tuple[int, int], words: EventWords) -> tuple[str, bool] | None:
    """Return the event a date belongs to ('new hampshire primary') and whether words qualify it."""
    after = POSSESSIVE_EVENT.match(text, end, sentence[1])
    if after and lemma(after.group(2)) in words.events:
        modifier = after.group(1)
        qualified = bool(modifier) and modifier.lower() not in words.determiners
        return (f"{modifier.lower()} {lemma(after.group(2))}" if qualified else lemma(after.group(2))), qualified
    tokens = TOKEN.findall(text[sentence[0]:start])
    index = len(tokens) - 1
    while index >= 0 and len(tokens) - 1 - index < MAX_LINKS and \
            (tokens[index].lower() in words.links or tokens[index] == ","):
        index -= 1
    if index < 0 or lemma(tokens[index]) not in words.events or \
            (index > 0 and tokens[index - 1].lower() in words.verb_markers):
        return None
    event, modifiers = lemma(tokens[index]), []
    for token in reversed(tokens[max(0, index - MAX_MODIFIERS):index]):
        if not token[0].isalpha() or token.lower() in words.determiners or token.lower() in words.links \
                or token.endswith(("'s", "’s")):
            break
        modifiers.insert(0, token.lower())
    return " ".join([*modifiers, event]), bool(modifiers)


def _names(story: Story, sentence: tuple[int, int]) -> frozenset[str]:
    """Return the capitalised words of a sentence but its first word and its dates' words."""
    text = story.doc.lint_text
    dated = [(d.start, d.end) for d in story.of(DateSpan)]
    found = set()
    for number, match in enumerate(re.finditer(r"[A-Z][\w'’-]*", text[sentence[0]:sentence[1]])):
        at = sentence[0] + match.start()
        if number and match.start() > 0 and not any(a <= at < b for a, b in dated):
            found.add(match.group().rstrip("'’s").lower())
    return frozenset(found)


def _label(days: frozenset[dt.date]) -> str:
    first, last = min(days), max(days)
    text = f"{first:%a} {first.isoformat()}"
    return text if first == last else f"{text} to {last:%a} {last.isoformat()}"


def check_dates(rule: Rule, stories: Sequence[Story], sources: Sequence[FactSource],
                words: EventWords) -> Iterator[Finding]:
    """Flag each story's day for an event that another story puts on a day it cannot be."""
    by_event: dict[str, list[Dated]] = {}
    for index, story in enumerate(stories):
        for event, dated in _story_events(index, story, words).items():
            by_event.setdefault(event, []).append(dated)
    for event, items in by_event.items():
        forms = {d.mention.form: d for d in items}
        if len(items) < 2 or not any(_apart(a, b) for a in items for b in items):
            continue

        def detail(form: str, others: list[str], event: str = event) -> str:
            said = ", ".join(f"'{o}'" for o in others)
            return f"the {event} is on '{form}' here, but on {said} in other stories of the set: check the day"

        yield from report(rule, stories, [d.mention for d in items], detail,
                          conflict=lambda a, b, f=forms: _apart(f[a], f[b]))


def _apart(a: Dated, b: Dated) -> bool:
    """Tell whether two stories put one event on days that do not meet."""
    same_event = a.qualified or b.qualified or len(a.names & b.names) >= SHARED_NAMES
    return same_event and not a.days & b.days


def _story_events(index: int, story: Story, words: EventWords) -> dict[str, Dated]:
    """Return each event of one story with its first date mention and all its days (one run of days)."""
    doc = story.doc
    found: dict[str, list[tuple[DateSpan, frozenset[str], bool]]] = {}
    for date in story.of(DateSpan):
        if not date.days or doc.sentence_index(date.start) < 0:
            continue
        span = doc.sentence_at(date.start)
        sentence = (span.start, span.end)
        event = event_of(doc.lint_text, date.start, date.end, sentence, words)
        if event is not None:
            found.setdefault(event[0], []).append((date, _names(story, sentence), event[1]))
    chosen = {}
    for event, dates in found.items():
        days = frozenset().union(*(d.days for d, _, _ in dates))
        if (max(days) - min(days)).days >= len(days):  # a gap: two events under one name
            continue
        first = dates[0][0]
        written = " ".join(doc.text[first.start:first.end].split())
        mention = Mention(index, first.start, first.end, f"{written} ({_label(days)})")
        chosen[event] = Dated(mention, days, frozenset().union(*(n for _, n, _ in dates)), dates[0][2])
    return chosen
