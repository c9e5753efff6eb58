"""What every check kind shares: option validation and the compile helpers for patterns."""

import re
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import regex

from factlint import patterncache
from factlint.checks.wordpattern import word_pattern  # re-exported: kinds import it from here
from factlint.document import Document
from factlint.finding import Finding
from factlint.rule import RuleError, RuleSetStore
from factlint.wordscan import WordScanner

# Seconds one regex search may take before the rule is reported as too slow.
MATCH_TIMEOUT = 2.0

Check = Callable[[Document], Iterable[Finding]]
ANY_SPACE = r"\s+"  # what a space in a listed phrase matches, where a line may wrap between words
# A search that opens with a look-around or \b, or ignores case, gives `re` no first character to
# skip ahead to: it tries every position, up to 25 times slower than `regex`, which scans ahead.
# What can make a pattern read otherwise inside an alternation than alone: a group that is no plain
# one or look-around (a flag, a named group, a condition, a recursion), a back-reference.
ALONE_ONLY_SYNTAX = re.compile(r"\(\?(?![:=!#>]|<[=!])|\\[1-9gk]")
LEADING_ASSERTION = re.compile(r"(?:\((?:\?:|\?P<\w+>)?)*(?:\(\?<?[=!]|\\[bB]|\^)")


class Option(NamedTuple):
    """A kind-specific rule key: how to validate it, its default, whether it is required.

    `schema` is the key's JSON Schema for editors; the standard validators below supply their
    own (see json_schema), so only a kind's custom validators need to give one.
    """

    validate: Callable[[Any], Any]
    default: Any = None
    required: bool = False
    schema: Mapping[str, Any] | None = None

    def json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema of this key's values."""
        if self.schema is not None:
            return dict(self.schema)
        if isinstance(self.validate, (Choice, ChoiceList)):
            return self.validate.json_schema()
        return dict(STANDARD_SCHEMAS.get(self.validate.__name__, {}))


def validate_options(rule_options: Mapping[str, Any], schema: Mapping[str, Option]) -> dict[str, Any]:
    """Check a rule's kind-specific options against the kind's schema and fill defaults."""
    values: dict[str, Any] = {}
    for key, option in schema.items():
        if key in rule_options:
            try:
                values[key] = option.validate(rule_options[key])
            except (TypeError, ValueError) as exc:
                raise RuleError(f"'{key}' {exc}", key, getattr(exc, "line", None)) from None
        elif option.required:
            raise RuleError(f"missing required key '{key}'")
        else:
            values[key] = option.default
    return values


def string_value(value: Any) -> str:
    """Validate a string option."""
    if not isinstance(value, str):
        raise TypeError("must be a string")
    return value


class Choice(NamedTuple):
    """A validator for a string option that must be one of a few values (`check`, say)."""

    allowed: tuple[str, ...]

    def __call__(self, value: Any) -> str:
        """Return the value if it is one of the allowed strings."""
        if string_value(value) not in self.allowed:
            raise ValueError(f"must be one of {', '.join(self.allowed)}, not {value!r}")
        return value


    def json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema of the allowed values."""
        return {"type": "string", "enum": list(self.allowed)}


def one_of(choices: Iterable[str]) -> Choice:
    """Return a validator for a string option that must be one of the choices."""
    return Choice(tuple(choices))


class ChoiceList(NamedTuple):
    """A validator for one or more values out of a few, as a string or a list (`check: [a, b]`)."""

    allowed: tuple[str, ...]

    def __call__(self, value: Any) -> tuple[str, ...]:
        """Return the values as a tuple if there is at least one and each is allowed."""
        names = string_list(value)
        unknown = [n for n in names if n not in self.allowed]
        if unknown or not names:
            raise ValueError(f"must name checks among {', '.join(self.allowed)}"
                             + (f", not {unknown[0]!r}" if unknown else ""))
        return names

    def json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema of one allowed value or a list of them."""
        item = {"type": "string", "enum": list(self.allowed)}
        return {"oneOf": [item, {"type": "array", "items": item, "minItems": 1}]}


