"""Where a quotation's speaker is named: its sentences, the ones around it, the paragraphs beside it."""

from __future__ import annotations

from typing import NamedTuple

from factlint.checks.base import LazyPattern, alternation, compile_words
from factlint.checks.lexicon import WordSet
from factlint.checks.phrases import PhraseSet
from factlint.document import Document
from factlint.quotations import Quote, QuoteScan

# A quotation closed on a comma, question or exclamation mark, then a name or pronoun: the
# speaker follows ("“Go home,” Grant told them", "“Why?” she asked"), whatever the verb.
# So does a determiner ("the statement read"), or any word and then a name or determiner
# ("beamed Dana Ortiz", "read one", "reads an editorial").
SPEAKER_AFTER = compile_words(
    r"[ \t\u00a0]+(?:[A-Z][\w'’.-]*|(?:he|she|they|we|I|it|the|a|an|one|his|her|its|their)\b"
    r"|(?!(?:and|but|or|nor|so|as|while|which|that|who|because|if|when|then|in|on|at|for|to|of|with)\b)"
    r"[a-z]+[ \t\u00a0]+(?:[A-Z]|(?:one|the|a|an|his|her|its|their)\b))")
# A source tag after the quotation in its paragraph, as digests and round-ups credit: "[AP.]".
SOURCE_TAG = compile_words(r"\[[A-Z][\w .,'’&/-]{1,40}\]")
# A credit right after it: "“Yes to the levy” (campaign poster, 2019)".
CREDIT_AFTER = compile_words(r"[ \t]*\([^()\n]{1,40}\)")
# A line that signs the quotation above it: "- Dana Ortiz."
SIGNATURE = compile_words(r"[ \t]*[-—–]+[ \t]*[A-Z]")
# A dash and a name of two capitalised words or more that signs the quotation on its own line,
# up to the line's end or a comma: "“We found a way.” —Jalen Brunson", "— Dana Ortiz, Eastport".
# A dash before the writer's own sentence ("— I heard that line a dozen times.") signs nothing.
SIGNED_AFTER = compile_words(r"[ \t]*[-—–]+[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)+[ \t]*(?:,|\n|\Z)")
WORDS = compile_words(r"[A-Za-z]+")
# A place dateline that opens a story's first paragraph: "LOS ANGELES --", "EASTPORT, Maine —",
# "WASHINGTON (AP) —". It is no sentence of the writer's beside a quotation.
PLACE_DATELINE = compile_words(
    r"[ \t]*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
    r"(?:[ \t]*\([A-Za-z]+\))?[ \t]*(?:--|—|–)")
# How many words before a quotation a naming word may stand: "Her catch phrase in that race was that Ortiz “…”".
NAMING_REACH = 10
SPOKEN_END = (",", "?", "!", "—", "–", "-", "…")
# A name of two capitalised words or more, with the rule's particles between ("Secretary of State").
NAME = r"[A-Z][\w'’.-]+(?:\s+(?:(?:{particles})\s+)?[A-Z][\w'’.-]+)+"
def document_pattern(prepositions: tuple[str, ...], nouns: tuple[str, ...],
                     determiners: tuple[str, ...]) -> LazyPattern | None:
    """Return the pattern of a document a quotation's words are taken from, or None without nouns.

    "Under the Harbor Preservation Ordinance, … to “any resident who has asked in writing”": a
    preposition, one of the determiners or a capitalised word, at most five words and one of the
    nouns, as the rule writes it ("Act" capitalised: "in an act of kindness" names no law). Not a
    possessive: "in the bill's first year" quotes nothing from the bill.
    """
    if not prepositions or not nouns:
        return None
    space = r"\s+"
    opener = rf"(?:(?i:{alternation(determiners, space)})\b|[A-Z][\w'’.-]*)"
    return compile_words(
        rf"\b(?i:{alternation(prepositions, space)})\s+{opener}(?:\s+[\w'’.,-]+){{0,5}}?"
        rf"\s+(?:{alternation(nouns, space)})\b(?![’'])", key="document_nouns")


