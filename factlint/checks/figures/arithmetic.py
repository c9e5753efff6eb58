"""A figure worked out from the one just given: restated, converted, or the arithmetic of the next sentence."""

from __future__ import annotations

import re

from factlint.checks.figures.sourcing import Sourcing

# At most this many characters between a figure and the one that restates it or gives its earlier
# value: "$3.15 per $1,000 in property value — up from $3.02".
DERIVED_REACH = 40
# What may follow an amount that converts the one before: the end of its aside or of its sentence.
CONVERSION_CLOSE = frozenset(",);.")
# A year a change is measured from: "a 20% increase from 2012".
YEAR = re.compile(r"(?:19|20)\d\d")


def derived(sourcing: Sourcing, index: int, previous: tuple[int, int], start: int, end: int) -> bool:
    """Tell whether a figure restates or works out the one just given: '$6.20, or 1 percent', 'That's down 16 percent'.

    Such a figure stands or falls with the figure it comes from: it is sourced with it, or
    flagged with it, and is not a second claim to send back. So does an amount in another
    currency right after one, between commas or in parentheses: it converts it.
    """
    text = sourcing.doc.lint_text
    previous_start, previous_end = previous
    if 0 <= previous_end <= start and start - previous_end < DERIVED_REACH:
        between = " ".join(text[previous_end:start].replace("(", " ").replace(",", " ").lower().split())
        if any(between == link or between.endswith(" " + link) for link in sourcing.derived_links):
            return True  # '$6.20, or 1 percent', '163 pesos a day, or $9.40'
        first, second = _currency(sourcing, text[previous_start:previous_end]), _currency(sourcing, text[start:end])
        # Only an approximation between them, as after "or": "2 million euros (about $2.3 million)".
        approximate = not between or any(link == "or " + between for link in sourcing.derived_links)
        # The second closes its aside ("…, about $148 billion, on rail"), not opens a clause: "Of the
        # $148 million, 40 million euros will go toward" is a part of it, not its conversion.
        closed = text[end:end + 1] in CONVERSION_CLOSE
        if approximate and closed and "" not in (first, second) and first != second:
            return True  # '130 billion euros, about $148 billion', '2 million euros ($2.3 million)'
        if _change_in_apposition(sourcing, text[previous_end:start], text[end:end + 80]):
            return True  # '603,000 people voted, a 20% increase from 2012'
    if index <= 0 or index - 1 not in sourcing.first_figures:
        return False
    doc = sourcing.doc
    span = doc.sentences[index]
    if doc.paragraph_index(doc.sentences[index - 1].start) != doc.paragraph_index(span.start):
        return False
    opening = " ".join(text[span.start:span.start + 30].lower().replace("’", "'").split())
    return opening.startswith(sourcing.derived_openers)


def _change_in_apposition(sourcing: Sourcing, between: str, after: str) -> bool:
    """Tell whether a figure is a change, in apposition to the one before, measured from an earlier time.

    "a $4.2 million parks budget, a 9 percent increase from last year": one of `derived_changes`
    after the figure, one of `derived_change_links` after it and then, in its first two words past
    a determiner, one of `derived_change_times` or a year. Not over another place or body: "a 30
    percent increase over what Marion County spends", "compared with similar-size counties".
    """
    clause = between.replace("—", ",").replace("–", ",").rsplit(",", 1)
    if len(clause) < 2 or clause[1].strip().lower() not in sourcing.apposition_articles:
        return False
    words = after.split()
    if not words or words[0].strip(",.;").lower() not in sourcing.derived_changes:
        return False
    rest = " ".join(words[1:]).lower() + " "
    link = next((link for link in sourcing.derived_change_links if rest.startswith(link + " ")), "")
    if not link:
        return False
    # Measured from an earlier time ("from last year", "since 2019", "from the previous budget"), not
    # from another place or body ("compared with similar-size counties", "from what the county paid").
    measured_from = [w.strip(",.;:)").lower() for w in words[1 + len(link.split()):]
                     if w.lower() not in sourcing.determiners][:2]
    return any(w in sourcing.derived_change_times or YEAR.fullmatch(w) for w in measured_from)


def _currency(sourcing: Sourcing, figure: str) -> str:
    """Return a figure's currency mark ('$', 'euros'), lowercase, or ''."""
    low = figure.lower()
    return next((mark for mark in sourcing.currency_marks if mark in low), "")
