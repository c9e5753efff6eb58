"""The `across` kind: checks that compare the stories of a story set with each other.

An across rule finds nothing in one story alone: the engine runs it over a story set, after the
per-story checks, with the facts the other kinds extract (people's names, registry forms,
figures, resolved dates). A rule names the comparisons it makes with `check` (one or a list); it
takes the keys of each.
"""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.across.common import organization_search, title_words
from factlint.checks.base import Option

__all__ = ["CHECK_LISTS", "CHECK_MODULES", "OPTIONS", "organization_search", "title_words"]

CHECK_MODULES = MappingProxyType({
    "names": "factlint.checks.across.names_check",
    "titles": "factlint.checks.across.titles_check",
    "organizations": "factlint.checks.across.organizations_check",
    "figures": "factlint.checks.across.figures_check",
    "dates": "factlint.checks.across.dates_check",
})
CHECK_LISTS = True  # no DEFAULT_CHECKS: a rule names at least one
OPTIONS: dict[str, Option] = {}
