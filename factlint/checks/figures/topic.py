"""A data source's credit goes on covering later figures of the same measure: 'the median home price'."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.checks.attribution import word_ends, written_lowercase
from factlint.checks.base import compile_words
from factlint.segment import PLACE_DATELINE

# A word that can name what a figure measures: a lowercase word, hyphens and apostrophes inside.
WORD = compile_words(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]")
# A figure's own clause: its words stop at a comma, a semicolon, a colon, a dash or a parenthesis.
CLAUSE_BREAK = compile_words(r"[,;:()\[\]—–]|\s-{1,2}\s")
# What comes before a list's item: "17.7 percent at one casino, 5.5 percent at Bally's", "…casinos: Golden Nugget by 29 percent".
ITEM_BREAKS = frozenset({",", ";", ":"})
# At most this many words after a word of another place to the place it names: "nearby rural towns".
PLACE_REACH = 3
# A word as written, possessive ending included: "the mill's sales".
WRITTEN = compile_words(r"[\w'’-]+")


class TopicCarry:
    """Lists that tell whether an earlier credited figure's sentence measures what this one does."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Keep the rule's reach, overlap, ignored words and the words that make a figure a claim of its own."""
        self.paragraphs = options["topic_paragraphs"]
        self.overlap = options["topic_overlap"]
        # One word in common is enough when it is a measure's own word next to both figures.
        self.head_overlap = options["topic_head_overlap"]
        # Words that open another clause before a figure ("who", "and"), and prepositions that
        # open a place or time after it ("near the hospital"): neither says what it measures.
        self.clause_openers = frozenset(w.lower() for w in options["topic_clause_openers"])
        self.prepositions = frozenset(w.lower() for w in options["topic_prepositions"])
        self.share_links = frozenset(w.lower() for w in options["topic_share_links"])
        # Words that say how or where, not what: "applications soared", "Nationally, the rate was".
        self.changes = frozenset(w.lower() for w in options["change_words"])
        self.scope_words = frozenset(w.lower() for w in options["topic_scope_words"])
        # Words that move a figure's own clause to another place: "in neighboring Monroe County".
        self.elsewhere = frozenset(w.lower() for w in options["topic_elsewhere_words"])
        self.place_nouns = frozenset(w.lower() for w in options["topic_place_nouns"])
        self.function_words = frozenset(w.lower() for w in options["determiners"]) | self.prepositions \
            | self.clause_openers | self.share_links
        self.phrase_ends = self.prepositions | self.share_links
        self.ignore = frozenset(w.lower() for w in options["topic_ignore"])
        self.blockers = frozenset(w.lower() for w in options["topic_blockers"])
        # How many words before and after a figure say what it measures: "the median home price
        # rose 6 percent", not the rest of a long sentence.
        self.before, self.after = options["topic_words_before"], options["topic_words_after"]
        # Endings folded away so that a plural or possessive meets its singular: 'prices', 'price'.
        self.endings = tuple(sorted((w.lower() for w in options["topic_endings"]), key=len, reverse=True))

    def measures(self, text: str, opens_sentence: bool = True) -> frozenset[str]:
        """Return the stems of the words that say what a sentence measures ('median', 'home', 'price')."""
        stems = set()
        text = text.lstrip(" \t\n\"'“‘(")
        if opens_sentence:
            text = text[:1].lower() + text[1:]  # a sentence's first word is capitalised as a sentence's
        for word in WORD.findall(text):
            word = word.replace("’", "'")
            if len(word) < 4 or word in self.ignore:
                continue
            stems.add(self._stem(word))
        return frozenset(stems)

    def near(self, sentence: str, start: int, end: int) -> frozenset[str]:
        """Return what the figure at [start, end) of a sentence measures: the words next to it."""
        before = sentence[:start].split()
        head = " ".join(before[-self.before:]) if self.before else ""
        tail = " ".join(sentence[end:].split()[:self.after])
        return self.measures(head, opens_sentence=len(before) <= self.before) | self.measures(tail, False)

    def heads(self, sentence: str, start: int, end: int, story: str = "") -> frozenset[str]:
        """Return the words of the figure's own clause next to it that can name its measure ('rents', 'price').

        Stricter than near(): no word across a comma or dash (the credit in "52,000 visits last year,
        hospital records show" is not the measure) or another clause ("who helped recruit patients
        and who was paid $40,000"), none after a preposition ("9 percent near the hospital", "home
        rents in Ames"), no name, title or owner ("council member Dana Ortiz", "the mill's sales"),
        no word of change ("applications soared") and not the figure's own verb ("Lee Park gave $5
        million"). Of a run of words the last names the measure: "sales tax revenue", "home
        insurance premiums". A share takes its measure from the group after it alone: "out of reach
        for 62 percent of local families". A sentence's first word is read in lower case unless
        `story` shows it is a name ("Rents rose").
        """
        return self.measure_of(sentence, start, end, story)[0]

    def measure_of(self, sentence: str, start: int, end: int, story: str,
                   earlier: tuple[tuple[int, int], ...] = ()) -> tuple[frozenset[str], set[str]]:
        """Return the figure's heads (see heads()) and its scope: the capitalised words of its clause and of an opening phrase of place, and its words of another place.

        `earlier` holds the spans of the sentence's figures before this one: an item of a list that
        names no measure of its own measures what the list does (see _list_measure()).
        """
        sentence = _common_opening(sentence, story)
        before, after = self._clause_before(sentence[:start]), self._clause_after(sentence[end:])
        names = {word for word in before + after + self._introduction(sentence[:start]) if word[:1].isupper()}
        # A word that moves to another place ("in neighboring Monroe County") is a scope as a name is.
        names |= self._elsewhere_words(sentence, start, end)
        if after and after[0].lower() in self.share_links:
            return frozenset(self._run_heads(after[1:])), names
        # The word right before a figure is its verb or preposition ("gave $5 million", "hold 54").
        heads = frozenset(self._run_heads(self._measure_phrase(before)[:-1]) | self._run_heads(after))
        if heads or not self._list_item(sentence[:start], before):
            return heads, names
        return self._gapped(sentence, start) or self._list_measure(sentence, start, story, earlier, names)

    def _list_item(self, text: str, before: list[str]) -> bool:
        """Tell whether a figure opens an item of a list: after a comma, semicolon or colon, with only names and short words before it.

        "Revenue fell 17.7 percent at one casino, 5.5 percent at Bally's"; "…at five casinos:
        Golden Nugget by 29 percent; Resorts by 17.6 percent".
        """
        breaks = list(CLAUSE_BREAK.finditer(text))
        if not breaks or breaks[-1].group() not in ITEM_BREAKS:
            return False
        return all(word[:1].isupper() or word.lower() in self.function_words for word in before)

    def _elsewhere_words(self, sentence: str, start: int, end: int) -> set[str]:
        """Return the words of the figure's clause that move it to another place: 'in neighboring Monroe County'."""
        if not self.elsewhere:
            return set()
        opening = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)]
        closing = CLAUSE_BREAK.search(sentence, end)
        return self._places_elsewhere(WRITTEN.findall(sentence[opening[-1] if opening else 0:closing.start() if closing else len(sentence)]))

    def _places_elsewhere(self, words: list[str]) -> set[str]:
        """Return the words of another place among words: one of `topic_elsewhere_words` before a name or a place noun.

        "neighboring Monroe County", "the nearby suburbs", "nearby rural towns"; not "the confusion
        surrounding the new fare cards" nor "routes with adjacent park-and-ride lots".
        """
        found = set()
        for index, word in enumerate(words):
            if word.lower() in self.elsewhere and self._names_place(words[index + 1:index + 1 + PLACE_REACH]):
                found.add(word.lower())
        return found

    def _names_place(self, words: list[str]) -> bool:
        """Tell whether the noun phrase the words open names a place: 'Monroe County', 'rural towns'; not 'the new fare cards'."""
        for word in words:
            if word[:1].isupper() or word.lower() in self.place_nouns:
                return True
            if word.lower() in self.function_words:
                return False
        return False

    def _gapped(self, sentence: str, start: int) -> tuple[frozenset[str], set[str]] | None:
        """Return the measure of a gapped item, whose measure stands before its comma: "…; home prices, 11 percent".

        None unless the figure opens its clause after a comma and the words before that comma,
        back to the break before them, give no figure but a measure.
        """
        breaks = list(CLAUSE_BREAK.finditer(sentence, 0, start))
        if not breaks or breaks[-1].group() != "," or sentence[breaks[-1].end():start].strip():
            return None
        chunk = sentence[breaks[-2].end() if len(breaks) > 1 else 0:breaks[-1].start()]
        words = WRITTEN.findall(chunk)
        heads = self._run_heads(words)
        if not heads or any(c.isdigit() for c in chunk):
            return None
        return frozenset(heads), {word for word in words if word[:1].isupper()}

    def _list_measure(self, sentence: str, start: int, story: str, earlier: tuple[tuple[int, int], ...],
                      own: set[str]) -> tuple[frozenset[str], set[str]]:
        """Return what a list measures for an item that names nothing: the figure before it, or the clause before a colon.

        `own` is the item's own scope: a colon list's names are its members ("Golden Nugget by 29
        percent"), any other list's item keeps its place ("Rents rose 4 percent in Eastport, in
        Monroe County 8 percent").
        """
        colon = sentence.rfind(":", 0, start)
        own = set() if colon >= 0 else own
        if earlier:
            heads, names = self.measure_of(sentence, *earlier[-1], story, earlier[:-1])
            return heads, names | own
        if colon < 0:
            return frozenset(), set()
        opening = [m.end() for m in CLAUSE_BREAK.finditer(sentence[:colon])]
        words = WRITTEN.findall(sentence[opening[-1] if opening else 0:colon])
        names = {word for word in words if word[:1].isupper()} | self._places_elsewhere(words)
        # The clause's last word names the list's members ("at five of the casinos"), not a measure.
        return frozenset(self._run_heads(self._measure_phrase(words)[:-1])), names

    def _introduction(self, text: str) -> list[str]:
        """The words of a sentence's opening phrase of place before its first comma: 'In neighboring Harlow County,'."""
        opening, comma, _ = text.partition(",")
        words = WRITTEN.findall(opening) if comma else []
        return words[1:] if words and words[0].lower() in self.prepositions else []

    def widens(self, sentence: str, earlier: str) -> bool:
        """Tell whether a sentence moves to a scope the earlier one has not: 'Nationally,', 'Statewide,'."""
        mine, theirs = set(WORD.findall(sentence.lower())), set(WORD.findall(earlier.lower()))
        return not (mine & self.scope_words) <= theirs

    def _measure_phrase(self, words: list[str]) -> list[str]:
        """Cut a clause before a figure where a preposition follows its measure: "the median home price [in Ames fell]".

        The figure's own verb stays last, to be dropped. A measure a name qualifies ("Cases of RSV
        at the hospital reached") is none to compare.
        """
        for index, word in enumerate(words):
            if word.lower() not in self.phrase_ends or not any(
                    w[:1].islower() and w.lower() not in self.function_words for w in words[:index]):
                continue
            if word.lower() in self.share_links and words[index + 1:index + 2] and words[index + 1][:1].isupper():
                return []
            return words[:index] + words[-1:]
        return words

    def _run_heads(self, words: list[str]) -> set[str]:
        """Return the last word of each run of measure words (short words join a run but name nothing alone)."""
        heads: set[str] = set()
        run: list[str] = []
        for word, following in zip(words, [*words[1:], ""]):
            word = word.replace("’", "'")
            low = word.lower()
            if low in self.function_words or low in self.ignore or low in self.changes or not word[:1].islower() \
                    or word.endswith(("'s", "'")) or following[:1].isupper():
                self._close_run(run, heads)
                run = []
            else:
                run.append(low)
        self._close_run(run, heads)
        return heads

    def _close_run(self, run: list[str], heads: set[str]) -> None:
        """Add a run's last word, with the word before it, to the heads: 'manufacturing job', 'rent'.

        Not a last word too short to name a measure ('pay', 'tax').
        """
        if run and len(run[-1]) >= 4:
            heads.add(" ".join(self._stem(word) for word in run[-2:]))

    def same_heads(self, mine: frozenset[str], earlier: frozenset[str]) -> int:
        """Count my heads that name a measure of the earlier ones: the same last word, and no other word before it.

        "rents" meets "home rents"; "youth unemployment" does not meet "unemployment", nor
        "construction jobs" "manufacturing jobs".
        """
        return sum(1 for head in mine if any(_compatible(head, other) for other in earlier))

    def _clause_before(self, text: str) -> list[str]:
        """The last `topic_words_before` words of the figure's clause before it."""
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(text)]
        words = WRITTEN.findall(text[breaks[-1] if breaks else 0:])[-self.before:]
        opened = [i for i, word in enumerate(words) if word.lower() in self.clause_openers]
        return words[opened[-1] + 1:] if opened else words

    def _clause_after(self, text: str) -> list[str]:
        """The first `topic_words_after` words after the figure, up to a clause break or a preposition."""
        stop = CLAUSE_BREAK.search(text)
        words = []
        for word in WRITTEN.findall(text[:stop.start() if stop else len(text)])[:self.after]:
            if word.lower() in self.clause_openers or word.lower() in self.prepositions:
                break
            words.append(word)
        return words

    def blocked(self, text: str) -> bool:
        """Tell whether a sentence makes a claim of its own: a projection, an estimate, a hypothetical."""
        return any(word.replace("’", "'") in self.blockers for word in WORD.findall(text.lower()))

    def _stem(self, word: str) -> str:
        """Strip the first of `topic_endings` that leaves four letters or more."""
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[:-len(ending)]
        return word


