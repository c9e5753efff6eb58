"""Each across check takes its own keys; a rule that lists several takes the keys of each."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.engine import LoadError, load_rule_file


def load(tmp_path: Path, text: str):
    path = tmp_path / "across" / "desk.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"kind: across\n{text}", encoding="utf-8")
    return load_rule_file(path)


@pytest.mark.parametrize("text, problem", [
    ("check: names\ntitle_words: [Chief]\n", "desk.yaml:3: unknown key 'title_words' for check 'names'"),
    ("check: dates\nevents: [vote]\nlinks: [on]\ntolerance: 0.2\n", "desk.yaml:5: unknown key 'tolerance' for check 'dates'"),
    ("check: [titles, organizations]\ntitle_words: [Chief]\njoiners: [of]\norganization_words: [Board]\nevents: [vote]\n",
     "desk.yaml:6: unknown key 'events' for checks 'titles', 'organizations'"),
    ("title_words: [Chief]\n", "desk.yaml:1: missing required key 'check' \\(one of: names, titles"),
    ("check: titles\njoiners: [of]\n", "desk.yaml:1: check 'titles' needs 'title_words'"),
    ("check: figures\ntolerance: 1.5\n", "check 'figures' needs 'about'"),
])
def test_a_key_of_another_check_is_an_error_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(LoadError, match=problem) as error:
        load(tmp_path, text)
    assert "\n" not in str(error.value)


def test_a_list_takes_the_keys_of_each_check_and_builds_one_cross_story_check(tmp_path: Path) -> None:
    loaded = load(tmp_path, "check: [titles, organizations]\ntitle_words: [Chief]\njoiners: [of]\n"
                            "organization_words: [Board]\naliases: [[PRC, China]]\n")
    assert loaded.rule.options["check"] == ("titles", "organizations")
    assert loaded.rule.options["aliases"] == (("PRC", "China"),) and loaded.cross is not None
    assert list(loaded.check(None)) == []  # one story alone: nothing to compare
