"""The `quotes` kind: direct quotations with no speaker, and quotation marks left open."""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.base import Option, boolean, one_of

CHECK_MODULES = MappingProxyType({
    "unattributed": "factlint.checks.quotes.unattributed",
    "unbalanced": "factlint.checks.quotes.unbalanced",
})
OPTIONS = {
    "check": Option(one_of(CHECK_MODULES), required=True),
    "skip_headings": Option(boolean, True),
}
