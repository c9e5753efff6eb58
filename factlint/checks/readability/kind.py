"""The `readability` kind: Flesch–Kincaid grade and reading ease per paragraph or story, and long sentences."""

from __future__ import annotations

from types import MappingProxyType

from factlint.checks.base import Option

CHECK_MODULES = MappingProxyType({
    "paragraph-grade": "factlint.checks.readability.paragraph_grade",
    "document-grade": "factlint.checks.readability.document_grade",
    "long-sentence": "factlint.checks.readability.long_sentence",
})
OPTIONS: dict[str, Option] = {}
