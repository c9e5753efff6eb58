"""Each names check on its own, a rule that lists several, and the keys each check takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checks.names import registry_checks
from factlint.document import Document
from factlint.engine import LoadError, RuleSet, lint, load_rule_file
from tests.helpers import brief

REGISTRY = """\
people:
  - name: Teodora Vance
    variants: [Teddie Vance]
    titles: [County Treasurer]
    title_variants: [County Treasure]
organizations:
  - name: Harbor Transit Authority
    variants: [Harbour Transit Authority]
"""
SAME_PERSON = "not_names: [The, Board]\nmin_surname_length: 4\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "names" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_with(tmp_path: Path, rule: str, text: str) -> list[tuple[str, int, int, str]]:
    loaded = load_rule_file(write(tmp_path, "desk.yaml", f"kind: names\n{rule}"))
    return brief(lint(Document(text, "draft.txt"), RuleSet((loaded,))))


@pytest.mark.parametrize("check, text, found", [
    ("variants", "Teddie Vance briefed the Harbour Transit Authority board.",
     [(1, 1, "Teddie Vance"), (1, 26, "Harbour Transit Authority")]),
    ("variants", "Teodora Vance briefed the Harbor Transit Authority board.", []),
    ("titles", "County Treasure Teodora Vance signed the bonds.", [(1, 1, "County Treasure")]),
    ("titles", "Teodora Vance, the county treasure, left early.", [(1, 20, "county treasure")]),
    ("titles", "A county treasure was named. County Treasurer Teodora Vance left.", []),
    ("near-miss", "County Treasurer Teodora Vanse signed the bonds.", [(1, 18, "Teodora Vanse")]),
    ("near-miss", "Teodora Vancee signed the bonds.", [(1, 1, "Teodora Vancee")]),
    ("near-miss", "Teodora Vance signed the bonds.", []),
    ("first-reference", "Vance opened the meeting on bonds.\nTeodora Vance then read the figures.", [(1, 1, "Vance")]),
    ("first-reference", "Teodora Vance opened the meeting. Vance then read the figures.", []),
    ("no-title", "Teodora Vance opened the meeting. Later Teodora Vance spoke again.", [(1, 1, "Teodora Vance")]),
    ("no-title", "County Treasurer Teodora Vance opened the meeting.", []),
])
def test_each_registry_check_alone(tmp_path: Path, check: str, text: str, found: list) -> None:
    assert lint_with(tmp_path, f"check: {check}\n{REGISTRY}", text) == [("names.desk", *f) for f in found]


@pytest.mark.parametrize("text, found", [
    ("Renata Okafor chairs the board. Renata Okafer said the vote was close.", [(1, 33, "Renata Okafer")]),
    ("Renata Okafor chairs the board. Renata Okafor said the vote was close.", []),
])
def test_same_person_alone(tmp_path: Path, text: str, found: list) -> None:
    assert lint_with(tmp_path, f"check: same-person\n{SAME_PERSON}", text) == [("names.desk", *f) for f in found]


def test_a_list_of_checks_runs_each_under_one_rule(tmp_path: Path) -> None:
    text = "Teddie Vance, the county treasure, spoke. Teodora Vance left."
    assert lint_with(tmp_path, f"check: [variants, titles]\n{REGISTRY}", text) == [
        ("names.desk", 1, 1, "Teddie Vance"), ("names.desk", 1, 19, "county treasure")]


def test_a_registry_rule_without_check_runs_the_four_default_checks(tmp_path: Path) -> None:
    text = "Vance spoke first.\nTeddie Vance, the county treasure, left. Teodora Vance stayed."
    assert lint_with(tmp_path, REGISTRY, text) == [
        ("names.desk", 1, 1, "Vance"), ("names.desk", 2, 1, "Teddie Vance"), ("names.desk", 2, 19, "county treasure")]


def test_the_checks_of_one_rule_share_one_registry_scan(tmp_path: Path, monkeypatch) -> None:
    scans = []
    real = registry_checks._scan
    monkeypatch.setattr(registry_checks, "_scan", lambda *args: scans.append(1) or real(*args))
    text = "Teddie Vance, the county treasure, spoke."
    found = lint_with(tmp_path, f"check: [variants, titles, near-miss, first-reference, no-title]\n{REGISTRY}", text)
    assert found == [("names.desk", 1, 1, "Teddie Vance"), ("names.desk", 1, 19, "county treasure")]
    assert scans == [1]


@pytest.mark.parametrize("rule, problem", [
    (f"check: variants\n{REGISTRY}also_nicknames: [[Ted, Theodora]]\n", "unknown key 'also_nicknames' for check 'variants'"),
    (f"check: [variants, titles]\n{REGISTRY}min_surname_length: 3\n",
     "unknown key 'min_surname_length' for checks 'variants', 'titles'"),
    (f"check: same-person\n{REGISTRY}", "unknown key 'organizations' for check 'same-person'"),
    (f"{REGISTRY}not_names: [Board]\n",
     "unknown key 'not_names' for checks 'variants', 'titles', 'near-miss', 'first-reference'"),
    ("check: [variants, spelling]\n", "'check' must name checks among"),
    ("check: [same-person, titles]\n", "check 'titles' needs a registry"),
])
def test_a_key_of_another_check_is_an_error_naming_it(tmp_path: Path, rule: str, problem: str) -> None:
    with pytest.raises(LoadError, match=problem) as error:
        load_rule_file(write(tmp_path, "desk.yaml", f"kind: names\n{rule}"))
    assert "\n" not in str(error.value)


def test_a_list_takes_the_keys_of_each_check_it_names(tmp_path: Path) -> None:
    rule = f"check: [titles, same-person]\n{REGISTRY}{SAME_PERSON}"
    text = "Teodora Vance, the county treasure, spoke. Renata Okafor and Renata Okafer voted."
    assert lint_with(tmp_path, rule, text) == [("names.desk", 1, 20, "county treasure"),
                                               ("names.desk", 1, 62, "Renata Okafer")]


def test_holder_words_come_from_the_word_file(tmp_path: Path) -> None:
    write(tmp_path, "_mine.yaml", "holder_words: [his]\ndiminutive_endings: [y]\n")
    text = "Teodora Vance, the county treasure, left. His county treasure spoke. Teodora Vance, county treasure, sat."
    assert lint_with(tmp_path, f"check: titles\nwords: _mine.yaml\n{REGISTRY}", text) == [
        ("names.desk", 1, 47, "county treasure"), ("names.desk", 1, 85, "county treasure")]


@pytest.mark.parametrize("data, problem", [
    ("holder_words: [the]\nholders: [his]\n", r"_mine.yaml:2: unknown key 'holders' in the names word file"),
    ("holder_words: [the]\ndiminutive_endings: [y, '']\n", r"_mine.yaml:2: 'diminutive_endings' must not hold an empty word"),
    ("holder_words: 3\n", r"_mine.yaml:1: 'holder_words' must be a list of strings"),
])
def test_a_bad_word_file_is_a_one_line_error_naming_file_and_line(tmp_path: Path, data: str, problem: str) -> None:
    write(tmp_path, "_mine.yaml", data)
    with pytest.raises(LoadError, match=problem) as error:
        load_rule_file(write(tmp_path, "desk.yaml", f"kind: names\ncheck: titles\nwords: _mine.yaml\n{REGISTRY}"))
    assert "\n" not in str(error.value) and "desk.yaml:3:" in str(error.value)


@pytest.mark.parametrize("data, problem", [
    ("pairs:\n  - [Bill, William]\n  - [Bob]\n", r"_nicks.yaml:1: 'pairs' must be a list of \[a, b\] pairs of strings"),
    ("pair: []\n", r"_nicks.yaml:1: unknown key 'pair' in the nickname table"),
    ("# no pairs yet\n{}\n", r"_nicks.yaml:\d+: missing required key 'pairs'"),
])
def test_a_bad_nickname_table_is_a_one_line_error_naming_file_and_line(tmp_path: Path, data: str, problem: str) -> None:
    write(tmp_path, "_nicks.yaml", data)
    with pytest.raises(LoadError, match=problem) as error:
        load_rule_file(write(tmp_path, "desk.yaml", "kind: names\ncheck: same-person\nnickname_supplement: _nicks.yaml\n"))
    assert "\n" not in str(error.value)


def test_the_shipped_data_files_meet_their_validators() -> None:
    from factlint.checks.names import words
    from factlint.rule import RuleSetStore

    assert words.load(words.default_path()).holder_words >= {"the", "his"}
    same = load_rule_file(Path(__file__).parents[1] / "rules" / "names" / "same-person.yaml", store=RuleSetStore())
    assert same.rule.options["nickname_supplement"] == "_nicknames.yaml"


WORD_FILE = (Path(__file__).parents[1] / "rules" / "names" / "_words.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new, text, default, changed", [
    # A name beside its plural twin is a group noun ("Golden Bear" / "Golden Bears"), by plural_endings.
    ('plural_endings: [["", s], ["", es], [y, ies]]', "plural_endings: []",
     "Golden Bear sold the tickets. Golden Bears won the final.", [], [(1, 31, "Golden Bears")]),
    # A surname plus a demonym ending is another word (America/American), by demonym_endings.
    ("demonym_endings: [n]", "demonym_endings: []",
     "Martin Halloran chairs the board. Asked about the vote, Hallora said he would abstain.",
     [], [(1, 57, "Hallora")]),
    # A group and its adjective are two words (Democrat/Democratic), by adjective_endings.
    ("adjective_endings: [ic]", "adjective_endings: []",
     "A New Hampshire Democrat said it was close.\nIt split New Hampshire Democratic insiders.",
     [], [(2, 14, "Hampshire Democratic")]),
])
def test_word_endings_come_from_the_word_file(tmp_path: Path, old: str, new: str, text: str, default: list,
                                              changed: list) -> None:
    assert old in WORD_FILE
    write(tmp_path, "_mine.yaml", WORD_FILE.replace(old, new))
    assert lint_with(tmp_path, f"check: same-person\n{SAME_PERSON}", text) == [("names.desk", *f) for f in default]
    assert lint_with(tmp_path, f"check: same-person\nwords: _mine.yaml\n{SAME_PERSON}", text) == [
        ("names.desk", *f) for f in changed]
