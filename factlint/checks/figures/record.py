"""Tell a figure that is public record by what it counts: a vote, a delegate tally, a court's count."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import compile_words

TOKEN = compile_words(r"[\w$€£¥₹%][\w'’.,%$-]*")
# What ends the clause a figure sits in: another clause's result is not this figure's. A comma
# inside a number ("1,237") is not a break; a parenthesis after the figure is kept ("(95,509 votes)").
CLAUSE_BREAK = compile_words(r"[,;:](?!\d)|[—–()]")
CLAUSE_END = compile_words(r"[,;:](?!\d)|[—–]")
# What opens a sentence, as the character before it: a line break, or white space after . ! or ?
# Searched for in the text read backwards from a figure, so the nearest is found first.
SENTENCE_OPENING_BACKWARDS = compile_words(r"\n|\s(?=[.!?])")
# What ends one: a line break (before it), or . ! or ? before white space or the end of the text.
SENTENCE_CLOSING = compile_words(r"\n|[.!?](?=\s|\Z)")
SENTENCE_REACH = 600  # characters a sentence is looked for in, either way from a figure
# Words that may stand between a figure and the noun it counts ("44 of the 50 delegates").
LINKS = {"of", "the", "a", "an", "all", "these", "those"}
# At most this many words open an elliptical clause that goes on with the result before it ("and Kasich").
ELLIPSIS_WORDS = 4
# A conjunction after a figure closes that figure's line: a claim word before it ("$1.5 billion for
# operating costs and another $371 million") is not the next figure's.
CONJUNCTIONS = frozenset({"and", "or", "plus"})
# The first figure of a result given as a pair, right before "to": "36 percent to 51 percent", "21 to 14".
# A figure after the value that sets up an example: the one worked out from it.
WORKED_FIGURE = compile_words(r"[$€£¥₹]\d|\d[\d,.]*\s?(?:%|percent)")
PAIR_REACH = 40  # characters back to the pair's first figure
PAIR_FIRST = compile_words(r"\d[\d,.]*(?:\s?%|\s+[a-z]+)?(?=\s+to\s*$)")
# At most this many words between "a" and the value of an example: "a three-bedroom home valued at".
EXAMPLE_REACH = 4
# At most this many words after a rate's value in an aside ("now $7.25 an hour,"): more make it
# a count of its own ("now 31 percent of the state's retail staff").
APPOSED_UNIT_WORDS = 2
# A small round sum right before the noun names a banknote ("a $20 bill"), not a plan's size.
DENOMINATION = compile_words(r"[$€£¥₹]\d{1,3}")


class Phrases:
    """Phrases as lowercase word tuples, looked up by their first word (a list may hold hundreds)."""

    def __init__(self, items: tuple[str, ...]) -> None:
        self.all = frozenset(tuple(item.lower().split()) for item in items if item.split())
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.all, key=lambda p: (-len(p), p)):  # longest first
            by_first.setdefault(phrase[0], []).append(phrase)
        self._by_first = {word: tuple(phrases) for word, phrases in by_first.items()}
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.all, key=lambda p: (-len(p), p)):
            by_last.setdefault(phrase[-1], []).append(phrase)
        self._by_last = {word: tuple(phrases) for word, phrases in by_last.items()}

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.all

    def __bool__(self) -> bool:
        return bool(self.all)

    def at(self, words: list[str], index: int) -> tuple[str, ...] | None:
        """Return the longest phrase that starts at words[index], or None."""
        if index >= len(words):
            return None
        return next((p for p in self._by_first.get(words[index], ()) if tuple(words[index:index + len(p)]) == p), None)

    def ending(self, words: list[str]) -> tuple[str, ...] | None:
        """Return the longest phrase that ends the words (the words right before a figure), or None."""
        if not words:
            return None
        return next((p for p in self._by_last.get(words[-1], ()) if tuple(words[-len(p):]) == p), None)

    def find(self, words: list[str], begin: int = 0) -> int:
        """Return the first index from `begin` at which one of the phrases starts, or -1."""
        if self._by_first.keys().isdisjoint(words):
            return -1  # the common case, told in one C-level pass
        return next((i for i in range(begin, len(words)) if words[i] in self._by_first and self.at(words, i)), -1)

    def find_last(self, words: list[str]) -> int:
        """Return the last index at which one of the phrases starts, or -1."""
        if self._by_first.keys().isdisjoint(words):
            return -1
        return next((i for i in range(len(words) - 1, -1, -1) if words[i] in self._by_first and self.at(words, i)), -1)


def _words(text: str) -> list[str]:
    """Return the lowercase words of text, without the punctuation around them."""
    if text.isascii():  # lower-casing ASCII first finds the same tokens, each already lower case
        return [w.strip(".,'’") for w in TOKEN.findall(text.lower())]
    return [w.lower().strip(".,'’") for w in TOKEN.findall(text)]


class Record:
    """Compiled lists that tell a recorded result ('won 52 percent of the vote') from a claim."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Keep the rule's record nouns, verbs and blockers as word tuples."""
        self.nouns = Phrases(options["record_nouns"])
        # Events whose results the paragraph reports: they license a record verb, but are not counted.
        self.events = Phrases((*options["record_nouns"], *options["record_events"]))
        self.verbs = Phrases(options["record_verbs"])
        # Verbs too common to make a result of an event alone ("has held 10,000 sessions"): they need a record noun.
        self.weak = Phrases(options["record_weak_verbs"])
        self.examples = Phrases(options["example_cues"])
        # "the owner of a home assessed at $350,000": the value that sets up a worked example.
        self.example_values = Phrases(options["example_values"])
        self.indefinites = {w.lower() for w in options["example_articles"]}
        self.blockers = {w.lower() for w in options["record_blockers"]}
        # People counted by a poll or an exit poll: in the figure's clause, a share of them is not a result.
        self.groups = {w.lower() for w in options["record_groups"]}
        self.reach = options["record_reach"]
        # A word that ends the link between a figure and its noun: 'on ads in 14 districts'.
        self.stops = {w.lower() for w in options["determiners"]} - LINKS
        self.joins = {w.lower() for w in options["determiners"]}

    def recorded(self, text: str, start: int, end: int, paired: bool = True) -> bool:
        """Tell whether the figure at [start, end) reports a result of public record (`paired`: as a pair's second)."""
        if not self.nouns:
            return False
        sentence = _sentence_start(text, start)
        if self.example(text, sentence, end):
            return True  # a worked example is no claim: "if you owe $28,000, you would pay 2.8 percent"
        if self._blocked(text, _sentence_start(text, max(sentence - 1, 0)), _sentence_end(text, end)):
            return False
        clause = _clause_start(text, sentence, start)
        after = _words(text[end:_clause_end(text, end)])
        before = _words(text[clause:start])
        if self.groups.intersection(before) or self.groups.intersection(after):
            return False  # 'won more than 60 percent of white voters': an exit poll's share
        if self._counts(after):
            return True  # '52 percent of the vote', '19 delegates', 'the 14 congressional districts'
        if paired and before[-1:] == ["to"] and self._pair_recorded(text, clause, start):
            return True  # 'lost the primary 36 percent to 51 percent': the pair is one result
        verb = self._verb_near(before[-self.reach - 2:])
        if verb and self._mentions(text, _paragraph_start(text, start), _paragraph_end(text, end),
                                   self.nouns if verb in self.weak else self.events):
            return True  # 'Sanders won at least 15', a tally whose noun (or event) the paragraph has given
        if self._verb_then_noun(before) or self._tally_before(before):
            return True  # 'took 41 percent of the vote to Wells' 33 percent', '865 delegates are at stake in 11 states'
        # An elliptical clause goes on with the result before it: '…, Cruz 59 percent, and Kasich 76 percent'.
        if len(before) > ELLIPSIS_WORDS or clause == sentence or not all(
                w[:1].isupper() or w[:1].isdigit() or w.lower() in self.joins for w in TOKEN.findall(text, clause, start)):
            return False  # "and unemployment is 8 percent" has its own verb: not the result's ellipsis
        earlier = _words(text[sentence:clause])
        verb = self._verb_near(earlier)
        return bool(verb) and (self._verb_then_noun(earlier) or self._mentions(
            text, _paragraph_start(text, start), _sentence_end(text, end), self.nouns if verb in self.weak else self.events))

    def _pair_recorded(self, text: str, clause: int, start: int) -> bool:
        """Tell whether the figure just before "to" ('36 percent to') is a result: the pair is one."""
        numbers = list(PAIR_FIRST.finditer(text, max(clause, start - PAIR_REACH), start))
        if not numbers:
            return False
        first = numbers[-1]
        return self.recorded(text, first.start(), first.end(), paired=False)  # one level: '10 to 17 to 24' is no pair

    def _blocked(self, text: str, start: int, end: int) -> bool:
        """Tell whether a poll, a forecast or a hypothetical frames the sentences [start, end)."""
        return any(word in self.blockers for word in _words(text[start:end]))

    def _counts(self, words: list[str]) -> bool:
        """Tell whether a record noun follows the figure within reach, linked by 'of', 'the' ..."""
        for index in range(min(len(words), self.reach + 1)):
            if _phrase_at(words, index, self.nouns):
                return True
            if words[index] in self.stops or any(c in words[index] for c in "$€£¥₹%"):
                return False
        return False

    def _verb_near(self, words: list[str]) -> tuple[str, ...]:
        """Return the last record verb among the words before the figure, a strong one first, or ()."""
        strong: tuple[str, ...] = ()
        weak: tuple[str, ...] = ()
        for index in range(len(words)):
            verb = self.verbs.at(words, index)
            if verb and verb in self.weak:
                weak = verb  # "won the New York primary with 60 percent": "with" does not hide "won"
            elif verb:
                strong = verb
        return strong or weak

    def _mentions(self, text: str, start: int, end: int, nouns: Phrases) -> bool:
        """Tell whether one of the nouns (record nouns, or events: a primary, an election) is in text[start:end]."""
        return nouns.find(_words(text[start:end])) >= 0

    def example_value(self, text: str, start: int, end: int) -> bool:
        """Tell whether the figure sets up a worked example: 'the owner of a home assessed at $350,000 would pay $945'.

        One of `example_values` comes right before it with "a" or "an" a few words before, and
        the sentence goes on to give the figure worked out from it; "sold a warehouse worth $3.4
        million to a developer" gives none, and is a claim.
        """
        sentence = _sentence_start(text, start)
        return self._example_value(text, sentence, start) and \
            bool(WORKED_FIGURE.search(text, end, _sentence_end(text, end)))

    def example(self, text: str, sentence: int, end: int) -> bool:
        """Tell whether the sentence is a worked example or a hypothetical ('if you earn', 'suppose')."""
        return self.examples.find(_words(text[sentence:_sentence_end(text, end)])) >= 0

    def _example_value(self, text: str, sentence: int, start: int) -> bool:
        """Tell whether the figure is the value of an example someone's bill is worked out for: 'a home assessed at'."""
        before = _words(text[_clause_start(text, sentence, start):start])
        phrase = self.example_values.ending(before)
        if phrase is None:
            return False
        lead = before[max(0, len(before) - len(phrase) - EXAMPLE_REACH):len(before) - len(phrase)]
        return bool(self.indefinites.intersection(lead))

    def _tally_before(self, words: list[str]) -> bool:
        """Tell whether the clause before the figure already counts a record noun: '865 delegates are at stake in'."""
        return any(w[:1].isdigit() and self._counts(words[i + 1:]) for i, w in enumerate(words))

    def _verb_then_noun(self, words: list[str]) -> bool:
        """Tell whether the clause before the figure has a record verb and then a record noun."""
        verb = self.verbs.find(words)
        return verb >= 0 and self.nouns.find(words, verb + 1) >= 0


