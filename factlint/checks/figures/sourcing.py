"""How figures.unsourced decides a figure is sourced: its sentence, the sentences before it, or a source's scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from factlint.checks.attribution import Attribution
from factlint.checks.figures.repeat import Signatures
from factlint.checks.figures.topic import TopicCarry
from factlint.document import Document
from factlint.quotations import QuoteScan
from factlint.segment import Span

T = TypeVar("T")


def _no_terms(text: str, start: int, end: int) -> bool:
    """A document with no plan whose terms are sourced by it."""
    return False


class Sourcing:
    """Per-document answers, computed once a sentence: attributed? which document does it name?

    A plain class, not a dataclass: defining one is a share of a commit hook's start-up. The
    word sets and aids below default to the class's values (all immutable).
    """

    doc: Document
    quotes: QuoteScan
    attribution: Attribution
    figure_paragraphs: set[int]
    first_figures: dict[int, int]
    # A plan's, bill's or proposal's own figure: (text, start, end) -> sourced by the plan it is a term of.
    own_terms: Callable[[str, int, int], bool]
    # Words of a poll's or study's findings ("percent of voters", "among", "respondents"), lowercase.
    finding_words: frozenset[str] = frozenset()
    # Openings of a poll's question put to its people ("asked ", "when asked "), lowercase, each with a space after.
    finding_openers: tuple[str, ...] = ()
    # Words of a share ("percent", "third", "half"): a finding given as one may follow an aside.
    share_words: frozenset[str] = frozenset()
    # Words of a change ("fell", "up"): a share right after one is a measure's move, not a poll's finding.
    change_words: frozenset[str] = frozenset()
    # Documents whose scope opens even when named after a figure of their sentence: polls, surveys.
    polls: frozenset[str] = frozenset()
    # Words between two figures that make the second a restatement ("or"), and sentence openers
    # that work out the figures just given ("that's", "that is"): lowercase.
    derived_links: frozenset[str] = frozenset()
    # Currency signs and words ("€", "euros"), lowercase: an amount in another currency right after one converts it.
    currency_marks: tuple[str, ...] = ()
    # A change in apposition to the figure before ("…, a 9 percent increase from last year"): the articles
    # that open it, its change nouns, the links to an earlier time and the determiners passed over after them.
    apposition_articles: frozenset[str] = frozenset()
    derived_changes: frozenset[str] = frozenset()
    derived_change_links: tuple[str, ...] = ()
    derived_change_times: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    derived_openers: tuple[str, ...] = ()
    # Words that make a sentence a forecast, which public record does not cover ("is expected to earn").
    forecast_words: frozenset[str] = frozenset()
    # Words by which a next sentence points back at the figure before it ("Most of it arrived …").
    back_references: frozenset[str] = frozenset()
    # What a figure measures, to carry an earlier data credit to it ('the median home price'); None: off.
    topic: TopicCarry | None = None
    # A figure's number and kind, to find it given again with a source elsewhere; None: off.
    signatures: Signatures | None = None
    attributed: dict[int, bool]
    # Per sentence: whether it gives figures of public record; whether it names a source only vaguely.
    recorded: dict[int, bool]
    vagueness: dict[int, bool]
    # Per sentence: its lowercase words, without the punctuation around them.
    words: dict[int, frozenset[str]]
    # Sentences whose figures a credit covers: a data source's chain of figures.
    credited: set[int]
    names: dict[int, str]
    # Per paragraph: the poll or survey whose scope covered a figure of it (a relay for later
    # paragraphs), and whether it covered it outright, with no aside or quotation let past.
    relays: dict[int, tuple[str, bool]]
    # Per sentence: the words that say what it measures, and whether it is a projection.
    measured: dict[int, tuple[frozenset[str], bool]]
    # Per (sentence, window): whether its sentence or the ones before it credit a source.
    nearby: dict[tuple[int, int], bool]
    # Per sentence: its figures weighed so far, and the measure words next to them (TopicCarry.heads), once asked.
    figures: dict[int, list[tuple[int, int]]]
    heads: dict[int, frozenset[str]]

    def __init__(self, doc: Document, quotes: QuoteScan, attribution: Attribution, figure_paragraphs: set[int],
                 first_figures: dict[int, int], own_terms: Callable[[str, int, int], bool] | None = None,
                 **options: object) -> None:
        """Hold a document's figures and what sources them; `options` set the word sets and aids above."""
        self.doc, self.quotes, self.attribution = doc, quotes, attribution
        self.figure_paragraphs, self.first_figures = figure_paragraphs, first_figures
        self.own_terms = own_terms or _no_terms
        for key, value in options.items():
            if key not in _OPTIONAL:
                raise TypeError(f"Sourcing() got an unexpected keyword argument {key!r}")
            setattr(self, key, value)
        self.attributed, self.credited, self.names, self.relays = {}, set(), {}, {}
        self.measured, self.nearby, self.recorded, self.vagueness, self.words = {}, {}, {}, {}, {}
        self.figures, self.heads = {}, {}

    def sentence_sourced(self, index: int) -> bool:
        """Tell whether sentence `index` carries attribution outside its quotations, or gives public record."""
        return self.credits(index, -1)

    def cited(self, index: int) -> bool:
        """Tell whether sentence `index` carries attribution outside its quotations."""
        return _once(self.attributed, index, lambda span: self.attribution.attributed(
            self.doc.text, self.quotes.masked, span.start, span.end), self.doc)

    def credits(self, index: int, figure_index: int) -> bool:
        """Tell whether sentence `index` credits the figures of sentence `figure_index`.

        Public record credits any sentence that does not look ahead, its own included: a forecast
        ("The consensus was $7.22 a share", "is expected to earn $1.08 a share") is no market's record.
        """
        return self.cited(index) or (self.on_record(index) and (figure_index < 0 or not self.projection(figure_index)))

    def vague_only(self, index: int) -> bool:
        """Tell whether sentence `index` names a source only vaguely ('in some polls'): that covers its own figures."""
        return _once(self.vagueness, index, lambda span: self.attribution.vague(
            self.quotes.masked, span.start, span.end), self.doc)

    def measure(self, index: int) -> tuple[frozenset[str], bool]:
        """Return what sentence `index` measures (topic words) and whether it is a projection; needs `topic`."""
        def work_out(span: Span) -> tuple[frozenset[str], bool]:
            words = self.quotes.masked[span.start:span.end]
            return self.topic.measures(words), self.topic.blocked(words)
        return _once(self.measured, index, work_out, self.doc)

    def weigh(self, index: int, start: int, end: int) -> None:
        """Keep the figure at [start, end) of sentence `index`: what it measures may carry a credit to later figures."""
        self.figures.setdefault(index, []).append((start, end))

    def sentence_heads(self, index: int) -> frozenset[str] | None:
        """Return the measure words next to the (all weighed) figures of an earlier sentence, None if it has none."""
        if index not in self.figures:
            return None
        if index not in self.heads:   # needs `topic`
            span, masked = self.doc.sentences[index], self.quotes.masked
            self.heads[index] = frozenset().union(*(self.topic.heads(
                masked[span.start:span.end], start - span.start, end - span.start, masked)
                for start, end in self.figures[index]))
        return self.heads[index]

    def on_record(self, index: int) -> bool:
        """Tell whether sentence `index` gives figures of public record (a market's close, results per share)."""
        return _once(self.recorded, index, lambda span: self.attribution.on_record(
            self.quotes.masked, span.start, span.end), self.doc)

    def projection(self, index: int) -> bool:
        """Tell whether sentence `index` looks ahead or estimates: one of `forecast_words` ('expected', 'will')."""
        return not self.forecast_words.isdisjoint(self.sentence_words(index))

    def sentence_words(self, index: int) -> frozenset[str]:
        """Return the lowercase words of sentence `index`, without the punctuation around them."""
        return _once(self.words, index, lambda span: frozenset(
            w.strip(".,;:'’\"“”()").lower() for w in self.quotes.masked[span.start:span.end].split()), self.doc)

    def proposed(self, index: int, start: int) -> bool:
        """Tell whether the figure at `start` is the content of a proposal or promise its sentence's subject makes."""
        return self.attribution.proposes(self.quotes.masked, self.doc.sentences[index].start, start)

    def sized(self, index: int, start: int) -> bool:
        """Tell whether a free relative right before the figure at `start` names who sized it ("what police estimated were")."""
        # Most sentences hold no "what" at all: a substring test spares them the split per figure.
        span = self.doc.sentences[index]
        text = self.quotes.masked[span.start:start].lower()
        return any(word in text for word in self.attribution.free_relatives) and \
            self.attribution.sized(self.quotes.masked, span.start, start)

    def share(self, start: int, end: int) -> bool:
        """Tell whether the figure at [start, end) is a share: a percentage, a fraction or a rate ("two-fifths", "44%", "four in 10").

        A change right before it is none: "ridership fell 22 percent" moves a count, while "support
        drops to 41 percent", "should go up, 38 percent" and a poll's "dropped 11 points" are shares.
        """
        text = self.doc.lint_text[start:end].lower()
        words = text.replace("-", " ").split()
        before = self.doc.lint_text[max(0, start - 30):start].lower().split()[-2:]
        before = before[:-1] if before[-1:] == ["by"] else before   # "fell by 22 percent"
        if before and before[-1] in self.change_words and "point" not in text:
            return False
        return "%" in text or "in" in words[1:-1] or not self.share_words.isdisjoint(words) or \
            any(" " in w and w in text for w in self.share_words)

    def finding(self, index: int) -> bool:
        """Tell whether sentence `index` reads as a poll's or study's finding: 'Among men, she is at minus 40', 'When asked …'."""
        if not self.finding_words.isdisjoint(self.sentence_words(index)):
            return True
        span = self.doc.sentences[index]
        opening = " ".join(self.quotes.masked[span.start:span.start + 40].lower().split()) + " "
        if not opening.startswith(self.finding_openers):
            return False
        # The answers come right after the question's comma ("When asked …, 31 percent named …"),
        # not a speaker ("When asked about fares, transit officials pointed to …").
        first = self.first_figures.get(index, span.end)
        comma = self.quotes.masked.find(",", span.start, first)
        return comma >= 0 and len(self.quotes.masked[comma + 1:first].split()) <= 2

    def respondents_say(self, index: int, start: int, end: int) -> bool:
        """Tell whether the figure's sentence reports what a poll's people say: '33 percent, say', 'Voters under 30 say'.

        Its reporting verb has the share, or a group of the poll's people, for subject: not
        "Lee's campaign said 52 percent" nor "38 percent cast ballots, the town clerk said".
        """
        span, masked = self.doc.sentences[index], self.quotes.masked
        verb = self._report_verb(masked, span.start, span.end)
        if verb is None:
            return False
        if verb < start:   # "Voters under 30 say …, 52 percent to 30 percent"
            written = masked[span.start:verb].split()
            subject = [w.strip(",").lower() for w in written]
            # The subject's head, before its first preposition: not "A lawyer for the voters said".
            prepositions = self.topic.prepositions if self.topic is not None else frozenset()
            head = next((i for i, w in enumerate(subject) if w in prepositions), len(subject))
            return not self.finding_words.isdisjoint(subject[:head]) and not any(w[:1].isupper() for w in written[1:])
        between = masked[end:verb]   # "33 percent, say", "31 percent of those surveyed say"
        return "," not in between or not between.rsplit(",", 1)[1].strip()

    def _report_verb(self, text: str, start: int, end: int) -> int | None:
        """Return where the first reporting or speech verb of text[start:end] starts, or None."""
        attribution = self.attribution
        found = [m.start() for m in (attribution.verbs.search(text, start, end), attribution.speech.search(text, start, end),
                                     attribution.that_verbs.search(text, start, end)) if m is not None]
        return min(found) if found else None

    def document_after(self, index: int) -> bool:
        """Tell whether sentence `index` points back (one of `back_references`) and names a document as its source."""
        span = self.doc.sentences[index]
        return not self.back_references.isdisjoint(self.sentence_words(index)) and \
            bool(self.attribution.source_name(self.quotes.masked, span.start, span.end, span.end))

    def source_named(self, index: int) -> str:
        """Return the document sentence `index` names as a source ('the Marist survey'), or ''.

        Only a document named before the sentence's first figure opens a scope: one named after
        it ("rose 8 percent, according to FBI data") sources that figure alone, unless it is a poll
        or survey (`scope_polls`), whose findings a story reports over several paragraphs.
        """
        if index not in self.names:
            span = self.doc.sentences[index]
            before = self.first_figures.get(index, span.end)
            name = self.attribution.source_name(self.quotes.masked, span.start, span.end, before)
            if not name and before < span.end:  # "…, according to a new poll by Harvard": a poll goes on
                late = self.attribution.source_name(self.quotes.masked, span.start, span.end, span.end)
                name = late if late.split()[-1:] and late.split()[-1].lower() in self.polls else ""
            self.names[index] = name
        return self.names[index]


