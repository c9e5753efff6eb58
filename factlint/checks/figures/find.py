"""Find the figures of a text: amounts, percentages, rates and spelled-out quantities."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from factlint.checks.base import ANY_SPACE, compile_words
from factlint.checks.wordpattern import alternation
from factlint.checks.figures.context import Context
from factlint.checks.figures.record import DENOMINATION, Record
from factlint.document import Document
from factlint.wordindex import WordIndex, WordIndexes

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Before a figure: not part of a word, a code (COVID-19, I-95, #3), a decimal or a time.
NOT_AFTER = r"(?<![\w$€£¥₹.,/:#\-‑])"
# Runs of digits; a figure can open only where one starts after no ',' or '.'. `regex` finds
# them several times faster than `re`, and than a look-behind tried at every offset.
DIGIT_RUN = regex.compile(r"\d+")
# A listed currency is letters (a country prefix, perhaps none) then its symbol: "US$", "€".
CURRENCY = compile_words(r"([^\W\d_]*)(\W+)")
PHONE = compile_words(r"(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b")
LIST_NUMBER = compile_words(r"[ \t]*\d{1,3}[.)][ \t]")
# A step of a numbered list written without its period ("3 Keep receipts."), next to another step.
ALONE_ON_LINE = compile_words(r"\d{1,3}[.)]?[ \t]*(?:\n|\Z)")
NEIGHBOUR_REACH = 400
BARE_STEP = compile_words(r"[ \t]*\d{1,3}(?:[.)])?[ \t]+[A-Z]")
# An age in parentheses after a name: "Ruth Ames (68)".
# A rank the same way, as ranked lists print the last one: "Chris Christie (6.)".
PAREN_AGE = compile_words(r"[A-Z][\w'’.-]*[ \t]\(\d{1,3}\.?\)")
SLASH_DATE = compile_words(r"/\d")
LETTER_IN_PARENS = compile_words(r"\([a-z]\)")  # a 401(k), a 501(c)(3): a label
# A ZIP code after a town and a state code: "New York, NY, 10032" (not "in the US, 20000 people").
POSTAL_CODE_BEFORE = compile_words(r",[ \t]?[A-Z]{2},?[ \t]\Z")
YEAR_SPAN = compile_words(r"(\d{4})\s?(?:-|–|to)\s?(\d{4})")
# A year, then "to" and a count, is no range: "from 400 in 2008 to 60 this year" (but "2008-09" is a season).
YEAR_THEN_COUNT = compile_words(
    r"(?:1[89]|20)\d\d(?:\s?to\s?(?!(?:1[89]|20)\d\d\b)|\s?[-–]\s?(?!(?:1[89]|20)\d\d\b|\d\d\b))(?=[$€£¥₹]?\d)")
TIME_AFTER = compile_words(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock))", True)
ORDINAL_OR_WORD = compile_words(r"[A-Za-z]|-[A-Za-z]|['’]s\b")
AGE_AFTER = compile_words(r"[,)]")
# Two ages in apposition after two names: "brothers John and Brian Meza, 22 and 19, were".
AGE_PAIR_NEXT = compile_words(r" and (\d{1,3})[,)]")
AGE_PAIR_BEFORE = compile_words(r"[A-Z][\w'’.-]*, (\d{1,3}) and \Z")
# A scraper may glue a label to the lowercase word before it: "…in your locationEcode: 17" (not a
# brand's capitals: "BrightLine: 240 jobs").
GLUED_LABEL = compile_words(r"[a-z]+([A-Z]\w*)")
WORD_BEFORE = compile_words(r"(\S+) $")
NEXT_WORD = compile_words(r"[ \t]+([A-Za-z]+)\b")
# A row of a key-value list ("Clinton: 2,316." under "Sanders: 1,547."): data like a table cell,
# whose source is the list's credit line.
ROW_HEAD = compile_words(r"[ \t]*[A-Z][\w.'’ -]{0,40}:[ \t]*\Z")
ROW_LINE = compile_words(r"[ \t]*[A-Z][\w.'’ -]{0,40}:[ \t]*[$€£]?\d[\d,.]*(?:%| percent)?\.?[ \t]*$", False)
COLON_LABEL = compile_words(r"(?<![\w])(\w+): ?$")
TOKEN = compile_words(r"\S+")
LAST_WORD = compile_words(r"(\S+)\Z")


class FigureFinder:
    """A compiled figure search with the rules that tell a figure from a label or a date."""

    def __init__(self, options: Mapping[str, Any], indexes: WordIndexes | None = None) -> None:
        """Compile the search from the rule's word lists; its keywords join the rule set's word indexes, if given."""
        self.approximators = {" ".join(a.lower().split()) for a in options["approximators"]}
        self.approximator_words = max((len(a.split()) for a in self.approximators), default=0)
        self.pattern = compile_words(_pattern(options), True)
        self.keywords = WordIndex([
            *options["magnitudes"], *options["percent_words"], *options["fractions"],
            *options["multipliers"], *options["multiplier_verbs"], *options["spelled_numbers"]])
        self.indexes = indexes
        self.keyword_index = indexes.register(self.keywords) if indexes is not None else -1
        currencies, magnitudes, percent_words, currency_words = (
            alternation(options[key], ANY_SPACE)
            for key in ("currencies", "magnitudes", "percent_words", "currency_words"))
        self.unit = compile_words(
            rf"%|{currencies}|\b(?:{magnitudes}|{percent_words}|{currency_words})\b", True)
        # "between 10 and 15 percent" is one figure, and so is "2 cents per $100".
        self.range_openers = tuple(w.lower() for w in options["range_openers"])
        self.range_rest = compile_words(
            rf"\s+(?:{alternation(options['range_joiners'], ANY_SPACE)})\s+\$?{NUMBER}(?:\s?%|\s+\w+)?")
        self.rate = compile_words(
            rf"\s+(?:{alternation(options['rate_words'], ANY_SPACE)})\s+[$€£¥₹]?\d[\d,]*(?:\.\d+)?(?!\w)")
        # A decimal count of these is a measured time ("35.9 seconds"), which may need a source.
        self.clock_units = tuple(w.lower() for w in options["clock_units"])
        # ... unless a game clock reads it: "with 35.9 seconds remaining".
        self.game_clock = compile_words(
            rf"\s+(?:{alternation(options['game_clock'], ANY_SPACE)})\b", True, "game_clock") \
            if options["game_clock"] else None
        self.clock_next = {w.lower() for w in options["game_clock_next"]}
        self.banknotes = {w.lower() for w in options["banknote_words"]}
        # One hyphenated modifier may come between: "21 fourth-quarter points", "12 first-half rebounds".
        self.not_claim_after = compile_words(
            rf"[\s-]+(?:[a-z]+-[a-z]+\s+)?(?:{alternation(options['not_claim_after'], ANY_SPACE)})\b", True,
            "not_claim_after")
        self.street = compile_words(
            rf"\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}(?:{alternation(options['street_suffixes'], ANY_SPACE)})(?!\w)",
            False, "street_suffixes")
        # Scraped copy glues a date to the word before it ("FeaturedFebruary 6, 2016"): still a date.
        # "April 1 and 2": a second day after a month's first joins the date.
        self.month_before = compile_words(
            rf"(?:\b|(?<=[a-z]))(?:{alternation(options['months'], ANY_SPACE)})[ \t]+"
            rf"(?:\d{{1,2}}[ \t]+(?:{alternation(options['range_joiners'], ANY_SPACE)})[ \t]+)?\Z", False, "months")
        self.month_after = compile_words(rf"\s+(?:{alternation(options['months'], ANY_SPACE)})\b", False, "months")
        self.before_words = {w.lower() for w in options["not_claim_before"]}
        # Not before a possessive: "nearly half a year's budget" is a share of the budget.
        self.half_span = compile_words(rf"\s+(?:{alternation(options['half_spans'], ANY_SPACE)})\b(?!['’]s\b)", True,
                                       "half_spans")
        # The words that join a number to a name: "the Group of 20".
        self.name_joiners = {w.lower() for w in options["name_joiners"]}
        self.determiners = {w.lower() for w in options["determiners"]}
        self.identifiers = set(options["identifier_numbers"])
        self.context = Context(options)
        self.currency_prefixes = _currency_prefixes(options["currencies"])
        self.record = Record(options)
        self.money = compile_words(rf"{currencies}|\b(?:{currency_words})\b", True)

    def find(self, text: str, skip: Callable[[int], bool], doc: Document | None = None) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each figure in text (doc's lint text); skip(offset) drops quoted or heading ones."""
        # A digit glued to the letter (or accent) before it is part of a word or a label ("F16", a
        # scraper's "GÃ1⁄4len" for "Gülen"), not a figure.
        anchors = [at for m in DIGIT_RUN.finditer(text)
                   if not ((before := text[(at := m.start()) - 1:at]) in (",", ".") or _letter(before))]
        anchors.extend(_currency_starts(text, self.currency_prefixes))
        if doc is not None and self.indexes is not None:
            anchors.extend(self.indexes.starts(doc, self.keyword_index))  # the rule set's one pass
        else:
            anchors.extend(self.keywords.starts(text))
        anchors.sort()
        last_end = 0
        for at in anchors:
            if at < last_end:
                continue
            match = self._candidate(text, at)
            if match is None or match.start() < last_end or skip(match.start()) or _is_row(text, match.start()):
                continue
            box_score = self.context.box_score_end(text, match.start())
            if box_score:  # '14 of 22 passes': neither number is a claim
                last_end = box_score
                continue
            span = self._figure(text, match)
            if span is None:  # no part of '21 to 14' is a claim once the whole is not
                last_end = match.end()
                continue
            last_end = span[1]
            yield span

    def _candidate(self, text: str, at: int) -> regex.Match | None:
        """Return the candidate that starts at an anchor, or at the 'a'/'an' before it."""
        if year := YEAR_THEN_COUNT.match(text, at):
            at = year.end()   # the count after the year is the candidate
        match = self.pattern.match(text, at)
        if match is None and text[max(0, at - 3):at].lower() in ("an ", " a "):
            match = self.pattern.match(text, at - 3 if text[at - 3] != " " else at - 2)
        return match

    def _figure(self, text: str, match: regex.Match) -> tuple[int, int] | None:
        """Return the span of a candidate that is a figure (approximator included), else None."""
        start, end = match.span()
        if match.group("half") is not None and not self._half_ok(text, start):
            return None
        if match.group("plain") is not None and not self._plain_ok(text, start, end, match):
            return None
        if text[end:end + 1] in ("-", "‑") and text[end + 1:end + 2].isalpha() and \
                not any(c.isdigit() for c in text[start:end]):
            return None  # "a billion-dollar business": a word figure that modifies, not a count
        if _quoted_alone(text, start, end) or self._banknote(text, start, end):
            return None  # the ''400'' list, a $100 bill: a name and a denomination, not counts
        start = self._with_approximator(text, start)
        end = self._with_between(text, start, end)
        rate = self.rate.match(text, end)
        end = rate.end() if rate else end
        # The value that sets up a worked example is no claim. A result of public record (a vote,
        # a tally) needs no source, as a score needs none; money never is one: spending and fines
        # still say who reported them.
        if self.record.example_value(text, start, end) or \
                (not self.money.search(text, start, end) and self.record.recorded(text, start, end)):
            return None
        return start, end

    def _banknote(self, text: str, start: int, end: int) -> bool:
        """Tell whether a small sum names a banknote or coin: 'a $100 bill', 'a £5 note'."""
        return bool(self.banknotes) and bool(DENOMINATION.fullmatch(text, start, end)) and \
            _next_word(text, end) in self.banknotes

    def _with_approximator(self, text: str, start: int) -> int:
        """Extend a figure back over its approximator: 'more than', 'about', 'an estimated'."""
        floor = max(0, start - 40)
        if not text[start - 1:start].isspace():
            return start
        tokens = list(TOKEN.finditer(text, floor, start))[1 if floor else 0:]
        for count in range(min(self.approximator_words, len(tokens)), 0, -1):
            if " ".join(t.group() for t in tokens[-count:]).lower() in self.approximators:
                return tokens[-count].start()
        return start

    def _with_between(self, text: str, start: int, end: int) -> int:
        """Extend 'between 10' over its 'and 15 percent'."""
        if not self.range_openers or not text[start:start + 40].lower().startswith(self.range_openers):
            return end
        more = self.range_rest.match(text[end:end + 40])
        return end + more.end() if more else end

    def _half_ok(self, text: str, start: int) -> bool:
        """Tell whether 'half' is a quantity: 'half of', 'more than half', not 'first half of'."""
        word = _word_before(text, start)
        if word in self.before_words or self.context.labelled(text, start):
            return False  # "the first half of", "the past decade and a half of"
        after = text[start + 4:start + 9].lower()
        if after[:1] in "-‑":
            return False  # "half-dozen", "half-hour": part of another word
        if self.half_span.match(text, start + 4):
            return False  # "more than half a century", "half an hour": a span, not a share
        return after.startswith((" of ", " the ")) or self._with_approximator(text, start) < start

    def _plain_ok(self, text: str, start: int, end: int, match: regex.Match) -> bool:
        """Tell whether a bare number is a claim, not a year, date, time, age, label or score."""
        found = match.group(0)
        if self.unit.search(found):
            return True
        after = text[end:end + 60]
        if ORDINAL_OR_WORD.match(after) or TIME_AFTER.match(after):
            return False
        if any(c in found for c in "-–") or found in self.identifiers:
            return False
        if (text[start - 1:start] == "(" or text[end:end + 1] in ("-", ".", ")")) and \
                PHONE.search(text, max(0, start - 6), end + 10):
            return False
        if _is_year(found) or _short_year(text, start, found) or _is_list_number(text, start) \
                or self._is_age(text, start, end, found):
            return False
        if self.street.match(after) or self.month_after.match(after) or self.month_before.search(text, max(0, start - 20), start):
            return False
        if SLASH_DATE.match(text, end) or text[start - 1:start] == "/" or LETTER_IN_PARENS.match(text, end):
            return False  # 9/11, 3/4: a date or a label, not a count
        if len(found) == 5 and found.isdigit() and POSTAL_CODE_BEFORE.search(text[max(0, start - 7):start]):
            return False  # a ZIP code: a five-digit count would be written "10,032"
        if text[start - 1:start] == "(" and PAREN_AGE.match(text, max(0, text.rfind(" ", 0, start - 2) + 1)):
            return False
        if self._is_duration_or_stat(after, found) or self.context.not_a_claim(text, start, end, found):
            return False
        return not self._is_label(text, start, found)

    def _is_duration_or_stat(self, after: str, found: str) -> bool:
        """Tell whether the number counts a duration, a box-score statistic or a block."""
        unit = self.not_claim_after.match(after)
        if not unit:
            return False
        if "." in found and unit.group(0).strip(" -").lower().startswith(self.clock_units):
            clock = self.game_clock.match(after, unit.end()) if self.game_clock else None
            return bool(clock) and self._clock_ends(after[clock.end():])
        return True

    def _clock_ends(self, rest: str) -> bool:
        """Tell whether a game clock's phrase ends its clause, or goes on with one of `game_clock_next` ('left in the half')."""
        rest = rest.lstrip(" \t")
        return not rest or rest[0] in ",.;:!?)—–\n" or rest.split(None, 1)[0].lower() in self.clock_next

    def _is_age(self, text: str, start: int, end: int, found: str) -> bool:
        """Tell whether a number is an age in apposition: 'Linda Park, 62, said', 'Ana and Luis Ortiz, 61 and 64,'."""
        if text[start - 7:start] == ", then " and text[end:end + 1] == ",":
            return found.isdigit() and int(found) <= 120  # "Ruiz, then 38, said"
        if not found.isdigit() or int(found) > 120:
            return False
        if text[start - 2:start] != ", ":
            pair = AGE_PAIR_BEFORE.search(text, max(0, start - 40), start)
            return bool(pair) and int(pair.group(1)) <= 120 and bool(AGE_AFTER.match(text, end))
        if AGE_AFTER.match(text, end):
            return True
        pair = AGE_PAIR_NEXT.match(text, end)
        word = LAST_WORD.search(text, max(0, start - 40), start - 2)
        if pair and int(pair.group(1)) <= 120:
            return bool(word) and word.group(1)[:1].isupper()
        return text[end:end + 1] in ".;" and bool(word) and word.group(1)[:1].isupper()

    def _in_name(self, text: str, start: int, joiner: str) -> bool:
        """Tell whether 'of' joins the number to a name that an article opens: 'the Group of 20', 'a Group of 20 meeting'.

        One title-case word between "the" and the joiner: "fined Harmon Foods for 23 violations"
        and "the NCAA for 14 violations" are counts.
        """
        at = text.rfind(joiner, max(0, start - 40), start)
        name = _word_before(text, at, keep_case=True)
        if not name[:1].isupper() or name.isupper() or name.lower() in self.determiners:
            return False
        return _word_before(text, at - len(name) - 1) in ("the", "a", "an")

    def _is_label(self, text: str, start: int, found: str) -> bool:
        """Tell whether a number labels something: Route 9, Section 230, No. 1, page 12, Code: 17."""
        word = _word_before(text, start, keep_case=True).lstrip("([{\"“‘'")  # "(CBS 58)" is a call sign
        if not word:
            colon = COLON_LABEL.search(text, max(0, start - 40), start)
            if not colon:
                return False
            glued = GLUED_LABEL.fullmatch(colon.group(1))
            return colon.group(1).lower() in self.before_words or \
                (glued is not None and glued.group(1).lower() in self.before_words)
        if "," in found and word[:1].isupper():  # 'Coyle 5,601' is a tally, not a label
            return word.lower().rstrip(".") in self.before_words
        low = word.lower().rstrip(".")
        if low in self.before_words or word.lower() in self.before_words:
            return True
        if low in self.name_joiners:
            return self._in_name(text, start, word)
        if not word[:1].isupper() or low in self.determiners:
            return False
        return self._with_approximator(text, start) == start


