"""Check kinds: one module per kind, each exposing OPTIONS, PLACEHOLDERS, DEFAULT_MESSAGE and build().

A kind may also expose build_summary(rule) -> Callable[[Document], dict]: a per-document
summary (readability scores, say) that the JSON output carries under `files`.
"""

# The engine knows kinds, not rules: a rule file names its kind and the engine imports that
# module on first use, so a pack that never uses a kind never pays for its imports.
KINDS: dict[str, str] = {
    "existence": "factlint.checks.style.existence",
    "substitution": "factlint.checks.style.substitution",
    "consistency": "factlint.checks.style.consistency",
    "dates": "factlint.checks.dates.kind",
    "names": "factlint.checks.names.kind",
    "figures": "factlint.checks.figures.kind",
    "quotes": "factlint.checks.quotes.kind",
    "readability": "factlint.checks.readability.kind",
}
