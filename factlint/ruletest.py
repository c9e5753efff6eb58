"""Run rule files' `examples`, so a rule author learns at once when a rule is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.document import Document, parse_date
from factlint.engine import LoadedRule, RuleSet, lint
from factlint.facts import FactSource
from factlint.fix import fix_document
from factlint.storyrun import lint_stories


def example_failures(loaded: LoadedRule, number: int, example: Mapping[str, Any],
                     sources: tuple[FactSource, ...] = ()) -> list[str]:
    """Return what is wrong with one example of a rule (an empty list when it holds).

    An example with `stories` is a story set: its matches are those of every story, in order,
    with the facts the given sources extract.
    """
    rule = loaded.rule
    label = f"{rule.source}: rule '{rule.id}' example {number}"
    date = parse_date(example.get("date"), "example") if "date" in example else None
    if "date" in example and date is None:
        return [f"{label}: 'date' is not a YYYY-MM-DD date"]
    alone = RuleSet.of((loaded,), sources)
    if "stories" in example:
        docs = [Document(text, f"<story {n}>", bool(example.get("markdown")), date)
                for n, text in enumerate(example["stories"], 1)]
        found_in = lint_stories(docs, alone)
        found = [f.match for doc in docs for f in found_in[doc.path]]
        expected = list(example.get("matches", []))
        return [f"{label}: expected matches {expected}, got {found}"] if found != expected else []
    doc = Document(example["text"], "<example>", bool(example.get("markdown")), date)
    found = [f.match for f in lint(doc, alone)]
    expected = list(example.get("matches", []))
    problems = []
    if found != expected:
        problems.append(f"{label}: expected matches {expected}, got {found}")
    if "fixed" in example:
        fixed, _ = fix_document(doc, lambda d: lint(d, alone))
        if fixed.text != example["fixed"]:
            problems.append(f"{label}: expected fixed text {example['fixed']!r}, got {fixed.text!r}")
    return problems


def run_examples(rule_set: RuleSet, sources: tuple[FactSource, ...] | None = None) -> tuple[int, int, list[str]]:
    """Run every example of every rule; return the examples run, those failed, and the problems.

    Story-set examples use the given fact sources, or the rule set's own.
    """
    count, failed, problems = 0, 0, []
    for loaded in rule_set.rules:
        for number, example in enumerate(loaded.rule.examples, 1):
            found = example_failures(loaded, number, example, rule_set.sources if sources is None else sources)
            count += 1
            failed += bool(found)
            problems.extend(found)
    return count, failed, problems