# The keyword options of Sourcing(): its fields with a class default.
_OPTIONAL = frozenset(name for name in Sourcing.__annotations__ if name in vars(Sourcing))


def _once(table: dict[int, T], index: int, work_out: Callable[[Span], T], doc: Document) -> T:
    """Return table[index], working it out from sentence `index`'s span the first time it is asked."""
    if index not in table:
        table[index] = work_out(doc.sentences[index])
    return table[index]


def covered_nearby(sourcing: Sourcing, index: int, window: int) -> bool:
    """Tell whether the figure's sentence, or one of `window` sentences before it in its paragraph, is sourced.

    Asked once a sentence: the figures given again with a source ask it first, then each figure.
    """
    if (index, window) not in sourcing.nearby:
        sourcing.nearby[index, window] = _covered_nearby(sourcing, index, window)
    return sourcing.nearby[index, window]


def _covered_nearby(sourcing: Sourcing, index: int, window: int) -> bool:
    """Work out covered_nearby for one sentence."""
    doc = sourcing.doc
    paragraph = doc.paragraph_index(doc.sentences[index].start)
    first = index
    while first > max(0, index - window) and doc.paragraph_index(doc.sentences[first - 1].start) == paragraph:
        first -= 1
    if any(sourcing.credits(i, index) for i in range(index, first - 1, -1)):
        return True
    # The next sentence of the paragraph may name the document both come from: "The PAC raised
    # $58 million. More than 40 percent of it arrived in February, new fundraising reports show."
    after = index + 1
    if window and after < len(doc.sentences) and sourcing.document_after(after) and \
            _next_sentence_is_near(doc, after, paragraph):
        return True
    # A paragraph's first sentence may take its source from the last sentence of the paragraph
    # before when that one introduces it with a colon ("The group also points out some figures:")
    # or names a document as its source ("…, according to unofficial results.").
    before = index - 1
    if first != index or before < 0 or window == 0 or doc.paragraph_index(doc.sentences[before].start) != paragraph - 1:
        return False
    span = doc.sentences[before]
    introduces = sourcing.quotes.masked[span.start:span.end].rstrip().endswith(":")
    return sourcing.sentence_sourced(before) and (introduces or bool(sourcing.source_named(before)))


