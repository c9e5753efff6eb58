"""names check `variants`: a registry variant of a person's or organisation's name, fixed to the house form."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.names.registry import ORG_VARIANT, PERSON_VARIANT, Registry
from factlint.checks.names.registry_checks import DEFAULT_MESSAGE, OPTIONS, PLACEHOLDERS, Scan, build_check, variants
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag every registry variant of a name, with the house form as its fix."""
    return build_check(rule, store, "variants", name_variants)


def name_variants(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Registry variants of people's and organisations' names."""
    return variants(rule, scan_, (PERSON_VARIANT, ORG_VARIANT), "")
