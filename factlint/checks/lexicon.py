"""The attribution lexicon: communication verbs as lemmas, inflected once when the rules load."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from factlint import yamlfile
from factlint.checks.base import word_list
from factlint.checks.datafiles import default_pack_file, read_data_file, rule_data_file, shared_data
from factlint.rule import Rule, RuleError, RuleSetStore

DEFAULT_NAME = "_attribution.yaml"
KEYS = ("communication_verbs", "quote_only_verbs", "phrases", "source_nouns", "source_determiners", "unnamed_modifiers",
        "method_verbs", "filing_verbs", "authoring_verbs", "unreleased_words",
        "proposal_verbs", "definite_determiners", "content_breaks", "comma_breaks", "coordinators", "clause_subjects",
        "auxiliaries", "aside_openers", "bare_asides", "question_words", "question_modals", "document_idioms", "object_verbs",
        "free_relatives")


WORD = re.compile(r"[A-Za-z][\w'’-]*")


class WordMatch(NamedTuple):
    """A word or phrase found by a WordSet or PhraseSet: its text and offsets (the parts of a match the callers use)."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        """The word's first offset."""
        return self.begin

    def end(self) -> int:
        """The offset just past the word."""
        return self.finish

    def group(self) -> str:
        """The word."""
        return self.text


class WordSet:
    """Whole words from a set, found by set lookups: hundreds of forms compile to no regex at all."""

    def __init__(self, words: frozenset[str] | set[str]) -> None:
        """Keep the words (case-sensitive: verb forms are lowercase in copy)."""
        self.words = frozenset(words)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        """Yield each word of text[pos:endpos] that is in the set."""
        stop = len(text) if endpos is None else endpos
        if self.words.isdisjoint(WORD.findall(text, pos, stop)):
            return  # most sentences hold none of the words: one C-level pass tells
        for match in WORD.finditer(text, pos, stop):
            if match.group() in self.words:
                yield WordMatch(match.group(), match.start(), match.end())

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        """Return the first word of text[pos:endpos] in the set, or None."""
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0) -> WordMatch | None:
        """Return the word starting at pos if it is in the set, else None."""
        found = WORD.match(text, pos)
        return WordMatch(found.group(), found.start(), found.end()) \
            if found and found.group() in self.words and not text[pos - 1:pos].isalnum() else None


class Lexicon(NamedTuple):
    """Word forms that attribute: verb forms (all, and those a figure may use), phrases, source nouns."""

    verb_forms: frozenset[str]
    figure_verb_forms: frozenset[str]
    phrases: tuple[str, ...]
    source_nouns: tuple[str, ...]
    source_determiners: frozenset[str]
    # Verbs of a poll's methodology ("The survey was conducted online"): the document describes itself.
    method_verbs: tuple[str, ...] = ()
    # Verbs of a document's filing ("filed"): they name a document, a bare plural too.
    filing_verbs: tuple[str, ...] = ()
    # Verbs that publish a document, before its author ("issued over the summer by the OECD").
    authoring_verbs: tuple[str, ...] = ()
    # Words before such a verb that leave the document unpublished: "not been released", "to be released".
    unreleased_words: tuple[str, ...] = ()
    # Words that leave a document unnamed after "according to": "according to media reports".
    unnamed_modifiers: tuple[str, ...] = ()
    # Every form of the proposals and promises whose content is their subject's ("called for", "vowed to").
    proposal_forms: tuple[str, ...] = ()
    definite_determiners: frozenset[str] = frozenset()
    content_breaks: tuple[str, ...] = ()
    comma_breaks: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    # Proposal forms that are also nouns ("demand", "requests", "offer"): a verb only before its object.
    proposal_nouns: frozenset[str] = frozenset()
    # Words that open a reported clause with no "that": "claims he's worth", "added the plant would close".
    clause_subjects: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    # Prepositions that open an aside between commas before a verb's "that": "added, in a statement, that".
    aside_openers: tuple[str, ...] = ()
    # Asides that may stand with no commas before a verb's "that": "claimed without evidence that".
    bare_asides: tuple[str, ...] = ()
    # Words that open an indirect question after a verb, and the words that make it a hypothetical:
    # a reported clause like "that" ("asked how the city could borrow").
    question_words: tuple[str, ...] = ()
    question_modals: tuple[str, ...] = ()
    # Phrases in which a source noun names no document: "head to the polls" (to vote), lowercase.
    document_idioms: tuple[str, ...] = ()
    # Words that open a clause naming who sized the figure after it: "what advocates estimated were 100,000", lowercase.
    free_relatives: frozenset[str] = frozenset()
    # Verb forms a figure may use that are also nouns ("notes", "estimates"): a verb only between a named subject and a clause.
    noun_verb_forms: frozenset[str] = frozenset()


