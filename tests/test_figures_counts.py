"""figures.unsourced: a small bare count that describes is taken as read; one that counts an event is still a claim."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from factlint.engine import LoadError
from tests.helpers import RULES, brief, brief_of, run

unsourced = partial(brief_of, "figures.unsourced")


@pytest.mark.parametrize("text", [
    "Ortiz owns 14 golf courses and a winery.",
    "Voters in 11 states cast ballots on Tuesday.",
    "Republicans hold 24 seats in the chamber.",
    "Delegates from 40 countries met in Eastport.",
    "The club's 36 holes sit along the river.",
    "The Hollis farm has 40 dairy cows.",
    "The 14 candidates spoke at the forum.",
])
def test_a_small_count_that_describes_is_taken_as_read(text: str) -> None:
    assert unsourced(text) == []


@pytest.mark.parametrize("text, column, match", [
    # No describing word before it: the count is of something that happened.
    ("Paramedics took 12 people to area hospitals.", 17, "12"),
    ("Officers handcuffed 17 demonstrators outside City Hall.", 21, "17"),
    ("The county received 41 complaints about the new bins.", 21, "41"),
    # A describing word, but the sentence counts harm, a tally or a change.
    ("The 14 victims were taken to Mercy Hospital.", 5, "14"),
    ("Flu cases at the children's hospital reached 61.", 46, "61"),
    ("Enrollment fell from 40 students to 31.", 22, "40"),
    # A measure, or the part or the whole of a share.
    ("The Elm Street farm sits on 40 acres.", 29, "40"),
    ("Only 9 of 22 schools passed inspection.", 11, "22"),
    ("Only four of the district's 14 high schools met the standard.", 29, "14"),
    ("Half of the city's 48 bridges are in poor shape.", 20, "48"),
])
def test_a_small_count_of_an_event_a_tally_a_measure_or_a_share_is_still_a_claim(
        text: str, column: int, match: str) -> None:
    assert ("figures.unsourced", 1, column, match) in unsourced(text)


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


def test_a_negative_minimum_is_a_rule_error_naming_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "figures"
    pack.mkdir()
    default = (RULES / "figures" / "unsourced.yaml").read_text(encoding="utf-8")
    line = default[:default.index("min_bare_count: 100")].count("\n") + 1
    (pack / "unsourced.yaml").write_text(default.replace("min_bare_count: 100", "min_bare_count: -1"), encoding="utf-8")
    with pytest.raises(LoadError, match=rf"unsourced.yaml:{line}: 'min_bare_count' must be 0 or more"):
        run("Ortiz owns 14 golf courses.", select=["figures.unsourced"], packs=(pack,))