def described_pattern(verbs: tuple[str, ...], particles: tuple[str, ...]) -> LazyPattern | None:
    """Return the pattern of a linking verb and a name, or None without verbs.

    A few quoted words in a sentence that goes on to name the person they describe are that
    person's: "“shouting from the rooftops” for the levy is Marcus Webb". A name with no such
    verb before it ("goes to a vote at City Hall") describes nothing.
    """
    if not verbs:
        return None
    space = r"\s+"
    name = NAME.format(particles=alternation(particles, space))
    return compile_words(rf"\b(?:{alternation(verbs, space)})\s+{name}", key="describing_verbs")


class Naming(NamedTuple):
    """Words that name a quotation as a line or a title: before it, or pointing back at it ('that slogan')."""

    cues: PhraseSet
    pointing: PhraseSet


class Speaker:
    """Speaker cues of one document: lexicon phrases and verb forms, searched outside quotations."""

    def __init__(self, doc: Document, scan: QuoteScan, cues: PhraseSet, verbs: WordSet,
                 pronouns: frozenset[str] = frozenset(), named: LazyPattern | None = None,
                 naming: Naming | None = None, documents: LazyPattern | None = None,
                 partial_cues: PhraseSet | None = None) -> None:
        """Keep the document, its quotations, and the rule's cues, pronouns, naming words and patterns."""
        self.doc, self.scan, self.cues, self.verbs, self.pronouns = doc, scan, cues, verbs, pronouns
        self.named, self.naming, self.documents, self.partial_cues = named, naming, documents, partial_cues
        self.spoken: dict[int, bool] = {}

    def near(self, quote: Quote, partial: bool) -> bool:
        """Tell whether a speaker is named next to a quotation, or in the paragraph before or after it."""
        doc = self.doc
        if doc.lint_text[max(0, quote.start - 20):quote.start].rstrip().endswith(":"):
            return True
        if quote.close is not None and doc.lint_text[quote.close - 1] in SPOKEN_END and \
                SPEAKER_AFTER.match(doc.lint_text, quote.end):
            return True
        first = doc.sentence_index(quote.start)
        last = doc.sentence_index(max(quote.start, quote.end - 1))
        paragraph = doc.paragraph_index(quote.start)
        if SOURCE_TAG.search(self.scan.masked, quote.end, doc.paragraphs[paragraph].end) or \
                CREDIT_AFTER.match(doc.lint_text, quote.end) or SIGNED_AFTER.match(doc.lint_text, quote.end):
            return True
        # The quotation's own sentences first: the cue is most often there, and searches are the cost.
        near = [i for i in (first - 1, last + 1) if _in_paragraph(doc, i, paragraph)]
        if any(self._cued(i) for i in (*range(first, last + 1), *near)):
            return True
        if partial and self.partial_cues is not None and first >= 0 and any(
                self.partial_cues.search(self.scan.masked, doc.sentences[i].start, doc.sentences[i].end)
                for i in (*range(first, last + 1), *near)):
            return True  # "Ellison remembers Whitfield as … Her picture is of him “pacing the sideline”"
        if partial and paragraph > 0 and self._cued(doc.sentence_index(doc.paragraphs[paragraph - 1].end - 1)):
            return True  # a few quoted words take their source from the paragraph before
        if partial and self.named is not None and self.named.search(self.scan.masked, quote.end, doc.sentences[last].end):
            return True  # a few quoted words, then the person they describe: "“child of the ’80s” is Wayne Borders"
        if partial and self._quotes_document(first, last, paragraph):
            return True  # a law's or contract's own words: "Under the Act, … to “any candidate who …”"
        if self._points_back(first, last, paragraph):
            return True  # "Why was he out in the heat? “My mom says I have to save.”"
        if not self.only_quotes(paragraph):
            return False  # the writer's own sentences sit beside it: a speaker must be named here
        if paragraph + 1 < len(doc.paragraphs) and SIGNATURE.match(doc.lint_text, doc.paragraphs[paragraph + 1].start):
            return True
        beside = []
        if paragraph > 0:  # the speaker named at the end of the paragraph before ("She added:")
            beside.append(doc.sentence_index(doc.paragraphs[paragraph - 1].end - 1))
        if paragraph + 1 < len(doc.paragraphs):  # or at the start of the next one, not as its own quote's
            following = doc.sentence_index(doc.paragraphs[paragraph + 1].start)
            if following >= 0 and not self._quotes_in(following):
                beside.append(following)
        # Beside the quotation's paragraph only a verb of speaking names a speaker: "according to
        # court records" there sources the facts of its own paragraph, not a quotation.
        return any(self._cued(i, spoken_only=True) for i in beside)

    def _points_back(self, first: int, last: int, paragraph: int) -> bool:
        """Tell whether the writer's words next to the quotation refer by pronoun to a speaker of the paragraph before.

        "Sales were great, he said. … ¶ Why was he out in the heat? “My mom says …”": the "he" is
        the speaker just quoted, and the quotation his. The pronoun must stand in the quotation's
        own sentences or the one just before them in its paragraph; a paragraph before that names
        no speaker by a verb of speaking names no one.
        """
        if not self.pronouns or paragraph == 0 or first < 0:
            return False
        doc = self.doc
        start = doc.sentences[first - 1 if _in_paragraph(doc, first - 1, paragraph) else first].start
        words = {w.lower() for w in WORDS.findall(self.scan.masked, start, doc.sentences[last].end)}
        if not words & self.pronouns:
            return False
        before = doc.paragraphs[paragraph - 1]
        opening = doc.sentence_index(before.start)
        closing = doc.sentence_index(max(before.start, before.end - 1))
        return opening >= 0 and any(self._cued(i, spoken_only=True) for i in range(opening, closing + 1))

    def _quotes_document(self, first: int, last: int, paragraph: int) -> bool:
        """Tell whether the quotation's sentences, or the one before them in its paragraph, name a document it quotes."""
        if self.documents is None or first < 0:
            return False
        start = self.doc.sentences[first - 1 if _in_paragraph(self.doc, first - 1, paragraph) else first].start
        return self.documents.search(self.scan.masked, start, self.doc.sentences[last].end) is not None

    def only_quotes(self, paragraph: int) -> bool:
        """Tell whether a paragraph is quotation and nothing else (a run of quotes, a pull-quote)."""
        span = self.doc.paragraphs[paragraph]
        dateline = PLACE_DATELINE.match(self.scan.masked, span.start, span.end)
        start = dateline.end() if dateline else span.start
        return not self.scan.masked[start:span.end].strip(" \t\n\"“”'‘’.,;:!?…—–-()[]")

    def _quotes_in(self, index: int) -> bool:
        """Tell whether sentence `index` holds a quotation (its cue then names that quotation's speaker)."""
        span = self.doc.sentences[index]
        return self.scan.starting_in(span.start, span.end)

    def named_line(self, quote: Quote) -> bool:
        """Tell whether words that name a line or a title introduce the quotation, or point back at it.

        "headlines such as “…”", "Her catch phrase was that Ortiz “…”": a naming word among the
        words just before it in its sentence. "“Harbor first.” ¶ The council put that slogan on
        every bus": after a quotation-only paragraph, a determiner and a naming word in the next
        paragraph's first sentence. "It made headlines" after the quotation names nothing.
        """
        if self.naming is None:
            return False
        doc, masked = self.doc, self.scan.masked
        sentence = doc.sentence_at(quote.start)
        lead = " ".join(masked[sentence.start:quote.start].split()[-NAMING_REACH:])
        if self.naming.cues.search(lead) is not None:
            return True
        paragraph = doc.paragraph_index(quote.start)
        if paragraph + 1 >= len(doc.paragraphs) or not self.only_quotes(paragraph):
            return False
        following = doc.sentences[doc.sentence_index(doc.paragraphs[paragraph + 1].start)]
        return self.naming.pointing.search(masked, following.start, following.end) is not None

    def _cued(self, index: int, spoken_only: bool = False) -> bool:
        """Tell whether sentence `index` holds a speaker cue (a verb of speaking, if spoken_only) outside quotes."""
        if index < 0:
            return False
        span, masked = self.doc.sentences[index], self.scan.masked
        if index not in self.spoken:
            self.spoken[index] = bool(self.verbs.search(masked, span.start, span.end)) or \
                masked[span.start:span.end].rstrip().endswith(":")
        if spoken_only or self.spoken[index]:
            return self.spoken[index]
        return bool(self.cues.search(masked, span.start, span.end))


def _in_paragraph(doc: Document, index: int, paragraph: int) -> bool:
    """Tell whether sentence `index` exists and lies in the given paragraph."""
    return 0 <= index < len(doc.sentences) and doc.paragraph_index(doc.sentences[index].start) == paragraph
