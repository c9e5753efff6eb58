"""The names kind: registry variants, titles, near misses, first references, and one person spelled two ways."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from factlint.checks.names import registry as names_registry
from factlint.checks.names import words as names_words
from factlint.checks.names.people import load_nicknames, nickname_pairs, short_form
from factlint.checks.names.text import Folded, candidates, distance, one_edit, typo_shaped
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
ENDINGS = names_words.load(names_words.default_path()).diminutive_endings
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
    # two established names that sound alike are one name spelled two ways (sound_alike)
    ("Katherine Pryor won. Catherine Pryor thanked voters.", "Catherine Pryor"),
    ("Stephen Alder won. Steven Alder thanked voters.", "Steven Alder"),
    ("Jon Ferris won. John Ferris thanked voters.", "John Ferris"),
    ("Sarah Vance won. Sara Vance thanked voters.", "Sara Vance"),
    ("Philip Okoro won. Phillip Okoro thanked voters.", "Phillip Okoro"),
    ("Christopher Lund won. Kristopher Lund thanked voters.", "Kristopher Lund"),
    ("Erik Haas won. Eric Haas thanked voters.", "Eric Haas"),
    ("Caitlin Moss won. Caitlyn Moss thanked voters.", "Caitlyn Moss"),
    ("Kristy Vance won. Kristi Vance thanked voters.", "Kristi Vance"),
    # a word of kinship that ties no relative to the name
    ("Katherine Boyle, whose son plays on the team, ran the sale. Catherine Boyle counted the money.",
     "Catherine Boyle"),
    ("Church elder Phil Marsh spoke. Later, Philip Marsh asked for a recount.", "Philip Marsh"),
    ("For a couple of years, Mike Dolan ran the pantry. Michael Dolan said it grew.", "Michael Dolan"),
    ("Steve Pruitt courted younger voters. Steven Pruitt won.", "Steven Pruitt"),
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
    "Jon Smith and Joan Smith arrived.",                    # too short to call a misspelling
    "Ronald Pike and Donald Pike arrived.",                 # two established names, not one sound
    "Frances Pike and Francis Pike arrived.",               # "c" before "e" or "i" is no "k"
    "Christian Pike and Christina Pike arrived.",
    "Tony Ferraro cooks. His wife, Toni Ferraro, runs the register.",  # male and female forms
    "John Reardon is running. His son, Jon Reardon, is running too.",  # relatives (kinship_words)
    "Chris Lindqvist filed first. Two weeks later, his wife, Kris Lindqvist, filed.",
    "Commissioner Jerry Haskins voted. Haskins' wife, Jeri Haskins, leads the committee.",
    "Kenneth Ruiz founded the firm. His son, Ken Ruiz, runs it now.",    # a nickname, but a relative
    "John Reardon founded the firm. Today Jon Reardon, who took over from his father, runs it.",
    "Stephen Hale planted the orchard. Steven Hale, his grandson, runs it now.",
    "Tony Marsh and Toni Marsh run the book sale.",                    # named together: two people
    "Erik Vos founded the shop. Eric Vos Jr. runs it.",
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


# --- later references, written forms, group nouns (default pack, no registry) -------------------

def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The 1-based (line, column) of the nth whole-word occurrence of needle."""
    offset = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)][nth]
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def expect_same(text: str, needle: str, nth: int = 0) -> list[tuple[str, int, int, str]]:
    return [("names.same-person", *at(text, needle, nth), needle)]


@pytest.mark.parametrize("text, needle", [
    # a surname alone, one letter off the surname of a person named in full earlier
    ("The pension board is chaired by Martin Halloran, a retired teacher.\n\n"
     "Asked about the shortfall, Hallorn said the fund would recover.", "Hallorn"),
    ("Inspector Grace Whitcombe led the audit. Whitcomb's report runs 40 pages.", "Whitcomb"),
    ("Deborah Castellano filed the suit in March. Mayor Castelano has not responded.", "Castelano"),
    ("Coach Terrence Okafor resigned Monday. Okafro said he was proud of the team.", "Okafro"),
    ("The county hired Lorraine Pettigrew in May. Chief Financial Officer Petigrew signed the audit.",
     "Petigrew"),
    ("Martin Halloran chairs the board. Hallorn said he would abstain. Hallorn then left.", "Hallorn"),
])
def test_surname_alone_misspelled_after_the_full_name(text: str, needle: str) -> None:
    assert same(text) == expect_same(text, needle)


