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
    "The teachers union demands a 6 percent raise.",
    "Senator Ana Ruiz advocates tax cuts of $2 billion.",
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
    # A second clause, a subordinate or a relative clause ends the proposal's content.
    ("Mayor Ortiz proposed a $412 million budget Tuesday, and property taxes will rise 3.5% next year.",
     [("figures.unsourced", 1, 82, "3.5%")]),
    ("Ruiz called for more patrols as burglaries rose 40 percent this year.",
     [("figures.unsourced", 1, 49, "40 percent")]),
    ("Police are seeking a man who stole $18,000 in jewelry.", [("figures.unsourced", 1, 36, "$18,000")]),
    ("Hale requested federal aid, which could total $40 million.", [("figures.unsourced", 1, 47, "$40 million")]),
    # A proposal verb that is also a noun is the noun before a verb.
    ("Consumer demand jumped 14 percent last quarter.", [("figures.unsourced", 1, 24, "14 percent")]),
    ("Parent requests for late buses rose 27 percent.", [("figures.unsourced", 1, 37, "27 percent")]),
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
    # Two verbs of one subject are no reported clause.
    ("Harmon Foods added a third shift and will hire 250 workers by March.",
     [("figures.unsourced", 1, 48, "250")]),
])
def test_a_quote_only_verb_with_an_object_does_not_attribute(text: str,
                                                             expected: list[tuple[str, int, int, str]]) -> None:
    assert unsourced(text) == expected
