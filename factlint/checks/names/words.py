"""The names kind's word file: the English words its checks read, from the pack's `names/_words.yaml`."""

from pathlib import Path
from typing import NamedTuple

from factlint.checks.base import Option, string_pairs, string_value, word_list
from factlint.checks.datafiles import default_pack_file, read_data_file, rule_data_file, shared_data, validate_data
from factlint.rule import Rule, RuleSetStore

# The keys a names word file may hold, each a list of words.
KEYS = ("holder_words", "diminutive_endings", "plural_endings", "demonym_endings", "adjective_endings")
# Every names check takes `words`: a word file relative to the rule file, else the default pack's.
OPTIONS = {"words": Option(string_value, "")}


class NameWords(NamedTuple):
    """The words of one names word file, shared by the names rules of a rule set."""

    holder_words: frozenset[str]       # before a lower-case title, they make it name its holder
    diminutive_endings: tuple[str, ...]  # a nickname without one is its stem (Kathy → Kath)
    plural_endings: tuple[tuple[str, str], ...] = ()  # a singular's ending and its plural's: (y, ies)
    demonym_endings: tuple[str, ...] = ()  # a place and its people: America, American
    adjective_endings: tuple[str, ...] = ()  # a group and its adjective: Democrat, Democratic


def default_path() -> Path:
    """Return the default pack's names word file."""
    return default_pack_file("names", "_words.yaml")


def for_rule(rule: Rule, store: RuleSetStore) -> NameWords:
    """Return the word file a rule names with `words:` (relative to its file), else the default one."""
    return shared_data(store, rule_data_file(rule, "words", default_path()), "words", "names word file", load)


def load(path: Path) -> NameWords:
    """Read and validate a names word file; a bad value is a RuleError naming its line."""
    data = read_data_file(path, "words", "names word file", KEYS)
    schema = {key: Option(string_pairs if key == "plural_endings" else word_list, ()) for key in KEYS}
    lists = validate_data(path, data, schema, "words", "names word file")
    return NameWords(frozenset(w.lower() for w in lists["holder_words"]), lists["diminutive_endings"],
                     lists["plural_endings"], lists["demonym_endings"], lists["adjective_endings"])