def _common_opening(sentence: str, story: str) -> str:
    """Lower a sentence's capitalised first word unless it is a name: 'Rents', 'Youth', not 'Ortiz'.

    A word is a name when the story capitalises it inside a sentence and never writes it in lower
    case. A dateline before it ("EASTPORT -- Ridership fell") is no word of the sentence.
    """
    dateline = PLACE_DATELINE.match(sentence)
    first = WRITTEN.search(sentence, dateline.end() if dateline else 0)
    if first is None or not first.group()[:1].isupper() or \
            sentence[dateline.end() if dateline else 0:first.start()].strip(" \t\n\"'“‘("):
        return sentence
    if not written_lowercase(story, first.group()) and _named_inside(story, first.group()):
        return sentence
    return sentence[:first.start()] + first.group()[:1].lower() + first.group()[1:] + sentence[first.end():]


def _compatible(head: str, other: str) -> bool:
    """Tell whether a head names an earlier one's measure: the same last word, and no other word before it.

    "rents" meets "home rents"; "youth unemployment" does not meet "unemployment".
    """
    *mine, last = head.split()
    *theirs, their_last = other.split()
    return last == their_last and (not mine or mine == theirs)


def _named_inside(story: str, word: str) -> bool:
    """Tell whether the story capitalises a word inside a sentence, not after a dateline, as names are: 'Eastport'."""
    for at in word_ends(story, word):
        back = at - 1
        while back >= 0 and story[back] in " \t\"'“‘(":  # past spaces and opening quotes, not a line break
            back -= 1
        if back >= 0 and story[back] not in ".!?:\n-—–":
            return True
    return False
