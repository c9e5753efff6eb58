"""What the across checks share: their message fields, their word-list helpers and the checks' common shape.

An across rule finds nothing in one story alone: each check's build() only validates the rule and
returns a check that finds nothing; its build_cross() returns the comparison run over a story set.
A comparison's module and word lists are loaded when a story set runs: linting one story, the
commonest run, never pays for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from factlint.checks.base import Check
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError

if TYPE_CHECKING:
    from factlint.checks.across.titles import TitleWords

PLACEHOLDERS = frozenset({"detail", "found", "others", "house"})
DEFAULT_MESSAGE = "{detail}"


def number_map(value: Any) -> dict[str, float]:
    """Validate a mapping of words to numbers."""
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()):
        raise TypeError("must be a mapping of words to numbers")
    return {k.lower(): float(v) for k, v in value.items()}


def require(rule: Rule, name: str, keys: Iterable[str]) -> None:
    """Raise RuleError when the rule lacks a word list the check needs."""
    missing = [key for key in keys if not rule.options[key]]
    if missing:
        raise RuleError(f"check '{name}' needs '{missing[0]}'", missing[0])


def no_check() -> Check:
    """Return the per-story check of an across rule: it finds nothing in one story."""

    def check(doc: Document) -> Iterator[Finding]:
        return iter(())

    return check


def title_words(options: Mapping[str, Any]) -> TitleWords:
    """Build the title word lists of a rule's options."""
    from factlint.checks.across.titles import TitleWords

    spellings = {a.lower(): b.lower() for a, b in options["spellings"]}
    return TitleWords(frozenset(spellings.get(w, w) for w in lower(options["title_words"])),
                      lower(options["rank_words"]), lower(options["time_words"]), spellings,
                      lower(options["joiners"]))


def organization_search(options: Mapping[str, Any]) -> tuple[regex.Pattern, dict[str, str], frozenset[str]]:
    """Build the organisation-name search, the aliases and the leading words to drop of a rule's options."""
    from factlint.checks.across.organizations import org_pattern

    aliases = {a.lower().replace(".", ""): b.lower().replace(".", "") for a, b in options["aliases"]}
    return org_pattern(options["organization_words"], options["joiners"]), aliases, lower(options["determiners"])


def lower(items: Iterable[str]) -> frozenset[str]:
    """Return phrases in lower case with single spaces."""
    return frozenset(" ".join(i.lower().split()) for i in items)
