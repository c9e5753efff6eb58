"""The date mentions a document holds: explicit dates, month references, relative dates.

Plain classes with slots, not dataclasses: the parser fills them in as it learns more, and
defining a dataclass (and importing the module) is a share of a commit hook's start-up.
"""

from __future__ import annotations

import datetime as dt

from factlint.checks.dates.tense_cues import Cue


class Mention:
    """What every mention record shares: a repr that shows its fields, for tests and debugging."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Weekday(Mention):
    """A weekday word tied to an explicit date."""

    __slots__ = ("number", "start", "end")

    def __init__(self, number: int, start: int, end: int) -> None:
        self.number, self.start, self.end = number, start, end


class Explicit(Mention):
    """A written calendar date: month and day, perhaps a year, a range end and weekdays.

    `form` is "md" (March 11), "dm" (11 March), "iso" or "day"; `day_end` the end of the day
    number, ordinal included; `date` the start date once its year is known and it exists;
    `years` the plausible years of a year-less date; `core` the date as written, without a
    tied weekday.
    """

    __slots__ = ("start", "end", "form", "month", "day", "year", "month_span", "day_end", "ordinal",
                 "month2", "day2", "day2_span", "ordinal2", "weekdays", "date", "end_date", "years",
                 "exists", "day_span", "core")

    def __init__(self, start: int, end: int, form: str, month: int, day: int, year: int | None,
                 month_span: tuple[int, int], day_end: int, ordinal: tuple[int, int] | None = None,
                 *, day_span: tuple[int, int] = (0, 0)) -> None:
        self.start, self.end, self.form, self.month, self.day, self.year = start, end, form, month, day, year
        self.month_span, self.day_end, self.ordinal, self.day_span = month_span, day_end, ordinal, day_span
        self.month2: int | None = None
        self.day2: int | None = None
        self.day2_span: tuple[int, int] | None = None
        self.ordinal2: tuple[int, int] | None = None
        self.weekdays: list[Weekday | None] = []
        self.date: dt.date | None = None
        self.end_date: dt.date | None = None
        self.years: list[int] = []
        self.exists = True
        self.core = (start, end)


class MonthRef(Mention):
    """A month without a day: 'in November', 'a November summit', 'Jan. 2025'.

    `resolved` is its (year, month) once `ensure` has run.
    """

    __slots__ = ("start", "end", "month", "month_span", "year", "cue", "resolved", "done")

    def __init__(self, start: int, end: int, month: int, month_span: tuple[int, int], year: int | None,
                 cue: str) -> None:
        self.start, self.end, self.month, self.month_span, self.year, self.cue = start, end, month, month_span, year, cue
        self.resolved: tuple[int, int] | None = None
        self.done = False


class Relative(Mention):
    """A date given relative to the dateline: 'yesterday', 'last week', 'on Tuesday'.

    `kind` is "day", "period" or "weekday"; `phrase` the day or period phrase, lower case and
    single-spaced; `qualifier` last (-1), this (0) or next (1) before a weekday; `week` the
    week offset of "Tuesday next week"; `ranges` are set once `ensure` has run.
    """

    __slots__ = ("start", "end", "kind", "phrase", "weekday", "qualifier", "week", "ranges", "certain", "done")

    def __init__(self, start: int, end: int, kind: str, phrase: str = "", *, weekday: int = 0,
                 qualifier: int | None = None, week: int | None = None) -> None:
        self.start, self.end, self.kind, self.phrase = start, end, kind, phrase
        self.weekday, self.qualifier, self.week = weekday, qualifier, week
        self.ranges: list[tuple[dt.date, dt.date]] = []
        self.certain = False
        self.done = False


class DocDates(Mention):
    """Everything the dates checks need from one document."""

    __slots__ = ("explicit", "months", "relatives", "sentence_cues")

    def __init__(self, explicit: list[Explicit], months: list[MonthRef], relatives: list[Relative],
                 sentence_cues: dict[int, list[Cue]] | None = None) -> None:
        self.explicit, self.months, self.relatives = explicit, months, relatives
        self.sentence_cues = {} if sentence_cues is None else sentence_cues