def some_of(choices: Iterable[str]) -> ChoiceList:
    """Return a validator for one or more of the choices, as a string or a list."""
    return ChoiceList(tuple(choices))


def string_pairs(value: Any) -> tuple[tuple[str, str], ...]:
    """Validate a list of [a, b] pairs of strings."""
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p) for p in value
    ):
        raise TypeError("must be a list of [a, b] pairs of strings")
    return tuple((a, b) for a, b in value)


def boolean(value: Any) -> bool:
    """Validate a true/false option."""
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


def integer(value: Any) -> int:
    """Validate a whole-number option."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("must be a whole number")
    return value


def number(value: Any) -> float:
    """Validate a numeric option."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("must be a number")
    return float(value)


def string_list(value: Any) -> tuple[str, ...]:
    """Validate a list of strings (a single string is taken as a list of one)."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("must be a list of strings")
    return tuple(value)


def word_list(value: Any) -> tuple[str, ...]:
    """Validate a list of words or phrases to search for: an empty one could never match."""
    words = string_list(value)
    if not all(w.strip() for w in words):
        raise ValueError("must not hold an empty word (it could never match)")
    if len(set(words)) < len(words):
        raise ValueError(f"holds {next(w for i, w in enumerate(words) if w in words[:i])!r} twice")
    return words


def string_map(value: Any) -> dict[str, str]:
    """Validate a mapping of strings to strings."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError("must be a mapping of strings to strings")
    return dict(value)


STRING_LIST_SCHEMA = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
# The JSON Schema of each standard validator, by function name.
STANDARD_SCHEMAS: Mapping[str, Mapping[str, Any]] = MappingProxyType({
    "string_value": {"type": "string"},
    "message_template": {"type": "string", "description": "A template with {match} and {expected}."},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "string_list": STRING_LIST_SCHEMA,
    "string_map": {"type": "object", "additionalProperties": {"type": "string"}},
    "string_pairs": {"type": "array", "items": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}},
    "word_list": STRING_LIST_SCHEMA,
    "pattern_list": STRING_LIST_SCHEMA,
})


