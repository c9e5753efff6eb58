"""bench/polnear.py --verdicts: a hand-judged sample crossed with the annotation and today's findings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factlint import engine
from factlint.config import default_pack

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import polnear  # noqa: E402  (a benchmark script module)

# Our own copy: one figure no one credits, one the council's spokeswoman gives.
STORY = ("Property taxes will rise 3.5 percent next year.\n\n"
         "The levy will bring in $4 million, said Dana Ruiz, a spokeswoman for the council.\n")


@pytest.fixture(scope="module")
def scored() -> tuple[polnear.Score, list[polnear.Article]]:
    credit = polnear.Attribution()
    second = STORY.index("The levy")
    credit.roles["Content"].append((second, STORY.index(", said")))
    credit.roles["Source"].append((STORY.index("Dana Ruiz"), len(STORY) - 2))
    article = polnear.Article("story", STORY, None, [credit])
    rule_set = engine.RuleSet.load([default_pack()]).configured([], [], {})
    return polnear.score([article], rule_set), [article]


def test_verdicts_cross_the_annotation_with_what_is_still_flagged(scored, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("# judged by the desk\n"
                        "story:1:26\tfigures.unsourced\tT\t3.5 percent\n"
                        "story:3:24\tfigures.unsourced\tF\t$4 million\n", encoding="utf-8")
    table = polnear.verdicts(*scored, verdicts)
    assert "| figures.unsourced | T | annotated-unsourced | 1 | 0 |" in table
    assert "| figures.unsourced | F | annotated-sourced | 0 | 1 |" in table
    assert "| figures.unsourced | 1 | 0 | 1.000 |" in table


@pytest.mark.parametrize("line, error", [
    ("story:1:26\tfigures.unsourced\tyes\t3.5 percent", "expected ARTICLE:LINE:COLUMN"),
    ("other:1:26\tfigures.unsourced\tT\t3.5 percent", "expected ARTICLE:LINE:COLUMN"),
    ("story:1:20\tfigures.unsourced\tT\t3.5 percent", "'3.5 percent' is not at story:1:20"),
    ("story:9:1\tfigures.unsourced\tT\t3.5 percent", "'3.5 percent' is not at story:9:1"),
])
def test_a_verdict_that_names_no_finding_is_an_error_with_its_line(scored, tmp_path: Path, line: str, error: str) -> None:
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(polnear.VerdictError, match=f"verdicts.tsv:2: .*{error.split()[0]}") as raised:
        polnear.verdicts(*scored, verdicts)
    assert error in str(raised.value)
