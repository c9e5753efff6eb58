"""Check kinds: a package per kind, a module per check.

A check module exposes OPTIONS (its keys' schema), PLACEHOLDERS (the message fields it
fills), DEFAULT_MESSAGE and build(rule, store) -> Check; it may also expose
build_summary(rule), a per-document summary (readability scores, say) that the JSON output
carries under `files`. A kind with several checks has a kind module whose CHECK_MODULES maps each
`check:` name to its module, and whose OPTIONS holds the keys every check of the kind takes;
a kind with one check is that check's module.
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
})
