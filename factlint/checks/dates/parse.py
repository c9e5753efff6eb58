"""Find the dates of a document once: explicit dates, month references and relative dates."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import regex

from factlint.checks.base import compile_words
from factlint.checks.dates import calendar as cal
from factlint.checks.dates import days
from factlint.checks.dates.mentions import DocDates, Explicit, MonthRef, Relative, Weekday
from factlint.checks.dates.tense_cues import PREV_WORD, Cue, lean_tense
from factlint.checks.dates.words import Lexicon
from factlint.document import Document
from factlint.wordscan import FOLDS_TO_ASCII

ISO_SCAN = re.compile(r"-[01]\d-")  # a cheap scan; ISO is then tried just before each hit
ISO = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?![\w-])")
NEXT_WORD = compile_words(r"[ \t\u00a0]*\n?[ \t\u00a0]*(?P<word>[A-Za-z]+|['’]s\b)")
LOOKBACK = 40
NAME_REACH = 30
RELATIVE_REACH = 24


def parse(doc: Document, lex: Lexicon) -> DocDates:
    """Return the document's dates, parsed once per document however many rules ask."""
    return doc.derived((parse, lex), lambda: _parse(doc, lex))


def _parse(doc: Document, lex: Lexicon) -> DocDates:
    """Find, then resolve against the dateline, every date of the document."""
    text = doc.lint_text
    # One cheap scan for month and weekday names; every other pattern is tried only there.
    month_hits, weekday_hits = [], []
    for candidate in lex.trigger_scan.finditer(text):
        if hit := lex.trigger.match(text, candidate.start()):
            (month_hits if hit["mon"] else weekday_hits).append(hit)
    explicit = _explicit(text, lex, month_hits)
    cues: dict[int, list[Cue]] = {}
    if weekday_hits:
        explicit = sorted([*explicit, *days.day_dates(doc, lex, weekday_hits, month_hits, explicit, cues)],
                          key=lambda e: e.start)
    taken = Spans((e.start, e.end) for e in explicit)
    used_weekdays = {w.start for e in explicit for w in e.weekdays if w}
    months = _months(text, lex, month_hits, taken)
    relatives = [r for r in _relatives(text, lex, _key_spans(doc, lex), weekday_hits, used_weekdays, taken)
                 if not days.generic_today(doc, lex, r)]
    dates = DocDates(explicit, months, relatives, cues)
    if explicit:
        _resolve(doc, lex, dates)
    return dates


