"""The engine: load rule files into a rule set and run its checks over documents."""

import fnmatch
import importlib
from collections.abc import Callable, Hashable, Sequence
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

from factlint import parallel, yamlfile
from factlint.checks import KINDS
from factlint.checks.base import Check, Option, one_of, some_of, validate_options
from factlint.checks.group import CheckGroup
from factlint.rule import Rule, RuleError, RuleSetStore, check_template
from factlint.document import Document
from factlint.facts import CrossCheck, FactSource
from factlint.finding import LEVELS, Finding
from factlint.markup import Directive
from factlint.suppress import Suppressions

COMMON_KEYS = {"id", "kind", "level", "message", "description", "link", "enabled", "examples"}
RULE_SUFFIXES = (".yaml", ".yml")
EXAMPLE_KEYS = ("text", "stories", "matches", "fixed", "date", "markdown")
# From about 17,000 words up, sharing a draft's rules among processes saves more than forking costs.
SPLIT_MIN_CHARS = 100_000
DEFAULT_COST = 0.01  # a check module's COST where it states none: most checks cost about that


class LoadError(Exception):
    """A rule or rule pack that cannot be loaded; str() is one line naming file and line."""


class LintError(Exception):
    """A check that could not finish on a document (a runaway regex, for one); `rule` names its rule."""

    def __init__(self, message: str, rule: str | None = None) -> None:
        super().__init__(message)
        self.rule = rule


class LoadedRule(NamedTuple):
    """A rule with its built check, and its per-document summary if its kind makes one."""

    rule: Rule
    check: Check
    summary: Callable[[Document], dict[str, object]] | None = None
    cross: CrossCheck | None = None  # a cross-story check, run over a story set
    cost: float = DEFAULT_COST  # its check's COST: seconds per million words, to share rules out among processes


def kind_module(kind: str) -> ModuleType:
    """Import and return the module that implements a check kind."""
    return importlib.import_module(KINDS[kind])


def kind_checks(kind: str) -> dict[str, ModuleType]:
    """Return a kind's checks by `check:` name; a kind with one check maps "" to its module."""
    module = kind_module(kind)
    if not hasattr(module, "CHECK_MODULES"):
        return {"": module}
    return {name: importlib.import_module(path) for name, path in module.CHECK_MODULES.items()}


def check_options(kind: str, check: ModuleType | CheckGroup) -> dict[str, Option]:
    """Return the keys a rule of one kind and check takes: `check`, the kind's shared keys, then the check's."""
    module = kind_module(kind)
    if module is check:
        return dict(module.OPTIONS)
    return {**check_key(module), **module.OPTIONS, **check.OPTIONS}


def check_key(module: ModuleType) -> dict[str, Option]:
    """Return the `check` key of a kind with several checks, derived from its CHECK_MODULES.

    A kind with CHECK_LISTS lets a rule name several of its checks (a list), or none for its
    DEFAULT_CHECKS if it has them; any other rule names exactly one.
    """
    names = tuple(module.CHECK_MODULES)
    if getattr(module, "CHECK_LISTS", False):
        return {"check": Option(some_of(names), (), required=not hasattr(module, "DEFAULT_CHECKS"))}
    return {"check": Option(one_of(names), required=True)}


def check_group(kind: str, names: tuple[str, ...]) -> ModuleType | CheckGroup:
    """Return the module of one check of a kind, or the group of several."""
    paths = kind_module(kind).CHECK_MODULES
    chosen = tuple(dict.fromkeys(names))
    modules = tuple(importlib.import_module(paths[name]) for name in chosen)
    return modules[0] if len(modules) == 1 else CheckGroup(chosen, modules)


def _check_module(kind: str, data: yamlfile.LineDict) -> ModuleType | CheckGroup:
    """Return the module of the check a rule names with `check:` (or the kind's only check), or their group."""
    module = kind_module(kind)
    if not hasattr(module, "CHECK_MODULES"):
        return module
    names = module.CHECK_MODULES
    if getattr(module, "CHECK_LISTS", False):
        if "check" not in data and hasattr(module, "DEFAULT_CHECKS"):
            return check_group(kind, module.DEFAULT_CHECKS)
        if "check" not in data:
            raise RuleError(f"missing required key 'check' (one of: {', '.join(names)})")
        try:
            return check_group(kind, check_key(module)["check"].validate(data["check"]))
        except (TypeError, ValueError) as exc:
            raise RuleError(f"'check' {exc}", "check") from None
    name = data.get("check")
    if name is None:
        raise RuleError(f"missing required key 'check' (one of: {', '.join(names)})")
    if not isinstance(name, str) or name not in names:
        raise RuleError(f"'check' must be one of {', '.join(names)}, not {name!r}", "check")
    return importlib.import_module(names[name])


