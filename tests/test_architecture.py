"""The package's shape: imports flow one way (cli → config → engine → checks → document)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "factlint"
# Lower numbers sit higher: a module may import only modules with a larger layer number,
# or siblings in its own package at the same layer (a kind's own modules, the formats).
LAYERS = {
    "factlint.cli": 0,
    "factlint.formats": 1, "factlint.runner": 1, "factlint.ruletest": 1,
    "factlint.baseline": 1, "factlint.changed": 1, "factlint.parallel": 1,
    "factlint.config": 2,
    "factlint.engine": 3, "factlint.fix": 3, "factlint.report": 3,
    "factlint.checks": 4,  # the kind table and the kind packages
    "factlint.checks.base": 5, "factlint.checks.attribution": 5,  # what kinds share
    "factlint.rule": 6, "factlint.suppress": 6, "factlint.quotations": 6, "factlint.wordindex": 6,
    "factlint.document": 7,
    "factlint.markup": 8, "factlint.segment": 8, "factlint.finding": 8, "factlint.yamlfile": 8,
    "factlint": 9,
}
KIND_PACKAGES = {p.name for p in (ROOT / "factlint" / "checks").iterdir() if (p / "__init__.py").exists()}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(name: str) -> int:
    while name not in LAYERS:
        name = name.rpartition(".")[0]
    return LAYERS[name]


def imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factlint"):
            folder = ROOT.joinpath(*node.module.split("."))
            for alias in node.names:  # `from factlint.checks import base` imports a submodule
                is_module = (folder / f"{alias.name}.py").exists()
                names.append(f"{node.module}.{alias.name}" if is_module else node.module)
        elif isinstance(node, ast.Import):
            names.extend(a.name for a in node.names if a.name.startswith("factlint"))
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_flow_downward(path: Path) -> None:
    name = module_name(path)
    for target in imported(path):
        same_package = target.rpartition(".")[0] == name.rpartition(".")[0] != "factlint"
        if kind_of(name) and kind_of(target) == kind_of(name):
            continue  # a kind's own modules; circles among them are caught below
        assert layer(target) > layer(name) or (same_package and layer(target) == layer(name)), (
            f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
        )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_is_small_and_documented(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 450, "split the module: a few hundred lines at most"
    tree = ast.parse(source)
    assert ast.get_docstring(tree), "every module opens with a one-line docstring"
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            assert ast.get_docstring(node), f"public {node.name} needs a docstring"


def kind_of(name: str) -> str | None:
    """Return the check kind package a module belongs to, or None."""
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["factlint", "checks"] and parts[2] in KIND_PACKAGES else None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_kinds_do_not_import_each_other(path: Path) -> None:
    name = module_name(path)
    for target in imported(path):
        assert not (kind_of(name) and kind_of(target) and kind_of(target) != kind_of(name)), (
            f"{name} imports another kind's module {target}: move what they share lower"
        )


def test_no_import_circles() -> None:
    graph = {module_name(p): set(imported(p)) for p in MODULES}
    done: set[str] = set()

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, "import circle: " + " -> ".join((*trail[trail.index(node):], node))
        if node in done:
            return
        for target in graph.get(node, ()):
            visit(target, (*trail, node))
        done.add(node)

    for module in graph:
        visit(module, ())
