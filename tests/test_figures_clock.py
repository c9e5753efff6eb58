"""figures.unsourced: a game clock and a market quote carry their own source; a measured time does not."""

from __future__ import annotations

from tests.helpers import RULES, brief, run

PACKS = (RULES / "figures", RULES / "quotes")


def unsourced(text: str) -> list[tuple[str, int, int, str]]:
    """Return brief figures.unsourced findings on text."""
    return brief(run(text, select=["figures.unsourced"], packs=PACKS))


def test_a_game_clock_and_a_market_quote_carry_their_own_source() -> None:
    text = ("The Hawks led 111-108 with 35.9 seconds remaining, and Ortiz made two free throws with "
            "15.8 seconds to go.\n\n"
            "Shares of Meridian fell 8 percent in extended trading after closing up 1.32 percent at $142.34.\n")
    assert unsourced(text) == []


def test_a_measured_time_still_needs_its_source() -> None:
    text = "Ortiz finished in 9.87 seconds, the fastest time in the state this year.\n"
    assert unsourced(text) == [("figures.unsourced", 1, 19, "9.87")]
