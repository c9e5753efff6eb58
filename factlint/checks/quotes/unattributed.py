"""quotes check `unattributed`: a quotation of a sentence or more with no speaker nearby."""

from __future__ import annotations

from collections.abc import Iterator

from factlint import quotations
from factlint.checks import lexicon
from factlint.checks.base import Check, Option, compile_words, integer, string_value, word_list
from factlint.checks.phrases import phrase_set
from factlint.checks.quotes.speaker import Naming, Speaker, SpeakerRules, described_pattern, document_pattern
from factlint.document import Document
from factlint.finding import Finding
from factlint.quotations import Quote, QuoteScan
from factlint.rule import Rule, RuleError, RuleSetStore
from factlint.segment import Span

OPTIONS = {
    "speaker_cues": Option(word_list, ()),
    "naming_cues": Option(word_list, ()),
    "pointing_determiners": Option(word_list, ()),
    "minor_words": Option(word_list, ()),
    "term_determiners": Option(word_list, ()),
    "min_words": Option(integer, 4),
    "speaker_pronouns": Option(word_list, ()),
    "describing_verbs": Option(word_list, ()),
    "name_particles": Option(word_list, ()),
    "partial_cues": Option(word_list, ()),
    "linking_words": Option(word_list, ()),
    "document_prepositions": Option(word_list, ()),
    "document_nouns": Option(word_list, ()),
    "lexicon": Option(string_value, ""),
}
PLACEHOLDERS: frozenset[str] = frozenset()
DEFAULT_MESSAGE = "'{match}': check this quotation"
COST = 0.1  # seconds per million words of news copy (bench/hotpath.py --per-rule), to share rules out