def _target_at(words: list[str], index: int, targets: Phrases, links: frozenset[str]) -> bool:
    """Tell whether a stated aim or a rate in force, then a link, starts at words[index]: 'a target of', 'the tax rate is'."""
    phrase = targets.at(words, index)
    return phrase is not None and index + len(phrase) < len(words) and words[index + len(phrase)] in links


def _claimed(before: list[str], claims: set[str]) -> bool:
    """Tell whether a claim word ('cost', 'save') governs the figure: in its clause, not before a listed figure's conjunction.

    "would cost the state an additional $2.1 billion" is an estimate; in "$1.5 billion for
    operating costs and another $371 million" the "costs" names the line before, whose figure
    the conjunction closes.
    """
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if word in CONJUNCTIONS and any(w[:1].isdigit() or w[:1] in "$€£¥₹" for w in before[:index]):
            return False
        if word in claims:
            return True
    return False

def _phrase_at(words: list[str], index: int, phrases: Phrases) -> bool:
    """Tell whether one of the phrases starts at words[index]."""
    return phrases.at(words, index) is not None


def _sentence_start(text: str, at: int) -> int:
    """Return where the sentence holding offset `at` starts (after '. ', a line break or the text start).

    The search looks back 600 characters at most, and then starts the sentence there.
    """
    floor = max(0, at - SENTENCE_REACH - 1)
    # Backwards from `at`, with the character before the floor, which an opening there follows.
    found = SENTENCE_OPENING_BACKWARDS.search(text[max(0, floor - 1):at][::-1])
    return at - found.start() if found is not None and found.start() < at - floor else floor