def rule_files(root: Path) -> list[Path]:
    """List the rule files of a pack: a single file, or every YAML file below a directory."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise LoadError(f"{root}: no such rule file or directory")
    return sorted(
        p for p in root.rglob("*")
        if p.suffix in RULE_SUFFIXES and p.is_file() and not p.name.startswith(("_", "."))
    )


def rule_id(path: Path) -> str:
    """Return the default id of a rule file: `<folder>.<file stem>`."""
    return f"{path.parent.name}.{path.stem}"


def load_rule_file(path: Path, text: str | None = None, store: RuleSetStore | None = None) -> LoadedRule:
    """Load, validate and build one rule file; raise LoadError naming the file and line.

    Rules loaded with one store share what they build (word lists, registries); without one
    the rule gets a store of its own.
    """
    return read_rule_file(path, text).build(store or RuleSetStore())


class RuleFile(NamedTuple):
    """A rule file read and validated, its check not yet built (compiling costs start-up)."""

    rule: Rule
    module: ModuleType | CheckGroup
    data: yamlfile.LineDict

    def build(self, store: RuleSetStore) -> LoadedRule:
        """Build the rule's check; raise LoadError naming the file and line."""
        try:
            summary = self.module.build_summary(self.rule) if hasattr(self.module, "build_summary") else None
            cross = self.module.build_cross(self.rule, store) if hasattr(self.module, "build_cross") else None
            cost = sum(getattr(m, "COST", DEFAULT_COST) for m in getattr(self.module, "modules", (self.module,)))
            return LoadedRule(self.rule, self.module.build(self.rule, store), summary, cross, cost)
        except RuleError as exc:
            raise LoadError(f"{self.rule.source}:{self.data.line_of(exc.key)}: {exc}") from None

    def sources(self, store: RuleSetStore) -> tuple[FactSource, ...]:
        """Build what the rule's kind extracts for cross-story checks (names, figures, dates), if anything."""
        owner = kind_module(self.rule.kind)  # the kind's, not one check's
        try:
            return owner.build_facts(self.rule, store) if hasattr(owner, "build_facts") else ()
        except RuleError as exc:
            raise LoadError(f"{self.rule.source}:{self.data.line_of(exc.key)}: {exc}") from None


def read_rule_file(path: Path, text: str | None = None) -> RuleFile:
    """Read and validate one rule file, without building it; raise LoadError naming the file and line."""
    try:
        data = yamlfile.load(path, text)
    except yamlfile.YamlError as exc:
        raise LoadError(str(exc)) from None
    if not isinstance(data, yamlfile.LineDict):
        raise LoadError(f"{path}:1: a rule file must be a YAML mapping")
    try:
        return _validate(path, data)
    except RuleError as exc:
        raise LoadError(f"{path}:{exc.line or data.line_of(exc.key)}: {exc}") from None


def _validate(path: Path, data: yamlfile.LineDict) -> RuleFile:
    """Validate the common keys, then the kind's and check's own keys."""
    kind = data.get("kind")
    if kind is None:
        raise RuleError("missing required key 'kind'")
    if not isinstance(kind, str) or kind not in KINDS:
        raise RuleError(f"unknown kind {kind!r} (known: {', '.join(sorted(KINDS))})", "kind")
    module = _check_module(kind, data)
    options = check_options(kind, module)
    unknown = sorted(set(data) - COMMON_KEYS - set(options))
    if unknown:
        owner = _owner(kind, module, data)
        raise RuleError(f"unknown key '{unknown[0]}' for {owner}", unknown[0])
    rule = Rule(
        id=_text(data, "id", rule_id(path)),
        kind=kind,
        level=_level(data),
        message=_message(data, module),
        options=validate_options(data, options),
        description=_text(data, "description", ""),
        link=_text(data, "link", ""),
        enabled=_flag(data, "enabled", True),
        examples=_examples(data),
        source=str(path),
    )
    return RuleFile(rule, module, data)


def _owner(kind: str, module: ModuleType | CheckGroup, data: yamlfile.LineDict) -> str:
    """Name what a rule's keys belong to, for an error: its kind, its check or its checks."""
    if isinstance(module, CheckGroup):
        return "checks " + ", ".join(f"'{name}'" for name in module.names)
    if module is kind_module(kind):
        return f"kind '{kind}'"
    name = data["check"]
    return f"check '{name if isinstance(name, str) else name[0]}'"


