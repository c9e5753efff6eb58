"""Days whose month is named elsewhere: "Friday the 12th", "the 12th, a Friday", and generic "today".

The month of "Friday the 12th" is the one named last before it in its paragraph ("In March …
Friday the 12th"); with none, the 12th nearest the dateline on the side the tense allows. A day
so placed carries its weekday, so the weekday check reads it like "Friday, March 12".
"""

from __future__ import annotations

import regex

from factlint.checks.dates import calendar as cal
from factlint.checks.dates.mentions import Explicit, Relative, Weekday
from factlint.checks.dates.tense_cues import Cue, clause_cues, lean_tense
from factlint.checks.dates.words import Lexicon
from factlint.document import Document

DAY_WINDOW = 40   # how far before a weekday "the 12th, a" may begin
MONTH_REACH = 31  # a month from the dateline: the day must lie within this many days of it


def day_dates(doc: Document, lex: Lexicon, weekday_hits: list[regex.Match], month_hits: list[regex.Match],
              explicit: list[Explicit], cache: dict[int, list[Cue]]) -> list[Explicit]:
    """Find 'Friday the 12th' and 'the 12th, a Friday' and place each in a month."""
    text = doc.lint_text
    found = []
    for hit in weekday_hits:
        match = _day_match(text, lex, hit.start())
        if match is None or any(e.start < match.end() and match.start() < e.end for e in explicit):
            continue
        if lex.names is not None and lex.names.match(text, match.start()):
            continue   # "Friday the 13th", the film and the superstition
        weekday = lex.weekday_number[match["wd"]]
        day = int(match["day"])
        placed = _month_before(doc, lex, match.start(), month_hits, explicit, same_paragraph=True)
        if placed is None:
            earlier = _month_before(doc, lex, match.start(), month_hits, explicit, same_paragraph=False)
            placed = _month_from_dateline(doc, lex, cache, match.start(), day, weekday, earlier)
        if placed is None:
            continue
        month, year = placed
        date = Explicit(match.start(), match.end(), "day", month, day, year, match.span("day"),
                        match.end("ord"), day_span=match.span("day"))
        date.weekdays = [Weekday(weekday, *match.span("wd"))]
        date.core = (match.start("the"), match.end("ord"))
        found.append(date)
    return found


def _day_match(text: str, lex: Lexicon, start: int) -> regex.Match | None:
    """'Friday the 12th' starting at a weekday, or 'the 12th, a Friday' ending with it."""
    match = lex.weekday_the_day.match(text, start)
    if match:
        return match
    for match in lex.the_day_weekday.finditer(text, max(0, start - DAY_WINDOW), start + 12):
        if match.start("wd") == start:
            return match
    return None


def _month_before(doc: Document, lex: Lexicon, start: int, month_hits: list[regex.Match],
                  explicit: list[Explicit], same_paragraph: bool) -> tuple[int, int | None] | None:
    """The month (and year, if written) named last before start, in its paragraph or anywhere before."""
    paragraph = doc.paragraph_index(start) if same_paragraph else None
    best: tuple[int, int, int | None] | None = None
    for date in explicit:
        if date.start < start and paragraph in (None, doc.paragraph_index(date.start)):
            best = max(best or (-1, 0, None), (date.start, date.month2 or date.month, date.year),
                       key=lambda b: b[0])
    for hit in month_hits:
        if hit.start() < start and paragraph in (None, doc.paragraph_index(hit.start())):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), lex.month_number[hit["mon"]], None)
    return (best[1], best[2]) if best else None


def _month_from_dateline(doc: Document, lex: Lexicon, cache: dict[int, list[Cue]], start: int, day: int,
                         weekday: int, earlier: tuple[int, int | None] | None) -> tuple[int, int] | None:
    """The month of the dateline or next to it whose day fits the weekday, else the nearest one.

    A month the story named in an earlier paragraph may be the one meant: when its day fits the
    weekday, it is taken, so that no weekday is reported against a month the writer did not mean.
    """
    if doc.dateline is None:
        return None
    today = doc.dateline.date
    tense = lean_tense(doc, cache, lex, start, start + 1)
    if earlier is not None:
        month, year = earlier
        year = year or cal.infer_year(month, min(day, 28), today, tense, lex.tense_window)
        named = cal.make_date(year, month, day)
        if named is not None and named.weekday() == weekday:
            return month, year
    options = []
    for shift in (-1, 0, 1):
        month_index = today.year * 12 + today.month - 1 + shift
        when = cal.make_date(month_index // 12, month_index % 12 + 1, day)
        if when is None or abs((when - today).days) > MONTH_REACH:
            continue
        if tense is None or (when >= today if tense == "future" else when <= today):
            options.append(when)
    if not options:
        return None
    fitting = [d for d in options if d.weekday() == weekday]
    chosen = min(fitting or options, key=lambda d: abs((d - today).days))
    return chosen.month, chosen.year


def generic_today(doc: Document, lex: Lexicon, rel: Relative) -> bool:
    """Tell whether a 'today' means the present age ('the challenges facing our country today')."""
    if lex.generic_today is None or rel.phrase != lex.today_word.lower():
        return False
    text = doc.lint_text
    for match in lex.generic_today.finditer(text, max(0, rel.start - 80), min(len(text), rel.end + 40)):
        if match.start() <= rel.start and rel.end <= match.end():
            lead = match.groupdict().get("lead")
            if lead is None:
                return True   # "today's world"
            # After a participle, reported speech may frame it ("said the challenges facing …");
            # after a preposition any tense cue makes it a day ("passed in the Senate today").
            allowed = ("reported",) if lead.lower().endswith(lex.participle_endings) else ()
            return all(tense in allowed for _, _, tense in clause_cues(doc, lex, rel.start)
                       if tense != "neutral")
    return False
