"""The `names` kind: names, titles and organisations in their house form, and one person spelled two ways.

A rule either carries a registry (inline `people`/`organizations`, or a `registry:` data file) and
runs the registry checks, or runs `check: same-person`, which needs no registry. Which checks a
rule runs is set by `check`; give each its own rule file to give each its own level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from factlint.checks.names import facts, forms, people
from factlint.checks.names import registry as registry_module
from factlint.checks.names import registry_checks as checks
from factlint.checks.base import (
    Check, Option, integer, read_data_file, some_of, string_list, string_pairs, string_value,
)
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.document import Document
from factlint.facts import FactSource
from factlint.finding import Finding

REGISTRY_CHECKS = ("variants", "titles", "near-miss", "first-reference", "no-title")
CHECKS = (*REGISTRY_CHECKS, "same-person")
DEFAULT_REGISTRY_CHECKS = ("variants", "titles", "near-miss", "first-reference")






OPTIONS = {
    "check": Option(some_of(CHECKS), ()),
    "people": Option(registry_module.people_option, (), schema=registry_module.PEOPLE_SCHEMA),
    "organizations": Option(registry_module.organizations_option, (), schema=registry_module.ORGANIZATIONS_SCHEMA),
    "registry": Option(string_value, ""),
    "not_names": Option(string_list, ()),
    "gendered_endings": Option(string_pairs, ()),
    "also_nicknames": Option(string_pairs, ()),
    "not_nicknames": Option(string_pairs, ()),
    "nickname_supplement": Option(string_value, ""),
    "particles": Option(string_list, ()),
    "group_words": Option(string_list, ()),
    "min_first_name_length": Option(integer, 5),
    "min_surname_length": Option(integer, 4),
}
PLACEHOLDERS = frozenset({"detail", "found", "house", "other", "line", "other_line"})
DEFAULT_MESSAGE = "{detail}"

RegistryCheck = Callable[[Rule, checks.Scan, registry_module.Registry], Iterator[Finding]]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Compile the rule's registry (or nickname policy) once; return the per-document check."""
    registry = registry_module.from_options(rule.options, rule.source, store)
    chosen = rule.options["check"] or (DEFAULT_REGISTRY_CHECKS if registry else ())
    if not chosen:
        raise RuleError("a names rule needs 'people', 'organizations' or 'registry', or 'check: same-person'")
    if registry is None and set(chosen) & set(REGISTRY_CHECKS):
        raise RuleError(f"check '{chosen[0]}' needs a registry: 'people', 'organizations' or 'registry'", "check")
    table = store.get(people.load_nicknames, people.load_nicknames) if {"same-person", "near-miss"} & set(chosen) else None
    runs = [_registry_check(name, table) for name in chosen if name in REGISTRY_CHECKS]
    policy = _policy(rule, table) if table is not None and "same-person" in chosen else None

    def check(doc: Document) -> Iterator[Finding]:
        if runs and registry is not None:
            scanned = checks.scan(registry, doc)
            for run in runs:
                yield from run(rule, scanned, registry)
        if policy is not None:
            yield from people.same_person(rule, doc, policy)

    return check


def _registry_check(name: str, table: people.NicknameTable | None) -> RegistryCheck:
    """Return the function that runs one registry check."""
    if name == "near-miss" and table is not None:
        known = table.known
        return lambda rule, scanned, registry: checks.near_misses(rule, scanned, registry, known)
    return {
        "variants": checks.name_variants,
        "titles": checks.title_variants,
        "first-reference": checks.first_references,
        "no-title": checks.missing_titles,
    }[name]


def _policy(rule: Rule, table: people.NicknameTable) -> people.Policy:
    """Build the same-person policy from the rule's word lists and the nickname data set."""
    options = rule.options
    return people.Policy(
        nicknames=people.nickname_pairs(table, options["also_nicknames"], options["not_nicknames"],
                                        _supplement(rule)),
        table=table,
        gendered=frozenset(frozenset((a.lower(), b.lower())) for a, b in options["gendered_endings"]),
        not_names=frozenset(options["not_names"]),
        min_first=options["min_first_name_length"],
        min_last=options["min_surname_length"],
        particles=frozenset(options["particles"]),
        run_pattern=forms.run_pattern(frozenset(options["particles"])),
        group_words=frozenset(w.lower() for w in options["group_words"]),
    )


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks this rule's registry forms, or its people's names and policy."""
    registry = registry_module.from_options(rule.options, rule.source, store)
    if registry is not None:
        return (facts.registry_source(registry),)
    if "same-person" in rule.options["check"]:
        table = store.get(people.load_nicknames, people.load_nicknames)
        return (facts.people_source(_policy(rule, table)),)
    return ()


def _supplement(rule: Rule) -> tuple[tuple[str, str], ...]:
    """Read the reviewed nickname table the rule names (`nickname_supplement`), relative to the rule file."""
    name = rule.options["nickname_supplement"]
    if not name:
        return ()
    path = Path(rule.source).parent / name if rule.source else Path(name)
    data = read_data_file(path, "nickname_supplement", "nickname table", ("pairs",))
    try:
        return string_pairs(data.get("pairs"))
    except TypeError as exc:
        raise RuleError(f"{path}: 'pairs' {exc}", "nickname_supplement") from None
