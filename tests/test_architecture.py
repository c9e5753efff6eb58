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
    # The editor surfaces, entered from cli, and what they share above the runner.
    "factlint.lsp": 0.3, "factlint.serve": 0.3,
    "factlint.live": 0.6,
    "factlint.formats": 1, "factlint.runner": 1, "factlint.ruletest": 1,
    "factlint.baseline": 1, "factlint.changed": 1,
    "factlint.storysets": 1, "factlint.suggest": 1,  # story sets and the registry proposal
    "factlint.config": 2, "factlint.schema": 2, "factlint.storyrun": 2,  # storyrun: the cross-story step
    "factlint.engine": 3, "factlint.fix": 3, "factlint.report": 3,
    "factlint.checks": 4,  # the kind table and the kind packages
    "factlint.checks.group": 4,  # several checks of a kind run by one rule, as the engine sees them
    "factlint.readers": 5,  # the table of readers by format
    **{f"factlint.readers.{m}": 6 for m in ("reading", "plain", "markdown", "docx", "docx_parts", "html", "edits")},
    "factlint.checks.base": 5, "factlint.checks.attribution": 5, "factlint.checks.lexicon": 5,
    "factlint.checks.cuepatterns": 5,
    "factlint.checks.phrases": 5, "factlint.checks.datafiles": 5,  # what kinds share
    "factlint.checks.wordpattern": 6,
    "factlint.rule": 6, "factlint.suppress": 6, "factlint.quotations": 6, "factlint.wordindex": 6,
    "factlint.facts": 6,  # what kinds extract for the cross-story checks
    "factlint.wordscan": 6,
    "factlint.document": 7,
    "factlint.codeunits": 8, "factlint.markup": 8, "factlint.segment": 8, "factlint.finding": 8, "factlint.yamlfile": 8,
    "factlint.patterncache": 8, "factlint.keyscan": 8,
    "factlint.parallel": 8,  # processes for many drafts (runner) and for a long draft's rules (engine)
    "factlint.datacache": 9, "factlint": 9,
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


# --- no hidden state ----------------------------------------------------------------------------

MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "WeakSet",
                 "WeakValueDictionary", "WeakKeyDictionary", "bytearray"}
MUTATING_METHODS = {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem",
                    "clear", "remove", "discard", "__setitem__"}
# A worker process of `--jobs N` holds its own resolver: state of that process, by design.
PER_PROCESS = {("factlint.runner", "_WORKER")}


def _is_mutable(node: ast.expr) -> bool:
    if isinstance(node, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name in MUTABLE_CALLS
    return False


def _module_tables(tree: ast.Module) -> dict[str, int]:
    """Return the module-level names bound to a mutable value, with their lines."""
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and _is_mutable(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update({t.id: node.lineno for t in targets if isinstance(t, ast.Name)})
    return found


def _mutated(tree: ast.Module, name: str) -> int | None:
    """Return a line where the module changes a table it binds, or None if it never does."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == name \
                and node.func.attr in MUTATING_METHODS:
            return node.lineno
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else node.targets if isinstance(node, ast.Delete) else []
        for target in (t for top in targets for t in ast.walk(top)):
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id == name:
                return node.lineno
    return None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_mutable_module_state(path: Path) -> None:
    """A module-level table is a constant: nothing in the package changes it, and no cache hides there."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    for table, line in _module_tables(tree).items():
        if (name, table) in PER_PROCESS:
            continue
        changed = _mutated(tree, table) or any(_mutated(ast.parse(p.read_text(encoding="utf-8")), table)
                                               for p in MODULES if p != path and table in p.read_text(encoding="utf-8"))
        assert not changed, f"{name}:{line} module-level {table} is changed at run time: keep it per document or per rule set"
    for node in ast.walk(tree):
        assert not isinstance(node, ast.Global), f"{name}:{node.lineno} `global`: module state"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                # functools.cache and lru_cache on a module function keep values for the process;
                # cached_property keeps them on one object, which is fine.
                assert ast.unparse(decorator).split("(")[0].rpartition(".")[2] not in {"cache", "lru_cache"}, (
                    f"{name}:{node.lineno} {ast.unparse(decorator)} keeps values in the module: "
                    "use Document.derived or RuleSetStore")


def _defines_named_tuple(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ClassDef) and any(ast.unparse(base).rpartition(".")[2] == "NamedTuple"
                                                          for base in node.bases)
               for node in ast.walk(tree))


def _postpones_annotations(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
               and any(alias.name == "annotations" for alias in node.names) for node in tree.body)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_named_tuples_are_made_from_evaluated_annotations(path: Path) -> None:
    """typing.NamedTuple compiles each string annotation when it makes the class.

    With `from __future__ import annotations` every field is a string: on Python 3.11 that cost
    about 6 ms of a 130 ms commit-hook run over the package's 200 fields. A module that defines
    a NamedTuple evaluates its annotations, quoting only the names defined further down.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not (_defines_named_tuple(tree) and _postpones_annotations(tree)), (
        f"{module_name(path)} defines a NamedTuple: drop `from __future__ import annotations`")