def _text(data: dict[str, Any], key: str, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or (key == "id" and not value.strip()):
        raise RuleError(f"'{key}' must be a non-empty string", key)
    return value


def _flag(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise RuleError(f"'{key}' must be true or false", key)
    return value


def _level(data: dict[str, Any]) -> str:
    level = data.get("level", "warning")
    if level not in LEVELS:
        raise RuleError(f"'level' must be one of {', '.join(LEVELS)}, not {level!r}", "level")
    return level


def _message(data: dict[str, Any], module: ModuleType | CheckGroup) -> str:
    message = _text(data, "message", module.DEFAULT_MESSAGE)
    try:
        check_template(message, {"match", "expected", *module.PLACEHOLDERS})
    except ValueError as exc:
        raise RuleError(f"'message' {exc}", "message") from None
    return message


def _examples(data: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    examples = data.get("examples", [])
    if not isinstance(examples, list):
        raise RuleError("'examples' must be a list", "examples")
    known = set(EXAMPLE_KEYS)
    for example in examples:
        stories = example.get("stories") if isinstance(example, dict) else None
        if isinstance(stories, list) and stories and all(isinstance(s, str) for s in stories) \
                and "text" not in example and "fixed" not in example:
            pass  # a story set, for the cross-story kinds: its texts in order
        elif not isinstance(example, dict) or not isinstance(example.get("text"), str):
            raise RuleError("each example needs a 'text' string (or 'stories', a list of texts)", "examples")
        extra = set(example) - known
        if extra:
            raise RuleError(f"unknown example key '{sorted(extra)[0]}'", "examples")
        matches = example.get("matches", [])
        if not isinstance(matches, list) or not all(isinstance(m, str) and m for m in matches):
            raise RuleError("an example's 'matches' must be a list of non-empty strings", "examples")
        if not isinstance(example.get("fixed", ""), str):
            raise RuleError("an example's 'fixed' must be text", "examples")
        if not isinstance(example.get("markdown", False), bool):
            raise RuleError("an example's 'markdown' must be true or false", "examples")
    return tuple(examples)


class RuleSet:
    """An ordered collection of loaded rules, passed to lint(); never a global registry.

    `ids` holds the id of every rule of the packs, built or not, so that a selector can be
    checked against the whole pack; `extractors` every rule file of the packs when a
    cross-story check was built (see `sources`). A rule set is not changed once made.
    """

    __slots__ = ("rules", "ids", "extractors", "store")

    def __init__(self, rules: tuple[LoadedRule, ...] = (), ids: frozenset[str] = frozenset(),
                 extractors: tuple[RuleFile, ...] = (), store: RuleSetStore | None = None) -> None:
        self.rules = rules
        self.ids = ids or frozenset(r.rule.id for r in rules)
        self.extractors = extractors
        self.store = RuleSetStore() if store is None else store

    @classmethod
    def of(cls, rules: tuple[LoadedRule, ...], sources: tuple[FactSource, ...] = ()) -> "RuleSet":
        """Return a rule set of rules already built, its cross-story checks using the given sources."""
        store = RuleSetStore()
        store.get((RuleSet, "sources"), lambda: tuple(sources))
        return cls(rules, store=store)

    @property
    def sources(self) -> tuple[FactSource, ...]:
        """What the rules of the packs extract for cross-story checks, selected or not.

        The across checks need names, figures and dates found even when the rules that flag
        them are off. Only a story set needs them, so they are built on first use, once per
        rule set (under its store's lock), not on every start.
        """
        return self.store.get((RuleSet, "sources"), lambda: _extract_sources(self.extractors, self.store))

    @classmethod
    def load(cls, roots: list[Path], wanted: Callable[[Rule], bool] | None = None) -> "RuleSet":
        """Load packs in order; a rule id in a later pack replaces the same id in an earlier one.

        Every rule file is read and validated; only the rules `wanted` says will run are built.
        """
        by_id: dict[str, RuleFile] = {}
        for root in roots:
            seen: dict[str, Path] = {}
            for path in rule_files(root):
                read = read_rule_file(path)
                rule_key = read.rule.id
                if rule_key in seen:
                    raise LoadError(f"{path}:1: rule id '{rule_key}' is also defined in {seen[rule_key]}")
                seen[rule_key] = path
                by_id[rule_key] = read
        store = RuleSetStore()
        built = tuple(by_id[k].build(store) for k in sorted(by_id) if wanted is None or wanted(by_id[k].rule))
        extractors = tuple(by_id[k] for k in sorted(by_id)) if any(r.cross is not None for r in built) else ()
        return cls(built, frozenset(by_id), extractors, store)

    @staticmethod
    def runs(rule: Rule, select: list[str], ignore: list[str]) -> bool:
        """Tell whether a rule runs: selected (or enabled, when nothing is selected) and not ignored."""
        if (select and not _matches_any(rule.id, select)) or (not select and not rule.enabled):
            return False
        return not _matches_any(rule.id, ignore)

    def configured(self, select: list[str], ignore: list[str], levels: dict[str, str]) -> "RuleSet":
        """Return the rules that run: enabled or selected, not ignored, levels overridden."""
        chosen = []
        for loaded in self.rules:
            rule = loaded.rule
            if not self.runs(rule, select, ignore):
                continue
            level = next((lv for pat, lv in levels.items() if fnmatch.fnmatchcase(rule.id, pat)), None)
            if level and level != rule.level:
                # The built check keeps the file's level; lint() re-levels its findings.
                loaded = loaded._replace(rule=rule._replace(level=level))
            chosen.append(loaded)
        return RuleSet(tuple(chosen), self.ids, self.extractors, self.store)

    def unknown_patterns(self, patterns: list[str]) -> list[str]:
        """Return the rule-id globs that match no rule of the packs."""
        return [p for p in patterns if not any(fnmatch.fnmatchcase(rule_key, p) for rule_key in self.ids)]


def _extract_sources(extractors: tuple[RuleFile, ...], store: RuleSetStore) -> tuple[FactSource, ...]:
    """Build what each rule file extracts for cross-story checks, the first source of each key winning."""
    sources: dict[Hashable, FactSource] = {}
    for read in extractors:
        sources.update((s.key, s) for s in read.sources(store) if s.key not in sources)
    return tuple(sources.values())


def _matches_any(rule_key: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(rule_key, p) for p in patterns)


UNUSED_DISABLE = "factlint.unused-disable"


def lint(doc: Document, rule_set: RuleSet, report_unused: bool = False, jobs: int = 1) -> list[Finding]:
    """Run every rule of the set over a document; return its unsuppressed findings in order.

    With report_unused, a disable comment that silenced nothing of the rules that ran is itself
    reported, so stale suppressions do not pile up. With jobs above 1, a draft of at least
    SPLIT_MIN_CHARS characters has its rules' kind packages shared out among that many processes.
    """
    packages = rule_packages(rule_set.rules) if jobs > 1 and len(doc.text) >= SPLIT_MIN_CHARS else [rule_set.rules]
    if len(packages) > 1:
        _ = doc.sentences, doc.line_starts  # built once, before the fork, for every process
    findings = [f for found in parallel.forked_map(partial(_run_rules, doc), packages, jobs) for f in found]
    suppressions = Suppressions(doc)
    kept = [f for f in findings if not suppressions.suppresses(f)]
    if report_unused:
        # A cross-story rule's disable comments are used by the story-set step, not here.
        ran = [loaded.rule.id for loaded in rule_set.rules if loaded.cross is None]
        kept.extend(_unused_disable(doc, d) for d in suppressions.unused()
                    if not d.rules or any(fnmatch.filter(ran, pattern) for pattern in d.rules))
    return sorted(set(kept), key=lambda f: (f.start, f.end, f.rule, f.message))


def _run_rules(doc: Document, rules: Sequence[LoadedRule]) -> list[Finding]:
    """Run some rules over a document; return their findings, each at its rule's level."""
    findings: list[Finding] = []
    for loaded in rules:
        level = loaded.rule.level
        try:
            findings.extend(f if f.level == level else f._replace(level=level) for f in loaded.check(doc))
        except TimeoutError:
            raise LintError(
                f"{doc.path}: rule '{loaded.rule.id}' ({loaded.rule.source}) timed out: "
                "its regular expression is too slow on this text", loaded.rule.id,
            ) from None
        except RuleError as exc:  # a pattern built from the rule's words, compiled on first use
            raise LintError(f"{loaded.rule.source}: rule '{loaded.rule.id}': {exc}", loaded.rule.id) from None
    return findings


def rule_packages(rules: Sequence[LoadedRule]) -> list[list[LoadedRule]]:
    """Group rules by kind package, the costliest package first: what the processes of a long draft claim.

    The rules of one kind package derive the same values from a document (its dates, the style
    kinds' one word scan), so one process runs them all. Each process claims the next package
    when it is free, so the costliest go first and the cheap ones fill in at the end.
    """
    packages: dict[str, list[LoadedRule]] = {}
    for loaded in rules:
        packages.setdefault(KINDS[loaded.rule.kind].rpartition(".")[0], []).append(loaded)
    return sorted(packages.values(), key=lambda package: -sum(loaded.cost for loaded in package))


def _unused_disable(doc: Document, directive: Directive) -> Finding:
    """Report a disable comment that silenced nothing."""
    line, column = doc.position(directive.start)
    end_line, end_column = doc.position(directive.end)
    named = ", ".join(directive.rules) or "every rule"
    return Finding(doc.path, line, column, end_line, end_column, UNUSED_DISABLE, "warning",
                   f"this factlint-{directive.action} ({named}) silences nothing: remove it",
                   doc.text[directive.start:directive.end], None, directive.start, directive.end)


def summarize(doc: Document, rule_set: RuleSet) -> dict[str, object]:
    """Return the per-document summaries of the rules whose kinds make one, keyed by rule id."""
    return {r.rule.id: r.summary(doc) for r in rule_set.rules if r.summary is not None}
