"""across.figures: the same quantity reported with different values in a story set.

Two figures are one quantity when they count the same noun in the same role ('1,240 residents
were evacuated' / 'about 1,420 residents evacuated'), in the same unit, of the same subject
('residents of Oakdale', 'a contract with Acme'), in the same years. Each figure stands for a
range: an exact one for itself give or take its rounding, an approximate one within the rule's
tolerance, 'more than' and 'up to' an open range. Two figures disagree only when their ranges do
not meet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from factlint.checks.across.report import Mention, report
from factlint.checks.base import Pattern, compile_words, word_pattern
from factlint.facts import FactSource, FigureSpan, Story
from factlint.finding import Finding
from factlint.rule import Rule

NUMBER = re.compile(r"(?P<cur>[$€£¥₹])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?:\s+(?P<mag>[a-z]+))?")
WORD = re.compile(r"[A-Za-z][a-z'-]*")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# What ends the clause a figure's setting is read in (brackets do not: "were killed [in Libya]").
SETTING_BREAK = re.compile(r"[,;:—–]|\s-{1,2}\s")
POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class FigureWords:
    """The rule's word lists and tolerance."""

    about: frozenset[str]
    at_least: frozenset[str]
    at_most: frozenset[str]
    magnitudes: Mapping[str, float]
    not_nouns: frozenset[str]
    auxiliaries: frozenset[str]
    verbs: frozenset[str]
    not_roles: frozenset[str]
    determiners: frozenset[str]
    subject_links: frozenset[str]  # 'residents of Elmwood', 'a contract with Acme'
    subject: Pattern  # the first subject link after a noun and the name after it
    tolerance: float
    setting: Pattern | None = None  # a place word and the name after it: 'in Paris', '[in Libya]'
    times: frozenset[str] = frozenset()  # names that set a figure in a time, not a place: months
    not_settings: frozenset[str] = frozenset()  # names after a place word that set nothing apart: weekdays
    part_links: frozenset[str] = frozenset()  # 'the Pine Hill section of Oakdale', not 'the Board of Elections'
    clause_words: Pattern | None = None  # what ends a figure's clause after it: 'that begins in June'
    reports: Pattern | None = None  # a credit between an opening phrase and the figure: 'At a briefing in Eastport, Brooks said'
    place_words: frozenset[str] = frozenset()  # a kind of place before 'of': 'the Town of Oakdale'
    quantity_words: frozenset[str] = frozenset()  # a part before 'of': 'Most of Eastport'
    time_nouns: frozenset[str] = frozenset()  # after 'that', a determiner, not a relative clause: 'that night'


@dataclass(frozen=True)
class Quantity:
    """A figure read: its range, and what it counts."""

    low: float
    high: float
    key: tuple[str, str, str, str]  # unit, noun, role, whose or whom ('residents of Elmwood')
    years: frozenset[str] = frozenset()  # the years its sentence names: 'in 2004' is not 'this year'
    # The places and times its clause names ('in Paris', 'in November'): no part of what it counts.
    places: frozenset[str] = field(default=frozenset(), compare=False)
    times: frozenset[str] = field(default=frozenset(), compare=False)
    # Places of a relative clause after it ('protesters who marched from a rally in Eastport'): they
    # may be shared with another figure's, but set it apart from none.
    related: frozenset[str] = field(default=frozenset(), compare=False)


def read(text: str, start: int, end: int, words: FigureWords) -> Quantity | None:
    """Read a figure's range and what it counts, or None when it is not a comparable count or amount."""
    written = " ".join(text[start:end].split())
    match = NUMBER.search(written)
    if match is None or "%" in written or match.end() != len(written) and match.group("mag") is None:
        return None
    lead = written[:match.start()].strip().lower()
    magnitude = words.magnitudes.get(match.group("mag") or "", 1.0 if match.group("mag") is None else math.nan)
    if math.isnan(magnitude):
        return None
    value = float(match.group("num").replace(",", "") + (match.group("dec") or "")) * magnitude
    low, high = _range(value, match, magnitude, lead, words)
    counted = _counted(text, start, end, match.group("cur") or "", words)
    if not counted:
        return None
    opening, closing = _sentence(text, start)
    places, times, related = _settings(text, (opening, closing), start, end, words)
    return Quantity(low, high, counted, frozenset(YEAR.findall(text, opening, closing)), places, times, related)


