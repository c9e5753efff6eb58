"""Tell whether a sentence says where its facts come from: a cue, a citation or a named reporter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from factlint.checks.base import compile_regex, compile_words, word_pattern

BY_AGENT = compile_words(r"\s+(?:[a-z]+ly\s+)?by\s+(?![\d$€£¥])\w")
STRIP = "\"'“”‘’()[]{}.,;:—–-"


def _bare(token: str) -> str:
    """Return a token without surrounding punctuation."""
    return token.strip(STRIP)


class Attribution:
    """Compiled attribution cues: phrases, citation patterns and reporting verbs with an agent."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Compile the rule's cue lists once."""
        self.cues = compile_words(word_pattern(options["cues"]), True, "cues", scan=True)
        citations = "|".join(f"(?:{p})" for p in options["citations"]) or r"(?!)"
        self.citations = compile_regex(citations, False, "citations")
        self.verbs = compile_words(word_pattern(options["reporting_verbs"]), False, "reporting_verbs")
        self.agents = {w.lower() for w in options["agents"]}
        self.determiners = {w.lower() for w in options["determiners"]}
        self.openers = {w.lower() for w in options["subject_openers"]}
        self.passive = {w.lower() for w in options["passive_markers"]}
        self.skip = {w.lower() for w in options["skip_words"]}
        self.accounts = _accounts(options["possessives"], options["account_nouns"])

    def attributed(self, original: str, masked: str, start: int, end: int) -> bool:
        """Tell whether the sentence [start, end) carries attribution outside its quotations."""
        sentence = masked[start:end]
        if self.cues.search(sentence) or self.citations.search(original, start, end):
            return True
        if self.accounts.search(sentence):
            return True
        return any(self._agentive(sentence, m.start(), m.end()) for m in self.verbs.finditer(sentence))

    def _agentive(self, sentence: str, verb_start: int, verb_end: int) -> bool:
        """Tell whether a reporting verb has a subject doing the reporting, not a bare passive."""
        tokens = sentence[:verb_start].split()
        index = len(tokens) - 1
        while index >= 0 and self._skippable(tokens[index]):
            index -= 1
        if index < 0:
            return False
        if _bare(tokens[index]).lower() in self.passive:
            return bool(BY_AGENT.match(sentence, verb_end))
        if tokens[index].endswith(","):  # an appositive: look before the comma that opened it
            index -= 1
            while index >= 0 and not tokens[index].endswith(","):
                index -= 1
            if index < 0:
                return False
        return self._subject(tokens, index)

    def _skippable(self, token: str) -> bool:
        """Tell whether a word between subject and verb can be passed over: 'also', 'on Tuesday'."""
        word = _bare(token)
        return word.lower() in self.skip or (word.islower() and word.endswith("ly") and len(word) > 4)

    def _subject(self, tokens: list[str], index: int) -> bool:
        """Tell whether tokens[index] ends a noun phrase that can do the reporting."""
        word = _bare(tokens[index])
        low = word.lower()
        if not word or low in self.determiners or low.endswith(("'s", "’s")):
            return False
        if low in self.agents:
            return True
        if word[:1].isupper():
            # A capitalised plural opening the sentence is a common noun: "Deaths reported ..."
            return not (index == 0 and word[1:].islower() and word.endswith("s"))
        if low.endswith("s") or not word.isalpha():
            return False
        return self._opened_by_determiner(tokens, index)

    def _opened_by_determiner(self, tokens: list[str], index: int) -> bool:
        """Tell whether a lowercase noun heads a phrase like 'the school district'."""
        for back in range(index - 1, max(-1, index - 4), -1):
            word = _bare(tokens[back]).lower()
            if word in self.openers:
                return True
            if not word.replace("'", "").replace("’", "").isalpha() or tokens[back] != tokens[back].lower():
                return False
        return False


def _accounts(possessives: tuple[str, ...], nouns: tuple[str, ...]) -> regex.Pattern:
    """Compile 'by his count', 'by the city's own estimate': a source's own reckoning."""
    if not possessives or not nouns:
        return compile_words(r"(?!)")
    owner = rf"(?:{word_pattern(possessives)}|(?:[\w.&-]+\s+){{0,5}}?[\w.&-]+['’]s)"
    return compile_words(
        rf"\bby\s+{owner}\s+(?:own\s+)?{word_pattern(nouns)}", True, "account_nouns")
