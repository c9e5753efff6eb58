"""The `figures` kind: figures with no source, and attribution too vague to check."""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.base import Option, boolean
from factlint.checks.figures.find import FigureFinder
from factlint.facts import FactSource
from factlint.rule import Rule, RuleSetStore

CHECK_MODULES = MappingProxyType({
    "unsourced": "factlint.checks.figures.unsourced",
    "vague-attribution": "factlint.checks.figures.vague_attribution",
})
OPTIONS = {
    "skip_headings": Option(boolean, True),
}


def build_facts(rule: Rule, store: RuleSetStore) -> tuple[FactSource, ...]:
    """Offer the cross-story checks the figures this rule finds (unsourced rules only)."""
    from factlint.checks.figures.facts import figures_source  # here: only story sets need it

    if rule.options["check"] != "unsourced" or not rule.options["approximators"]:
        return ()
    return (figures_source(FigureFinder(rule.options)),)
