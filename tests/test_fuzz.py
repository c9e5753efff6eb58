"""Fuzz: any rule file, configuration and draft gives exit 0, 1 or 2; 2 with one-line messages, no crash."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factlint.checks import KINDS
from factlint.cli import main
from factlint.config import KEYS
from factlint.engine import COMMON_KEYS
from tests.test_properties import documents

RULE_KEYS = sorted(COMMON_KEYS | {
    "tokens", "patterns", "anchors", "exceptions", "ignore_case", "skip_headings", "skip_quotations", "swap",
    "pairs", "check", "people", "organizations", "registry", "phrases", "citations", "cues", "max_words",
    "grade", "speaker_cues", "minor_words", "lexicon", "sentences_before",
})
TEXT = st.one_of(
    st.sampled_from(["amidst", "US", "(", "(a|aa)+$", "\\b", "{match}", "{match:>999999}", "{x}", "{", "}",
                     "2023-02-29", "first", "style.*", "names.first-reference", "warning", "error", "info",
                     "", " ", "ſ", "İ", "\u2028", "\x1b[2J", "*", "[a", "?P<x>", "existence", "rules"]),
    st.text(max_size=8),
)
SCALARS = st.one_of(TEXT, st.integers(-3, 10**12), st.booleans(), st.none(), st.floats(allow_nan=True),
                    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(TEXT, st.integers(0, 3)), inner, max_size=3)),
    max_leaves=12)


@st.composite
def rule_files(draw) -> str:
    """A rule file: mostly well-formed mappings with wrong or odd values, sometimes raw text."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.text(max_size=60))
    if choice <= 4:  # a rule that loads, with odd words: these reach the checks and --fix
        words = st.lists(TEXT.filter(str.strip), min_size=1, max_size=3)
        data = draw(st.sampled_from([
            {"kind": "existence", "tokens": draw(words), "ignore_case": draw(st.booleans())},
            {"kind": "existence", "patterns": draw(words), "message": draw(TEXT)},
            {"kind": "substitution", "swap": dict(zip(draw(words), draw(words))), "ignore_case": draw(st.booleans())},
            {"kind": "consistency", "pairs": [draw(words) + ["amidst", "amid"]]},
        ]))
        return yaml.safe_dump(data, allow_unicode=True)
    data = {"kind": draw(st.one_of(st.sampled_from(sorted(KINDS)), VALUES))}
    for key in draw(st.lists(st.sampled_from(RULE_KEYS), max_size=5, unique=True)):
        data[key] = draw(VALUES)
    if draw(st.booleans()):
        data["tokens"] = draw(st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        data["examples"] = [{"text": draw(TEXT), "matches": draw(st.lists(VALUES, max_size=2))}]
    text = yaml.safe_dump(data, allow_unicode=True)
    if draw(st.integers(0, 5)) == 0:  # an alias, even in an otherwise good file
        text += "extra: &x [1, 2]\nmore: *x\n"
    return text


@st.composite
def configurations(draw) -> str:
    if draw(st.booleans()):
        return ""
    data = {key: draw(VALUES) for key in draw(st.lists(st.sampled_from([*KEYS, "bogus"]), max_size=4, unique=True))}
    if draw(st.booleans()):
        data["default_rules"] = False
    return yaml.safe_dump(data, allow_unicode=True) if data else ""


def check_run(code: int, err: str) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.splitlines()
    if code == 2:
        assert lines and all(line.startswith("factlint: ") for line in lines), err


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(rule=rule_files(), config=configurations(), draft=documents(), fix=st.sampled_from(["", "--fix", "--diff"]))
def test_any_rule_file_configuration_and_draft(capsys, rule: str, config: str, draft: tuple[bytes, str], fix: str) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "pack" / "desk").mkdir(parents=True)
        (folder / "pack" / "desk" / "rule.yaml").write_text(rule, encoding="utf-8")
        (folder / ".factlint.yaml").write_text(config, encoding="utf-8")
        data, name = draft
        (folder / name).write_bytes(data)
        args = ["--config", str(folder / ".factlint.yaml"), "--rules", str(folder / "pack"), "--jobs", "1",
                *([fix] if fix else []), str(folder / name)]
        code = main(args)
        event(f"exit {code}")
        check_run(code, capsys.readouterr().err)
        code = main(["--test-rules", str(folder / "pack")])
        captured = capsys.readouterr()
        check_run(code, captured.err)
    finally:
        shutil.rmtree(folder)
