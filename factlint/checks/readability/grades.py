"""What the two grade checks share: their thresholds and the test of scores against them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import Option, integer, number
from factlint.checks.readability.scores import Scores
from factlint.rule import RuleError

OPTIONS = {
    "max_grade": Option(number),
    "min_ease": Option(number),
    "min_words": Option(integer, 0),
}
PLACEHOLDERS = frozenset({"grade", "ease", "words", "limit"})


def validate(options: Mapping[str, Any]) -> None:
    """Demand a grade or ease threshold and a word floor that is not negative."""
    if options["max_grade"] is None and options["min_ease"] is None:
        raise RuleError("a grade rule needs 'max_grade' or 'min_ease'", "check")
    if options["min_words"] < 0:
        raise RuleError("'min_words' must not be negative", "min_words")


def too_hard(scores: Scores, options: Mapping[str, Any]) -> bool:
    """Tell whether scores cross the rule's grade or ease threshold."""
    if scores.words == 0 or scores.words < options["min_words"]:
        return False
    max_grade, min_ease = options["max_grade"], options["min_ease"]
    return (max_grade is not None and scores.grade > max_grade) or (
        min_ease is not None and scores.ease < min_ease
    )


def limit(options: Mapping[str, Any]) -> str:
    """Describe the threshold for the {limit} placeholder."""
    parts = []
    if options["max_grade"] is not None:
        parts.append(f"grade {options['max_grade']:g}")
    if options["min_ease"] is not None:
        parts.append(f"ease {options['min_ease']:g}")
    return ", ".join(parts)
