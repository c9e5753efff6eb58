"""Facts that check kinds extract from a story for the cross-story checks, and where they come from.

A kind that knows how to find something (people's names, figures, resolved dates) offers a
FactSource built with its rules; the engine runs the sources over each story of a story set and
hands the facts to the `across` checks, which never import another kind.
"""

from typing import NamedTuple

import datetime as dt
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence

from factlint.document import Document
from factlint.finding import Finding


class PersonName(NamedTuple):
    """A possible person's name: first and last words, as written, and its document span."""

    first: str
    last: str
    start: int
    end: int

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


class HouseName(NamedTuple):
    """A registry name or variant found in a story: the registry's house form for that span."""

    house: str
    start: int
    end: int
    role: str  # "person", "organization" or "title"


class FigureSpan(NamedTuple):
    """A figure a story states ('about 1,240', '$3.2 million'), approximator included."""

    start: int
    end: int


class DateSpan(NamedTuple):
    """A date a story gives, resolved against its own dateline: the days it can mean."""

    start: int
    end: int
    days: tuple[dt.date, ...]
    relative: bool


Fact = PersonName | HouseName | FigureSpan | DateSpan


class FactSource(NamedTuple):
    """A kind's way to extract one type of fact, built with a rule set; sources with one key are one.

    `relate(a, b)`, if given, tells whether two facts of this source name the same thing by the
    kind's own policy, and how: None when they do not, else a word for the relation (for names:
    "typography", "nickname" or "spelling").
    """

    key: Hashable
    provides: type
    extract: Callable[[Document], Iterable[Fact]]
    relate: Callable[[Fact, Fact], str | None] | None = None


class Story(NamedTuple):
    """One story of a story set: its document and the facts the sources found in it."""

    doc: Document
    facts: tuple[Fact, ...]

    def of(self, kind: type) -> list:
        """Return this story's facts of one type, in document order."""
        return [f for f in self.facts if isinstance(f, kind)]


CrossCheck = Callable[[Sequence[Story], Sequence[FactSource]], Iterable[Finding]]


def fold_name(text: str) -> str:
    """Fold a name for comparison: no accents, case, hyphens, spaces, apostrophes or dots."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def source_of(sources: Sequence[FactSource], kind: type) -> FactSource | None:
    """Return the first source that provides a type of fact, or None."""
    return next((s for s in sources if s.provides is kind), None)