def _settings(text: str, sentence: tuple[int, int], start: int, end: int,
              words: FigureWords) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return the places and the times a figure's clause, or its sentence's opening phrase, sets it in, and its related places.

    The clause runs between the breaks around the figure (not brackets: "killed [in Libya]"), so
    a credit after a comma ("…, Chief Brooks said at a briefing in Eastport") sets nothing. It
    ends at a relative clause ("repaving that begins in June"), whose places are only related.
    """
    if words.setting is None:
        return frozenset(), frozenset(), frozenset()
    opening, closing = sentence
    breaks = [m.end() for m in SETTING_BREAK.finditer(text, opening, start)]
    low = breaks[-1] if breaks else opening
    after = SETTING_BREAK.search(text, end, closing)
    stop = after.start() if after else closing
    relative = _relative_clause(text, end, stop, words)
    places, times = _read_settings(text, (low, relative.start() if relative else stop), opening, words)
    related = _read_settings(text, (relative.start(), stop), opening, words)[0] if relative else set()
    first = SETTING_BREAK.search(text, opening, closing)
    # "In Eastport, 1,240 residents were evacuated", not "At a briefing in Eastport, Brooks said crews rescued 14"
    if breaks and first is not None and not (words.reports and words.reports.search(text, first.end(), start)):
        more = _read_settings(text, (opening, first.start()), opening, words)
        places, times = places | more[0], times | more[1]
    return frozenset(places), frozenset(times), frozenset(related)


def _relative_clause(text: str, end: int, stop: int, words: FigureWords) -> re.Match[str] | None:
    """Return the word that opens a relative clause after a figure, not a determiner before a time ('that night')."""
    if words.clause_words is None:
        return None
    for match in words.clause_words.finditer(text, end, stop):
        following = text[match.end():match.end() + 20].split()
        if not following or following[0].lower().strip(".,") not in words.time_nouns:
            return match
    return None


def _read_settings(text: str, span: tuple[int, int], opening: int, words: FigureWords) -> tuple[set[str], set[str]]:
    """Return the places and the times named after a place word in text[span] (a sentence opening at `opening`)."""
    places, times = set(), set()
    for match in words.setting.finditer(text, *span):
        if match.group("link").lower() in words.part_links and _after_body(text, opening, match.start(), words):
            continue  # "the Board of Elections" names a body, not a place
        name = POSSESSIVE.sub("", match.group("name"))
        if name.lower() in words.not_settings:
            continue
        (times if name.lower() in words.times else places).add(name)
    return places, times


def _after_body(text: str, opening: int, at: int, words: FigureWords) -> bool:
    """Tell whether the word before offset `at` names a body ('Board of', 'Secretary of'): not a place ('Town of') nor a part ('Most of')."""
    before = text[opening:at].split()
    word = before[-1].lower() if before else ""
    return bool(before) and before[-1][:1].isupper() and word not in words.place_words and word not in words.quantity_words


def _sentence(text: str, start: int) -> tuple[int, int]:
    """Return where the sentence around an offset opens and closes."""
    opening = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    closing = min((i for i in (text.find(". ", start), text.find("\n", start)) if i != -1), default=len(text))
    return opening, closing


def _range(value: float, match: re.Match[str], magnitude: float, lead: str,
           words: FigureWords) -> tuple[float, float]:
    """Return the range a figure claims, from its rounding and its approximator."""
    digits = match.group("num").replace(",", "")
    if match.group("dec"):
        unit = 10 ** -(len(match.group("dec")) - 1) * magnitude
    else:
        unit = 10 ** (len(digits) - len(digits.rstrip("0"))) * magnitude if digits != "0" else 1.0
    low, high = value - unit / 2, value + unit / 2
    if lead in words.at_least:
        return value, math.inf
    if lead in words.at_most:
        return 0.0, value
    if lead:  # about, around, some, an estimated …
        spread = value * words.tolerance
        return min(low, value - spread), max(high, value + spread)
    return low, high


def _counted(text: str, start: int, end: int, unit: str, words: FigureWords) -> tuple[str, str, str, str] | None:
    """Return (unit, noun, role, subject) for a figure, or None if it has no counted noun and role."""
    sentence_end = min((i for i in (text.find(". ", end), text.find("\n", end)) if i != -1), default=len(text))
    after = [m.group().lower() for m in WORD.finditer(text, end, min(sentence_end, end + 120))][:8]
    if not after or after[0] in words.not_nouns or after[0] in words.auxiliaries or not text[end:].lstrip()[:1].islower():
        return None
    noun = after[0][:-1] if after[0].endswith("s") and not after[0].endswith("ss") and len(after[0]) > 3 else after[0]
    rest = after[1:]
    subject = ""
    if len(rest) >= 2 and rest[0] in words.subject_links:
        capital = words.subject.match(text, end, sentence_end)
        if capital:  # the role comes after whose they are: 'residents of Elmwood were evacuated'
            subject = capital.group(1).lower()
            rest = [m.group().lower() for m in WORD.finditer(text, capital.end(), sentence_end)][:6]
    role = _role_after(rest, words) or _role_before(text, start, words)
    return (unit, noun, role, subject) if role and role not in words.not_roles else None


def setting_pattern(links: Sequence[str], determiners: Sequence[str]) -> Pattern | None:
    """Compile the search for a place word and the capitalised name after it ('in Paris', 'at the Capitol'), or None."""
    if not links:
        return None
    # Scoped flags: the place word in any case ("In Paris, …"), the name capitalised.
    return compile_words(rf"(?P<link>(?i:{word_pattern(links)}))\s+(?:(?i:{word_pattern(determiners)})\s+)?"
                         r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", False, "setting_links")


def words_search(words: Sequence[str], key: str) -> Pattern | None:
    """Compile the search for any of the words, in any case, or None for no words."""
    return compile_words(word_pattern(words), True, key) if words else None


def subject_pattern(links: Sequence[str], determiners: Sequence[str]) -> Pattern:
    """Compile the search for the first subject link after a noun and the capitalised name after it."""
    return compile_words(rf"[\w\s]*?{word_pattern(links)}\s+(?:{word_pattern(determiners)}\s+)?"
                         r"([A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)*", False, "subject_links")


def _is_verb(word: str, words: FigureWords) -> bool:
    return word in words.verbs or (word.endswith("ed") and len(word) > 4)


def _role_after(rest: list[str], words: FigureWords) -> str:
    """The verb after the counted noun: 'residents (were) evacuated'."""
    for word in rest[:3]:
        if _is_verb(word, words):
            return word
        if word not in words.auxiliaries:
            return ""
    return ""


def _role_before(text: str, start: int, words: FigureWords) -> str:
    """The verb before the figure: 'evacuated about 1,240 residents', 'awarded a $3.2 million contract'."""
    before = [w.lower() for w in WORD.findall(text[max(0, start - 60):start])][-3:]
    for word in reversed(before):
        if _is_verb(word, words):
            return word
        if word not in words.determiners:
            return ""
    return ""


def check_figures(rule: Rule, stories: Sequence[Story], sources: Sequence[FactSource],
                  words: FigureWords) -> Iterator[Finding]:
    """Flag each story's figure for a quantity that another story gives a value it cannot have."""
    by_key: dict[tuple[str, str, str, str], list[tuple[Mention, Quantity]]] = {}
    for index, story in enumerate(stories):
        found: dict[tuple[str, str, str, str], list[tuple[Mention, Quantity]]] = {}
        text = story.doc.lint_text
        for span in story.of(FigureSpan):
            quantity = read(text, span.start, span.end, words)
            if quantity is not None:
                form = " ".join(text[span.start:span.end].split())
                found.setdefault(quantity.key, []).append((Mention(index, span.start, span.end, form), quantity))
        for key, items in found.items():
            if not any(_apart(a, b) for _, a in items for _, b in items):  # one story, two values: two things
                by_key.setdefault(key, []).extend(items)
    for key, items in by_key.items():
        if len({m.story for m, _ in items}) < 2:
            continue
        ranges = {m.form: q for m, q in items}
        if len(ranges) < len({(m.form, q) for m, q in items}):
            continue  # one figure as written, two quantities (in other years): leave it
        ranges = _merged(ranges, items)

        def conflict(a: str, b: str, r: dict[str, Quantity] = ranges) -> bool:
            return _apart(r[a], r[b]) and not _elsewhere(r[a], r[b])

        if not any(conflict(a, b) for a in ranges for b in ranges):
            continue
        what = f"({key[1]}, {key[2]})"

        def detail(form: str, others: list[str], what: str = what) -> str:
            said = ", ".join(f"'{o}'" for o in others)
            return f"'{form}' {what} here, but {said} in other stories of the set: check the figure"

        yield from report(rule, stories, [m for m, _ in items], detail, conflict=conflict)


