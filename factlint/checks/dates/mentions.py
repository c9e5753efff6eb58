"""The date mentions a document holds: explicit dates, month references, relative dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from factlint.checks.dates.tense_cues import Cue


@dataclass
class Weekday:
    """A weekday word tied to an explicit date."""

    number: int
    start: int
    end: int


@dataclass
class Explicit:
    """A written calendar date: month and day, perhaps a year, a range end and weekdays."""

    start: int
    end: int
    form: str                      # "md" (March 11), "dm" (11 March) or "iso"
    month: int
    day: int
    year: int | None
    month_span: tuple[int, int]
    day_end: int                   # end of the day number, ordinal included
    ordinal: tuple[int, int] | None = None
    month2: int | None = None
    day2: int | None = None
    day2_span: tuple[int, int] | None = None
    ordinal2: tuple[int, int] | None = None
    weekdays: list[Weekday | None] = field(default_factory=list)
    date: dt.date | None = None    # the start date, once its year is known and it exists
    end_date: dt.date | None = None
    years: list[int] = field(default_factory=list)   # plausible years for a year-less date
    exists: bool = True
    day_span: tuple[int, int] = (0, 0)
    core: tuple[int, int] = (0, 0)  # the date as written, without a tied weekday

    def __post_init__(self) -> None:
        self.core = (self.start, self.end)


@dataclass
class MonthRef:
    """A month without a day: 'in November', 'a November summit', 'Jan. 2025'."""

    start: int
    end: int
    month: int
    month_span: tuple[int, int]
    year: int | None
    cue: str
    resolved: tuple[int, int] | None = None    # (year, month), once `ensure` has run
    done: bool = False


@dataclass
class Relative:
    """A date given relative to the dateline: 'yesterday', 'last week', 'on Tuesday'."""

    start: int
    end: int
    kind: str                      # "day", "period", "weekday"
    phrase: str = ""               # the day or period phrase, lower case, single-spaced
    weekday: int = 0
    qualifier: int | None = None   # last (-1), this (0), next (1) before a weekday
    week: int | None = None        # "Tuesday next week": the week offset
    ranges: list[tuple[dt.date, dt.date]] = field(default_factory=list)   # once `ensure` has run
    certain: bool = False
    done: bool = False


@dataclass
class DocDates:
    """Everything the dates checks need from one document."""

    explicit: list[Explicit]
    months: list[MonthRef]
    relatives: list[Relative]
    sentence_cues: dict[int, list[Cue]] = field(default_factory=dict)