def _letter(char: str) -> bool:
    """Tell whether a character is a letter or a combining accent (as a scraper leaves them: 'Ã' is 'A' and U+0303)."""
    return char.isalpha() or (bool(char) and unicodedata.category(char).startswith("M"))


def _currency_prefixes(currencies: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Return each currency symbol of the rule's `currencies` with its prefixes, longest first ('$': 'US', 'C' …)."""
    prefixes: dict[str, set[str]] = {}
    for currency in currencies:
        parts = CURRENCY.fullmatch(currency)
        if parts:
            prefixes.setdefault(parts.group(2), set()).add(parts.group(1))
    return {symbol: tuple(sorted(found - {""}, key=lambda p: (-len(p), p))) for symbol, found in prefixes.items()}


def _currency_starts(text: str, prefixes: dict[str, tuple[str, ...]]) -> list[int]:
    """Return where amounts open: a currency symbol, or the 'US' of 'US$'."""
    found = []
    for symbol, before in prefixes.items():
        at = text.find(symbol)
        while at >= 0:
            prefix = next((p for p in before if at >= len(p) and text.startswith(p, at - len(p))), "")
            found.append(at - len(prefix))
            at = text.find(symbol, at + 1)
    return found


def _word_before(text: str, start: int, keep_case: bool = False) -> str:
    """Return the word right before offset (one space between), or '' if none is adjacent."""
    found = WORD_BEFORE.search(text, max(0, start - 40), start)
    if not found or found.group(1)[-1] in ",;:()[]\"“”'":
        return ""
    return found.group(1) if keep_case else found.group(1).lower()


def _is_row(text: str, start: int) -> bool:
    """Tell whether a figure is the value of a key-value row whose neighbouring line is a row too."""
    line = text.rfind("\n", 0, start) + 1
    if start - line > 45 or not ROW_HEAD.match(text, line, start):
        return False
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if not ROW_LINE.fullmatch(text[line:end]):
        return False
    before = text[:line].rstrip().rsplit("\n", 1)[-1]
    after = text[end:].lstrip().split("\n", 1)[0]
    return bool(ROW_LINE.fullmatch(before) or ROW_LINE.fullmatch(after))


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """Tell whether quotation marks wrap the figure and nothing else: "its first ''400'' list", a title."""
    for opening, closing in (("''", "''"), ("“", "”"), ('"', '"'), ("‘", "’")):
        if text[start - len(opening):start] == opening and text[end:end + len(closing)] == closing:
            return True
    return False


def _next_word(text: str, at: int) -> str:
    """Return the lowercase word after offset `at`, past one run of spaces."""
    found = NEXT_WORD.match(text, at)
    return found.group(1).lower() if found else ""


def _short_year(text: str, start: int, found: str) -> bool:
    """Tell whether two digits after an apostrophe are a year: "Clinton '16", "the class of ’99"."""
    return len(found) == 2 and found.isdigit() and text[start - 1:start] in ("'", "’", "‘") \
        and not text[start - 2:start - 1].isalnum()


def _is_year(found: str) -> bool:
    """Tell whether a bare number reads as a year (1000–2099, no comma or decimals), or a span of years."""
    ends = YEAR_SPAN.fullmatch(found)
    if ends:
        return _is_year(ends.group(1)) and _is_year(ends.group(2))
    return found.isdigit() and len(found) == 4 and found[0] in "12" and int(found) < 2100


def _is_list_number(text: str, start: int) -> bool:
    """Tell whether a number opens a numbered line ('1. Register by Oct. 15.'), stands alone on its
    line (a section number), or opens a step of a list written without periods ('3 Keep receipts.')."""
    line_start = start  # back over blanks only: a search for the line break is quadratic on one long line
    while line_start > 0 and text[line_start - 1] != "\n" and text[line_start - 1].isspace():
        line_start -= 1
    if not (line_start == 0 or text[line_start - 1] == "\n"):
        return False
    if LIST_NUMBER.match(text, line_start) or ALONE_ON_LINE.match(text, start):
        return True
    if not BARE_STEP.match(text, line_start):
        return False
    # A neighbouring line (looked for within a bounded stretch, past blank lines) must be a step too.
    floor = max(0, line_start - 1 - NEIGHBOUR_REACH)
    end_before = line_start - 1
    while end_before > floor and text[end_before - 1].isspace():
        end_before -= 1  # back over the blank lines between paragraphs
    brk = text.rfind("\n", floor, max(0, end_before))
    before = brk + 1 if brk >= 0 else (0 if floor == 0 else -1)
    after = text.find("\n", start, start + NEIGHBOUR_REACH)
    while 0 <= after < min(len(text) - 1, start + NEIGHBOUR_REACH) and text[after + 1] == "\n":
        after += 1  # past blank lines to the next paragraph
    neighbours = [before] if line_start and before >= 0 else []
    if after >= 0:
        neighbours.append(after + 1)
    return any(BARE_STEP.match(text, at) or LIST_NUMBER.match(text, at) for at in neighbours if at != line_start)


def _pattern(options: Mapping[str, Any]) -> str:
    """Build the one search for figure candidates from the rule's word lists."""
    currency = alternation(options["currencies"], ANY_SPACE)
    magnitude = alternation(options["magnitudes"], ANY_SPACE)
    short = alternation(options["short_magnitudes"], ANY_SPACE)
    percent = alternation(options["percent_words"], ANY_SPACE)
    money_words = alternation(options["currency_words"], ANY_SPACE)
    spelled = alternation(options["spelled_numbers"], ANY_SPACE)
    fraction = alternation(options["fractions"], ANY_SPACE)
    comparative = alternation(options["comparatives"], ANY_SPACE)
    multiplier = alternation(options["multipliers"], ANY_SPACE)
    spelled_run = rf"(?:{spelled})(?:[\s-](?:{spelled}))*"
    money = rf"(?:{currency})\s?{NUMBER}(?:\s?(?:{short})\b|[\s-](?:{magnitude})\b)?"
    plain = rf"{NUMBER}(?:[\s-](?:{magnitude})\b)?(?:\s?%|\s(?:{percent})\b|\s(?:{money_words})\b)?"
    part = rf"(?:{money}|{plain})"
    alternatives = [
        rf"(?P<rate>\b(?:{spelled}|\d+)\s+in\s+(?:every\s+)?(?:{spelled}|\d{{1,3}}(?:,\d{{3}})*)\b(?![\d,.]))",
        rf"(?P<times>\b(?:(?:{multiplier})|(?:{spelled}|{NUMBER})\s+times)\s+"
        rf"(?:as\s+[a-z]+|{comparative}|the)\b)",
        rf"(?P<plain>{NOT_AFTER}(?:{NUMBER}\s?(?:-|–|to)\s?{part}|{part}))",
        rf"(?P<spelled>\b(?:{spelled_run}|an?)[\s-](?:{magnitude})\b(?:\s(?:{money_words})\b)?)",
        rf"(?P<spelledpct>\b{spelled_run}\s(?:{percent})\b)",
        rf"(?P<fraction>\b(?:a|{spelled})[\s-](?:{fraction})\b(?=\s+of\b))",
        r"(?P<half>\bhalf\b)",
        # After an article the word is an adjective ("a doubled letter"), not a claim of growth.
        rf"(?P<growth>(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bA\s)(?<!\bAn\s)(?<!\bThe\s)"
        rf"\b(?:{alternation(options['multiplier_verbs'], ANY_SPACE)})\b"
        rf"(?!\s+(?:{alternation(options['multiplier_idioms'], ANY_SPACE)})\b))",
    ]
    return "|".join(alternatives)