class TimedPattern:
    """A `regex` pattern whose every search stops with TimeoutError after MATCH_TIMEOUT seconds."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern) -> None:
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        """The source of the pattern."""
        return self.compiled.pattern

    def match(self, text: str, *bounds: int) -> regex.Match | None:
        """Match at a position, within the time limit."""
        return self.compiled.match(text, *bounds, timeout=MATCH_TIMEOUT)

    def fullmatch(self, text: str, *bounds: int) -> regex.Match | None:
        """Match the whole of a range, within the time limit."""
        return self.compiled.fullmatch(text, *bounds, timeout=MATCH_TIMEOUT)

    def search(self, text: str, *bounds: int) -> regex.Match | None:
        """Search a range, within the time limit."""
        return self.compiled.search(text, *bounds, timeout=MATCH_TIMEOUT)

    def finditer(self, text: str, *bounds: int) -> Iterator[regex.Match]:
        """Iterate over the matches in a range, within the time limit."""
        return self.compiled.finditer(text, *bounds, timeout=MATCH_TIMEOUT)


class FirstOf:
    """An author's patterns tried in order at one place: the span of the first that matches there.

    Where each reads inside their alternation as it reads alone, the alternation finds the same
    in one `regex` call, not one per pattern (each call pays for its time limit). It is compiled
    on first use, not on every start; patterns that read otherwise together are tried one by one.
    """

    def __init__(self, patterns: list[str], compiled: list[TimedPattern], ignore_case: bool) -> None:
        self._patterns, self._compiled, self._ignore_case = patterns, compiled, ignore_case
        self._tried: list[TimedPattern] | None = None
        self._lock = threading.Lock()

    def span_at(self, text: str, at: int) -> tuple[int, int] | None:
        """Return the span of the first pattern that matches at offset `at`, or None."""
        found = next((m for p in self._patterns_to_try() if (m := p.match(text, at))), None)
        return found.span() if found is not None else None

    def _patterns_to_try(self) -> list[TimedPattern]:
        with self._lock:
            if self._tried is None:
                self._tried = self._compiled
                if len(self._patterns) > 1 and not any(ALONE_ONLY_SYNTAX.search(p) for p in self._patterns):
                    try:
                        self._tried = [compile_regex("|".join(f"(?:{p})" for p in self._patterns), self._ignore_case)]
                    except RuleError:   # valid only alone: a group name used twice
                        pass
            return self._tried


def compile_regex(pattern: str, ignore_case: bool = False, key: str = "patterns") -> TimedPattern:
    """Compile a rule's regular expression, reporting a bad one as a RuleError on `key`.

    This is the one way an author-written pattern is compiled: the result cannot run without
    the match time limit.
    """
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    if not isinstance(pattern, str):
        raise RuleError(f"a regular expression must be a string, not {pattern!r:.60}", key)
    try:
        return TimedPattern(_compile_regex_cached(pattern, flags))
    except (regex.error, TypeError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        raise RuleError(f"invalid regular expression {pattern[:200]!r}: {exc}", key) from None


def _compile_regex_cached(pattern: str, flags: int) -> regex.Pattern:
    """Compile with `regex`, or rebuild what it compiled in an earlier run (see patterncache)."""
    compiled = patterncache.load(pattern, flags, "regex")
    if compiled is None:
        compiled = regex.compile(pattern, flags)
        patterncache.store(pattern, flags, compiled)
    return compiled


def pattern_list(value: Any) -> tuple[str, ...]:
    """Validate a list of an author's regular expressions.

    They are compiled when the rule is built, by compile_regex only: declaring an option with
    this validator is what lets the test suite check that no other compile function sees them.
    """
    return string_list(value)


def compile_words(
    pattern: str, ignore_case: bool = False, key: str = "patterns", scan: bool = False,
) -> "LazyPattern":
    """Return a pattern factlint assembles from escaped word lists, compiled on its first use."""
    return LazyPattern(pattern, ignore_case, key, scan)


def _compile_words_now(pattern: str, ignore_case: bool, key: str, scan: bool) -> re.Pattern | TimedPattern:
    """Compile an assembled pattern: with `re` if it can, else `regex`."""
    # `re` compiles about three times faster than `regex`, and start-up is paid on every
    # commit. `regex` remains for whole-text scans (`scan`) that `re` would run slowly, and for
    # the syntax only it has (\p{L}, variable-width look-behind, a group name used twice).
    # A rule author's own `patterns:` go to compile_regex, for `regex`'s match time limit.
    if scan and (ignore_case or LEADING_ASSERTION.match(pattern)):
        return compile_regex(pattern, ignore_case, key)
    flags = re.IGNORECASE if ignore_case else 0
    cached = patterncache.load(pattern, flags, "re")  # or, if `re` refused it before, REFUSED
    if cached is not None:
        return compile_regex(pattern, ignore_case, key) if cached is patterncache.REFUSED else cached
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compiled = re.compile(pattern, flags)
    except (re.error, Warning, TypeError, ValueError, OverflowError, RecursionError):
        patterncache.store(pattern, flags, patterncache.REFUSED)
        return compile_regex(pattern, ignore_case, key)
    patterncache.store(pattern, flags, compiled)
    return compiled


class LazyPattern:
    """An assembled pattern compiled the first time it is used, not at start-up.

    Most patterns of a rule set find nothing to do in a short story (no range of weekdays, no
    tense to weigh), and compiling them all was about half of a commit hook's start-up. Its
    only state is its own compiled form, a function of its source alone: threads that use it
    first get one pattern, built under its lock. Once built, its search methods are the
    compiled pattern's own, so a use costs no extra call.
    """

    SEARCHES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, ignore_case: bool, key: str, scan: bool) -> None:
        self._source = (pattern, ignore_case, key, scan)
        self._lock = threading.Lock()
        self._built: re.Pattern | TimedPattern | None = None

    @property
    def source(self) -> str:
        """The pattern as written, read without compiling it."""
        return self._source[0]

    def compiled(self) -> re.Pattern | TimedPattern:
        """Return the compiled pattern, compiling it now if no one has."""
        with self._lock:
            if self._built is None:
                built = _compile_words_now(*self._source)
                for name in self.SEARCHES:
                    if hasattr(built, name):
                        setattr(self, name, getattr(built, name))
                self._built = built
            return self._built

    def __getattr__(self, name: str) -> Any:
        # Only reached for what the instance does not hold yet: its searches before the first
        # use, and the compiled pattern's attributes (pattern, groupindex, flags).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


Pattern = re.Pattern | regex.Pattern | TimedPattern | LazyPattern


def find_all(pattern: Pattern, text: str) -> Iterator[re.Match | regex.Match]:
    """Iterate over a pattern's matches; a `regex` pattern's with a time limit, so it cannot hang."""
    if isinstance(pattern, regex.Pattern):
        return pattern.finditer(text, timeout=MATCH_TIMEOUT)
    return pattern.finditer(text)


def match_at(pattern: Pattern, text: str, at: int) -> re.Match | regex.Match | None:
    """Match a pattern at one offset; a `regex` pattern with a time limit, so it cannot hang."""
    if isinstance(pattern, regex.Pattern):
        return pattern.match(text, at, timeout=MATCH_TIMEOUT)
    return pattern.match(text, at)


class CaselessLookup:
    """Map a matched word back to the rule's own spelling of it, however its case was folded.

    A case-blind search matches `amidſt` for `amidst` and `ADVİSER` for `adviser`, yet
    `'ſ'.lower()` is not `'s'` and `'İ'.lower()` is two characters: a plain `lower()` key would
    miss. Keys are case-folded; a match that still misses is compared word by word, as the
    search compared it.
    """

    def __init__(self, words: Iterable[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.words = tuple(words)
        self._by_key = {self._key(w): w for w in reversed(self.words)}

    def _key(self, word: str) -> str:
        return word.casefold() if self.ignore_case else word

    def get(self, found: str) -> str | None:
        """Return the rule's word that `found` is a spelling of, or None."""
        word = self._by_key.get(self._key(found))
        if word is not None or not self.ignore_case:
            return word
        flags = regex.IGNORECASE | regex.V0
        return next((w for w in self.words if regex.fullmatch(regex.escape(w), found, flags)), None)