def _next_sentence_is_near(doc: Document, after: int, paragraph: int) -> bool:
    """Tell whether sentence `after` is in the figure's paragraph, or opens the next one ("For these fees, … filings show.")."""
    there = doc.paragraph_index(doc.sentences[after].start)
    return there == paragraph or (there == paragraph + 1 and doc.paragraphs[there].start == doc.sentences[after].start)


def carried(sourcing: Sourcing, index: int, whole_paragraph: bool, paragraphs: int) -> bool:
    """Tell whether the credit of the figure's paragraph, or of a data paragraph just before it, covers it.

    With `whole_paragraph`, a credit in any sentence of the paragraph before the figure's covers
    it, and so does one after it that is no quotation's ("Sales fell 3 percent in May. Prices
    rose 5 percent, the association said."). A story that reports one source's data
    credits it once and goes on: a paragraph of figures that credits a source covers the figures
    of the `paragraphs` paragraphs after it, while each gives figures and no quotation comes
    between.
    """
    doc = sourcing.doc
    here = doc.paragraph_index(doc.sentences[index].start)
    if whole_paragraph and _paragraph_credits(sourcing, here, index):
        return True
    for paragraph in range(here - 1, max(-1, here - paragraphs - 1), -1):
        if paragraph not in sourcing.figure_paragraphs:
            return False  # the story moved on
        if sourcing.quotes.in_paragraph(paragraph):
            return False  # a speaker took over: a quotation's credit is no source of data
        if _paragraph_credits(sourcing, paragraph):
            return True
    return False