def test_surname_misspelling_message_names_the_full_name_and_its_line() -> None:
    text = "Martin Halloran chairs the board.\n\nHallorn said he would abstain."
    [finding] = run(text, select=["names.same-person"])
    assert finding.message == ("'Hallorn' (line 3) looks like a misspelling of 'Halloran', the surname of "
                               "'Martin Halloran' (line 1): use one spelling throughout")


@pytest.mark.parametrize("text", [
    # relatives and other people introduced in full are not misspellings
    "Maria Lopez and her son, Daniel Lopes, run the bakery. Lopes said sales doubled.",
    "Brian Keller and Anna Kellner share an office. Kellner declined to comment.",
    # the surname alone before the full name is a first-reference question, not this one
    "Hallorn spoke first. Later, Martin Halloran took questions.",
    # words that are not surnames: places, demonyms, given names, common words
    "Tim Kaine campaigned in Ohio. Officials in Wisconsin and Maine voted later.",
    "Daniel Russo spoke about Russia. The Russian delegation left.",
    "Sarah Marin met voters. Maria said nothing.",
    "Ellen Parker leads the group. Parkes are closed on Mondays, and parkes remain shut.",
    "Kevin Brandt spoke first. Brandts, his family, were there.",
    "Lorraine Pettigrew spoke at the opening of Pettigrew Park and Petigrew Hall.",
    # too short to tell a slip from another name
    "Kim Lee spoke. Lei answered.",
    # used more often than the name it resembles: someone else, introduced elsewhere
    "Martin Halloran spoke. Hallorn said no. Hallorn left. Hallorn returned.",
    # a handle or web address is not prose
    "Follow Ian Hanchett on Twitter @IanHanchet.",
    "Ian Hanchett wrote this. More at twitter.com/IanHanchet and example.org/Hanchet.",
    # a list dash does not cut a full name in two
    "Pollster Kristen Soltis Anderson wrote it.\n\n-David Andersen and Paul Peterson disagree.",
    # the full name's first word is no given name: a group, not a person
    "African American turnout rose. America voted.",
])
def test_near_surnames_that_are_not_slips(text: str) -> None:
    assert same(text) == []


@pytest.mark.parametrize("text, needle", [
    ("Ana Ruiz-Tagle leads the nurses' union. Ruiz Tagle said talks would resume.", "Ruiz Tagle"),
    ("Ana Ruiz-Tagle leads the nurses' union. RuizTagle said talks would resume.", "RuizTagle"),
    ("Ana Ruiz Tagle leads the union.\n\nLater, Ana Ruiz-Tagle said talks would resume.", "Ana Ruiz-Tagle"),
    ("Zoë Álvarez chairs the committee. Zoe Alvarez said the vote was close.", "Zoe Alvarez"),
    ("Zoë Álvarez chairs the committee. Alvarez said the vote was close.", "Alvarez"),
    ("Pieter van der Berg sold the farm. Pieter Berg said he had no choice.", "Pieter Berg"),
    ("Rosa De León won the seat. Rosa De Leon thanked her volunteers.", "Rosa De Leon"),
    ("Photographer Geert Supré took the picture.\n\nPhoto: LinkedIn/Geert Supre", "Geert Supre"),
])
def test_one_name_written_with_other_hyphens_spaces_accents_or_particles(text: str, needle: str) -> None:
    assert same(text) == expect_same(text, needle)


def test_written_form_message_says_which_form_came_first() -> None:
    text = "Ana Ruiz-Tagle leads the union.\nRuiz Tagle said talks would resume."
    [finding] = run(text, select=["names.same-person"])
    assert finding.message == ("'Ruiz Tagle' (line 2) writes 'Ruiz-Tagle' (line 1) with other hyphens, spaces, "
                               "accents or particles: the story first writes 'Ruiz-Tagle'")


@pytest.mark.parametrize("text", [
    "Ana Ruiz-Tagle leads the union. Ruiz-Tagle said talks would resume.",
    "Juan de la Cruz spoke first. De la Cruz said the count was fair.",      # a capital opens the sentence
    "Zoë Álvarez chairs the committee. Álvarez said the vote was close.",
    "Bashar al-Assad spoke. Assad's ministers left.",                        # a particle dropped alone
    "Osman Abu Laban spoke, and Abu Laban's nephew wept.",
    "Read more from Ian Hanchett at @IanHanchett.",
])
def test_forms_written_the_same_way_pass(text: str) -> None:
    assert same(text) == []


