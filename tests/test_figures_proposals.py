"""figures.unsourced: a figure its subject proposes or promises, or says in a clause with no "that", has a source."""

from __future__ import annotations

from functools import partial

import pytest

from tests.helpers import brief_of

unsourced = partial(brief_of, "figures.unsourced")


@pytest.mark.parametrize("text", [
    "Councilwoman Ana Ruiz has called for a $12 minimum wage in Eastport by 2028.",
    "The school board proposed a 2.5 percent raise for bus drivers.",
    "Governor Lee is pushing for a $40 million bridge fund.",
    "Ortiz vowed to hire 120 more officers in her first year.",
    "He pledged to cut property taxes by 10 percent if elected.",
    "The union asked for a 6 percent raise over two years.",
    "The mayor seeks an extra $3.1 million for road repairs.",
])
def test_a_proposal_or_promise_is_its_subject_s(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    # No one proposes it: a figure before the verb, or one past the proposal's content.
    ("The deficit reached $4.2 million, and the mayor called for an audit.",
     [("figures.unsourced", 1, 21, "$4.2 million")]),
    ("The mayor called for an audit after the deficit reached $4.2 million.",
     [("figures.unsourced", 1, 57, "$4.2 million")]),
    ("Ortiz will seek a recount in the county, where turnout fell 12 percent.",
     [("figures.unsourced", 1, 61, "12 percent")]),
    ("The mayor called for calm; unemployment in Eastport stands at 9.1 percent.",
     [("figures.unsourced", 1, 63, "9.1 percent")]),
    # Money given or a promise with no verb of its own is the reporter's claim.
    ("The G7 leaders pledged $600 billion for infrastructure.", [("figures.unsourced", 1, 24, "$600 billion")]),
    ("The company vowed to nearly double its 350 stores.", [("figures.unsourced", 1, 40, "350")]),
    # A figure the proposal takes as given is the reporter's: it still needs its source.
    ("Lee called for an investigation into the 45 deaths at the plant.", [("figures.unsourced", 1, 42, "45")]),
    ("Ortiz proposed cutting the city's 4,000 jobs by 10 percent.", [("figures.unsourced", 1, 35, "4,000")]),
    # A proposal with no one to make it: "calls for" after a noun is no subject's.
    ("The calls for a 15 percent cut grew louder.", [("figures.unsourced", 1, 17, "15 percent")]),
])
def test_what_no_subject_proposes_is_still_a_claim(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected


@pytest.mark.parametrize("text", [
    "Ortiz claims she's owed $2.4 million in back pay.",
    "The developer added it would build 300 homes on the site.",
    "The union maintains the new contract would cost $18 million.",
])
def test_a_clause_reported_with_no_that_is_attributed(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The firm claimed $2 million in tax credits.", [("figures.unsourced", 1, 18, "$2 million")]),
    ("The plant added the 300 jobs it cut last year.", [("figures.unsourced", 1, 21, "300")]),
    ("The economy added it jobs at 2.1 percent a year.", [("figures.unsourced", 1, 30, "2.1 percent")]),
])
def test_a_quote_only_verb_with_an_object_does_not_attribute(text: str,
                                                             expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected
