"""The `dates` kind's word lists: load the pack's `_words.yaml` and compile its searches once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import regex

from factlint.checks.base import compile_words
from factlint.checks.wordpattern import alternation
from factlint.checks.datafiles import read_data_file
from factlint.checks.dates import word_values
from factlint.checks.dates.word_values import PARTS, UNITS
from factlint.rule import RuleError
from factlint.wordscan import WordScanner

SP = r"(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"  # white space, at most one line break
ANY_SPACE = r"\s+"  # inside one sentence, where cues are sought

# The keys a `_words.yaml` may hold.
KEYS = (
    "attributive", "clause_words", "days", "future", "future_participles", "generic_today",
    "habitual", "insertion_openers", "month_cues", "month_determiners", "month_not_before",
    "months", "names", "not_day_after", "participle_before", "participle_determiners", "participle_prepositions", "participle_adverbs", "adverb_endings", "past_participle_endings", "past", "past_auxiliaries", "periods",
    "plausible_days", "qualifiers", "reported", "tally_after", "target_prepositions",
    "tense_window_days", "weekdays",
    # the small words of date forms: "March 3 through 5", "11th of March", "Friday the 12th" …
    "ordinals", "range_words", "weekday_joiners", "day_of", "week_words", "weekday_articles",
    "day_determiners", "date_prepositions", "count_prepositions", "day_month_before",
    "ambiguous_months", "adjacent_words",
)

class Lexicon:
    """Word lists and compiled searches of one `_words.yaml`, shared by a rule set's dates rules.

    Compared and hashed by identity: it is a key of per-document stores. A plain class, not a
    dataclass: defining one is a share of a commit hook's start-up.
    """

    path: Path
    month_number: dict[str, int]          # any accepted spelling → 1..12
    month_name: dict[int, str]            # 1..12 → full name
    month_ap: dict[int, str]              # 1..12 → AP form beside a day
    weekday_number: dict[str, int]        # any accepted spelling → 0 (Monday)..6
    weekday_name: dict[int, str]
    days: dict[str, int]
    periods: dict[str, tuple[str, int, str]]
    qualifiers: dict[str, int]
    month_cues: frozenset[str]
    month_determiners: frozenset[str]
    month_not_before: frozenset[str]
    not_day_after: frozenset[str]
    tally_after: frozenset[str]
    habitual: frozenset[str]
    attributive: frozenset[str]
    participle_before: frozenset[str]
    participle_determiners: frozenset[str]  # "the revised budget": a past form describing a noun
    participle_prepositions: frozenset[str]  # "from freshly filed reports": with an -ly adverb between
    participle_stops: frozenset[str]  # words after a past form that no participle describes: small words, days, months
    participle_adverbs: frozenset[str]  # "newly", "freshly": adverbs no ending tells
    adverb_endings: tuple[str, ...]  # "-ently", "-arily": endings only adverbs have
    past_participle_endings: tuple[str, ...]  # "-ed": the past forms that can describe a noun
    target_prepositions: frozenset[str]
    insertion_openers: frozenset[str]
    tense_window: int
    plausible_days: int
    date_prepositions: frozenset[str]     # "on Feb. 32": a day past 31 may still be meant as a date
    count_prepositions: frozenset[str]    # "In March 15 people died": a count after the month
    day_month_before: frozenset[str]      # "on 11 March": a year-less day-month needs one before it
    ambiguous_months: frozenset[str]      # month names that are also words: no year-less day-month
    adjacent_words: frozenset[str]        # "Tuesday, on March 3": words between two date mentions
    month_date: regex.Pattern
    trigger: regex.Pattern
    day_before: regex.Pattern
    dm_tail: regex.Pattern
    month_year: regex.Pattern
    month_alone: regex.Pattern
    weekday_bare: regex.Pattern
    month_cue: regex.Pattern
    qualifier_before: regex.Pattern
    relative: regex.Pattern
    relative_scan: re.Pattern
    relative_keys: tuple[str, ...]
    # The rule set's one word scan, when its keys could be registered with it (see checking.rule_lexicon).
    key_scanner: WordScanner | None = None
    scanned_keys: frozenset[str] | None = None
    trigger_scan: re.Pattern
    names: regex.Pattern | None
    cues: re.Pattern
    cue_tense: dict[str, str]
    clause_words: re.Pattern
    weekday_before: regex.Pattern
    weekday_after: regex.Pattern
    weekday_the_day: regex.Pattern
    the_day_weekday: regex.Pattern
    generic_today: regex.Pattern | None
    today_word: str  # the day phrase that may mean the present age instead
    participle_endings: tuple[str, ...]  # a lead word with one is a participle

    def __init__(self, **lists: Any) -> None:
        """Hold the word lists, by the names annotated above the searches; _compile adds the searches."""
        self.__dict__.update(lists)


def variants(phrases: set[str] | frozenset[str], space: str = SP) -> str:
    """An alternation of phrases in lower case and capitalised, any white space between words."""
    forms = {f for p in phrases for f in (p.lower(), p[:1].upper() + p[1:].lower())}
    escaped = sorted((regex.escape(f) for f in forms), key=lambda e: (-len(e), e))  # the same in every process
    return "|".join(e.replace(r"\ ", space) for e in escaped)


def load(path: Path) -> Lexicon:
    """Read and validate a `_words.yaml`; raise RuleError on the `words` key when it is unusable."""
    data = read_data_file(path, "words", "dates word list", KEYS)
    word_values.validate(path, data, KEYS)
    try:
        return _lexicon(path, data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RuleError(f"{path}: malformed dates word list ({exc!r})", "words") from None


def _lexicon(path: Path, data: dict[str, Any]) -> Lexicon:
    """Build a Lexicon from the parsed YAML (KeyError/TypeError/ValueError when malformed)."""
    month_number, month_name, month_ap = {}, {}, {}
    for name, entry in data["months"].items():
        number = int(entry["number"])
        month_name[number], month_ap[number] = name, str(entry["ap"])
        for form in [name, *entry.get("forms", [])]:
            month_number[str(form)] = number
    if sorted(month_name) != list(range(1, 13)):
        raise ValueError("months must number 1 to 12")
    weekday_number, weekday_name = {}, {}
    for number, (name, forms) in enumerate(data["weekdays"].items()):
        weekday_name[number] = name
        for form in [name, *forms]:
            weekday_number[str(form)] = number
    if len(weekday_name) != 7:
        raise ValueError("weekdays must list seven days, Monday first")
    periods = {}
    for phrase, (unit, offset, part) in data["periods"].items():
        if unit not in UNITS or part not in PARTS:
            raise ValueError(f"period {phrase!r}: unit must be one of {UNITS}, part one of {PARTS}")
        periods[phrase.lower()] = (unit, int(offset), part)
    lex = Lexicon(
        path=path, month_number=month_number, month_name=month_name, month_ap=month_ap,
        weekday_number=weekday_number, weekday_name=weekday_name,
        days={k.lower(): int(v) for k, v in data["days"].items()}, periods=periods,
        qualifiers={k.lower(): int(v) for k, v in data["qualifiers"].items()},
        month_cues=_words(data, "month_cues"), month_determiners=_words(data, "month_determiners"),
        month_not_before=_words(data, "month_not_before"), not_day_after=_words(data, "not_day_after"),
        tally_after=_words(data, "tally_after"), habitual=_words(data, "habitual"),
        attributive=_words(data, "attributive"), participle_before=_words(data, "participle_before"),
        participle_determiners=_words(data, "participle_determiners"),
        participle_prepositions=_words(data, "participle_prepositions"),
        participle_adverbs=_words(data, "participle_adverbs"),
        adverb_endings=tuple(sorted(_words(data, "adverb_endings"))),
        past_participle_endings=tuple(sorted(_words(data, "past_participle_endings"))),
        participle_stops=frozenset(w.lower() for w in (*month_number, *weekday_number)).union(
            *(_words(data, key) for key in ("participle_determiners", "participle_prepositions",
                                            "date_prepositions", "participle_before"))),
        target_prepositions=_words(data, "target_prepositions"),
        insertion_openers=_words(data, "insertion_openers"),
        tense_window=int(data.get("tense_window_days", 45)),
        plausible_days=int(data.get("plausible_days", 250)),
        date_prepositions=_words(data, "date_prepositions"), count_prepositions=_words(data, "count_prepositions"),
        day_month_before=_words(data, "day_month_before"),
        ambiguous_months=frozenset(str(m) for m in data.get("ambiguous_months", [])),
        adjacent_words=_words(data, "adjacent_words"),
    )
    _compile(lex, data)
    return lex


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """Return a word list of the YAML, lower-cased."""
    values = data.get(key, [])
    if not isinstance(values, list):
        raise TypeError(f"'{key}' must be a list")
    return frozenset(str(v).lower() for v in values)


def _compile(lex: Lexicon, data: dict[str, Any]) -> None:
    """Compile every search the parser needs, from the word lists."""
    months = alternation(set(lex.month_number))
    full_months = alternation(set(lex.month_name.values()))
    weekdays = alternation(set(lex.weekday_number))
    full_weekdays = alternation(set(lex.weekday_name.values()))
    ordinal, of = rf"(?:{_listed(data, 'ordinals')})", _listed(data, "day_of")
    day = rf"(?P<day>\d{{1,2}})(?P<ord>{ordinal})?(?!\d)"
    second = (rf"(?:(?P<dash>[ \t]?[-–—][ \t]?|{SP}(?:{_listed(data, 'range_words')}){SP})(?:(?P<mon2>{months}){SP})?"
              rf"(?P<day2>\d{{1,2}})(?P<ord2>{ordinal})?(?!\d))?")
    year = rf"(?:,{SP}(?P<year>\d{{4}})(?![\d,]\d))?"
    tail = r"(?![\w%]|[:.,]\d)"
    lex.month_date = compile_words(rf"(?<![\w])(?P<mon>{months}){SP}{day}{second}{year}{tail}")
    # Plain literal alternations with no boundary test run fastest in the standard `re` module:
    # they find candidate places, and the precise patterns are then tried only there.
    prefixes = {form[:3] for form in [*lex.month_number, *lex.weekday_number]}
    lex.trigger_scan = compile_words(alternation(prefixes))
    lex.trigger = compile_words(rf"\b(?:(?P<mon>{months})|(?P<wd>{weekdays}))")
    lex.day_before = compile_words(rf"(?<![\w,.])(?P<day>\d{{1,2}})(?P<ord>{ordinal})?{SP}(?:(?:{of}){SP})?$")
    lex.dm_tail = compile_words(rf"(?P<mon>{months})(?:,?{SP}(?P<year>\d{{4}}))?(?![\w,]\d|\w)")
    lex.month_year = compile_words(rf"(?<![\w])(?P<mon>{months}),?{SP}(?P<year>\d{{4}})(?![\w,]\d|\w)")
    # Searches start from a capitalised month or weekday name, a cheap literal scan; the cue
    # words before them are checked afterwards, in a few characters of look-back.
    cues = variants(lex.month_cues | lex.month_determiners | set(lex.qualifiers))
    dotted = alternation({m for m in lex.month_number if m.endswith(".")})
    lex.month_alone = compile_words(rf"(?<![\w])(?P<mon>{full_months}|{dotted})(?![\w'’])")
    lex.month_cue = compile_words(rf"(?<![\w-])(?P<cue>{cues})(?:{SP}|(?<=-))$")
    qualifiers = variants(set(lex.qualifiers))
    lex.weekday_bare = compile_words(
        rf"(?<![\w])(?P<wd>{full_weekdays})(?![\w])"
        rf"(?:{SP}(?:(?:{of}){SP})?(?P<wq>{qualifiers}){SP}(?:{_listed(data, 'week_words')})(?![\w]))?")
    lex.qualifier_before = compile_words(rf"(?<![\w])(?P<q>{qualifiers}){SP}$")
    lex.relative = compile_words(rf"(?<![\w])(?:{variants(set(lex.days) | set(lex.periods))})$")
    keys = {phrase.split()[-1] for phrase in [*lex.days, *lex.periods]}
    lex.relative_scan = compile_words(variants(keys))
    lex.relative_keys = tuple(sorted(k.lower() for k in keys))
    names = [str(n) for n in data.get("names", [])]
    lex.names = compile_words(rf"(?:{_after_nonword(names)})(?![\w])") if names else None
    lex.cues, lex.cue_tense = _cue_pattern(data)
    clause_words = variants(_words(data, "clause_words"), ANY_SPACE)
    lex.clause_words = compile_words(rf"\b(?:{clause_words})\b")
    lex.weekday_before = compile_words(
        rf"(?<![\w])(?P<wd>{weekdays})"
        rf"(?:(?:{SP}(?:{_listed(data, 'weekday_joiners')}){SP}|[ \t]?[-–][ \t]?)(?P<wd2>{weekdays}))?"
        rf"(?:,{SP}|{SP}\(|{SP})$")
    article = _listed(data, "weekday_articles")
    lex.weekday_after = compile_words(
        rf",{SP}(?:{article}){SP}(?P<wd>{weekdays})(?![\w])|{SP}\((?:(?:{article}){SP})?(?P<wd>{weekdays})\)")
    # A day of a month named elsewhere: "Friday the 12th", "Friday, the 12th", "the 12th, a Friday".
    the_day = rf"(?P<the>{_listed(data, 'day_determiners')}){SP}(?P<day>\d{{1,2}})(?P<ord>{ordinal})(?![\w])"
    lex.weekday_the_day = compile_words(rf"(?P<wd>{weekdays}),?{SP}{the_day}")
    lex.the_day_weekday = compile_words(
        rf"(?<![\w]){the_day}(?:,{SP}(?:{article}){SP}(?P<wd>{weekdays})(?![\w])|{SP}\((?:{article}){SP}(?P<wd>{weekdays})\))")
    lex.generic_today, lex.today_word = _generic_today(data)
    lex.participle_endings = tuple(str(e).lower() for e in (data.get("generic_today") or {}).get("participle_endings", []))


def _listed(data: dict[str, Any], key: str) -> str:
    """Return a word list of the YAML as an alternation of its words, as written."""
    values = data.get(key, [])
    if not isinstance(values, list):
        raise TypeError(f"'{key}' must be a list")
    return alternation(str(v) for v in values)


def _generic_today(data: dict[str, Any]) -> tuple[regex.Pattern | None, str]:
    """The search for "today" (the spec's `word`) meaning the present age: "the challenges facing our
    country today", "in today's world". It matches up to the end of the word; None when the lists
    are empty. Returned with the word."""
    spec = data.get("generic_today") or {}
    if not isinstance(spec, dict):
        raise TypeError("'generic_today' must be a mapping")
    word = str(spec.get("word", ""))
    today = regex.escape(word)
    after = variants(_words(spec, "after"))
    determiners = variants(_words(spec, "determiners"))
    nouns = variants(_words(spec, "nouns"))
    forms = []
    if after:
        forms.append(rf"(?P<lead>{after}){SP}(?:(?:{determiners or '(?!)'}){SP})?(?:[\w-]+{SP}){{0,2}}"
                     rf"[\w-]+{SP}{today}(?![\w'’])")
    if nouns:
        forms.append(rf"{today}['’]s{SP}(?:{nouns})(?![\w])")
    if not word or not forms:
        return None, word
    return compile_words(rf"(?<![\w])(?:{'|'.join(forms)})"), word


def _cue_pattern(data: dict[str, Any]) -> tuple[re.Pattern, dict[str, str]]:
    """Compile the tense cue phrases into one case-insensitive search and a phrase → tense map."""
    tenses: dict[str, str] = {}
    groups = (("reported", data.get("reported", [])), ("future", data["future"]), ("past", data["past"]),
              ("neutral", [f"{aux} {part}" for aux in data.get("past_auxiliaries", [])
                           for part in data.get("future_participles", [])]))
    for tense, phrases in groups:
        for phrase in phrases:
            key = " ".join(str(phrase).lower().split())
            tenses[key] = tenses[key.replace("'", "’")] = tense
    # A phrase starting with an apostrophe ("'ll") follows a word, so it takes no left boundary.
    phrases = variants(set(tenses), ANY_SPACE)
    pattern = compile_words(rf"(?:(?<![\w'’])|(?=['’]))(?:{phrases})(?![\w'’])")
    return pattern, tenses


def _after_nonword(phrases: list[str]) -> str:
    """Return alternation(phrases), in its order, each phrase after no word character: `(?<![\\w])(?:…)`."""
    # An opening assertion makes `re` try every offset; the same look-behind after each phrase
    # lets it skip ahead to the phrases' first letters.
    escaped = sorted((re.escape(p) for p in phrases), key=lambda e: (-len(e), e))
    return "|".join(rf"{e}(?<![\w]{e})" for e in escaped) or r"(?!)"