def inflections(lemma: str) -> set[str]:
    """Return a verb lemma with every inflection lemminflect knows (its rules for unknown verbs)."""
    # Imported here: only rule sets that use an attribution lexicon pay for loading its tables.
    from lemminflect import getAllInflections, getAllInflectionsOOV

    forms = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
    return {lemma, *(form for group in forms.values() for form in group)}


def default_path() -> Path:
    """Return the default pack's lexicon."""
    return default_pack_file(DEFAULT_NAME)


def for_rule(rule: Rule, store: RuleSetStore) -> Lexicon:
    """Return the lexicon a rule names with `lexicon:` (relative to its file), else the default one.

    The rules of a set share one load per lexicon file version.
    """
    return shared_data(store, rule_data_file(rule, "lexicon", default_path()), "lexicon", "attribution lexicon", load)


def noun_forms(word: str) -> set[str]:
    """Return the singular and plural forms lemminflect knows for a word used as a noun."""
    from lemminflect import getAllInflections

    return {form for group in getAllInflections(word, upos="NOUN").values() for form in group}


def load(path: Path) -> Lexicon:
    """Read, validate and inflect an attribution lexicon file."""
    data = read_data_file(path, "lexicon", "attribution lexicon", KEYS)
    lists = {key: _words(data, key, path) for key in KEYS}
    tables = forms_table(_lemmas(lists), path)
    every = {form for lemma in lists["communication_verbs"] for form in tables["verbs"][lemma]}
    quote_only = {form for lemma in lists["quote_only_verbs"] for form in tables["verbs"][lemma]}
    # Beside a figure, a form that is also a noun ("states", "notes", "emails") is read as the noun.
    nouns = {form for lemma in lists["communication_verbs"] for form in tables["nouns"][lemma]}
    objects = {form for lemma in lists["object_verbs"] for form in tables["verbs"].get(lemma, (lemma,))}
    return Lexicon(
        verb_forms=frozenset(every | quote_only), figure_verb_forms=frozenset(every - quote_only - nouns),
        phrases=tuple(lists["phrases"]), source_nouns=tuple(lists["source_nouns"]),
        source_determiners=_lower(lists["source_determiners"]), method_verbs=tuple(lists["method_verbs"]),
        filing_verbs=tuple(lists["filing_verbs"]),
        authoring_verbs=tuple(lists["authoring_verbs"]), unreleased_words=tuple(lists["unreleased_words"]),
        unnamed_modifiers=tuple(lists["unnamed_modifiers"]),
        proposal_forms=_proposal_forms(lists["proposal_verbs"], tables),
        proposal_nouns=_proposal_nouns(lists["proposal_verbs"], tables),
        definite_determiners=_lower(lists["definite_determiners"]), content_breaks=tuple(lists["content_breaks"]),
        comma_breaks=tuple(lists["comma_breaks"]), coordinators=tuple(lists["coordinators"]),
        clause_subjects=_lower(lists["clause_subjects"]), auxiliaries=_lower(lists["auxiliaries"]),
        aside_openers=tuple(lists["aside_openers"]), bare_asides=tuple(lists["bare_asides"]),
        question_words=tuple(lists["question_words"]), question_modals=tuple(lists["question_modals"]),
        document_idioms=tuple(" ".join(w.lower().split()) for w in lists["document_idioms"]),
        noun_verb_forms=frozenset((every - quote_only - objects) & nouns),
        free_relatives=_lower(lists["free_relatives"]))


