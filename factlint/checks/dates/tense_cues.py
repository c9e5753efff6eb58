"""Tense for the `dates` kind: the cue words near a date that say whether it is past or future."""

from __future__ import annotations

from factlint.checks.base import compile_words
from factlint.checks.dates.words import Lexicon
from factlint.document import Document

CLAUSE_MARKS = ",;:(—–\"“”"
MAX_INSERTIONS = 3
DASHES = "—–"
PREV_WORD = compile_words(r"(?P<word>[A-Za-z]+)[ \t\u00a0\n]+$")
NEXT_WORD = compile_words(r"[ \t\u00a0]+(?P<word>[A-Za-z]+)")
WORD_REACH = 24  # characters a word before a past form is looked for in: "unexpectedly"
Cue = tuple[int, int, str]   # start, end, and 'past', 'future', 'reported' or 'neutral'


def _cues(text: str, lex: Lexicon, start: int, end: int) -> list[Cue]:
    """The tense cues in [start, end), leaving out past forms used as participles ('will be held')."""
    cues = []
    for m in lex.cues.finditer(text, start, end):
        if text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isalpha():
            continue  # a compound's first word ("left-wing groups", "closed-door talks") is no verb
        tense = lex.cue_tense[" ".join(m.group(0).lower().split())]
        if tense in ("past", "reported") and _participle(text, lex, m.start(), m.end()):
            continue
        cues.append((m.start(), m.end(), tense))
    return cues


def _participle(text: str, lex: Lexicon, start: int, end: int) -> bool:
    """Tell whether a past form at [start, end) is a participle: after 'be' or 'have' ("will be held"), or describing a noun.

    A past form with one of `past_participle_endings` (-ed) right after a determiner ("the revised budget"), or after an -ly adverb
    that follows a determiner or a preposition ("from freshly filed reports"), and before a
    word that can be the noun it describes, says nothing of when the date is.
    """
    before = PREV_WORD.search(text, max(0, start - WORD_REACH), start)
    word = before["word"] if before else ""
    if word.lower() in lex.participle_before:
        return True
    if not text[start:end].lower().endswith(lex.past_participle_endings) or not _noun_follows(text, lex, end):
        return False
    if word.lower() in lex.participle_determiners:
        return True
    if before is None or not word.islower() or not (word in lex.participle_adverbs or word.endswith(lex.adverb_endings)):
        return False  # "The family held a vigil", "The grizzly killed livestock": no adverb
    lead = PREV_WORD.search(text, max(0, before.start() - WORD_REACH), before.start())
    lead_word = lead["word"].lower() if lead else ""
    return lead_word in lex.participle_determiners or lead_word in lex.participle_prepositions


def _noun_follows(text: str, lex: Lexicon, end: int) -> bool:
    """Tell whether the word after offset `end` can be a noun a participle describes: no small word, weekday or month."""
    found = NEXT_WORD.match(text, end)
    if found is None:
        return False
    return found["word"].lower() not in lex.participle_stops


def lean_tense(doc: Document, cache: dict[int, list[Cue]], lex: Lexicon, start: int,
               end: int) -> str | None:
    """The tense nearest a mention in its sentence: the cue before it, else the one after.

    `cache` keeps each sentence's cues, keyed by the sentence's start, for the next mention.
    """
    sentence = doc.sentence_at(start)
    cues = cache.get(sentence.start)
    if cues is None:
        cues = cache[sentence.start] = _cues(doc.lint_text, lex, *sentence)
    before = [c for c in cues if c[1] <= start]
    after = [c for c in cues if c[0] >= end]
    cue = before[-1][2] if before else after[0][2] if after else None
    return {"reported": "past", "neutral": None}.get(cue, cue)


def strict_tense(doc: Document, lex: Lexicon, start: int) -> tuple[str, int, int] | None:
    """The cue governing a mention: the nearest before it in its clause, if past or future.

    None when the date names a thing ("the Jan. 6 committee") and for past wording that points
    ahead through a preposition ("was postponed until March 3").
    """
    text = doc.lint_text
    before = PREV_WORD.search(text, max(0, start - 16), start)
    word = before["word"].lower() if before else ""
    if word in lex.attributive:
        return None
    cues = clause_cues(doc, lex, start)
    if not cues or cues[-1][2] not in ("past", "future"):
        return None
    cue_start, cue_end, tense = cues[-1]
    if tense == "past" and word in lex.target_prepositions:
        return None
    return tense, cue_start, cue_end


def clause_cues(doc: Document, lex: Lexicon, start: int) -> list[Cue]:
    """The tense cues of the clause a mention belongs to, before it.

    The clause runs back to a clause mark or clause word. When it holds no cue and a clause set
    off by commas or dashes stands just before it ("…the audit, which the board requested last
    year, on June 10"), the insertion is stepped over and the clause around it is read.
    """
    text = doc.lint_text
    low = doc.sentence_at(start).start
    end = start
    for _ in range(MAX_INSERTIONS + 1):
        floor = _clause_floor(text, lex, low, end)
        cues = _cues(text, lex, floor, end)
        if cues:
            return cues
        inserted = _insertion_start(text, lex, low, floor)
        if inserted is None:
            return []
        end = inserted
    return []


def _clause_floor(text: str, lex: Lexicon, low: int, end: int) -> int:
    """Where the clause ending at `end` begins: after the last clause mark or clause word."""
    floor = max([low, *(text.rfind(ch, low, end) + 1 for ch in CLAUSE_MARKS)])
    return max([floor, *(m.end() for m in lex.clause_words.finditer(text, floor, end))])


def _insertion_start(text: str, lex: Lexicon, low: int, floor: int) -> int | None:
    """The opening mark of a comma- or dash-bounded insertion that ends just at `floor`, if any."""
    closing = text[floor - 1] if floor > low else ""
    if not closing or closing not in "," + DASHES:
        return None
    opening = max(text.rfind(ch, low, floor - 1) for ch in CLAUSE_MARKS)
    if opening < low:
        return None
    if closing in DASHES:
        return opening if text[opening] in DASHES else None
    first = text[opening + 1:floor - 1].split(None, 1)
    if text[opening] == "," and first and first[0].lower() in lex.insertion_openers:
        return opening
    return None
