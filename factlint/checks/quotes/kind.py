"""The `quotes` kind: direct quotations with no speaker, and quotation marks left open."""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.base import Option, boolean

CHECK_MODULES = MappingProxyType({
    "unattributed": "factlint.checks.quotes.unattributed",
    "unbalanced": "factlint.checks.quotes.unbalanced",
})
OPTIONS = {
    "skip_headings": Option(boolean, True),
}
