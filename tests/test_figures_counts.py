"""figures.unsourced: a small bare count is taken as read unless it counts harm, an arrest, a tally, a change or a measure."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from tests.helpers import RULES, brief, brief_of, run

unsourced = partial(brief_of, "figures.unsourced")


@pytest.mark.parametrize("text", [
    "Ortiz owns 14 golf courses and a winery.",
    "Voters in 11 states cast ballots on Tuesday.",
    "Republicans hold 24 seats in the chamber.",
    "Delegates from 40 countries met in Eastport.",
    "The club's 36 holes sit along the river.",
])
def test_a_small_bare_count_is_taken_as_read(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, column, match", [
    ("The blast killed 14 workers at the Harlow plant.", 18, "14"),
    ("Police arrested 23 protesters outside City Hall.", 17, "23"),
    ("Flu cases at the children's hospital reached 61.", 46, "61"),
    ("The fire destroyed 14 homes on Ridge Road.", 20, "14"),
    ("The shelter's beds fell to 60 this winter.", 28, "60"),
    ("The Elm Street fire burned 40 acres before dawn.", 28, "40"),
    ("Only 9 of 22 schools passed inspection.", 11, "22"),
    ("Half of the city's 48 bridges are in poor shape.", 20, "48"),
])
def test_a_small_count_of_harm_a_tally_a_change_a_measure_or_a_share_is_still_a_claim(
        text: str, column: int, match: str) -> None:
    assert (("figures.unsourced", 1, column, match) in unsourced(text))


@pytest.mark.parametrize("text, match", [
    ("The district owns 146 buses.", "146"),
    ("Ortiz owns about 14 golf courses.", "about 14"),
    ("Ortiz spent $14 on the permit.", "$14"),
    ("Turnout rose to 14 percent.", "14 percent"),
])
def test_a_large_count_or_one_with_a_unit_or_an_approximator_is_still_a_claim(text: str, match: str) -> None:
    assert [f[3] for f in unsourced(text)] == [match]


def test_with_no_minimum_every_count_is_a_claim(tmp_path: Path) -> None:
    pack = tmp_path / "figures"
    pack.mkdir()
    default = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
    assert "min_bare_count: 100" in default
    (pack / "unsourced.yaml").write_text(default.replace("min_bare_count: 100", "min_bare_count: 0"), encoding="utf-8")
    findings = run("Ortiz owns 14 golf courses.", select=["figures.unsourced"], packs=(pack,))
    assert brief(findings) == [("figures.unsourced", 1, 12, "14")]
