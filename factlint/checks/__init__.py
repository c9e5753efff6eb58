"""Check kinds: a package per kind, a module per check.

A check module exposes OPTIONS (its keys' schema), PLACEHOLDERS (the message fields it fills),
DEFAULT_MESSAGE and build(rule, store) -> Check; it may also expose build_summary(rule), a
per-document summary (readability scores, say) that the JSON output carries under `files`, and
COST, what it costs in seconds per million words (the engine's DEFAULT_COST if it says nothing),
by which a long draft's rules are shared out among processes. A kind with several checks has a
kind module whose CHECK_MODULES maps each `check:` name to its module, and whose OPTIONS holds
the keys every check of the kind takes (the engine derives the `check` key itself from
CHECK_MODULES); a kind with one check is that check's module. A kind with CHECK_LISTS lets one
rule name several of its checks (`check: [a, b]`, or none for its DEFAULT_CHECKS): the rule
takes the union of their keys and runs each.

For story sets, a kind module may expose build_facts(rule, store) -> tuple[FactSource, ...]:
what its rules can extract from a story (people's names, registry forms, figures, resolved
dates; see factlint/facts.py), and a check module build_cross(rule, store), a check run over
the stories of a set with those facts. The `across` kind is made of such checks.
"""

from types import MappingProxyType

# The engine knows kinds, not rules: a rule file names its kind and the engine imports that
# module on first use, so a pack that never uses a kind never pays for its imports.
KINDS = MappingProxyType({
    "existence": "factlint.checks.style.existence",
    "substitution": "factlint.checks.style.substitution",
    "consistency": "factlint.checks.style.consistency",
    "dates": "factlint.checks.dates.kind",
    "names": "factlint.checks.names.kind",
    "figures": "factlint.checks.figures.kind",
    "quotes": "factlint.checks.quotes.kind",
    "readability": "factlint.checks.readability.kind",
    "across": "factlint.checks.across.kind",
})