class Spans:
    """Sorted, non-overlapping character spans with a quick overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether [start, end) overlaps one of the spans."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start


def _named(text: str, lex: Lexicon, start: int, end: int) -> bool:
    """Tell whether [start, end) is part of a name such as 'Black Friday' or 'March Madness'."""
    if lex.names is None:
        return False
    window = lex.names.finditer(text, max(0, start - NAME_REACH), min(len(text), end + NAME_REACH))
    return any(m.start() < end and start < m.end() for m in window)


def _explicit(text: str, lex: Lexicon, month_hits: list[regex.Match]) -> list[Explicit]:
    """Find the explicit dates, drop the ones that are counts, tie weekdays to the rest."""
    found = [d for c in ISO_SCAN.finditer(text) if (m := ISO.match(text, max(0, c.start() - 4)))
             and (d := _iso(m))]
    for hit in month_hits:
        if (m := lex.month_date.match(text, hit.start())) and (d := _month_day(text, m, lex)):
            found.append(d)
        elif (tail := lex.dm_tail.match(text, hit.start())) and (d := _day_month(text, tail, lex)):
            found.append(d)
    kept: list[Explicit] = []
    for date in sorted(found, key=lambda d: (d.start, -d.end)):
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
    for date in kept:
        _attach_weekdays(text, date, lex)
    return [d for d in kept if _plausible_day(text, d, lex)]


def _month_day(text: str, m: regex.Match, lex: Lexicon) -> Explicit | None:
    """Build an Explicit from a 'March 11' match, or None when the number is not a day."""
    day = int(m["day"])
    if day == 0:
        return None
    after = NEXT_WORD.match(text, m.end())
    next_word = after["word"] if after else ""
    if next_word.lower() in lex.not_day_after:
        return None
    if not (m["ord"] or m["year"] or m["day2"]) and next_word[:1].islower():
        before = PREV_WORD.search(text, max(0, m.start() - 12), m.start())
        if before and before["word"].lower() in lex.count_prepositions:
            return None   # "In March 15 people died": a count after the month, not a day
    date = Explicit(m.start(), m.end(), "md", lex.month_number[m["mon"]], day,
                    int(m["year"]) if m["year"] else None, m.span("mon"),
                    m.end("ord") if m["ord"] else m.end("day"), m.span("ord") if m["ord"] else None,
                    day_span=m.span("day"))
    if m["day2"]:
        if m["dash"] and not m["mon2"] and int(m["day2"]) < day and next_word.lower() in lex.tally_after:
            return None   # "the March 3-2 vote": a tally
        date.month2 = lex.month_number[m["mon2"]] if m["mon2"] else None
        date.day2 = int(m["day2"])
        date.day2_span = m.span("day2")
        date.ordinal2 = m.span("ord2") if m["ord2"] else None
    return date


def _day_month(text: str, tail: regex.Match, lex: Lexicon) -> Explicit | None:
    """Build an Explicit from an '11 March 2025' match; without a year it needs 'on' before it."""
    m = lex.day_before.search(text, max(0, tail.start() - 12), tail.start())
    if m is None or not 1 <= int(m["day"]) <= 31:
        return None
    if not tail["year"]:
        before = PREV_WORD.search(text, max(0, m.start() - 12), m.start())
        if not before or before["word"].lower() not in lex.day_month_before or tail["mon"] in lex.ambiguous_months:
            return None
    return Explicit(m.start(), tail.end(), "dm", lex.month_number[tail["mon"]], int(m["day"]),
                    int(tail["year"]) if tail["year"] else None, tail.span("mon"),
                    m.end("ord") if m["ord"] else m.end("day"), m.span("ord") if m["ord"] else None,
                    day_span=m.span("day"))


def _iso(m: regex.Match) -> Explicit | None:
    """Build an Explicit from a 2025-03-11 match whose month and day are in range."""
    month, day = int(m["mon"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Explicit(m.start(), m.end(), "iso", month, day, int(m["year"]), m.span("mon"), m.end("day"),
                    day_span=m.span("day"))


def _attach_weekdays(text: str, date: Explicit, lex: Lexicon) -> None:
    """Tie 'Tuesday, March 11', 'Tuesday (March 11)' or 'March 11, a Tuesday' to the date."""
    before = lex.weekday_before.search(text, max(0, date.start - LOOKBACK), date.start)
    if before and not _qualified(text, before.start(), lex):
        first = Weekday(lex.weekday_number[before["wd"]], *before.span("wd"))
        second = Weekday(lex.weekday_number[before["wd2"]], *before.span("wd2")) if before["wd2"] else None
        if second is None:
            date.weekdays = [first]
        elif date.day2 is not None:
            date.weekdays = [first, second]
        date.weekdays = [w for w in date.weekdays if not (w and _named(text, lex, w.start, w.end))]
        if date.weekdays:
            date.start = min(w.start for w in date.weekdays if w)
        return
    after = lex.weekday_after.match(text, date.end)
    if after:
        span = after.span("wd")
        if not _named(text, lex, *span):
            date.weekdays = [Weekday(lex.weekday_number[after["wd"]], *span)]
            date.end = after.end()


def _qualified(text: str, start: int, lex: Lexicon) -> bool:
    """Tell whether a weekday is preceded by a qualifier, last/next/this (then it is a relative date)."""
    before = PREV_WORD.search(text, max(0, start - 8), start)
    return bool(before) and before["word"].lower() in lex.qualifiers


def _plausible_day(text: str, date: Explicit, lex: Lexicon) -> bool:
    """A day past 31 is a date only with a year, a weekday or a preposition such as 'on'."""
    if date.day <= 31:
        return True
    if date.year is not None or date.weekdays:
        return True
    before = PREV_WORD.search(text, max(0, date.start - 12), date.start)
    return bool(before) and before["word"].lower() in lex.date_prepositions


def _months(text: str, lex: Lexicon, month_hits: list[regex.Match], taken: Spans) -> list[MonthRef]:
    """Find 'March 2025', 'in November', 'last November' and 'a November summit'."""
    found: list[MonthRef] = []
    for hit in month_hits:
        if taken.overlaps(hit.start(), hit.end()):
            continue
        if m := lex.month_year.match(text, hit.start()):
            found.append(MonthRef(m.start(), m.end(), lex.month_number[m["mon"]], m.span("mon"),
                                  int(m["year"]), ""))
        elif (m := lex.month_alone.match(text, hit.start())) and (ref := _month_alone(text, m, lex)):
            found.append(ref)
    return found


def _month_alone(text: str, m: regex.Match, lex: Lexicon) -> MonthRef | None:
    """Build a MonthRef from a month name that follows a cue ('in', 'last', 'a'), if it is one."""
    before = lex.month_cue.search(text, max(0, m.start() - 20), m.start())
    if before is None or not _month_alone_ok(text, m, before["cue"].lower(), lex):
        return None
    if _named(text, lex, m.start(), m.end()):
        return None
    cue = before["cue"].lower().rstrip("-")
    start = m.start() if cue in lex.month_determiners else before.start()
    return MonthRef(start, m.end(), lex.month_number[m["mon"]], m.span(), None, cue)


def _month_alone_ok(text: str, m: regex.Match, cue: str, lex: Lexicon) -> bool:
    """Reject 'in March Madness', 'the March on Washington', 'a May 2 …' and 'in May's office'."""
    after = NEXT_WORD.match(text, m.end())
    word = after["word"] if after else ""
    capital = word[:1].isupper() and not m["mon"].endswith(".")
    if capital or word[:1] in ("'", "’") or text[m.end():m.end() + 2].strip()[:1].isdigit():
        return False
    if cue in lex.month_determiners:
        full = m["mon"] in lex.month_name.values()
        return full and word[:1].islower() and word.lower() not in lex.month_not_before
    return True