WORD = compile_words(r"[\w’'-]+")
# A sentence boundary inside a quotation; not after a short abbreviation ("Mr. and Mrs. Khan").
INNER_BOUNDARY = compile_words(r"(?<!\b[A-Z][a-z]{0,2}\.)(?<!\b[A-Z]\.)[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
LEADING = "…. —–-([‘'"
# A paragraph of this many words or fewer between two quotations is a beat of the scene, not a break.
BEAT_WORDS = 3
# A quotation of this many words or fewer, after a determiner, may be a term in the writer's phrase.
TERM_WORDS = 6
# A quotation-only paragraph whose first words the story prints elsewhere is a pull-quote.
PULL_QUOTE_WORDS = 8


def build(rule: Rule, store: RuleSetStore) -> Check:
    """Check the rule's cues, then build the check."""
    if not rule.options["speaker_cues"]:
        raise RuleError("the unattributed check needs 'speaker_cues'", "speaker_cues")
    return _unattributed(rule, store)


def _unattributed(rule: Rule, store: RuleSetStore) -> Check:
    """Flag quotations of a sentence or more (or long partial ones) with no speaker nearby."""
    rules = _speaker_rules(rule, store)
    minor = {w.lower() for w in rule.options["minor_words"]}
    determiners = rules.articles
    min_words = rule.options["min_words"]

    def check(doc: Document) -> Iterator[Finding]:
        scan = quotations.scan(doc)
        speaker = Speaker(doc, scan, rules)
        chains = [c for c in _chains(scan, doc) if not (rule.options["skip_headings"] and doc.in_heading(c[0].start))
                  and not _left_open(scan, doc, c[-1])]
        spoken = {q.paragraph for c in chains if any(speaker.near(q, not _is_full(doc, q)) for q in c) for q in c}
        for chain in chains:
            first, last = chain[0], chain[-1]
            if first.paragraph in spoken or _after_run(doc, scan, spoken, first.paragraph):
                if speaker.only_quotes(first.paragraph):  # the dialogue goes on: "She pauses." "…"
                    spoken.update(q.paragraph for q in chain)
                continue  # a run of quotes from the speaker just named
            if _pull_quote(doc, scan, first, speaker):
                continue  # a pull-quote repeats the story's own words
            if last.paragraph + 1 in spoken and speaker.only_quotes(first.paragraph):
                continue  # a quotation-only paragraph whose speaker is named with the next quotation
            # A title, a slogan or a term needs no speaker, but lends none to the quotations beside it.
            checked = [q for q in chain if _checkable(doc, q, minor, min_words) and not _used_as_term(doc, q, determiners)
                       and not speaker.named_line(q)]
            if checked:
                yield rule.finding(doc, checked[0].start, checked[0].end)

    return check


def _speaker_rules(rule: Rule, store: RuleSetStore) -> SpeakerRules:
    """Build the rule's speaker cues and patterns once: the lexicon's verbs and phrases, and the rule's own lists."""
    options = rule.options
    words = lexicon.for_rule(rule, store)
    return SpeakerRules(
        cues=phrase_set((*options["speaker_cues"], *words.phrases), "speaker_cues"),
        verbs=lexicon.WordSet(words.verb_forms),
        pronouns=frozenset(w.lower() for w in options["speaker_pronouns"]),
        named=described_pattern(options["describing_verbs"], options["name_particles"]),
        naming=_naming(options["naming_cues"], options["pointing_determiners"]),
        documents=document_pattern(options["document_prepositions"], options["document_nouns"],
                                   options["term_determiners"], options["minor_words"]),
        partial_cues=phrase_set(options["partial_cues"], "partial_cues") if options["partial_cues"] else None,
        linking=frozenset(w.lower() for w in (*options["describing_verbs"], *options["linking_words"])),
        articles=frozenset(w.lower() for w in options["term_determiners"]))


def _after_run(doc: Document, scan: QuoteScan, spoken: set[int], paragraph: int) -> bool:
    """Tell whether the paragraph before, or the one before a short narrative beat ("She pauses."), is spoken."""
    if paragraph - 1 in spoken:
        return True
    if paragraph < 2 or paragraph - 2 not in spoken:
        return False
    beat = doc.paragraphs[paragraph - 1]
    return len(WORD.findall(scan.masked, beat.start, beat.end)) <= BEAT_WORDS and \
        not scan.in_paragraph(paragraph - 1)


def _pull_quote(doc: Document, scan: QuoteScan, quote: Quote, speaker: Speaker) -> bool:
    """Tell whether a quotation-only paragraph repeats words the story prints elsewhere (a pull-quote)."""
    if not speaker.only_quotes(quote.paragraph):
        return False
    begin, finish = quote.content
    words = WORD.findall(doc.lint_text, begin, finish)
    if len(words) < PULL_QUOTE_WORDS:
        return False
    probe = " ".join(words[:PULL_QUOTE_WORDS]).lower()  # "But lurking behind …" pulled as "Lurking behind …"
    return doc.derived(StoryWords, lambda: StoryWords(doc.lint_text, doc.paragraphs)).elsewhere(probe, quote.paragraph)


class StoryWords:
    """A story's words in lower case, one space apart, paragraph by paragraph: found once a story."""

    def __init__(self, text: str, paragraphs: list[Span]) -> None:
        self.text, self.paragraphs = text, paragraphs
        cuts = [0, *(at for span in paragraphs for at in span), len(text)]
        # The words of each stretch between two cuts: paragraph i is stretch 2i + 1. No word spans
        # a cut (else `whole` is False and each question reads the text again), so the words of
        # the stretches before a paragraph are the words of the text before it.
        self.whole = not any(0 < at < len(text) and WORD.match(text, at - 1, at) and WORD.match(text, at, at + 1)
                             for at in cuts[1:-1])
        pieces = [" ".join(WORD.findall(text, a, b)).lower() for a, b in zip(cuts, cuts[1:])] if self.whole else []
        # Each stretch lowered alone lowers as in the whole: a space ends every letter's context.
        self.flat = " ".join(piece for piece in pieces if piece)
        self.before_end, self.after_start = _seams(pieces, len(self.flat))

    def elsewhere(self, probe: str, paragraph: int) -> bool:
        """Tell whether probe is in the words of the text before and after a paragraph, joined by a space."""
        own = self.paragraphs[paragraph]
        if not self.whole:
            text = self.text
            flat = " ".join(WORD.findall(text[:own.start])) + " " + " ".join(WORD.findall(text[own.end:]))
            return probe in flat.lower()
        head, tail = self.before_end[2 * paragraph + 1], self.after_start[2 * paragraph + 1]
        seam = self.flat[max(0, head - len(probe)):head] + " " + self.flat[tail:tail + len(probe)]
        return self.flat.find(probe, 0, head) >= 0 or self.flat.find(probe, tail) >= 0 or probe in seam


def _seams(pieces: list[str], size: int) -> tuple[list[int], list[int]]:
    """Return, per piece, where the joined words of the pieces before it end and those after it start."""
    before_end, after_start = [0] * len(pieces), [size] * len(pieces)
    at = ended = 0
    for number, piece in enumerate(pieces):
        before_end[number] = ended
        if piece:
            ended = at + len(piece)
            at = ended + 1
    following = size
    for number in range(len(pieces) - 1, -1, -1):
        after_start[number] = following
        if pieces[number]:   # this piece starts one space after the words before it, or at 0
            following = before_end[number] + 1 if before_end[number] else 0
    return before_end, after_start


def _left_open(scan: QuoteScan, doc: Document, quote: Quote) -> bool:
    """Tell whether a quotation never closes (quotes.unbalanced reports it; where it ends is unknown)."""
    return quote.close is None and not scan.runs_on(quote, doc)


def _chains(scan: QuoteScan, doc: Document) -> Iterator[list[Quote]]:
    """Group quotations that run on over paragraphs (each left open, the next reopened)."""
    chain: list[Quote] = []
    for quote in scan.quotes:
        if chain and not (scan.runs_on(chain[-1], doc) and quote.paragraph == chain[-1].paragraph + 1
                          and quote.start == doc.paragraphs[quote.paragraph].start):
            yield chain
            chain = []
        chain.append(quote)
    if chain:
        yield chain


def _is_full(doc: Document, quote: Quote) -> bool:
    """Tell whether a quotation is a sentence or more, not a few words in the writer's sentence."""
    begin, finish = quote.content
    content = doc.lint_text[begin:finish]
    if INNER_BOUNDARY.search(content):
        return True
    opening = content.lstrip(LEADING)
    if not opening[:1].isupper() and not opening[:1].isdigit():
        return False
    sentence = doc.sentence_at(quote.start)
    before = doc.lint_text[sentence.start:quote.start].rstrip()
    return not before.strip(LEADING) or before.endswith((":", ","))


def _checkable(doc: Document, quote: Quote, minor: set[str], min_words: int) -> bool:
    """Tell whether a quotation needs a speaker: a full sentence, or a long partial quote."""
    begin, finish = quote.content
    words = WORD.findall(doc.lint_text, begin, finish)
    content = doc.lint_text[begin:finish].rstrip(" ,")
    if len(words) < min_words and not content.endswith((".", "!", "?")):
        return False  # a quoted term, title, nickname or slogan: "Sin Miedo", scare quotes
    if _title(words, minor):
        return False  # a title in quotation marks ("The Power of Habit", "Trumped! The Inside Story")
    if _is_full(doc, quote):
        return True
    if len(words) < min_words:
        return False
    return True


def _naming(cues: tuple[str, ...], determiners: tuple[str, ...]) -> Naming | None:
    """Return the naming cues, and the same after a determiner that points back ('that slogan'), or None."""
    if not cues:
        return None
    pointing = phrase_set([f"{d} {c}" for d in determiners for c in cues], "pointing_determiners")
    return Naming(phrase_set(cues, "naming_cues"), pointing)


def _used_as_term(doc: Document, quote: Quote, determiners: frozenset[str]) -> bool:
    """Tell whether quoted words are a term in the writer's own phrase, not speech.

    'a new “too big to fail” tax', 'The “longest standoff in history” might end': a short
    quotation (TERM_WORDS words at most) after a determiner (and at most one more word), ending in
    no punctuation, that the writer's sentence goes on from with a lowercase word. A clause that
    opens its sentence ("“This jail is the safest in the state” is not what inspectors found") or
    a longer quotation is someone's words.
    """
    if quote.close is None or doc.lint_text[quote.close - 1] in ".,;:!?…":
        return False
    after = doc.lint_text[quote.end:quote.end + 2]
    if not (after[:1] == " " and after[1:2].islower()):
        return False
    if len(WORD.findall(doc.lint_text, *quote.content)) > TERM_WORDS:
        return False
    sentence = doc.sentence_at(quote.start)
    before = [w.strip(LEADING).lower() for w in doc.lint_text[sentence.start:quote.start].split()[-2:]]
    return any(word in determiners for word in before if word)


def _title(words: list[str], minor: set[str]) -> bool:
    """Tell whether quoted words are a title: capitalised but for minor words, and one more in a long title."""
    if not words or not words[0][:1].isupper():
        return False
    odd = [w for w in words if not (w[:1].isupper() or w.lower() in minor)]
    # "Orange is the New Black": a long title may keep one short word in lower case.
    return not odd or (len(odd) == 1 and len(odd[0]) <= 3 and len(words) >= 4 and words[-1][:1].isupper())