def _paragraph_credits(sourcing: Sourcing, paragraph: int, index: int = -1) -> bool:
    """Tell whether a sentence of the paragraph credits a source (for the figure in sentence `index`, if given).

    A sentence before the figure's credits it as the sentences before it always have; one after
    it only outside a quotation: straight quotes, curly ones, or the two apostrophes some wire copy
    writes ('' … '').
    """
    doc = sourcing.doc
    span = doc.paragraphs[paragraph]
    first = doc.sentence_index(span.start)
    last = doc.sentence_index(max(span.start, span.end - 1))
    quoted = {q.start for q in sourcing.quotes.in_paragraph(paragraph)}
    for i in range(first, last + 1):
        if i == index or not sourcing.credits(i, index):
            continue
        sentence = doc.sentences[i]
        if i < index or index < 0:
            return True
        if not any(sentence.start <= q < sentence.end for q in quoted) and \
                "''" not in doc.lint_text[sentence.start:sentence.end]:
            return True
    return False


def same_measure(sourcing: Sourcing, index: int, start: int, end: int) -> bool:
    """Tell whether an earlier credited sentence with figures measures what the figure's sentence does.

    A story that reports one source's data credits it once and goes on: "The median home price
    rose 8 percent, the association said." covers "The median price in Lakeside climbed to
    $412,000." a few paragraphs on, but not "Operating margin widened to 14.2%." nor a
    projection ("Rents will rise 5 percent next year"), a claim of its own, unless a credited
    projection of the same measure comes before it ("Her plan would raise $1.1 trillion, the Tax
    Policy Center estimates." then "His plan would raise $9.5 trillion.").
    """
    topic, doc = sourcing.topic, sourcing.doc
    if topic is None or not topic.paragraphs:
        return False
    # What the figure measures is worked out only if a credited sentence is in reach: most have none.
    here = doc.paragraph_index(doc.sentences[index].start)
    credited = []
    for back in range(index - 1, -1, -1):
        if here - doc.paragraph_index(doc.sentences[back].start) > topic.paragraphs:
            break
        if back in sourcing.credited:
            credited.append(back)
    if not credited:
        return False
    projection = sourcing.measure(index)[1]
    measures = near_measures(sourcing, index, start, end)
    span, masked = doc.sentences[index], sourcing.quotes.masked
    sentence, at, stop = masked[span.start:span.end], start - span.start, end - span.start
    before = tuple((s - span.start, e - span.start) for s, e in sourcing.figures.get(index, ()) if e <= start)
    heads, names = topic.measure_of(sentence, at, stop, masked, before) if topic.head_overlap else (frozenset(), set())
    if len(measures) < topic.overlap and len(heads) < max(topic.head_overlap, 1):
        return False
    mine = (heads, names, sentence) if heads else None
    for back in credited:
        earlier, earlier_projection = sourcing.measure(back)
        # A projection takes its source only from a credited projection of the same measure.
        if len(measures & earlier) >= topic.overlap and (not projection or earlier_projection):
            return True
        # One shared measure word carries only between figures alike: no forecast lends a fact its credit.
        if mine is not None and projection == earlier_projection and _same_heads(sourcing, mine, back):
            return True
    return False


