"""Time: author patterns always run with the match time limit, and no draft shape is quadratic."""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path

import pytest

from factlint.checks import KINDS
from factlint.checks.base import pattern_list
from factlint.cli import main
from factlint.engine import check_options, kind_checks
from factlint.config import Settings, build_rule_set
from factlint.document import Document
from factlint.engine import lint
from tests.helpers import ROOT

PACKAGE = ROOT / "factlint"
THE_COMPILE_MODULE = PACKAGE / "checks" / "base.py"
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_compile_module_compiles_a_pattern_it_did_not_write_itself() -> None:
    """Outside checks/base.py, `re` and `regex` are only ever called with a literal pattern."""
    offenders = []
    for path in python_files():
        if path == THE_COMPILE_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex")
                    and node.func.attr in REGEX_CALLS
                    and not (node.args and isinstance(node.args[0], ast.Constant))):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert offenders == [], "compile through checks.base.compile_regex or compile_words:\n" + "\n".join(offenders)


def check_modules() -> dict[str, dict]:
    """Return, per check module (a kind with one check is its own), the keys its rules take."""
    return {module.__name__: check_options(kind, module) for kind in KINDS for module in kind_checks(kind).values()}


def pattern_options() -> dict[str, set[str]]:
    """Return, per check module, the option keys that hold an author's regular expressions."""
    return {name: {key for key, option in options.items() if option.validate is pattern_list}
            for name, options in check_modules().items()}


def test_every_option_that_holds_regular_expressions_is_validated_as_patterns() -> None:
    by_kind = pattern_options()
    assert by_kind["factlint.checks.style.existence"] == {"patterns"}
    assert by_kind["factlint.checks.figures.unsourced"] == {"citations"}
    for module_name, options in check_modules().items():  # a key named like a pattern is one
        named = {k for k in options if "pattern" in k or k in ("citations", "regex", "regexes")}
        assert named <= by_kind[module_name], f"{module_name}: {sorted(named - by_kind[module_name])} must use pattern_list"


def tainted_uses(tree: ast.AST, keys: set[str]) -> list[tuple[int, str]]:
    """Return the calls, other than compile_regex, that receive a pattern option's value.

    Taint flows from `options["key"]` through assignments, tuple unpacking, comprehension
    variables and joins inside a function; escaping it (word_pattern, alternation) does not
    clean it, since a pattern escaped as a word list would never match as the author meant.
    """
    problems = []
    for function in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))]:
        tainted: set[str] = set()

        def dirty(node: ast.AST) -> bool:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Constant) and sub.slice.value in keys:
                    return True
                if isinstance(sub, ast.Name) and sub.id in tainted:
                    return True
            return False

        for _ in range(3):  # to a fixed point: assignments may come in any order
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    targets = node.targets[0]
                    if isinstance(targets, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        pairs = zip(targets.elts, node.value.elts)
                    else:
                        pairs = [(t, node.value) for t in node.targets]
                    for target, value in pairs:
                        if dirty(value):
                            tainted.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
                elif isinstance(node, ast.comprehension) and dirty(node.iter):
                    tainted.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
        for node in ast.walk(function):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in ("compile_words", "compile") or name in REGEX_CALLS:
                if any(dirty(arg) for arg in [*node.args, *(k.value for k in node.keywords)]):
                    problems.append((node.lineno, ast.unparse(node)[:80]))
    return problems


def test_author_patterns_reach_no_compile_function_but_compile_regex() -> None:
    keys = set().union(*pattern_options().values())
    problems = []
    for path in python_files():
        if path == THE_COMPILE_MODULE:
            continue
        for line, call in tainted_uses(ast.parse(path.read_text(encoding="utf-8")), keys):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {call}")
    assert problems == [], "author patterns must go through compile_regex:\n" + "\n".join(problems)


def test_the_taint_check_catches_a_pattern_compiled_without_the_time_limit() -> None:
    planted = ast.parse(
        "def build(rule):\n"
        "    tokens, patterns = rule.options['tokens'], rule.options['patterns']\n"
        "    compiled = [compile_words(p, True) for p in patterns]\n"
        "    joined = '|'.join(rule.options['citations'])\n"
        "    other = re.compile(joined)\n"
        "    fine = compile_regex(joined)\n"
    )
    assert sorted(line for line, _ in tainted_uses(planted, {"patterns", "citations"})) == [3, 5]


def test_a_runaway_anchored_pattern_is_stopped_and_named(tmp_path: Path, capsys) -> None:
    rule = tmp_path / "claims" / "greedy.yaml"
    rule.parent.mkdir()
    rule.write_text(
        "kind: existence\nanchors: [first]\npatterns: ['first (a|aa)+$']\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("It was the first " + "a" * 40 + "b time.\n", encoding="utf-8")
    started = time.perf_counter()
    code = main(["--no-default-rules", "--rules", str(tmp_path), str(draft)])
    err = capsys.readouterr().err
    assert code == 2 and "rule 'claims.greedy'" in err and "timed out" in err
    assert time.perf_counter() - started < 30


# --- adversarial draft shapes --------------------------------------------------------------------

sys.path.insert(0, str(ROOT / "bench"))
import adversarial  # noqa: E402


@pytest.fixture(scope="module")
def default_rules():
    return build_rule_set(Settings())


ISSUE_SHAPES = ["unclosed comment", "unclosed fence", "unclosed link", "e-mail-like run", "URL-like run",
                "curly quotes", "backtick runs", "one long line of words"]


def test_the_benchmark_has_the_shapes_the_suite_times() -> None:
    assert set(ISSUE_SHAPES) <= set(adversarial.SHAPES)


@pytest.mark.parametrize("shape", ISSUE_SHAPES)
def test_a_one_megabyte_adversarial_draft_is_linted_in_seconds(default_rules, shape: str) -> None:
    # Generous for a shared two-core machine; a quadratic scan takes minutes at this size.
    assert adversarial.time_shape(adversarial.SHAPES[shape], 1_000_000, default_rules) < 60


def test_the_issue_shapes_are_linted_in_seconds(default_rules) -> None:
    shapes = [
        "The plan. <!-- " * 40000,
        "Write to " + "a." * 40000 + "@" + "b" * 40000,
        "".join("`" * n + " x " for n in range(1, 2500)),
    ]
    for text in shapes:
        started = time.perf_counter()
        lint(Document(text, "draft.md", markdown=True), default_rules)
        assert time.perf_counter() - started < 30