class WordSearch(NamedTuple):
    """A word-list search that tries its pattern only where the rule set's word scanner points."""

    pattern: Pattern
    scanner: WordScanner
    keys: frozenset[str] | None  # None: phrases the scanner cannot find, so search the whole text

    def finditer(self, doc: Document) -> Iterator[re.Match | regex.Match]:
        """Iterate over the pattern's matches in doc.lint_text, as a whole-text search finds them."""
        starts = self.scanner.candidates(doc, self.keys) if self.keys is not None else None
        if starts is None:
            yield from find_all(self.pattern, doc.lint_text)
            return
        text, end = doc.lint_text, 0
        for start in starts:
            # Every match starts at a candidate, so trying them in order, each after the last
            # match, finds exactly the matches a left-to-right search finds.
            if start >= end and (found := match_at(self.pattern, text, start)) is not None:
                yield found
                end = found.end()


def word_search(words: Iterable[str], ignore_case: bool, key: str, store: RuleSetStore) -> WordSearch:
    """Compile a word list as whole words and register it with the rule set's word scanner."""
    words = tuple(words)
    pattern = compile_words(word_pattern(words), ignore_case, key, scan=True)
    scanner = store.get(WordScanner, WordScanner)
    return WordSearch(pattern, scanner, scanner.register(words))


def exception_search(phrases: tuple[str, ...], ignore_case: bool, store: RuleSetStore) -> WordSearch | None:
    """Compile a rule's exception phrases into one word search, or None when it has none."""
    return word_search(phrases, ignore_case, "exceptions", store) if phrases else None


def search_spans(search: WordSearch | None, doc: Document) -> list[tuple[int, int]]:
    """Return the spans a word search matches in a document (none when there is no search)."""
    return [m.span() for m in search.finditer(doc)] if search is not None else []


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Tell whether [start, end) lies within one of the ranges."""
    return any(a <= start and end <= b for a, b in ranges)
