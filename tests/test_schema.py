"""The published JSON Schema of rule files: current, met by every rule file, as strict as the loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from factlint.checks import KINDS
from factlint.engine import EXAMPLE_KEYS, LoadError, check_options, kind_checks, load_rule_file, rule_files
from factlint.schema import COMMON, rule_file_schema
from tests.helpers import ROOT, RULES, SEEDS

PUBLISHED = ROOT / "docs" / "rule-file.schema.json"
VALIDATOR = Draft202012Validator(rule_file_schema())
RULE_FILES = rule_files(RULES) + rule_files(SEEDS / "rules")


def as_editor_reads(text: str) -> object:
    """Parse YAML as a YAML 1.2 editor does: an unquoted 2025-03-05 is a string, not a date."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def test_published_schema_is_the_generated_one() -> None:
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == rule_file_schema(), (
        "regenerate it: python -m factlint.schema > docs/rule-file.schema.json")
    Draft202012Validator.check_schema(rule_file_schema())


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_rule_file_meets_the_schema(path: Path) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(as_editor_reads(path.read_text(encoding="utf-8")))]
    assert errors == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_option_of_every_check_has_a_schema(kind: str) -> None:
    for name, check in kind_checks(kind).items():
        for key, option in check_options(kind, check).items():
            assert option.json_schema(), f"{kind} {name} '{key}' has no JSON Schema: give its Option a schema"


def test_example_keys_match_the_loader() -> None:
    assert set(COMMON["examples"]["items"]["properties"]) == set(EXAMPLE_KEYS)


BAD_RULES = {
    "unknown key": "kind: existence\ntokens: [amidst]\ntokenz: [x]\n",
    "wrong type": "kind: existence\ntokens: [amidst]\nignore_case: 'yes'\n",
    "unknown kind": "kind: exists\ntokens: [amidst]\n",
    "bad level": "kind: existence\nlevel: fatal\ntokens: [amidst]\n",
    "missing required key": "kind: substitution\n",
    "bad check": "kind: dates\ncheck: weekday\n",
    "bad registry entry": "kind: names\npeople: [{name: Ann Lee, nickname: Annie}]\n",
    "bad example": "kind: existence\ntokens: [amidst]\nexamples: [{text: amidst, matched: [amidst]}]\n",
    "key of another check": "kind: readability\ncheck: long-sentence\nmax_words: 30\nmax_grade: 12\n",
    "missing check key": "kind: readability\ncheck: long-sentence\n",
    "quotes key of another check": "kind: quotes\ncheck: unbalanced\nspeaker_cues: [said]\n",
    "no check": "kind: readability\nmax_words: 30\n",
    "names key of another check": "kind: names\ncheck: variants\npeople: [{name: Ann Lee}]\nalso_nicknames: [[Al, Albert]]\n",
    "names default checks given a same-person key": "kind: names\npeople: [{name: Ann Lee}]\nnot_names: [Board]\n",
    "names list of unknown checks": "kind: names\ncheck: [variants, spelling]\npeople: [{name: Ann Lee}]\n",
    "across list given a key of a check it does not list":
        "kind: across\ncheck: [titles, organizations]\ntitle_words: [Chief]\njoiners: [of]\nevents: [vote]\n",
    "across rule without check": "kind: across\ntitle_words: [Chief]\n",
    "names list given a key of a check it does not list":
        "kind: names\ncheck: [variants, titles]\npeople: [{name: Ann Lee}]\nalso_nicknames: [[Al, Albert]]\n",
}


@pytest.mark.parametrize("name", sorted(BAD_RULES))
def test_schema_and_loader_reject_the_same_mistakes(name: str, tmp_path: Path) -> None:
    text = BAD_RULES[name]
    assert list(VALIDATOR.iter_errors(as_editor_reads(text))), f"the schema accepts a rule with {name}"
    path = tmp_path / "style" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError):
        load_rule_file(path)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_key_of_every_check_is_documented(kind: str) -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    for name, check in kind_checks(kind).items():
        missing = sorted(key for key in check_options(kind, check) if f"`{key}`" not in docs)
        assert missing == [], f"{kind} {name}: describe {missing} in docs/ (as `key`)"


@pytest.mark.parametrize("text", [
    "kind: names\ncheck: [titles, same-person]\npeople: [{name: Ann Lee}]\nalso_nicknames: [[Al, Albert]]\n",
    "kind: names\npeople: [{name: Ann Lee}]\n",
    "kind: names\ncheck: same-person\nnot_names: [Board]\nwords: _words.yaml\n",
])
def test_schema_accepts_a_list_with_the_keys_of_its_checks(text: str) -> None:
    assert [e.message for e in VALIDATOR.iter_errors(as_editor_reads(text))] == []
