"""names check `titles`: a registry title variant, in any case where it names its holder, fixed to the house title."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.checks.base import Check
from factlint.checks.names.registry import TITLE_VARIANT, Registry
from factlint.checks.names.registry_checks import DEFAULT_MESSAGE, OPTIONS, PLACEHOLDERS, Scan, build_check, variants
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build"]


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Flag every registry title variant, with the house title as its fix."""
    return build_check(rule, store, "titles", title_variants)


def title_variants(rule: Rule, scan_: Scan, registry: Registry) -> Iterator[Finding]:
    """Registry variants of titles, before a name or standing alone."""
    return variants(rule, scan_, (TITLE_VARIANT,), " of the title")