@pytest.mark.parametrize("text", [
    "African American voters turned out early. Pollsters said African Americans favored the levy.",
    "A Girl Scout sold cookies outside the library. The Girl Scouts meet on Thursdays.",
    "The Young Democrats met Tuesday. A Young Democrat handed out flyers.",
    "Executive Order 14 was signed. Two Executive Orders followed.",
    "It is really the Barry Bennetts of the world who decide, said Barry Bennett.",
    # A place and its people, a group and its adjective.
    "Last year only 32 percent of British Columbians opposed the levy.\nIf they act, British Columbia shows the way.",
    "Asked about the race, a New Hampshire Democrat said it was close.\nIt split New Hampshire Democratic insiders.",
])
def test_singular_and_plural_group_nouns_are_not_people(text: str) -> None:
    assert same(text) == []


def test_a_surname_one_letter_off_is_still_a_slip_whatever_the_demonym_ending() -> None:
    text = "State Rep. Xiomara Flynn filed the bill. Xiomara Flyn said it would pass."
    assert same(text) == expect_same(text, "Xiomara Flyn")


def test_a_surname_with_a_plural_twin_is_still_a_person() -> None:
    text = "Rachel Edwards won the primary. Rachel Edward thanked her staff."
    assert same(text) == expect_same(text, "Rachel Edward")


@pytest.mark.parametrize("formal, nick", [
    ("Patricia", "Patty"), ("William", "Bill"), ("Margaret", "Peggy"), ("Charles", "Chuck"),
    ("Elizabeth", "Betsy"), ("James", "Jim"), ("Sarah", "Sally"), ("Henry", "Hank"),
    ("Katherine", "Kate"), ("Thomas", "Tom"), ("Rebecca", "Becky"), ("Theodore", "Ted"),
])
def test_nickname_far_from_the_formal_name(formal: str, nick: str) -> None:
    filler = "".join(f"The council heard item {n} and moved on.\n\n" for n in range(30))
    text = f"{formal} Gomez chairs the parks board.\n\n{filler}{nick} Gomez said the pool will reopen."
    assert same(text) == expect_same(text, f"{nick} Gomez")


@pytest.mark.parametrize("text", [
    "Nancy Gomez and her mother, Ann Gomez, run the shop.",     # not in the supplement: names of their own
    "Terry Gomez and Teresa Gomez coach the team.",
    "Patrick Gomez and his sister Patty Gomez spoke.",           # Patty is no short form of Patrick
])
def test_names_left_out_of_the_nickname_supplement(text: str) -> None:
    assert same(text) == []


def test_nickname_supplement_pairs_are_taken_as_they_stand() -> None:
    table = load_nicknames()
    assert ("patty", "patricia") in nickname_pairs(table, (), (), [("Patty", "Patricia")])
    assert ("patty", "patricia") not in nickname_pairs(table)


def test_bad_nickname_supplement_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "_nicks.yaml").write_text("pairs: [[Bill]]\n", encoding="utf-8")
    rule = tmp_path / "same.yaml"
    rule.write_text("kind: names\nlevel: warning\ncheck: same-person\nnickname_supplement: _nicks.yaml\n",
                    encoding="utf-8")
    with pytest.raises(LoadError, match="nickname_supplement"):
        load_rule_file(rule)