def _merged(ranges: dict[str, Quantity], items: list[tuple[Mention, Quantity]]) -> dict[str, Quantity]:
    """Return each form's quantity with the settings of all its mentions (one form, one figure), in one pass."""
    settings: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
    for mention, quantity in items:
        places, times, related = settings.get(mention.form, (frozenset(), frozenset(), frozenset()))
        settings[mention.form] = (places | quantity.places, times | quantity.times, related | quantity.related)
    return {form: replace(quantity, places=settings[form][0], times=settings[form][1], related=settings[form][2])
            for form, quantity in ranges.items()}


def _elsewhere(a: Quantity, b: Quantity) -> bool:
    """Tell whether two figures are set in different places or times: 130 killed 'in Paris', 1,500 '[in Libya]'.

    Both clauses name a place, or both a month, and none of one's is one of the other's, nor
    inside it: "Harlow County" is the "Harlow County Courthouse"'s, "Oakdale" that of "the Pine
    Hill section of Oakdale".
    """
    if a.places and b.places and not _shared(a.places | a.related, b.places | b.related):
        return True
    return bool(a.times) and bool(b.times) and not _shared(a.times, b.times)


def _shared(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Tell whether a setting of one figure is one of the other's, or its words are inside one of the other's."""
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in mine for y in theirs)


def _apart(a: Quantity, b: Quantity) -> bool:
    """Tell whether two figures of one quantity disagree: their ranges do not meet, in the same years."""
    return a.years == b.years and (a.high < b.low or b.high < a.low)
