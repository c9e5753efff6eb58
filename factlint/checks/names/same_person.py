"""names check `same-person`: one person named two ways in one story (no registry needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from factlint.checks.base import Check, Option, integer, string_list, string_pairs, string_value
from factlint.checks.datafiles import read_data_file, validate_data
from factlint.checks.names import forms, later, people, words
from factlint.checks.names.registry_checks import DEFAULT_MESSAGE, PLACEHOLDERS
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import Rule, RuleError, RuleSetStore

__all__ = ["DEFAULT_MESSAGE", "OPTIONS", "PLACEHOLDERS", "build", "policy"]
COST = 0.7  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out

OPTIONS = {
    "not_names": Option(string_list, ()),
    "gendered_endings": Option(string_pairs, ()),
    "also_nicknames": Option(string_pairs, ()),
    "not_nicknames": Option(string_pairs, ()),
    "nickname_supplement": Option(string_value, ""),
    "particles": Option(string_list, ()),
    "group_words": Option(string_list, ()),
    "min_first_name_length": Option(integer, 5),
    "min_surname_length": Option(integer, 4),
    "sound_alike": Option(string_pairs, ()),
    "kinship_words": Option(string_list, ()),
    "kinship_possessives": Option(string_list, ()),
    "pair_joiners": Option(string_list, ()),
}


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Build the same-person policy once; return the per-document check."""
    if any(not written.strip("^$") or len(heard) > len(written) for written, heard in rule.options["sound_alike"]):
        # An empty or growing rewrite would multiply every name at each step of the list.
        raise RuleError("each 'sound_alike' pair rewrites letters to as many letters or fewer", "sound_alike")
    rules_policy = policy(rule, store)

    def check(doc: Document) -> Iterator[Finding]:
        return people.same_person(rule, doc, rules_policy)

    return check


def policy(rule: Rule, store: RuleSetStore) -> people.Policy:
    """Build the same-person policy from the rule's word lists, its word file and the nickname data set."""
    options = rule.options
    table = store.get(people.load_nicknames, people.load_nicknames)
    name_words = words.for_rule(rule, store)
    return people.Policy(
        nicknames=people.nickname_pairs(table, options["also_nicknames"], options["not_nicknames"],
                                        _supplement(rule), name_words.diminutive_endings),
        table=table,
        gendered=frozenset(frozenset((a.lower(), b.lower())) for a, b in options["gendered_endings"]),
        not_names=frozenset(options["not_names"]),
        min_first=options["min_first_name_length"],
        min_last=options["min_surname_length"],
        particles=frozenset(options["particles"]),
        run_pattern=forms.run_pattern(frozenset(options["particles"])),
        derived_tails=later.derived_tails(name_words),
        group_words=frozenset(w.lower() for w in options["group_words"]),
        words=name_words,
        sound_alike=tuple((a.lower(), b.lower()) for a, b in options["sound_alike"]),
        kin=people.Kinship(frozenset(w.lower() for w in options["kinship_words"]),
                           frozenset(w.lower() for w in options["kinship_possessives"]),
                           frozenset(w.lower() for w in options["pair_joiners"])),
    )


def _supplement(rule: Rule) -> tuple[tuple[str, str], ...]:
    """Read the reviewed nickname table the rule names (`nickname_supplement`), relative to the rule file."""
    name = rule.options["nickname_supplement"]
    if not name:
        return ()
    path = Path(rule.source).parent / name if rule.source else Path(name)
    data = read_data_file(path, "nickname_supplement", "nickname table", ("pairs",))
    schema = {"pairs": Option(string_pairs, required=True)}
    return validate_data(path, data, schema, "nickname_supplement", "nickname table")["pairs"]