@pytest.mark.parametrize("pairs", ['[["", x]]', "[[^, x]]", "[[c, kk]]"])
def test_a_sound_alike_rewrite_that_grows_a_name_is_a_load_error(tmp_path: Path, pairs: str) -> None:
    rule = tmp_path / "same.yaml"
    rule.write_text(f"kind: names\nlevel: warning\ncheck: same-person\nsound_alike: {pairs}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="sound_alike"):
        load_rule_file(rule)


# --- registry: surnames alone, written forms, lower-case titles ---------------------------------

FORMS_REGISTRY = """\
people:
  - name: Ana Feld
    titles: [Assistant Fire Marshal]
    title_variants: [Assistant Fire Marshall]
  - name: Dana Whitfield
    titles: [Chief Operating Officer and Chief Financial Officer]
    title_variants: [Chief Operating Officer and CFO]
  - name: Zoë Álvarez
  - name: Ana Ruiz-Tagle
  - name: Martin Halloran
"""


def forms_check(text: str, *checks_: str) -> list:
    rules = registry_rules(*checks_, registry=FORMS_REGISTRY)
    return lint(Document(text, "draft.txt"), rules)


def forms_fixed(text: str, *checks_: str) -> str:
    rules = registry_rules(*checks_, registry=FORMS_REGISTRY)
    doc, _ = fix_document(Document(text, "draft.txt"), lambda d: lint(d, rules))
    return doc.text


@pytest.mark.parametrize("text, needle, after", [
    ("Ana Feld, the assistant fire marshall, inspected the warehouse.", "assistant fire marshall",
     "Ana Feld, the assistant fire marshal, inspected the warehouse."),
    ("Ana Feld, assistant fire marshall, inspected the warehouse.", "assistant fire marshall",
     "Ana Feld, assistant fire marshal, inspected the warehouse."),
    ("The district's chief operating officer and CFO, Dana Whitfield, resigned.", "chief operating officer and CFO",
     "The district's chief operating officer and chief financial officer, Dana Whitfield, resigned."),
    ("Assistant Fire Marshall Ana Feld inspected the warehouse.", "Assistant Fire Marshall",
     "Assistant Fire Marshal Ana Feld inspected the warehouse."),
])
def test_title_variant_in_any_case_keeps_the_case_style(text: str, needle: str, after: str) -> None:
    assert brief(forms_check(text, "titles")) == [("names.titles", *at(text, needle), needle)]
    assert forms_fixed(text, "titles") == after


@pytest.mark.parametrize("text", [
    "He hopes to be an assistant fire marshall one day.",     # generic: a, not the
    "Ana Feld, the assistant fire marshal, inspected the warehouse.",
])
def test_generic_and_house_titles_in_lower_case_pass(text: str) -> None:
    assert forms_check(text, "titles") == []


def test_registry_surname_misspelled_after_its_title() -> None:
    text = "Ana Feld toured the site. Later, Assistant Fire Marshal Fled signed the order."
    assert brief(forms_check(text, "near-miss")) == [("names.near-miss", *at(text, "Fled"), "Fled")]


def test_registry_surname_alone_misspelled() -> None:
    text = "Martin Halloran opened the meeting. Later, Hallorn took questions."
    [finding] = forms_check(text, "near-miss")
    assert brief([finding]) == [("names.near-miss", *at(text, "Hallorn"), "Hallorn")]
    assert finding.message == "'Hallorn' is not in the names registry: did you mean 'Halloran' ('Martin Halloran')?"


@pytest.mark.parametrize("text", [
    "Hallorn took questions.",                                         # the person is not in the story
    "Martin Halloran opened the meeting. Halloran took questions.",
    "Martin Halloran opened the meeting. Holloway took questions.",   # two edits away
])
def test_registry_surname_alone_passes(text: str) -> None:
    assert forms_check(text, "near-miss") == []


@pytest.mark.parametrize("text, needle, after", [
    ("Zoe Alvarez opened the hearing.", "Zoe Alvarez", "Zoë Álvarez opened the hearing."),
    ("Ana Ruiz Tagle spoke. Ruiz Tagle left.", "Ana Ruiz Tagle", "Ana Ruiz-Tagle spoke. Ruiz-Tagle left."),
    ("Ana Ruiz-Tagle spoke. RuizTagle left.", "RuizTagle", "Ana Ruiz-Tagle spoke. Ruiz-Tagle left."),
])
def test_registry_name_written_another_way(text: str, needle: str, after: str) -> None:
    findings = forms_check(text, "near-miss")
    assert brief(findings)[0] == ("names.near-miss", *at(text, needle), needle)
    assert forms_fixed(text, "near-miss") == after


def test_registry_written_form_message_names_the_registry_form() -> None:
    [finding] = forms_check("Zoe Alvarez opened the hearing.", "near-miss")
    assert finding.message == ("'Zoe Alvarez' writes the registry's 'Zoë Álvarez' with other hyphens, "
                               "spaces or accents: use 'Zoë Álvarez'")


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


def test_one_edit_agrees_with_the_edit_distance_on_every_short_pair() -> None:
    """Every pair of words of up to four letters from a three-letter alphabet, lengths two apart at most."""
    words = ["".join(w) for size in range(5) for w in itertools.product("abc", repeat=size)]
    for a in words:
        for b in words:
            if abs(len(a) - len(b)) <= 2:
                assert one_edit(a, b) == (distance(a, b, 1) == 1), (a, b)
    assert one_edit("Daskal", "Dasakl") and one_edit("Lopez", "Lopes") and not one_edit("Lopez", "Lopez")


def test_typo_shapes() -> None:
    assert typo_shaped("Daskall", "Daskal") and typo_shaped("Dasakl", "Daskal")
    assert not typo_shaped("Kelley", "Kelly") and not typo_shaped("Haskal", "Daskal")


def test_nickname_policy_keeps_short_forms_and_drops_noise() -> None:
    pairs = nickname_pairs(load_nicknames(), endings=ENDINGS)
    assert {("jen", "jennifer"), ("kathy", "katherine"), ("bob", "robert"), ("ted", "edward")} <= pairs
    assert ("robert", "bill") not in pairs and ("erin", "aaron") not in pairs and ("ann", "anna") not in pairs
    assert short_form("kate", "katherine", ENDINGS) and short_form("ted", "edward", ENDINGS)
    assert short_form("bill", "william", ENDINGS)
    assert not short_form("mike", "miguel", ENDINGS) and not short_form("joe", "joshua", ENDINGS)
    assert not short_form("ian", "john", ENDINGS)


def test_diminutive_endings_come_from_the_word_file() -> None:
    assert short_form("kathy", "katherine", ENDINGS)  # kath- begins katherine once -y is dropped
    assert not short_form("kathy", "katherine")  # with no endings, kathy itself must begin it


def test_rule_nickname_lists_only_select_from_the_data_set() -> None:
    table = load_nicknames()
    assert ("liz", "elizabeth") in nickname_pairs(table, [("Liz", "Elizabeth")])
    assert ("zed", "elizabeth") not in nickname_pairs(table, [("Zed", "Elizabeth")])
    assert ("jen", "jennifer") not in nickname_pairs(table, dropped=[("Jen", "Jennifer")])


def test_nickname_table_comes_from_the_data_set() -> None:
    table = load_nicknames()
    assert ("jennifer", "jen") in table.rows and {"jennifer", "jen"} <= table.known
    assert table.links("jennifer", "jen") and table.links("jen", "jennifer")
    assert not table.links("jennifer", "robert")


def test_a_long_story_weighs_each_name_once_not_each_use(monkeypatch) -> None:
    """A story that names its people hundreds of times costs per name, not per pair of uses."""
    from factlint.checks.names import later

    calls = {"near": 0, "plural": 0}
    near, plural = later.near_surname, later.plural_pair

    def counted_near(*args):
        calls["near"] += 1
        return near(*args)

    def counted_plural(*args):
        calls["plural"] += 1
        return plural(*args)

    monkeypatch.setattr(later, "near_surname", counted_near)
    monkeypatch.setattr(later, "plural_pair", counted_plural)
    paragraph = ("Council member Maria Lopez met Mayor Carl Edwards and the Girl Scouts. "
                 "Lopez said the Girl Scout troop would march. Edwars agreed.\n\n")
    findings = same(paragraph * 300)
    assert findings == [("names.same-person", 1, 117, "Edwars")]
    assert calls["near"] <= 10 and calls["plural"] <= 10, calls


def test_a_headline_may_shorten_a_first_name_the_story_writes_in_full() -> None:
    text = ("Ken Marsh praises the harbor plan\n\nEASTPORT -- Kenneth Marsh, the former harbor master, "
            "praised the plan on Tuesday.\n\nMarsh spoke at a forum.\n")
    assert same(text) == []


def test_the_story_may_not_use_both_forms_of_a_first_name() -> None:
    text = ("Kenneth Marsh praises the harbor plan\n\nEASTPORT -- Kenneth Marsh, the former harbor master, "
            "praised the plan on Tuesday.\n\nKen Marsh spoke at a forum.\n")
    assert same(text) == [("names.same-person", 5, 1, "Ken Marsh")]


def test_a_headline_may_not_misspell_a_first_name() -> None:
    text = "Hilary Ortiz praises the harbor plan\n\nEASTPORT -- Hillary Ortiz praised the plan on Tuesday.\n"
    assert same(text) == [("names.same-person", 3, 13, "Hillary Ortiz")]


def test_a_speaker_may_shorten_a_first_name_the_story_writes_in_full() -> None:
    text = ("EASTPORT -- Peter Marsh, the harbor master, retired Tuesday.\n\n"
            "“Pete Marsh ran this harbor for 30 years,” said Ana Ruiz.\n")
    assert same(text) == []
    assert same(text.replace("“", "").replace("”", "")) == [("names.same-person", 3, 1, "Pete Marsh")]
