"""The attribution lexicon: communication verbs as lemmas, inflected once when the rules load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint import yamlfile
from factlint.rule import Rule, RuleError, RuleSetStore

DEFAULT_NAME = "_attribution.yaml"
KEYS = ("communication_verbs", "quote_only_verbs", "phrases", "source_nouns", "source_determiners")


@dataclass(frozen=True)
class Lexicon:
    """Word forms that attribute: verb forms (all, and those a figure may use), phrases, source nouns."""

    verb_forms: frozenset[str]
    figure_verb_forms: frozenset[str]
    phrases: tuple[str, ...]
    source_nouns: tuple[str, ...]
    source_determiners: frozenset[str]


def inflections(lemma: str) -> set[str]:
    """Return a verb lemma with every inflection lemminflect knows (its rules for unknown verbs)."""
    # Imported here: only rule sets that use an attribution lexicon pay for loading its tables.
    from lemminflect import getAllInflections, getAllInflectionsOOV

    forms = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
    return {lemma, *(form for group in forms.values() for form in group)}


def default_path() -> Path:
    """Return the default pack's lexicon: package data when installed, `rules/` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "rules"
    return (installed if installed.is_dir() else package.parent / "rules") / DEFAULT_NAME


def for_rule(rule: Rule, store: RuleSetStore) -> Lexicon:
    """Return the lexicon a rule names with `lexicon:` (relative to its file), else the default one.

    The rules of a set share one load per lexicon file version.
    """
    name = rule.options["lexicon"]
    path = default_path() if not name else Path(rule.source).parent / name if rule.source else Path(name)
    try:
        key = (path.resolve(), path.stat().st_mtime_ns)
    except OSError:
        raise RuleError(f"the attribution lexicon {path} does not exist", "lexicon") from None
    return store.get((for_rule, key), lambda: load(path))


def noun_forms(word: str) -> set[str]:
    """Return the singular and plural forms lemminflect knows for a word used as a noun."""
    from lemminflect import getAllInflections

    return {form for group in getAllInflections(word, upos="NOUN").values() for form in group}


def load(path: Path) -> Lexicon:
    """Read, validate and inflect an attribution lexicon file."""
    try:
        data = yamlfile.load(path)
    except yamlfile.YamlError as exc:
        raise RuleError(f"cannot read the attribution lexicon: {exc}", "lexicon") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the attribution lexicon must be a YAML mapping", "lexicon")
    lists = {key: _words(data, key, path) for key in KEYS}
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise RuleError(f"{path}:{data.line_of(unknown[0])}: unknown lexicon key '{unknown[0]}'", "lexicon")
    every = {form for lemma in lists["communication_verbs"] for form in inflections(lemma)}
    quote_only = {form for lemma in lists["quote_only_verbs"] for form in inflections(lemma)}
    # Beside a figure, a form that is also a noun ("states", "notes", "emails") is read as the noun.
    nouns = {form for lemma in lists["communication_verbs"] for form in noun_forms(lemma)}
    return Lexicon(frozenset(every | quote_only), frozenset(every - quote_only - nouns), tuple(lists["phrases"]),
                   tuple(lists["source_nouns"]), frozenset(w.lower() for w in lists["source_determiners"]))


def _words(data: Any, key: str, path: Path) -> list[str]:
    """Return one list of words from the lexicon, or raise a RuleError naming its line."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{path}:{data.line_of(key)}: '{key}' must be a list of words", "lexicon")
    return sorted({" ".join(v.split()) for v in value})
