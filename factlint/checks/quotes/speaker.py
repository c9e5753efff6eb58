"""Where a quotation's speaker is named: its sentences, the ones around it, the paragraphs beside it."""

from typing import NamedTuple

from factlint.checks.base import LazyPattern, compile_words
from factlint.checks.wordpattern import alternation
from factlint.checks.lexicon import WordSet
from factlint.checks.phrases import PhraseSet
from factlint.document import Document
from factlint.quotations import Quote, QuoteScan
from factlint.segment import PLACE_DATELINE

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
# A sentence that opens with a person: two capitalised words ("Marta Ellison, whose …"), or one
# right before the cue ("Ellison remembers", "He remembered").
PERSON_OPENS = compile_words(r"(?:[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+\b|[A-Z][\w'’.-]+\s*\Z)")
# How many words before a quotation a naming word may stand: "Her catch phrase in that race was that Ortiz “…”".
NAMING_REACH = 10
SPOKEN_END = (",", "?", "!", "—", "–", "-", "…")
# A name of two capitalised words or more, with the rule's particles between ("Secretary of State").
NAME = r"[A-Z][\w'’.-]+(?:\s+(?:(?:{particles})\s+)?[A-Z][\w'’.-]+)+"


def document_pattern(prepositions: tuple[str, ...], nouns: tuple[str, ...], determiners: tuple[str, ...],
                     minor: tuple[str, ...]) -> LazyPattern | None:
    """Return the pattern of a document a quotation's words are taken from, or None without nouns.

    "Under the Harbor Preservation Ordinance, … to “any resident who has asked in writing”": a
    preposition, one of the determiners or a capitalised word, at most five modifiers (no minor
    word: "By the time the water bill" governs no bill) and one of the nouns, as the rule writes
    it ("Act" capitalised: "in an act of kindness" names no law). Not a possessive: "in the bill's
    first year" quotes nothing from the bill.
    """
    if not prepositions or not nouns:
        return None
    space = r"\s+"
    opener = rf"(?:(?i:{alternation(determiners, space)})\b|[A-Z][\w'’.-]*)"
    modifier = rf"(?!(?i:{alternation(minor, space)})\b)[\w'’.-]+" if minor else r"[\w'’.-]+"
    return compile_words(
        rf"\b(?i:{alternation(prepositions, space)})\s+{opener}(?:\s+{modifier}){{0,5}}?"
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


class SpeakerRules(NamedTuple):
    """A rule's speaker cues and patterns, built once per rule set."""

    cues: PhraseSet
    verbs: WordSet
    pronouns: frozenset[str] = frozenset()   # pronouns that point back at a speaker
    named: LazyPattern | None = None          # a linking verb and the name a partial quotation describes
    naming: Naming | None = None              # words that name a quotation as a line or a title
    documents: LazyPattern | None = None      # a law or contract whose wording a partial quotation gives
    partial_cues: PhraseSet | None = None     # cues for a partial quotation only ("remembers")
    linking: frozenset[str] = frozenset()     # words before a quotation that make it a view, not a wording
    articles: frozenset[str] = frozenset()    # determiners that open a sentence naming no one


class Speaker:
    """Speaker cues of one document: lexicon phrases and verb forms, searched outside quotations."""

    def __init__(self, doc: Document, scan: QuoteScan, rules: SpeakerRules) -> None:
        """Keep the document, its quotations and the rule's cues and patterns."""
        self.doc, self.scan, self.rules = doc, scan, rules
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
        if partial and self.rules.partial_cues is not None and first >= 0 and any(
                self._named_cue(i) for i in (*range(first, last + 1), *near)):
            return True  # "Ellison remembers Whitfield as … Her picture is of him “pacing the sideline”"
        if partial and paragraph > 0 and self._cued(doc.sentence_index(doc.paragraphs[paragraph - 1].end - 1)):
            return True  # a few quoted words take their source from the paragraph before
        if partial and self.rules.named is not None and self.rules.named.search(self.scan.masked, quote.end, doc.sentences[last].end):
            return True  # a few quoted words, then the person they describe: "“child of the ’80s” is Wayne Borders"
        if partial and self._quotes_document(quote, first, last, paragraph):
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
        if not self.rules.pronouns or paragraph == 0 or first < 0:
            return False
        doc = self.doc
        start = self._lead_start(first, paragraph)
        words = {w.lower() for w in WORDS.findall(self.scan.masked, start, doc.sentences[last].end)}
        if not words & self.rules.pronouns:
            return False
        before = doc.paragraphs[paragraph - 1]
        opening = doc.sentence_index(before.start)
        closing = doc.sentence_index(max(before.start, before.end - 1))
        return opening >= 0 and any(self._cued(i, spoken_only=True) for i in range(opening, closing + 1))

    def _named_cue(self, index: int) -> bool:
        """Tell whether sentence `index` holds a partial cue whose sentence opens with a person: a name or a pronoun.

        "Marta Ellison, whose mother ran the snack bar, remembers …", "He remembered …"; not "The
        town remembered the victims" nor "Longtime residents remembered".
        """
        span = self.doc.sentences[index]
        cue = self.rules.partial_cues.search(self.scan.masked, span.start, span.end)
        if cue is None:
            return False
        opening = self.scan.masked[span.start:cue.begin].lstrip(" \t\n\"“‘'(")
        return bool(PERSON_OPENS.match(opening)) and opening.split()[0].lower() not in self.rules.articles

    def _quotes_document(self, quote: Quote, first: int, last: int, paragraph: int) -> bool:
        """Tell whether the quotation's sentences, or the one before them in its paragraph, name a document it quotes.

        Not after a linking word ("was “a giveaway”", "saw as “the first real win”"): that
        quotes someone's view of the document, not its wording.
        """
        if self.rules.documents is None or first < 0:
            return False
        before = WORDS.findall(self.scan.masked, max(0, quote.start - 30), quote.start)[-1:]
        if before and before[0].lower() in self.rules.linking:
            return False
        start = self._lead_start(first, paragraph)
        return self.rules.documents.search(self.scan.masked, start, self.doc.sentences[last].end) is not None

    def _lead_start(self, first: int, paragraph: int) -> int:
        """Return where the writer's words around a quotation start: the sentence before its first, if in its paragraph."""
        return self.doc.sentences[first - 1 if _in_paragraph(self.doc, first - 1, paragraph) else first].start

    def only_quotes(self, paragraph: int) -> bool:
        """Tell whether a paragraph is quotation and nothing else (a run of quotes, a pull-quote)."""
        span = self.doc.paragraphs[paragraph]
        dateline = PLACE_DATELINE.match(self.scan.masked, span.start, span.end) if self._opens_story(paragraph) else None
        start = dateline.end() if dateline else span.start
        return not self.scan.masked[start:span.end].strip(" \t\n\"“”'‘’.,;:!?…—–-()[]")

    def _opens_story(self, paragraph: int) -> bool:
        """Tell whether a paragraph is the story's first after its headings: where a place dateline stands."""
        return all(self.doc.in_heading(self.doc.paragraphs[i].start) for i in range(paragraph))

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
        if self.rules.naming is None:
            return False
        doc, masked = self.doc, self.scan.masked
        sentence = doc.sentence_at(quote.start)
        lead = " ".join(masked[sentence.start:quote.start].split()[-NAMING_REACH:])
        if self.rules.naming.cues.search(lead) is not None:
            return True
        paragraph = doc.paragraph_index(quote.start)
        if paragraph + 1 >= len(doc.paragraphs) or not self.only_quotes(paragraph):
            return False
        following = doc.sentences[doc.sentence_index(doc.paragraphs[paragraph + 1].start)]
        return self.rules.naming.pointing.search(masked, following.start, following.end) is not None

    def _cued(self, index: int, spoken_only: bool = False) -> bool:
        """Tell whether sentence `index` holds a speaker cue (a verb of speaking, if spoken_only) outside quotes."""
        if index < 0:
            return False
        span, masked = self.doc.sentences[index], self.scan.masked
        if index not in self.spoken:
            self.spoken[index] = bool(self.rules.verbs.search(masked, span.start, span.end)) or \
                masked[span.start:span.end].rstrip().endswith(":")
        if spoken_only or self.spoken[index]:
            return self.spoken[index]
        return bool(self.rules.cues.search(masked, span.start, span.end))


def _in_paragraph(doc: Document, index: int, paragraph: int) -> bool:
    """Tell whether sentence `index` exists and lies in the given paragraph."""
    return 0 <= index < len(doc.sentences) and doc.paragraph_index(doc.sentences[index].start) == paragraph