def _same_heads(sourcing: Sourcing, mine: tuple[frozenset[str], set[str], str], back: int) -> bool:
    """Tell whether a figure's measure words share `topic_head_overlap` with those of credited sentence `back`.

    "Rents rose 4.2 percent, Tallis Data said." and "Home rents rose 1.5 percent in the second
    quarter." Not a place or body the credited sentence does not name ("Rents in neighboring
    Harlow County rose 9 percent"), nor a wider scope ("Nationally, the rate was 87 percent"); a
    person's own reckoning ("By his count, 11 kids came") is no data source to carry.
    """
    heads, names, sentence = mine
    topic = sourcing.topic
    earlier = sourcing.sentence_heads(back) if topic is not None and topic.head_overlap else None
    if earlier is None or topic.same_heads(heads, earlier) < topic.head_overlap:
        return False
    span = sourcing.doc.sentences[back]
    credited = sourcing.quotes.masked[span.start:span.end]
    lowered = credited.lower()  # a word of another place ("neighboring") is named in any case
    if any(name not in (credited if name[:1].isupper() else lowered) for name in names) or topic.widens(sentence, credited):
        return False
    return not sourcing.attribution.accounts.search(credited)


def near_measures(sourcing: Sourcing, index: int, start: int, end: int) -> frozenset[str]:
    """Return what the figure at [start, end) of sentence `index` measures, from the words next to it."""
    span = sourcing.doc.sentences[index]
    return sourcing.topic.near(sourcing.quotes.masked[span.start:span.end], start - span.start, end - span.start)
