"""Across stories: story sets, the across checks on the seeds and on small sets, and their output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.document import Document
from factlint.storyrun import lint_stories
from tests.helpers import SEEDS, rule_set

S0, S1, S2, S3 = (f"{n:03d}" for n in range(4))
# Checked by hand against the texts: the adviser is "Jen Daskal" in 000, 001 and 003 and
# "Jennifer Daskal" in 002; her title is "Adviser" in 000 and 003, "Advisor" in 001; the
# working group is "U.S.-PRC" (000:1, 001:7), "U.S.-China" (000:13, 003:13), "US-China"
# (002's heading, 11:1) and "US-PRC" (002:13). The meeting days (Tuesday and Wednesday, Jan. 30
# and 31, in 000 and 004) agree, and no figure is given two values.
WITH_REGISTRY = [
    (S0, "across.titles", 1, 447, "Deputy Homeland Security Adviser", [(S1, 11, 52)]),
    (S0, "across.names", 1, 480, "Jen Daskal", [(S2, 13, 180)]),
    (S0, "across.titles", 13, 5, "U.S.-China Counternarcotics Working Group", [(S1, 7, 70)]),
    (S1, "across.names", 11, 85, "Jen Daskal", [(S2, 13, 180)]),
    (S2, "across.titles", 11, 1, "US-China Counternarcotics Working Group", [(S0, 1, 173)]),
    (S2, "across.titles", 13, 51, "US-PRC Counternarcotics Working Group", [(S0, 1, 173)]),
    (S3, "across.titles", 9, 19, "U.S. Deputy Homeland Security Adviser", [(S1, 11, 52)]),
    (S3, "across.names", 9, 57, "Jen Daskal", [(S2, 13, 180)]),
    (S3, "across.titles", 13, 122, "U.S.-China Counternarcotics Working Group", [(S0, 1, 173)]),
]
# Without the registry no form wins: every form is flagged, pointing at the other forms.
WITHOUT_REGISTRY = [
    (S0, "across.titles", 1, 173, "U.S.-PRC Counternarcotics Working Group", [(S3, 13, 122), (S2, 11, 1), (S2, 13, 51)]),
    (S0, "across.titles", 1, 447, "Deputy Homeland Security Adviser", [(S1, 11, 52)]),
    (S0, "across.names", 1, 480, "Jen Daskal", [(S2, 13, 180)]),
    (S0, "across.titles", 13, 5, "U.S.-China Counternarcotics Working Group", [(S1, 7, 70), (S2, 11, 1), (S2, 13, 51)]),
    (S1, "across.titles", 7, 70, "U.S.-PRC Counternarcotics Working Group", [(S0, 13, 5), (S2, 11, 1), (S2, 13, 51)]),
    (S1, "across.titles", 11, 52, "Deputy Homeland Security Advisor", [(S0, 1, 447), (S3, 9, 19)]),
    (S1, "across.names", 11, 85, "Jen Daskal", [(S2, 13, 180)]),
    (S2, "across.titles", 11, 1, "US-China Counternarcotics Working Group", [(S0, 1, 173), (S0, 13, 5)]),
    (S2, "across.titles", 13, 51, "US-PRC Counternarcotics Working Group", [(S0, 1, 173), (S0, 13, 5)]),
    (S2, "across.names", 13, 180, "Jennifer Daskal", [(S0, 1, 480)]),
    (S3, "across.titles", 9, 19, "U.S. Deputy Homeland Security Adviser", [(S1, 11, 52)]),
    (S3, "across.names", 9, 57, "Jen Daskal", [(S2, 13, 180)]),
    (S3, "across.titles", 13, 122, "U.S.-China Counternarcotics Working Group", [(S0, 1, 173), (S2, 11, 1), (S2, 13, 51)]),
]


def across_json(capsys, *args: str) -> tuple[int, list[dict]]:
    status = main(["--format", "json", *args])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return status, [f for f in findings if f["rule"].startswith("across.")]


def brief(findings: list[dict]) -> list[tuple]:
    def story(path: str) -> str:
        return Path(path).name[:3]
    return [(story(f["path"]), f["rule"], f["line"], f["column"], f["match"],
             [(story(r["path"]), r["line"], r["column"]) for r in f["related"]]) for f in findings]


def test_seeds_with_their_registry(capsys) -> None:
    status, findings = across_json(capsys, "--across", str(SEEDS))
    assert status == 1
    assert brief(findings) == WITH_REGISTRY
    assert "the registry's form" in findings[1]["message"]


def test_seeds_without_a_registry(tmp_path: Path, capsys) -> None:
    config = tmp_path / "plain.yaml"
    config.write_text("default_rules: true\n", encoding="utf-8")
    _, findings = across_json(capsys, "--across", "--config", str(config), str(SEEDS))
    assert brief(findings) == WITHOUT_REGISTRY
    assert "'Jen Daskal' (3 times in 3 stories) and 'Jennifer Daskal' (once in 1 story)" in findings[2]["message"]


def test_across_json_meets_the_published_contract(capsys) -> None:
    import jsonschema

    from tests.test_cli import FINDING_SCHEMA
    main(["--across", "--format", "json", str(SEEDS)])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, FINDING_SCHEMA)
    assert sum("related" in f for f in data["findings"]) == len(WITH_REGISTRY)


def test_seeds_without_across_are_unchanged(capsys) -> None:
    _, findings = across_json(capsys, str(SEEDS))
    assert findings == []


def test_text_sarif_and_related_pointers(tmp_path: Path, capsys) -> None:
    sarif = tmp_path / "out.sarif"
    main(["--across", "--output-sarif", str(sarif), str(SEEDS)])
    text = capsys.readouterr().out
    assert (f"{SEEDS}/001_db0299bcf552a8d2.txt:11:85: warning across.names 'Jen Daskal' is not the house form of "
            "this name: other stories of the set use 'Jennifer Daskal', the registry's form "
            f"({SEEDS}/002_73a1217c700929f8.txt:13:180 says 'Jennifer Daskal')") in text.splitlines()
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    related = [r["relatedLocations"] for r in results if r["ruleId"] == "across.names"][0]
    assert related[0]["physicalLocation"]["region"] == {
        "startLine": 13, "startColumn": 180, "snippet": {"text": "Jennifer Daskal"}}
    assert "relatedLocations" not in [r for r in results if r["ruleId"] == "style.amid"][0]


# --- story sets -----------------------------------------------------------------------------------

def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


BROOKS = "Fire Chief Alan Brooks said the blaze was out by noon.\n"
DEPUTY = "Deputy Chief Alan Brooks said crews stayed overnight.\n"


def test_unrelated_drafts_are_never_compared(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.txt", BROOKS)
    write(tmp_path, "b.txt", DEPUTY)
    _, findings = across_json(capsys, str(tmp_path))
    assert findings == []


def test_a_folder_marked_as_a_story_set(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.txt", BROOKS)
    write(tmp_path, "b.txt", DEPUTY)
    (tmp_path / ".factlint.yaml").write_text("story_set: true\n", encoding="utf-8")
    _, findings = across_json(capsys, str(tmp_path))
    assert [(Path(f["path"]).name, f["match"], f["related"][0]["match"]) for f in findings] == [
        ("a.txt", "Fire Chief", "Deputy Chief"), ("b.txt", "Deputy Chief", "Fire Chief")]


def test_drafts_sharing_a_front_matter_key(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.md", "---\nslug: warehouse-fire\n---\n" + BROOKS)
    write(tmp_path, "b.md", "---\nslug: warehouse-fire\n---\n" + DEPUTY)
    write(tmp_path, "c.md", "---\nslug: school-board\n---\n" + DEPUTY)
    _, findings = across_json(capsys, str(tmp_path))
    assert [(Path(f["path"]).name, f["line"], f["column"]) for f in findings] == [("a.md", 4, 1), ("b.md", 4, 1)]


def test_configured_story_keys(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.md", "---\ndesk: fire\n---\n" + BROOKS)
    write(tmp_path, "b.md", "---\ndesk: fire\n---\n" + DEPUTY)
    (tmp_path / ".factlint.yaml").write_text("story_keys: [desk]\n", encoding="utf-8")
    _, findings = across_json(capsys, str(tmp_path))
    assert len(findings) == 2


def test_suppression_baseline_and_fail_level(tmp_path: Path, capsys) -> None:
    a = write(tmp_path, "a.txt", "<!-- factlint-disable-next-line across.titles -->\n" + BROOKS)
    b = write(tmp_path, "b.txt", DEPUTY)
    _, findings = across_json(capsys, "--across", "--select", "across.*", str(a), str(b))
    assert [Path(f["path"]).name for f in findings] == ["b.txt"]
    baseline = tmp_path / "baseline.json"
    assert main(["--across", "--select", "across.*", "--write-baseline", str(baseline), str(a), str(b)]) == 0
    capsys.readouterr()
    assert main(["--across", "--select", "across.*", "--baseline", str(baseline), str(a), str(b)]) == 0
    assert main(["--across", "--select", "across.*", "--fail-level", "error", str(a), str(b)]) == 0
    assert main(["--across", "--select", "across.*", str(a), str(b)]) == 1


def test_an_across_disable_comment_is_not_reported_unused(tmp_path: Path, capsys) -> None:
    a = write(tmp_path, "a.txt", "<!-- factlint-disable-next-line across.titles -->\n" + BROOKS)
    b = write(tmp_path, "b.txt", DEPUTY)
    _, findings = across_json(capsys, "--across", "--warn-unused-disables", str(a), str(b))
    assert [(Path(f["path"]).name, f["rule"]) for f in findings] == [("b.txt", "across.titles")]
    status = main(["--format", "json", "--warn-unused-disables", "--select", "across.*", str(a)])
    assert status == 0 and "unused-disable" not in capsys.readouterr().out


def test_bad_story_set_setting_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.txt", BROOKS)
    (tmp_path / ".factlint.yaml").write_text("story_set: yes please\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    assert ".factlint.yaml:1: 'story_set' must be true or false" in capsys.readouterr().err


# --- the checks on small story sets of our own ------------------------------------------------------

def cross(*texts: str, rule: str, dates: tuple[str, ...] = ()) -> list[tuple[int, int, int, str]]:
    """Run one across rule over a story set; return (story, line, column, match) of each finding."""
    import datetime as dt

    from factlint.document import Dateline
    rules = rule_set().configured([rule], [], {})
    docs = [Document(text, f"s{n}.txt", False,
                     Dateline(dt.date.fromisoformat(dates[n]), "test") if dates else None)
            for n, text in enumerate(texts)]
    found = lint_stories(docs, rules)
    return [(n, f.line, f.column, f.match) for n, doc in enumerate(docs) for f in found[doc.path]]


def test_names_nickname_and_formal() -> None:
    assert cross("Councilwoman Peggy Lindqvist voted no.", "Margaret Lindqvist cast the only no vote.",
                 rule="across.names") == [(0, 1, 14, "Peggy Lindqvist"), (1, 1, 1, "Margaret Lindqvist")]


def test_names_surname_spelled_two_ways_and_accents() -> None:
    assert cross("Tomás Okafor-Reyes chairs the board.", "Tomas Okafor Reyes chairs the board.",
                 "Marta Szymanski opened the hearing.", "Marta Szymansky closed the hearing.",
                 rule="across.names") == [(2, 1, 1, "Marta Szymanski"), (3, 1, 1, "Marta Szymansky")]


def test_names_one_story_s_misspelling_flags_that_story_alone() -> None:
    stories = ("Marta Szymanski opened the hearing.", "Marta Szymanski closed it.", "Marta Szymanski left.",
               "Marta Szymansky spoke last.")
    assert cross(*stories, rule="across.names") == [(3, 1, 1, "Marta Szymansky")]
    found = lint_stories([Document(t, f"s{n}.txt", False) for n, t in enumerate(stories)],
                         rule_set().configured(["across.names"], [], {}))
    assert found["s3.txt"][0].message == (
        "'Marta Szymansky' (once in 1 story) looks like a misspelling of 'Marta Szymanski' (3 times in 3 stories), "
        "as other stories of the set write it: check the spelling")


@pytest.mark.parametrize(("stories", "expected"), [
    # a nickname is no misspelling: the set's usage is no house form
    (("Peggy Lindqvist voted no.", "Peggy Lindqvist left early.", "Margaret Lindqvist cast the only no vote."),
     [(0, 1, 1, "Peggy Lindqvist"), (1, 1, 1, "Peggy Lindqvist"), (2, 1, 1, "Margaret Lindqvist")]),
    # one story each: nothing tells which is right
    (("Marta Szymanski opened the hearing.", "Marta Szymansky closed it."),
     [(0, 1, 1, "Marta Szymanski"), (1, 1, 1, "Marta Szymansky")]),
    # two stories may share one mistake
    (("Marisol Quintaro opened the hearing.", "Marisol Quintaro closed it.", "Marisol Quintero spoke."),
     [(0, 1, 1, "Marisol Quintaro"), (1, 1, 1, "Marisol Quintaro"), (2, 1, 1, "Marisol Quintero")]),
    # an accent the usual form lacks is the name's own spelling
    (("Jose Ramirez testified.", "Jose Ramirez left.", "Jose Ramirez spoke.", "José Ramírez was sentenced."),
     [(0, 1, 1, "Jose Ramirez"), (1, 1, 1, "Jose Ramirez"), (2, 1, 1, "Jose Ramirez"), (3, 1, 1, "José Ramírez")]),
])
def test_names_with_no_usual_spelling_flag_every_form(stories: tuple[str, ...], expected: list) -> None:
    assert cross(*stories, rule="across.names") == expected


def test_names_same_surname_different_people() -> None:
    assert cross("Joe Biden spoke first.", "Jill Biden spoke next.", "Hunter Biden did not attend.",
                 "Serena Williams won.", "Serena William lost.", "Iowa Republicans met.", "Iowa Republican voters met.",
                 rule="across.names") == []


def test_titles_two_titles_one_person() -> None:
    assert cross(BROOKS, DEPUTY, rule="across.titles") == [(0, 1, 1, "Fire Chief"), (1, 1, 1, "Deputy Chief")]


def test_titles_former_and_current_are_legitimate() -> None:
    assert cross("Former Police Chief Dana Whitfield now runs the academy.",
                 "Academy Director Dana Whitfield welcomed the recruits.",
                 "Then-Police Chief Dana Whitfield signed the order in 2019.",
                 rule="across.titles") == []


def test_titles_a_place_or_party_added_is_not_another_title() -> None:
    assert cross("Chinese President Xi Jinping met the envoy.", "President Xi Jinping met the envoy.",
                 "Republican House Speaker Paul Ryan spoke.", "Speaker of the House Paul Ryan spoke.",
                 rule="across.titles") == []


def test_titles_two_jobs_at_once() -> None:
    assert cross("Senator Ada Whitcombe opened the hearing.", "Committee Chairwoman Ada Whitcombe opened the hearing.",
                 rule="across.titles") == []


def test_organisations_typography_is_not_a_second_name() -> None:
    assert cross("St. Anselm's College hosted it.", "St. Anselm’s College hosted it.", rule="across.titles") == []


def test_organisations_named_two_ways_but_not_two_chambers() -> None:
    assert cross("The U.N. Refugee Agency said 40 trucks arrived.", "The UN Refugee Agency said 41 trucks arrived.",
                 "The House Judiciary Committee met.", "The Senate Judiciary Committee met.",
                 rule="across.titles") == [(0, 1, 5, "U.N. Refugee Agency"), (1, 1, 5, "UN Refugee Agency")]


def test_figures_transposed_digits() -> None:
    assert cross("Officials said 1,240 residents were evacuated.", "About 1,420 residents evacuated by Sunday.",
                 "Officials said 1,240 residents of Elmwood were evacuated.", "About 1,420 residents of Elmwood left.",
                 "Some 1,420 residents of Elmwood were evacuated.",
                 rule="across.figures") == [(0, 1, 16, "1,240"), (1, 1, 1, "About 1,420"), (2, 1, 16, "1,240"),
                                            (4, 1, 1, "Some 1,420")]


@pytest.mark.parametrize("other", [
    "About 1,200 residents evacuated by Sunday.",          # rounded, with an approximator
    "More than 1,000 residents were evacuated.",           # an open range
    "About 1,420 residents of Pine Hill were evacuated.",  # another place's residents
    "About 1,420 residents were sheltered overnight.",     # another role
    "About 1,420 households were evacuated.",              # another noun
    "The county spent $1,420 on residents evacuated.",    # another unit (dollars, not people)
])
def test_figures_that_do_not_disagree(other: str) -> None:
    assert cross("Officials said 1,240 residents of Oakdale were evacuated." if "Pine" in other
                 else "Officials said 1,240 residents were evacuated.", other, rule="across.figures") == []


def test_figures_money_for_one_contract_but_not_for_two() -> None:
    assert cross("The city approved a $3.2 million contract with Acme Paving.",
                 "The $2.3 million contract with Acme Paving was approved Tuesday.",
                 "The $2.3 million contract with Brightline Lighting was approved Tuesday.",
                 rule="across.figures") == [(0, 1, 21, "$3.2 million"), (1, 1, 5, "$2.3 million")]


@pytest.mark.parametrize(("first", "second"), [
    ("The storm killed 14 people in Harlow County on Monday.", "Forecasters recalled that 40 people were killed in Lakeside last spring."),
    ("In Eastport, 1,240 residents were evacuated.", "Officials said maybe 1,420 residents were evacuated [at Pine Hill]."),
    ("The county issued 212 permits in September.", "The county issued 188 permits in October."),
    # a sentence's first word, a kind of place, a relative clause's place, a credit in another clause
    ("Most of Eastport was under water, and crews rescued 14 people.", "Crews rescued 41 people in Millbrook."),
    ("The Town of Oakdale counted 412 vacant homes.", "Surveyors counted 421 vacant homes in Lakeside."),
    ("Crews rescued 14 people that night in Eastport.", "Crews rescued 41 people in Millbrook."),
    ("In Lakeside, where reports of looting spread Sunday, police arrested 9 people.", "Police arrested 19 people in Eastport."),
])
def test_figures_set_in_different_places_are_two_quantities(first: str, second: str) -> None:
    assert cross(first, second, rule="across.figures") == []


@pytest.mark.parametrize(("first", "second", "expected"), [
    # the same place named in both
    ("The storm killed 14 people in Harlow County.", "In Harlow County, 41 people were killed.",
     [(0, 1, 18, "14"), (1, 1, 19, "41")]),
    # a place in one sentence only: nothing says they differ
    ("The storm killed 14 people in Harlow County.", "Officials said 41 people were killed.",
     [(0, 1, 18, "14"), (1, 1, 16, "41")]),
    # a part of the place, the place's own streets, the place's building
    ("Crews evacuated 1,200 residents in Oakdale.", "Crews evacuated 1,900 residents in the Pine Hill section of Oakdale.",
     [(0, 1, 17, "1,200"), (1, 1, 17, "1,900")]),
    ("Crews rescued 14 people in Oakdale.", "Crews rescued 41 people in Oakdale's flooded streets.",
     [(0, 1, 15, "14"), (1, 1, 15, "41")]),
    ("The county awarded a $3.2 million contract at the Harlow County Courthouse.",
     "The county awarded a $2.3 million contract in Harlow County.", [(0, 1, 22, "$3.2 million"), (1, 1, 22, "$2.3 million")]),
    # a place in the credit after a comma, a weekday: neither sets the figure apart
    ("The blaze damaged 30 homes, Chief Alan Brooks said at a briefing in Eastport.", "The blaze damaged 13 homes in Millbrook.",
     [(0, 1, 19, "30"), (1, 1, 19, "13")]),
    ("Police arrested 23 protesters in Eastport on Saturday.", "Police arrested 32 protesters at the Saturday rally in Eastport.",
     [(0, 1, 17, "23"), (1, 1, 17, "32")]),
    # a body's name is no place; where a credit was given, or another clause's month, sets nothing
    ("The Board of Elections counted 1,212 provisional ballots.", "Clerks counted 2,112 provisional ballots in Harlow County.",
     [(0, 1, 32, "1,212"), (1, 1, 16, "2,112")]),
    ("At a briefing in Eastport, Chief Alan Brooks said crews rescued 14 people.", "Crews rescued 41 people in Millbrook.",
     [(0, 1, 65, "14"), (1, 1, 15, "41")]),
    # a relative clause's place is no setting of the figure; a body's name at the sentence's start is no place
    ("Police arrested 46 protesters who had marched from a rally in Eastport.",
     "Police arrested 64 protesters who had blocked the bridge in Westfield.", [(0, 1, 17, "46"), (1, 1, 17, "64")]),
    ("At a briefing in Eastport, Chief Ana Brooks said crews, working through the night, rescued 14 people.",
     "The chief said crews rescued 41 people in Harlow.",
     [(0, 1, 92, "14"), (1, 1, 30, "41")]),
    ("Department of Transportation crews repaved 41 miles.", "Crews repaved 14 miles in Harlow County.",
     [(0, 1, 44, "41"), (1, 1, 15, "14")]),
    ("Secretary of State Dana Ruiz certified 4,812 provisional ballots.",
     "Clerks certified 4,182 provisional ballots in Harlow County.", [(0, 1, 40, "4,812"), (1, 1, 18, "4,182")]),
    ("The county awarded a $3.2 million contract for repaving that begins in June.",
     "The county awarded a $2.3 million contract in March.", [(0, 1, 22, "$3.2 million"), (1, 1, 22, "$2.3 million")]),
])
def test_figures_in_one_setting_or_an_unsaid_one_still_disagree(first: str, second: str, expected: list) -> None:
    assert cross(first, second, rule="across.figures") == expected


def test_figures_a_story_with_two_values_speaks_of_two_things() -> None:
    assert cross("The first storm killed 12 people. The second killed 30 people.", "Officials said 40 people were killed.",
                 rule="across.figures") == []


def test_dates_resolved_against_each_dateline() -> None:
    assert cross("The council will hold the budget vote on Tuesday.", "The budget vote is set for Wednesday, Jan. 31.",
                 rule="across.dates", dates=("2024-01-29", "2024-01-29")) == [(0, 1, 42, "Tuesday"), (1, 1, 28, "Wednesday, Jan. 31")]


def test_dates_of_two_events_sharing_a_word() -> None:
    assert cross("Senator Ames held a rally on Tuesday in Toledo.", "Governor Cho will speak at a rally on Friday in Erie.",
                 rule="across.dates", dates=("2024-01-31", "2024-01-31")) == []


def test_dates_that_agree_once_resolved() -> None:
    assert cross("The council will hold the budget vote on Tuesday.", "The budget vote was held today.",
                 "The budget vote, on Tuesday, Jan. 30, passed.",
                 rule="across.dates", dates=("2024-01-29", "2024-01-30", "2024-01-31")) == []


# --- the registry proposal ------------------------------------------------------------------------

def test_registry_suggest_on_the_seeds(tmp_path: Path, capsys) -> None:
    out = tmp_path / "pack" / "names" / "proposed.yaml"
    out.parent.mkdir(parents=True)
    assert main(["registry", "suggest", "--output", str(out), str(SEEDS)]) == 0
    text = out.read_text(encoding="utf-8")
    assert '  - name: "Jennifer Daskal"' in text and '    variants: ["Jen Daskal"]' in text
    assert ('  - name: "U.S.-PRC Counternarcotics Working Group"' in text
            and '"US-PRC Counternarcotics Working Group"' in text and '"U.S.-China Counternarcotics Working Group"' in text)
    assert "_officials" not in text and "Deputy Homeland Security Adviser" in text
    assert main(["--test-rules", str(out.parent.parent)]) == 0
    assert "3 passed, 0 failed" in capsys.readouterr().out


def test_registry_suggest_missing_path(capsys) -> None:
    assert main(["registry", "suggest", "no/such/folder"]) == 2
    assert capsys.readouterr().err == "factlint: error: no/such/folder: no such file or directory\n"