def _sentence_end(text: str, at: int) -> int:
    """Return where the sentence holding offset `at` ends: its closing mark, a line break, or 600 characters on."""
    # The window holds one character more than the reach, for the look-ahead after its last mark.
    found = SENTENCE_CLOSING.search(text[at:at + SENTENCE_REACH + 1])
    if found is None or found.start() >= SENTENCE_REACH:
        return min(len(text), at + SENTENCE_REACH)
    return at + (found.start() if found.group() == "\n" else found.end())


def _clause_start(text: str, sentence: int, at: int) -> int:
    """Return where the clause before offset `at` starts, within its sentence."""
    cut = sentence
    for match in CLAUSE_BREAK.finditer(text, sentence, at):
        cut = match.end()
    return cut


def _clause_end(text: str, at: int) -> int:
    """Return where the clause after offset `at` ends (the parenthesis of '18 percent (95,509 votes)' kept)."""
    end = _sentence_end(text, at)
    match = CLAUSE_END.search(text, at, end)
    return match.start() if match else end


def _paragraph_end(text: str, at: int) -> int:
    """Return where the line (a plain-text paragraph) holding offset `at` ends: "He now has 568. Cruz has 370 delegates"."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _paragraph_start(text: str, at: int) -> int:
    """Return where the line (a plain-text paragraph) holding offset `at` starts."""
    return text.rfind("\n", 0, at) + 1


# At most this many words between a public body and its verb of change: "the council also voted and cut".
CHANGE_REACH = 3


class OwnTerms:
    """Compiled lists that tell a plan's own figure ('her plan would raise the wage to $12') from a claim."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Keep the rule's plan nouns, the words that open a plan's terms and the words that make a claim."""
        self.nouns = Phrases(options["plan_nouns"])
        self.links = Phrases(options["plan_links"])
        # A forecast word and a word of change make a rate's move someone's forecast, not the rate in
        # force: "The property tax will rise 3.5%" (but "the treaty will not take effect until 55 …").
        self.forecasts = {w.lower() for w in options["forecast_words"]}
        self.moves = {w.lower() for w in options["change_words"]}
        self.proposed = {w.lower() for w in options["rate_proposals"]}
        self.levels = {w.lower() for w in options["rate_levels"]}
        self.infinitives = {w.lower() for w in options["plan_infinitives"]}
        self.rates = {" ".join(w.lower().split()) for w in options["plan_rates"]}
        self.claims = {w.lower() for w in options["plan_claims"]}
        self.targets = Phrases(options["plan_targets"])
        self.target_links = frozenset(w.lower() for w in options["target_links"])
        self.reach = options["record_reach"]
        # Only modifiers stand between a plan's size and the plan: "two-thirds of residents oppose the plan" is not one.
        self.stops = {w.lower() for w in options["determiners"]}
        # A public body's decision is public record: "the council approved a 3.5 percent increase".
        self.bodies = Phrases(options["decision_bodies"])
        self.decisions = {w.lower() for w in options["decision_verbs"]}
        self.changes = {w.lower() for w in options.get("decision_change_verbs", ())}
        self.change_breaks = {w.lower() for w in options.get("decision_change_breaks", ())}
        self.undecided = {w.lower() for w in options["record_blockers"]}

    def covers(self, text: str, start: int, end: int) -> bool:
        """Tell whether the figure at [start, end) is a term of the plan, bill or proposal its clause names."""
        if not self.nouns:
            return False
        sentence = _sentence_start(text, start)
        clause = _clause_start(text, sentence, start)
        before = _words(text[clause:start])
        if _claimed(before, self.claims):
            return False  # what a plan would cost or save is an estimate: someone made it
        after = _words(text[end:_clause_end(text, end)])
        if self._decided(text, sentence, before, after):
            return True
        for index in range(min(len(after), self.reach + 1)):
            if _phrase_at(after, index, self.nouns) and (index > 0 or not DENOMINATION.fullmatch(text[start:end])):
                return True  # 'a $350 billion plan', 'the $305 billion measure'; not 'a $20 bill'
            if after[index] in self.stops or any(c in after[index] for c in "$€£¥₹%"):
                break
        if any(_target_at(before, i, self.targets, self.target_links) for i in range(max(0, len(before) - self.reach - 2), len(before))):
            return True  # 'its inflation target of 2 percent', 'a goal of raising $64 million', 'the minimum wage of $7.25'
        if len(before) == 1 and before[0] in self.target_links and len(after) <= APPOSED_UNIT_WORDS and \
                WORKED_FIGURE.search(text, start, end) and self._apposed_target(text, sentence, clause):
            return True  # 'the federal minimum wage, now $7.25 an hour,': a rate and its unit, nothing more
        if self._names_terms(before):
            return True
        # A list after a colon that a plan's clause opens gives its terms: "Sanders' plan includes:
        # eliminating tuition at public schools, cutting student loan interest rates to 2.37%".
        colon = text.rfind(": ", sentence, start)  # not a clock's "9:30"
        return colon >= 0 and self._names_terms(_words(text[_clause_start(text, sentence, colon):colon]))

    def _apposed_target(self, text: str, sentence: int, clause: int) -> bool:
        """Tell whether the clause before the figure's clause (opening at `clause`) ends with a rate in force: 'the federal minimum wage, now'."""
        comma = clause - 1
        if comma <= sentence or text[comma] != ",":
            return False
        return self.targets.ending(_words(text[_clause_start(text, sentence, comma):comma])) is not None

    def _names_terms(self, before: list[str]) -> bool:
        """Tell whether a clause's words name a plan and open its terms after it ('her plan would raise the wage to')."""
        # Each plan noun of the clause, the nearest first: "The proposed property tax will increase
        # revenue in the budget by 2.6%" links its terms to "tax", not to "budget".
        for noun in range(len(before) - 1, -1, -1):
            phrase = self.nouns.at(before, noun)
            # A rate the law sets takes its value from any verb of its clause: "the tax was cut to 10 percent".
            if phrase and self._linked(before, noun + len(phrase), " ".join(phrase) in self.rates):
                return True
        return False

    def _linked(self, before: list[str], after_noun: int, rate: bool) -> bool:
        """Tell whether one of `plan_links` opens the plan's terms after its noun.

        An infinitive does only right after the noun ("his proposal to deport 11 million
        people"); later it is another verb's ("the program has grown to 2,300 families").
        """
        if rate and self._forecast(before, after_noun):
            return False  # "The property tax will rise 3.5%": someone's forecast, as "Property taxes will" is
        link = self.links.find(before, after_noun)
        while link >= 0:
            if rate or before[link] not in self.infinitives or link == after_noun:
                return True
            link = self.links.find(before, link + 1)
        return False

    def _forecast(self, before: list[str], after_noun: int) -> bool:
        """Tell whether a rate's clause forecasts its move ('will rise 3.5%'), not a proposal's or a level the law sets.

        Not 'the proposed tax will rise', nor a move to a level ('will increase to $16.25').
        """
        after = before[after_noun:]
        return not self.forecasts.isdisjoint(after) and not self.moves.isdisjoint(after) \
            and self.proposed.isdisjoint(before[:after_noun]) and not (after and after[-1] in self.levels)

    def _decided(self, text: str, sentence: int, before: list[str], after: list[str]) -> bool:
        """Tell whether the figure's clause reports a public body's decision ('the board approved a 4.5 percent increase').

        A decision verb stands in the figure's clause and a body (council, board, regents ...) in
        its sentence; a modal or a poll word (`record_blockers`) makes it a proposal or an opinion.
        """
        if not self.bodies:
            return False
        decided = any(w in self.decisions for w in (*before, *after))
        if not decided and not self._changed_by_body(before):
            return False
        words = _words(text[sentence:_sentence_end(text, sentence)])
        if any(w in self.undecided for w in words):
            return False
        return self.bodies.find(words) >= 0

    def _changed_by_body(self, before: list[str]) -> bool:
        """Tell whether a body right before one of `decision_change_verbs` makes the change: 'the council cut the levy to'.

        Its subject must be the body, at most CHANGE_REACH words before the verb: "Property taxes
        increased 4 percent after the council met" is a change no body decided.
        """
        for index, word in enumerate(before):
            # The figure is the change's own value, not one a later clause gives: "the council cut
            # short its meeting after 200 residents" decides nothing about the 200.
            if word in self.changes and self.change_breaks.isdisjoint(before[index + 1:]) and any(
                    self.bodies.ending(before[max(0, index - back):index]) for back in range(1, CHANGE_REACH + 1)):
                return True
        return False
