"""Tell a bare number that is not a claim by its context: an age, a score or a box-score line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.base import ANY_SPACE, compile_words
from factlint.checks.wordpattern import alternation
from factlint.checks.figures.record import Phrases

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORDS_BEFORE = compile_words(r"[\w'’.-]+")
NEXT_WORD = compile_words(r"[ \t\u00a0]*\n?[ \t\u00a0]*([A-Za-z]+)")
# After an age or a score the clause ends, or goes on with a function word, not a counted noun.
CLAUSE_END = compile_words(r"\s*(?:[.,;:!?)\]—–]|\Z)")
AGE_CLOSE = compile_words(r"\s*(?:[.,;)]|\Z)")
SENTENCE_END = ".!?:;\"”"
SCORE = compile_words(r"\d{1,3}(?:\s+to\s+\d{1,3})?")


def _lower_set(items: tuple[str, ...]) -> set[str]:
    """Return phrases in lower case with single spaces."""
    return {" ".join(i.lower().split()) for i in items}


class Context:
    """Compiled context tests: multi-word labels, ages, scores and box-score statistics."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Compile the rule's context lists once."""
        self.phrases_before = Phrases(tuple(p for p in options["not_claim_before"] if " " in p.strip()))
        self.age_subjects = _lower_set(options["age_subjects"])
        self.age_groups = _lower_set(options["age_groups"])
        self.age_verbs = _lower_set(options["age_verbs"])
        self.age_clauses = _lower_set(options["age_clauses"])
        self.age_markers = Phrases(options["age_markers"])
        self.adverbs = _lower_set(options["skip_words"]) | {
            a for a in _lower_set(options["approximators"]) if " " not in a}
        self.followers = _lower_set(options["clause_followers"])
        self.score_objects = _lower_set(options["score_objects"])
        self.score_cues = [cue.split() for cue in _lower_set(options["score_cues"]) if " " in cue]
        self.score_verbs = _lower_set(options["score_verbs"])
        self.superlatives = _lower_set(options.get("set_superlatives", ()))
        self.stat_verbs = Phrases(options.get("stat_verbs", ()))
        after = rf"(?:{alternation(options['box_score_after'], ANY_SPACE)})(?![\w-])"
        units = alternation(options["box_score_units"], ANY_SPACE)
        spelled = alternation(options["spelled_numbers"], ANY_SPACE)
        tally = rf"{NUMBER}\s+(?:of|for)\s+{NUMBER}"
        # A count whose unit a box-score figure later in its clause gives: "Paul added 26 and
        # Alexander chipped in 18 points", "Ortiz had 22, Lee 18 rebounds".
        self.gapped = compile_words(
            rf"(?:,|\s+(?:and|while))\s[^.;:!?\n]{{0,60}}?(?<![\w.,$])\d{{1,3}}\s+(?:{units})\b", True,
            "box_score_units")
        # '14 of 22 passes', '17 of 31 for 224 yards', '45% from the field'
        self.stat_line = compile_words(
            rf"(?:{tally}(?=\s+{after}|,?\s+(?:for|with)\s+(?:{NUMBER}|{spelled})\s+(?:{units})\b)"
            rf"|{NUMBER}\s?%(?=\s+{after}))", True, "box_score_after")

    def box_score_end(self, text: str, start: int) -> int:
        """Return the end of a box-score line at start ('14 of 22 passes', '45% from the field'), or 0."""
        match = self.stat_line.match(text, start)
        return match.end() if match else 0

    def labelled(self, text: str, start: int) -> bool:
        """Tell whether one of the phrases of `not_claim_before` ends right before offset `start`."""
        return bool(self.phrases_before.ending(_words_before(text, start)))

    def not_a_claim(self, text: str, start: int, end: int, found: str) -> bool:
        """Tell whether a bare number is an age, a score or labelled by a phrase before it."""
        words = _words_before(text, start)
        if not words:
            return False
        if self.phrases_before.ending(words):
            return True
        if words[-1] == "the" and found.isdigit() and CLAUSE_END.match(text, end):
            return True  # 'scored from the 3', 'one of the 14': a yard line, or a count given before
        if words[-1] == "the" and found.isdigit() and self._superlative_after(text, end):
            return True  # 'the 10 most populous cities': which set, not how many
        if self._is_age_group(found, words):
            return True
        if found.isdigit() and self.stat_verbs.ending(words) and self.gapped.match(text, end):
            return True  # "added 26 and … chipped in 18 points": a statistic whose unit comes later
        return self._is_age(text, start, end, words) or self._is_score(text, end, found, words)

    def _superlative_after(self, text: str, end: int) -> bool:
        """Tell whether a superlative follows the number: 'the 10 most populous cities'."""
        word = NEXT_WORD.match(text, end)
        return bool(word) and word.group(1).lower() in self.superlatives

    def _is_age_group(self, found: str, words: list[str]) -> bool:
        """Tell whether a number bounds an age group: 'voters under 30', 'those over 65'."""
        return found.isdigit() and int(found) <= 120 and len(words) > 1 \
            and words[-1] in ("over", "under") and words[-2] in self.age_groups

    def _clause_ends(self, text: str, end: int) -> bool:
        """Tell whether the clause ends after a number, or goes on with a function word."""
        if CLAUSE_END.match(text, end):
            return True
        word = NEXT_WORD.match(text, end)
        return bool(word) and word.group(1).lower() in self.followers

    def _is_age(self, text: str, start: int, end: int, words: list[str]) -> bool:
        """Tell whether a number is an age: 'when she was 7', 'Ruiz turned 11', ', at 22.'"""
        if not text[start:end].isdigit() or int(text[start:end]) > 120:
            return False
        if self.age_markers.ending(words):
            # "Ortiz turns 70 next month", "died at 43": whoever the subject is, when nothing counted
            # follows ("turned 85 families away" counts families)
            return self._clause_ends(text, end)
        if words[-1] == "at" and AGE_CLOSE.match(text, end):
            before = text[max(0, start - 40):start].rstrip()[:-2].rstrip()
            return not before or before[-1] in SENTENCE_END or before.endswith(",")
        if not self._clause_ends(text, end):
            return False
        index = len(words) - 1
        if index > 0 and words[index] in self.adverbs:
            index -= 1
        if index < 1 or words[index] not in self.age_verbs:
            return False
        subject = words[index - 1]
        if subject in self.age_subjects or (index > 1 and subject in self.adverbs and words[index - 2] in self.age_subjects):
            return True  # "she was 60", "she will be 60 in May"
        raw = WORDS_BEFORE.findall(text, max(0, start - 60), start)[-len(words):]
        if not (subject[:1].isalpha() and raw[index - 1][:1].isupper()):
            return False
        back = index - 2
        while back > 0 and raw[back][:1].isupper() and words[back] not in self.age_clauses and index - back < 4:
            back -= 1  # a name of several words: "as Bill Clinton turns 70"
        return back >= 0 and words[back] in self.age_clauses

    def _is_score(self, text: str, end: int, found: str, words: list[str]) -> bool:
        """Tell whether a number is a score or a margin: 'tied the game at 14', 'won 21 to 14'."""
        if not SCORE.fullmatch(found) or not self._clause_ends(text, end):
            return False
        if " to " in found and words[-1] in self.score_verbs:
            return True
        for cue in self.score_cues:
            if words[-1] != cue[-1]:
                continue
            index = len(words) - 2
            while index >= 0 and words[index] in self.score_objects and \
                    words[index - len(cue) + 2:index + 1] != cue[:-1]:
                index -= 1
            head = words[max(0, index - len(cue) + 2):index + 1]
            if head == cue[:-1]:
                return True
        return False


def _words_before(text: str, start: int) -> list[str]:
    """Return the last six words before offset `start`, lowercase."""
    return [w.lower() for w in WORDS_BEFORE.findall(text, max(0, start - 60), start)][-6:]
