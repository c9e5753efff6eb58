"""Which figures have no source: each figure weighed against its sentence, its paragraph, a scope and its repeats."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.figures.arithmetic import derived
from factlint.checks.figures.scope import scope_source
from factlint.checks.figures.sourcing import Sourcing, carried, covered_nearby, near_measures, same_measure


def unsourced_figures(sourcing: Sourcing, figures: list[tuple[int, int]], window: int,
                      paragraphs: int, carry: tuple[bool, int]) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, rejected candidate) for each figure with no source.

    `carry` is (a paragraph's credit covers all its figures?, paragraphs a data paragraph's credit carries into).
    """
    doc = sourcing.doc
    previous = (-1, -1)
    again = _sourced_elsewhere(sourcing, figures, window)
    for start, end in figures:
        index = doc.sentence_index(start)
        if index >= 0:
            sourcing.weigh(index, start, end)  # what it measures may carry a credit to later figures
        restated = derived(sourcing, index, previous, start, end)
        previous = (start, end)
        if index >= 0 and sourcing.sized(index, start):
            sourcing.credited.add(index)  # "what its finance office estimated was $1.4 million": a credit of its own
            continue
        if index < 0 or restated or sourcing.own_terms(doc.lint_text, start, end) or sourcing.proposed(index, start) \
                or sourcing.vague_only(index):
            continue  # a vague source ("in some polls") is figures.vague-attribution's to flag, and credits nothing
        if covered_nearby(sourcing, index, window) or carried(sourcing, index, *carry):
            sourcing.credited.add(index)  # a credit of its own: it may cover later figures of its measure
            # A share its poll's people are credited with relays the poll to the shares after it: "A
            # third of independents, 33%, say" (the cheap tests first: most covered figures are no share).
            if sourcing.share(start, end) and sourcing.finding(index) and sourcing.respondents_say(index, start, end):
                scope_source(sourcing, index, paragraphs, True)
            continue
        # Covered by another figure's credit, a document's scope or the same figure given again
        # with a source: such a figure passes nothing on, so a story cannot drift from topic to topic.
        if same_measure(sourcing, index, start, end):
            if sourcing.share(start, end) and sourcing.finding(index):
                scope_source(sourcing, index, paragraphs, True)  # relays the poll too: "For Ortiz, 38 percent of likely voters …"
            continue
        covered, candidate = scope_source(sourcing, index, paragraphs, sourcing.share(start, end))
        if not covered and not _given_again(sourcing, again, index, start, end):
            yield start, end, candidate


def _given_again(sourcing: Sourcing, again: dict[str, list[int]], index: int, start: int, end: int) -> bool:
    """Tell whether the figure is given again, the same number of the same measure, in a sentence with a source."""
    key = sourcing.signatures.key(sourcing.doc.lint_text[start:end]) if sourcing.signatures else ""
    if not key or key not in again or sourcing.topic is None:
        return False
    mine, projection = near_measures(sourcing, index, start, end), sourcing.measure(index)[1]
    # A projection is not the figure someone reported, unless that was a projection too.
    return any(mine & sourcing.measure(other)[0] and (not projection or sourcing.measure(other)[1])
               for other in again[key] if other != index)


def _sourced_elsewhere(sourcing: Sourcing, figures: list[tuple[int, int]], window: int) -> dict[str, list[int]]:
    """Return, for each figure signature, the sentences that give it with a credit of their own.

    A figure the story gives again with a source is sourced where it is given first too: a
    lede's "Rents jumped 4.2 percent" and "Rents rose 4.2 percent, Zillow said." further on.
    """
    found: dict[str, list[int]] = {}
    if sourcing.signatures is None:
        return found
    doc = sourcing.doc
    for start, end in figures:
        index = doc.sentence_index(start)
        key = sourcing.signatures.key(doc.lint_text[start:end])
        if key and index >= 0 and covered_nearby(sourcing, index, window):
            found.setdefault(key, []).append(index)
    return found
