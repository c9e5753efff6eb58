"""The cross-story step: run a rule set's `across` checks over the stories of one story set."""

from __future__ import annotations

from collections.abc import Sequence

from factlint.document import Document
from factlint.engine import RuleSet
from factlint.facts import Fact, FactSource, Story
from factlint.finding import Finding
from factlint.suppress import Suppressions


def has_cross_checks(rule_set: RuleSet) -> bool:
    """Tell whether a rule set has any cross-story check to run."""
    return any(loaded.cross is not None for loaded in rule_set.rules)


def facts_of(doc: Document, sources: Sequence[FactSource]) -> tuple[Fact, ...]:
    """Return what every source finds in a document, extracted once per document and source."""
    found: list[Fact] = []
    for source in sources:
        found.extend(doc.derived((facts_of, source.key), lambda s=source: tuple(s.extract(doc))))
    return tuple(found)


def lint_stories(docs: Sequence[Document], rule_set: RuleSet) -> dict[str, list[Finding]]:
    """Run the cross-story checks over a story set; return each story's unsuppressed findings by path."""
    stories = [Story(doc, facts_of(doc, rule_set.sources)) for doc in docs]
    found: dict[str, list[Finding]] = {doc.path: [] for doc in docs}
    for loaded in rule_set.rules:
        if loaded.cross is None:
            continue
        level = loaded.rule.level
        for finding in loaded.cross(stories, rule_set.sources):
            found[finding.path].append(finding if finding.level == level else finding._replace(level=level))
    kept: dict[str, list[Finding]] = {}
    for doc in docs:
        suppressions = Suppressions(doc)
        kept[doc.path] = sorted({f for f in found[doc.path] if not suppressions.suppresses(f)},
                                key=lambda f: (f.start, f.end, f.rule, f.message))
    return kept