def _relatives(text: str, lex: Lexicon, key_spans: list[tuple[int, int]], weekday_hits: list[regex.Match],
               used: set[int], taken: Spans) -> list[Relative]:
    """Find 'yesterday', 'last week', 'on Tuesday', 'next Friday', 'Tuesday next week'."""
    found: list[Relative] = []
    for start, end in key_spans:
        if (start and text[start - 1].isalnum()) or text[end:end + 1].isalnum():
            continue
        m = lex.relative.search(text, max(0, start - RELATIVE_REACH), end)
        if m and not _named(text, lex, m.start(), m.end()):
            phrase = " ".join(m.group(0).lower().split())
            found.append(Relative(m.start(), m.end(), "day" if phrase in lex.days else "period", phrase))
    for hit in weekday_hits:
        start = hit.start()
        m = None if start in used else lex.weekday_bare.match(text, start)
        if m is None:
            continue
        if taken.overlaps(start, m.end("wd")) or _named(text, lex, start, m.end("wd")):
            continue
        before = PREV_WORD.search(text, max(0, start - 12), start)
        if before and before["word"].lower() in lex.habitual:
            continue
        qualified = lex.qualifier_before.search(text, max(0, start - 12), start)
        qualifier = lex.qualifiers[qualified["q"].lower()] if qualified else None
        week = lex.qualifiers[m["wq"].lower()] if m["wq"] else None
        found.append(Relative(qualified.start() if qualified else start, m.end(), "weekday",
                              weekday=lex.weekday_number[m["wd"]], qualifier=qualifier, week=week))
    found.sort(key=lambda r: r.start)
    return [r for i, r in enumerate(found) if i == 0 or r.start >= found[i - 1].end]


def _key_spans(doc: Document, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the key words of relative dates ('week', 'yesterday') may occur as words, in any case."""
    text = doc.lint_text
    scanner, scanned = lex.key_scanner, lex.scanned_keys
    # Where a word-list rule has run the rule set's word scan over the document already, its places
    # cost nothing: it lowers text as str.lower() does where no character folds to ASCII
    # (wordscan.FOLDS_TO_ASCII), and drops no key that stands after no letter or digit nor before one.
    if scanner is not None and scanned is not None and (spans := scanner.spans_if_scanned(doc, scanned)) is not None \
            and not any(c in text for c in FOLDS_TO_ASCII):
        return spans
    keys: tuple[str, ...] | tuple[bytes, ...] = lex.relative_keys
    lowered: str | bytes
    if "\u0130" in text or "\u212a" in text or not all(k.isascii() and "?" not in k for k in keys):
        lowered = text.lower()
        if len(lowered) != len(text):   # a rare character whose lower case is longer
            return [m.span() for m in lex.relative_scan.finditer(text)]
    else:
        # Only İ and the Kelvin sign lower-case to ASCII, so without them ASCII bytes (others
        # become '?', one byte a character) find the same keys, and lower-case and search faster.
        lowered = text.encode("ascii", "replace").lower()
        keys = tuple(k.encode() for k in keys)
    spans = []
    for key in keys:   # str.find is several times faster than one regex scan here
        at = lowered.find(key)
        while at != -1:
            spans.append((at, at + len(key)))
            at = lowered.find(key, at + 1)
    return sorted(spans)


def _resolve(doc: Document, lex: Lexicon, dates: DocDates) -> None:
    """Give every explicit date its calendar date; year-less ones need the dateline."""
    today = doc.dateline.date if doc.dateline else None
    for date in dates.explicit:
        tense = _tense(doc, lex, dates, date) if today and not date.year else None
        cal.resolve_explicit(date, today, tense, lex)


def ensure(doc: Document, lex: Lexicon, dates: DocDates, item: MonthRef | Relative) -> None:
    """Resolve a month reference or relative date against the dateline, on first need only."""
    if item.done or doc.dateline is None:
        return
    item.done = True
    today = doc.dateline.date
    if isinstance(item, MonthRef):
        if item.year is None:
            tense = None if item.cue in lex.qualifiers else _tense(doc, lex, dates, item)
            item.resolved = cal.month_occurrence(item.month, today, lex.qualifiers.get(item.cue), tense)
        return
    tense = _tense(doc, lex, dates, item) if item.kind == "weekday" else None
    cal.resolve_relative(item, today, tense, lex)


def _tense(doc: Document, lex: Lexicon, dates: DocDates, item: Explicit | MonthRef | Relative) -> str | None:
    """The tense of the sentence around a mention, its cues read once per sentence."""
    return lean_tense(doc, dates.sentence_cues, lex, item.start, item.end)
