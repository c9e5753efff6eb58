"""Flesch–Kincaid grade and Flesch reading ease of a document's paragraphs, counted once per document."""

from typing import NamedTuple

from factlint.document import Document
from factlint.segment import Span


class Scores(NamedTuple):
    """Word, sentence and syllable counts of some prose, and the Flesch scores they give."""

    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level: the US school grade that reads the text comfortably."""
        if not self.words or not self.sentences:
            return 0.0
        return round(0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1)

    @property
    def ease(self) -> float:
        """Flesch reading ease: 100 very easy, 60 plain English, below 30 very hard."""
        if not self.words or not self.sentences:
            return 0.0
        return round(206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 1)

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(self.words + other.words, self.sentences + other.sentences,
                      self.syllables + other.syllables)

    def fields(self) -> dict[str, object]:
        """The message placeholders these scores fill."""
        return {"grade": f"{self.grade:.1f}", "ease": f"{self.ease:.1f}", "words": self.words}

    def as_dict(self) -> dict[str, object]:
        """The JSON summary of these scores."""
        return {"flesch_kincaid_grade": self.grade, "flesch_reading_ease": self.ease,
                "words": self.words, "sentences": self.sentences, "syllables": self.syllables}


class DocumentScores(NamedTuple):
    """Scores of each prose paragraph (headings left out), their total, and the first sentence."""

    paragraphs: list[tuple[Span, Scores]]
    total: Scores
    lede: Span | None


def document_scores(doc: Document) -> DocumentScores:
    """Return the scores of a document's prose paragraphs, computing them once per document."""
    return doc.derived(document_scores, lambda: _score(doc))


def _score(doc: Document) -> DocumentScores:
    """Count words and syllables with textstat, sentences with the document's own segmenter."""
    # textstat (and the pronunciation dictionary it loads on first use) costs a second of
    # start-up: it is imported here, so a run without readability rules never loads it.
    import textstat

    per_sentence = _sentences_per_paragraph(doc)
    tables = doc.table_paragraphs
    paragraphs, total = [], Scores(0, 0, 0)
    for index, span in enumerate(doc.paragraphs):
        if index in tables or doc.in_heading(span.start):
            continue
        prose = doc.lint_text[span.start:span.end]
        scores = Scores(textstat.lexicon_count(prose), per_sentence.get(index, 1), textstat.syllable_count(prose))
        if scores.words:
            paragraphs.append((span, scores))
            total += scores
    lede = next((s for s in doc.sentences
                 if not doc.in_heading(s.start) and doc.paragraph_index(s.start) not in tables), None)
    return DocumentScores(paragraphs, total, lede)


def _sentences_per_paragraph(doc: Document) -> dict[int, int]:
    """Count the sentences of each paragraph, by paragraph index."""
    counts: dict[int, int] = {}
    for sentence in doc.sentences:
        index = doc.paragraph_index(sentence.start)
        counts[index] = counts.get(index, 0) + 1
    return counts
