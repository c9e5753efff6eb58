"""The names kind: registry variants, titles, near misses, first references, and one person spelled two ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checks.names import registry as names_registry
from factlint.checks.names.people import load_nicknames, nickname_pairs, short_form
from factlint.checks.names.text import Folded, candidates, distance, typo_shaped
from factlint.document import Document
from factlint.engine import LoadError, RuleSet, lint, load_rule_file
from factlint.fix import fix_document
from factlint.rule import RuleSetStore
from tests.helpers import RULES, SEEDS, brief, run

REGISTRY = """\
people:
  - name: Jennifer Daskal
    variants: [Jen Daskal]
    titles: [Deputy Homeland Security Advisor]
    title_variants: [Deputy Homeland Security Adviser]
  - name: Margaret Okonkwo-Reyes
    variants: [Maggie Okonkwo-Reyes]
    titles: [Commissioner]
  - name: Sara Lindqvist
  - name: Mark Kelly
    titles: [Senator]
organizations:
  - name: U.S.-PRC Counternarcotics Working Group
    variants: [US-PRC Counternarcotics Working Group, U.S.-China Counternarcotics Working Group]
"""
LEVELS = {"variants": "error", "titles": "warning", "near-miss": "warning",
          "first-reference": "warning", "no-title": "info"}


def registry_rules(*checks: str, registry: str = REGISTRY) -> RuleSet:
    """One inline-registry rule per check, with the rule id `names.<check>`."""
    loaded = []
    for check in checks or tuple(LEVELS):
        text = f"kind: names\nlevel: {LEVELS[check]}\ncheck: {check}\n{registry}"
        loaded.append(load_rule_file(Path(f"names/{check}.yaml"), text))
    return RuleSet(tuple(loaded))


def check(text: str, *checks: str, path: str = "draft.txt") -> list:
    """Lint text with the registry checks named (all of them if none)."""
    return lint(Document(text, path, path.endswith(".md")), registry_rules(*checks))


def fixed(text: str, *checks: str) -> str:
    rules = registry_rules(*checks)
    doc, remaining = fix_document(Document(text, "draft.txt"), lambda d: lint(d, rules))
    return doc.text


def same(text: str) -> list[tuple[str, int, int, str]]:
    return brief(run(text, select=["names.same-person"]))


# --- registry variants -----------------------------------------------------------------------

def test_variant_is_an_error_with_the_house_form_as_fix() -> None:
    [finding] = check("The talks were led by Jen Daskal on Tuesday.", "variants")
    assert (finding.rule, finding.level, finding.line, finding.column, finding.match) == (
        "names.variants", "error", 1, 23, "Jen Daskal")
    assert finding.message == "'Jen Daskal' is not the house form: use 'Jennifer Daskal'"
    assert finding.fix == "Jennifer Daskal"


@pytest.mark.parametrize("text, match, after", [
    ("Jen Daskal's team arrived.", "Jen Daskal", "Jennifer Daskal's team arrived."),
    ("Jen Daskal’s team arrived.", "Jen Daskal", "Jennifer Daskal’s team arrived."),
    ("Led by Jen\u00a0Daskal, the team arrived.", "Jen\u00a0Daskal", "Led by Jennifer\u00a0Daskal, the team arrived."),
    ("Led by Jen  Daskal, the team arrived.", "Jen  Daskal", "Led by Jennifer  Daskal, the team arrived."),
    ("The Jen Daskal-led team arrived.", "Jen Daskal", "The Jennifer Daskal-led team arrived."),
])
def test_variant_through_possessives_and_odd_spaces(text: str, match: str, after: str) -> None:
    assert [f.match for f in check(text, "variants")] == [match]
    assert fixed(text, "variants") == after


def test_hard_wrapped_variant_keeps_its_line_break() -> None:
    text = "The delegation, led by Jen\nDaskal, arrived in Beijing.\n"
    assert brief(check(text, "variants")) == [("names.variants", 1, 24, "Jen\nDaskal")]
    assert fixed(text, "variants") == "The delegation, led by Jennifer\nDaskal, arrived in Beijing.\n"


def test_organisation_variant_wrapped_over_lines() -> None:
    text = "They set up the U.S.-China\n  Counternarcotics Working Group on Tuesday."
    assert [f.match for f in check(text, "variants")] == ["U.S.-China\n  Counternarcotics Working Group"]
    assert fixed(text, "variants") == "They set up the U.S.-PRC\n  Counternarcotics Working Group on Tuesday."


def test_fixing_variants_is_idempotent() -> None:
    text = "Jen Daskal met the US-PRC Counternarcotics Working Group. Jen Daskal's aide spoke."
    once = fixed(text, "variants")
    assert once == ("Jennifer Daskal met the U.S.-PRC Counternarcotics Working Group. "
                    "Jennifer Daskal's aide spoke.")
    assert check(once, "variants") == []


@pytest.mark.parametrize("text", [
    "Jennifer Daskal led the U.S.-PRC Counternarcotics Working Group.",
    "The US-China Counternarcotics Working Group met.",  # not a listed variant
    "Jen Daskalova, a researcher, attended.",
    "jen daskal is how the handle reads.",
    "The Counternarcotics Working Group met.",
])
def test_house_forms_and_unlisted_forms_are_not_variants(text: str) -> None:
    assert check(text, "variants") == []


def test_variant_inside_markdown_code_is_ignored() -> None:
    assert check("The field is `Jen Daskal` in the feed.\n", "variants", path="draft.md") == []


def test_variant_spelled_like_another_persons_house_name_is_not_flagged() -> None:
    registry = ("people:\n  - name: Jennifer Daskal\n    variants: [Jen Daskal]\n"
                "  - name: Jen Daskal\n")
    rules = registry_rules("variants", registry=registry)
    assert lint(Document("Jen Daskal spoke.", "draft.txt"), rules) == []


# --- titles -----------------------------------------------------------------------------------

def test_title_variant_before_a_name() -> None:
    text = "Deputy Homeland Security Adviser Jennifer Daskal spoke."
    [finding] = check(text, "titles")
    assert (finding.level, finding.match, finding.fix) == (
        "warning", "Deputy Homeland Security Adviser", "Deputy Homeland Security Advisor")
    assert finding.message == ("'Deputy Homeland Security Adviser' is not the house form of the title: "
                               "use 'Deputy Homeland Security Advisor'")


def test_title_variant_standing_alone() -> None:
    text = "The Deputy Homeland Security Adviser declined to comment."
    assert brief(check(text, "titles")) == [("names.titles", 1, 5, "Deputy Homeland Security Adviser")]


def test_title_and_name_variants_are_fixed_together() -> None:
    text = "U.S. Deputy Homeland Security Adviser Jen Daskal led the talks."
    assert fixed(text, "variants", "titles") == "U.S. Deputy Homeland Security Advisor Jennifer Daskal led the talks."


@pytest.mark.parametrize("text", [
    "Deputy Homeland Security Advisor Jennifer Daskal spoke.",
    "A deputy homeland security adviser spoke.",
    "The national security adviser spoke.",
])
def test_house_titles_and_generic_titles_pass(text: str) -> None:
    assert check(text, "titles") == []


# --- near misses ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, match, house", [
    ("Margret Okonkwo-Reyes opened the hearing.", "Margret Okonkwo-Reyes", "Margaret Okonkwo-Reyes"),
    ("The talks were led by Jennifer Daskall.", "Jennifer Daskall", "Jennifer Daskal"),
    ("The talks were led by Jennifer Dasakl.", "Jennifer Dasakl", "Jennifer Daskal"),
    ("Deputy Homeland Security Advisor Jennifer Haskal led the talks.", "Jennifer Haskal", "Jennifer Daskal"),
    ("Jennifer Haskal led the talks. Daskal said they went well.", "Jennifer Haskal", "Jennifer Daskal"),
])
def test_near_miss_suggests_the_registry_name(text: str, match: str, house: str) -> None:
    [finding] = check(text, "near-miss")
    assert (finding.level, finding.match, finding.fix) == ("warning", match, None)
    assert finding.message == f"'{match}' is not in the names registry: did you mean '{house}'?"


@pytest.mark.parametrize("text", [
    "Jennifer Haskal, a law professor, spoke at the forum.",   # a real-looking different surname
    "Sarah Lindqvist, a neighbour, called the police.",        # Sarah is a name of its own
    "Sarah Lindqvist said Lindqvist was her maiden name.",     # her own surname is no evidence
    "Mark Kelley, a farmer, was not consulted.",               # Kelley is not a typo of Kelly
    "Margarita Okonkwo-Reyes opened the hearing.",             # two edits away
    "Jennifer Daskal and Margaret Okonkwo-Reyes met.",         # the house forms themselves
    "Jen Daskal spoke.",                                       # a listed variant, not a near miss
])
def test_look_alikes_are_not_near_misses(text: str) -> None:
    assert check(text, "near-miss") == []


def test_near_miss_of_a_first_name_when_the_registry_person_is_in_the_story() -> None:
    text = "Sara Lindqvist chaired the board. Sarah Lindqvist then left."
    assert [f.match for f in check(text, "near-miss")] == ["Sarah Lindqvist"]


# --- first reference --------------------------------------------------------------------------

def test_bare_surname_before_the_full_name() -> None:
    text = "Daskal will lead the talks.\nJennifer Daskal is the deputy adviser."
    [finding] = check(text, "first-reference")
    assert (finding.level, finding.line, finding.column, finding.match) == ("warning", 1, 1, "Daskal")
    assert finding.message == ("'Daskal' comes before the first full reference to 'Jennifer Daskal' (line 2): "
                               "give the full name first")


@pytest.mark.parametrize("text, matches", [
    ("Jennifer Daskal will lead. Daskal said so.", []),
    ("Daskal will lead the talks, officials said.", []),                 # never named in full
    ("Mr. Daskal will lead. Jennifer Daskal said so.", ["Daskal"]),
    ("Daskal's team will lead. Jennifer Daskal said so.", ["Daskal"]),
    ("Hunter Daskal will lead. Jennifer Daskal said so.", []),           # another Daskal
    ("Daskal and Daskal. Jennifer Daskal said so.", ["Daskal"]),         # flagged once
    ("Daskal to lead talks\n\nJennifer Daskal will lead the talks.", []),  # headline
])
def test_first_reference_cases(text: str, matches: list[str]) -> None:
    assert [f.match for f in check(text, "first-reference")] == matches


# --- first reference without a title (info) ---------------------------------------------------

@pytest.mark.parametrize("text, matches", [
    ("The delegation is led by Jennifer Daskal.", ["Jennifer Daskal"]),
    ("The delegation is led by Jen Daskal.", ["Jen Daskal"]),
    ("It is led by Deputy Homeland Security Advisor Jennifer Daskal. Jennifer Daskal spoke.", []),
    ("Jennifer Daskal, the deputy homeland security advisor, spoke.", []),
    ("Sara Lindqvist spoke.", []),  # no title in the registry
    ("Commissioner Margaret Okonkwo-Reyes spoke. Later Jennifer Daskal spoke.", ["Jennifer Daskal"]),
])
def test_first_reference_without_a_title(text: str, matches: list[str]) -> None:
    findings = check(text, "no-title")
    assert [f.match for f in findings] == matches
    assert all(f.level == "info" for f in findings)


# --- same person, two spellings (default pack, no registry) ------------------------------------

@pytest.mark.parametrize("text, match", [
    ("Kathy Ruiz won. Katherine Ruiz thanked voters.", "Katherine Ruiz"),
    ("Tim Okafor won. Timothy Okafor thanked voters.", "Timothy Okafor"),
    ("Robert Kline won. Bob Kline thanked voters.", "Bob Kline"),
    ("Jennifer Daskal led. Jen Daskal spoke.", "Jen Daskal"),
    ("Marisol Pereira won. Marisela Pereira thanked voters.", "Marisela Pereira"),
    ("Rachel Dunn won. Rachel Dunne thanked voters.", "Rachel Dunne"),
    ("Brian Walsh won. Bryan Walsh thanked voters.", "Bryan Walsh"),
    ("James Comey spoke. Jim Comey left.", "Jim Comey"),
    ("Margaret Noonan wrote it. Peggy Noonan read it.", "Peggy Noonan"),
    ("Michael Reyes spoke. Mike Reyes left.", "Mike Reyes"),
    ("Elizabeth Warren spoke. Liz Warren left.", "Liz Warren"),
])
def test_same_person_spelled_two_ways(text: str, match: str) -> None:
    assert [f[3] for f in same(text)] == [match]


def test_same_person_message_names_both_forms_and_lines() -> None:
    [finding] = run("Kathy Ruiz won.\n\nThen Katherine Ruiz thanked voters.", select=["names.same-person"])
    assert (finding.level, finding.line, finding.column) == ("warning", 3, 6)
    assert finding.message == ("'Katherine Ruiz' (line 3) and 'Kathy Ruiz' (line 1) look like one person "
                               "spelled two ways: use one form throughout")


def test_same_person_across_a_hard_wrap() -> None:
    assert same("Kathy Ruiz won. Later\nKatherine\nRuiz thanked voters.") == [
        ("names.same-person", 2, 1, "Katherine\nRuiz")]


@pytest.mark.parametrize("text", [
    "Joe Biden and Jill Biden greeted the crowd.",          # relatives share a surname
    "Bill Kline and Robert Kline ran the firm.",            # 'bill has_nickname robert' is noise
    "Louis Martin and Louise Martin arrived.",              # male and female forms
    "Daniel Ortega and Daniela Ortega arrived.",
    "Christian Lopez and Christina Lopez arrived.",         # two established names
    "Ann Smith and her daughter Anna Smith arrived.",       # Ann is a name of its own
    "Jon Smith and John Smith arrived.",                    # too short to call a misspelling
    "Mark Kelly and Mary Kelly arrived.",
    "Mike Lopez and Miguel Lopez arrived.",
    "Aaron Cole and Erin Cole arrived.",                    # 'aaron has_nickname erin' is noise
    "Joe Ruiz and his son Joshua Ruiz arrived.",            # 'joe' is not a short form of Joshua
    "Mary Ruiz and Marilyn Ruiz arrived.",                  # names of their own (not_nicknames)
    "President Biden spoke. Joe Biden left.",
    "North Carolina and South Carolina voted.",
    "The White House and the White Horse tavern.",
    "Jennifer Daskal spoke. Jennifer Daskal left.",
    "Xi Jinping met Joe Biden. Chinese President Xi Jinping spoke.",
])
def test_look_alikes_are_not_the_same_person(text: str) -> None:
    assert same(text) == []


# --- the seeds and their story registry -------------------------------------------------------

SEED_FINDINGS = {
    "000": [("names.official-titles", "Deputy Homeland Security Adviser"),
            ("names.officials", "Jen Daskal"),
            ("names.officials", "U.S.-China Counternarcotics Working Group")],
    "001": [("names.officials", "Jen Daskal")],
    "002": [("names.officials", "US-PRC Counternarcotics Working Group")],
    "003": [("names.official-titles", "Deputy Homeland Security Adviser"),
            ("names.officials", "Jen Daskal"),
            ("names.officials", "U.S.-China Counternarcotics Working Group")],
    "004": [],
}


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_findings(path: Path) -> list:
    return run(path.read_text(encoding="utf-8"), select=["names.*"], path=str(path), packs=(RULES, SEEDS / "rules"))


@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_seeds_report_exactly_the_registry_variants(prefix: str) -> None:
    findings = [f for f in seed_findings(seed(prefix)) if f.level != "info"]
    assert [(f.rule, f.match) for f in findings] == SEED_FINDINGS[prefix]


def test_seed_info_only_the_untitled_first_reference() -> None:
    infos = [(p, f.rule, f.match) for p in SEED_FINDINGS for f in seed_findings(seed(p)) if f.level == "info"]
    assert infos == [("002", "names.official-no-title", "Jennifer Daskal")]


@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_fixing_the_seeds_writes_the_official_forms_and_nothing_else(prefix: str) -> None:
    path = seed(prefix)
    original = path.read_text(encoding="utf-8")
    rules_ = run.__globals__["rule_set"](RULES, SEEDS / "rules").configured(["names.*"], [], {})
    doc, remaining = fix_document(Document(original, str(path)), lambda d: lint(d, rules_))
    expected = original
    for old, new in [("Deputy Homeland Security Adviser", "Deputy Homeland Security Advisor"),
                     ("Jen Daskal", "Jennifer Daskal"),
                     ("U.S.-China Counternarcotics Working Group", "U.S.-PRC Counternarcotics Working Group"),
                     ("the US-PRC Counternarcotics", "the U.S.-PRC Counternarcotics")]:
        expected = expected.replace(old, new)
    assert doc.text == expected
    assert [f for f in remaining if f.level != "info"] == []


# --- rule files, registry files and the cache -------------------------------------------------

@pytest.mark.parametrize("text, problem", [
    ("kind: names\n", "needs 'people', 'organizations' or 'registry'"),
    ("kind: names\ncheck: titles\n", "check 'titles' needs a registry"),
    ("kind: names\ncheck: spelling\n", "'check' must name checks among"),
    ("kind: names\npeople:\n  - variants: [x]\n", "people entry 1 needs a 'name' string"),
    ("kind: names\npeople:\n  - name: A B\n    nickname: C\n", "unknown key 'nickname'"),
    ("kind: names\npeople:\n  - name: A B\n    title_variants: [X]\n", "no 'titles' to correct them to"),
    ("kind: names\nregistry: _missing.yaml\n", "cannot read registry"),
])
def test_bad_names_rules_are_load_errors(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "names" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        load_rule_file(path)


def test_registry_file_is_cached_on_disk_by_content(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(names_registry, "CACHE_MIN_ENTITIES", 1)
    data = tmp_path / "_people.yaml"
    data.write_text(REGISTRY, encoding="utf-8")
    store = RuleSetStore()
    built = names_registry.load_file(data, store)
    assert names_registry.load_file(data, store) is built  # one build per rule set
    assert len(list((tmp_path / "cache").glob("names-*.json"))) == 1
    monkeypatch.setattr(names_registry, "_parse", lambda *a: pytest.fail("cache not used"))
    cached = names_registry.load_file(data, RuleSetStore())
    assert cached is not built and cached.names == built.names and cached.titles == built.titles


def test_unwritable_cache_only_means_building(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(names_registry, "CACHE_MIN_ENTITIES", 1)
    data = tmp_path / "_people.yaml"
    data.write_text(REGISTRY, encoding="utf-8")
    assert len(names_registry.load_file(data, RuleSetStore())) == 5


# --- the helpers --------------------------------------------------------------------------------

def test_folded_offsets_map_back_through_gaps() -> None:
    text = "Jen \n  Daskal and\u00a0Jen\nDaskal’s"
    folded = Folded(text)
    assert folded.text == "Jen Daskal and Jen Daskal's"
    start = folded.text.index("Daskal")
    assert folded.span(start, start + 6) == (text.index("Daskal"), text.index("Daskal") + 6)
    assert Folded("A\n\nB").text == "A\nB"  # a blank line never joins two names


def test_candidates_are_the_last_two_capitalised_words() -> None:
    names = [c.name for c in candidates("Chinese President Xi Jinping met Jennifer L. Daskal's aide, "
                                        "and US officials.")]
    assert names == ["Xi Jinping", "Jennifer Daskal"]


@pytest.mark.parametrize("a, b, edits", [("daskal", "daskall", 1), ("daskal", "dasakl", 1),
                                          ("marisol", "marisela", 2), ("jill", "joe", 3)])
def test_distance(a: str, b: str, edits: int) -> None:
    assert distance(a, b) == edits


def test_typo_shapes() -> None:
    assert typo_shaped("Daskall", "Daskal") and typo_shaped("Dasakl", "Daskal")
    assert not typo_shaped("Kelley", "Kelly") and not typo_shaped("Haskal", "Daskal")


def test_nickname_policy_keeps_short_forms_and_drops_noise() -> None:
    pairs = nickname_pairs(load_nicknames())
    assert {("jen", "jennifer"), ("kathy", "katherine"), ("bob", "robert"), ("ted", "edward")} <= pairs
    assert ("robert", "bill") not in pairs and ("erin", "aaron") not in pairs and ("ann", "anna") not in pairs
    assert short_form("kate", "katherine") and short_form("ted", "edward") and short_form("bill", "william")
    assert not short_form("mike", "miguel") and not short_form("joe", "joshua") and not short_form("ian", "john")


def test_rule_nickname_lists_only_select_from_the_data_set() -> None:
    table = load_nicknames()
    assert ("liz", "elizabeth") in nickname_pairs(table, [("Liz", "Elizabeth")])
    assert ("zed", "elizabeth") not in nickname_pairs(table, [("Zed", "Elizabeth")])
    assert ("jen", "jennifer") not in nickname_pairs(table, dropped=[("Jen", "Jennifer")])


def test_nickname_table_comes_from_the_data_set() -> None:
    table = load_nicknames()
    assert ("jennifer", "jen") in table.rows and {"jennifer", "jen"} <= table.known
    assert frozenset(("jennifer", "jen")) in table.linked