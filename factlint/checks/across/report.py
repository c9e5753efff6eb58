"""How the cross-story checks report: one finding per story and form, pointing at the other stories."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from factlint.facts import Story
from factlint.finding import Finding, Related
from factlint.rule import Rule


@dataclass(frozen=True)
class Mention:
    """One place a story states a fact: the story's index, the span, and the form as written."""

    story: int
    start: int
    end: int
    form: str


def forms_of(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    """Group mentions by form, each form's mentions in story and text order."""
    grouped: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.story, m.start)):
        grouped.setdefault(mention.form, []).append(mention)
    return grouped


def usage(mentions: Sequence[Mention]) -> str:
    """Say how often a form is used: '3 times in 2 stories'."""
    stories = len({m.story for m in mentions})
    times = "once" if len(mentions) == 1 else f"{len(mentions)} times"
    return f"{times} in {stories} {'story' if stories == 1 else 'stories'}"


def related(stories: Sequence[Story], mention: Mention) -> Related:
    """Return a mention as a place another finding points at."""
    doc = stories[mention.story].doc
    line, column = doc.position(mention.start)
    return Related(doc.path, line, column, doc.text[mention.start:mention.end])


# A form used by this many stories, and this many times as many as any other form, is the set's
# own usage: only the stories that depart from it are flagged (13 stories spell Hillary one way).
DOMINANT_STORIES = 5
DOMINANT_RATIO = 4


def _dominant(grouped: dict[str, list[Mention]]) -> str | None:
    """Return the form most stories of a large set use, if it far outnumbers every other."""
    stories = sorted(((len({m.story for m in uses}), form) for form, uses in grouped.items()), reverse=True)
    if len(stories) > 1 and stories[0][0] >= DOMINANT_STORIES and stories[0][0] >= DOMINANT_RATIO * stories[1][0]:
        return stories[0][1]
    return None


Detail = Callable[[str, list[str]], str]


def report(rule: Rule, stories: Sequence[Story], mentions: Sequence[Mention], detail: Detail,
           house: str | None = None, conflict: Callable[[str, str], bool] = str.__ne__) -> Iterator[Finding]:
    """Flag, in each story, the first use of each form that another story contradicts.

    A form conflicts with another form used in a different story; with a house form (a registry's,
    or else a form far more stories use), only the other forms are flagged. Each finding points at the first use of each conflicting
    form in the other stories.
    """
    grouped = forms_of(mentions)
    if house not in grouped:  # no story uses the house form: the stories disagree among themselves
        house = _dominant(grouped)
    for form, uses in grouped.items():
        if form == house:
            continue
        for story in sorted({m.story for m in uses}):
            others = [next(m for m in other_uses if m.story != story)
                      for other, other_uses in grouped.items()
                      if conflict(form, other) and any(m.story != story for m in other_uses)
                      and (house is None or other == house)]
            if not others:
                continue
            first = next(m for m in uses if m.story == story)
            doc = stories[story].doc
            finding = rule.finding(doc, first.start, first.end,
                                   detail=detail(form, [o.form for o in others]),
                                   found=form, others=", ".join(f"'{o.form}'" for o in others), house=house or "")
            yield finding._replace(related=tuple(related(stories, o) for o in others))
