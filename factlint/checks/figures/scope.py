"""A document's scope: the figures after a named poll, report or filing that it goes on sourcing."""

from __future__ import annotations

from factlint.checks.figures.sourcing import Sourcing


def scope_source(sourcing: Sourcing, index: int, paragraphs: int, share: bool = False) -> tuple[bool, str]:
    """Return (covered, rejected candidate) for a figure in sentence `index` under an earlier source.

    A document named as a source ("a Quinnipiac poll released Tuesday") covers the figures that
    follow it until another speaker is attributed in a sentence that gives no figure of its own,
    a quotation or a paragraph with neither a figure nor the source comes between, or
    `paragraphs` paragraphs have passed since it was named or, for a poll, since the last
    paragraph its scope covered (a relay).
    """
    doc = sourcing.doc
    here = doc.paragraph_index(doc.sentences[index].start)
    speaker = False  # another speaker or source took over after the document was named
    for back in range(index - 1, -1, -1):
        paragraph = doc.paragraph_index(doc.sentences[back].start)
        name, outright = sourcing.source_named(back), True
        if not name:
            name, outright = _relay(sourcing, index, paragraph, share)
        if name:
            return _within_scope(sourcing, index, (paragraph, here), name, (speaker, share, outright), paragraphs)
        if here - paragraph > paragraphs:
            return False, ""
        # "61 percent of voters say": a sentence that gives figures goes on reporting the document.
        speaker = speaker or (sourcing.sentence_sourced(back) and back not in sourcing.first_figures)
    return False, ""


def _relay(sourcing: Sourcing, index: int, paragraph: int, share: bool) -> tuple[str, bool]:
    """Return the poll a paragraph relays to a figure of sentence `index` ('' if none) and whether it covered it outright.

    A poll story reports its findings paragraph after paragraph: a paragraph the poll covered
    relays it to the next share or finding ("Against Lee, she draws 51 percent"), never to a
    count or a sum ("The district runs 146 buses", "Supporters have raised $11 million"). One
    the poll covered only because it read as a finding, past an aside or a quotation, relays it
    to a share alone.
    """
    name, outright = sourcing.relays.get(paragraph, ("", False))
    if not name or not (share or (outright and sourcing.finding(index))):
        return "", False
    return name, outright


def _within_scope(sourcing: Sourcing, index: int, where: tuple[int, int], name: str,
                  how: tuple[bool, bool, bool], paragraphs: int) -> tuple[bool, str]:
    """Weigh a figure in sentence `index` against the source `name` found in an earlier paragraph.

    `where` is (the source's paragraph, the figure's); `how` is (another speaker came between?,
    the figure is a share?, the source covered its paragraph outright?).
    """
    (paragraph, here), (speaker, share, outright) = where, how
    if here - paragraph > paragraphs:
        return False, f"'{name}', {here - paragraph} paragraphs back, is too far to be its source"
    noun = name.split()[-1].lower()
    finding = sourcing.finding(index)  # "Among men, she is at minus 40": the poll again
    reason = "another speaker comes between" if speaker and not finding else \
        _break(sourcing, paragraph, here, noun, finding, finding and share)
    if reason:
        return False, f"'{name}' is not its source: {reason}"
    if noun in sourcing.polls:
        lenient = speaker or (finding and bool(_break(sourcing, paragraph, here, noun, False, False)))
        sourcing.relays[here] = (name, outright and not lenient)
    return True, ""


def _break(sourcing: Sourcing, source_paragraph: int, here: int, noun: str, finding: bool, share: bool) -> str:
    """Say what ends a source's scope between its paragraph and the figure's, or ''.

    A quotation in between ends it unless the figure's sentence reads as the document's finding;
    a paragraph with no figure (a change of topic) ends it unless that finding is a share ("Among
    independents, 44 percent"): a poll story returns to its shares after an aside, but a count
    after one ("Registered voters now number 190,000") is a claim of its own.
    """
    if share:
        return ""   # a reaction quoted, or an aside, between the poll's shares
    doc = sourcing.doc
    for paragraph in range(source_paragraph + 1, here):
        span = doc.paragraphs[paragraph]
        if noun in doc.lint_text[span.start:span.end].lower():
            continue
        if sourcing.quotes.in_paragraph(paragraph):
            if finding:
                continue  # a reaction quoted between the poll's findings
            return "a quotation from someone else comes between"
        if paragraph not in sourcing.figure_paragraphs and not (finding and _finding_paragraph(sourcing, paragraph)):
            return "the story moves on to another topic between them"
    return ""


def _finding_paragraph(sourcing: Sourcing, paragraph: int) -> bool:
    """Tell whether a paragraph without figures still reads as the document's finding ("Ortiz is viewed more favorably")."""
    span = sourcing.doc.paragraphs[paragraph]
    return any(sourcing.finding(i) for i in range(sourcing.doc.sentence_index(span.start),
                                                   sourcing.doc.sentence_index(max(span.start, span.end - 1)) + 1)
               if i >= 0)