def _lower(words: list[str]) -> frozenset[str]:
    """Return the words, lowercase."""
    return frozenset(w.lower() for w in words)


def lemmas_of(data: Any, path: Path) -> list[str]:
    """Return the lemmas a parsed lexicon file inflects."""
    return _lemmas({key: _words(data, key, path) for key in KEYS})


def _lemmas(lists: dict[str, list[str]]) -> list[str]:
    """Return the lemmas a lexicon inflects: its verbs, and the first word of each proposal ('call' of 'call for')."""
    proposals = {entry.split()[0] for entry in lists["proposal_verbs"]}
    return sorted({*lists["communication_verbs"], *lists["quote_only_verbs"], *proposals})


def _proposal_nouns(entries: list[str], tables: dict[str, Any]) -> frozenset[str]:
    """Return the forms of one-word proposal entries that lemminflect also knows as nouns ('demand', 'requests')."""
    return frozenset(form for entry in entries if len(entry.split()) == 1
                     for form in set(tables["verbs"][entry]) & set(tables["nouns"][entry]))


def _proposal_forms(entries: list[str], tables: dict[str, Any]) -> tuple[str, ...]:
    """Return every form of each proposal entry: its first word inflected, the rest as written ('calls for')."""
    forms = set()
    for entry in entries:
        first, *rest = entry.split()
        forms.update(" ".join((form, *rest)) for form in tables["verbs"][first])
    return tuple(sorted(forms))


def forms_path(path: Path) -> Path:
    """Return where the generated word forms of a lexicon file are kept: `_attribution.forms.yaml`."""
    return path.with_name(path.stem + ".forms.yaml")


def generate_forms(lemmas: list[str]) -> dict[str, Any]:
    """Inflect every lemma with lemminflect: verb forms, and the forms the word has as a noun."""
    lemmas = sorted(set(lemmas))
    return {"lemmas": lemmas,
            "verbs": {lemma: sorted(inflections(lemma)) for lemma in lemmas},
            "nouns": {lemma: sorted(noun_forms(lemma)) for lemma in lemmas}}


def forms_table(lemmas: list[str], path: Path) -> dict[str, Any]:
    """Return the lemmas' forms from the generated file beside the lexicon, or from lemminflect.

    Loading lemminflect's tables costs about a second, paid on every run of a pre-commit hook;
    the generated file (`python -m factlint.checks.lexicon LEXICON`) holds the same forms. When a
    pack's lemmas differ from the file's, lemminflect inflects them at load time instead.
    """
    try:  # through the parsed-file cache, like rule files: a warm start never imports PyYAML
        cached = yamlfile.load(forms_path(path))
    except (OSError, UnicodeDecodeError, yamlfile.YamlError):
        cached = None
    if isinstance(cached, dict) and cached.get("lemmas") == lemmas:
        return cached
    return generate_forms(lemmas)


def main() -> None:
    """Write the generated forms file of a lexicon (the default one if no path is given)."""
    import sys

    import yaml  # only to write the generated file: a lint run never needs the dumper

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_path()
    data = yamlfile.load(path)
    table = generate_forms(lemmas_of(data, path))
    header = f"# Generated from {path.name} by lemminflect: python -m factlint.checks.lexicon. Do not edit.\n"
    forms_path(path).write_text(header + yaml.safe_dump(table, sort_keys=True, width=100), encoding="utf-8")


def _words(data: Any, key: str, path: Path) -> list[str]:
    """Return one list of words from the lexicon, or raise a RuleError naming its line."""
    try:  # the validator rule files' word lists go through: no empty word, none twice
        words = word_list(data.get(key, []))
    except (TypeError, ValueError) as exc:
        raise RuleError(f"{path}:{data.line_of(key)}: '{key}' {exc}", "lexicon") from None
    return sorted({" ".join(v.split()) for v in words})


if __name__ == "__main__":
    main()
