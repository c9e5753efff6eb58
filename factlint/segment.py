"""Split prose into paragraphs and sentences, with character offsets."""

import bisect
import re
from typing import NamedTuple

BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n\s*")
# A paragraph from its first visible character: whole lines up to a blank line (BLANK_LINE's).
PARAGRAPH = re.compile(r"\S[^\n]*(?:\n(?![ \t\u00a0]*\n)[^\n]*)*")
# A boundary candidate: terminal punctuation, closing quotes/brackets, white space, then a
# character that can open a sentence.
# One mark spelled out first: `re` then skips ahead to a mark instead of trying every offset.
# Wire copy may open a quotation with two apostrophes ('' … ''), so up to two marks may open one.
BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(\s+)(?=[\"'“‘(\[]{0,2}[A-Z0-9À-Þ])")

# Abbreviations that never end a sentence: titles, initials' company, "No." before a number.
NEVER_FINAL = frozenset(
    "mr mrs ms messrs dr gov sen sens rep reps gen lt col sgt capt cmdr adm maj prof rev "
    "hon pres supt atty fr sr jr vs v no nos e.g i.e cf approx dept est fig vol pp ph.d "
    "a.k.a".split()
)
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that often end a sentence too: they end one only before a typical opener.
MAYBE_FINAL = frozenset(
    "inc corp co ltd llc plc bros etc st ave blvd rd mt ft u.s u.k u.n e.u d.c a.m p.m "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo "
    "mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va "
    "wis wyo".split()
)
OPENERS = frozenset(
    "the a an in on at it its he she they we i you this that these those there his her "
    "their our my but and or so yet for as if when while after before since although though "
    "because many some most both all each every no not one two three according officials "
    "however meanwhile still also then now later earlier last next what who why how where "
    "despite during under over with without by from to of".split()
)
STATE_PARTY = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*\.$")
# A place dateline that opens a story's lead: "LOS ANGELES --", "EASTPORT, Maine —", "WASHINGTON
# (AP) —". It is no word of the lead's first sentence.
PLACE_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
    r"(?:[ \t]*\([A-Za-z]+\))?[ \t]*(?:--|—|–)")


class Span(NamedTuple):
    """A half-open character range [start, end) of the document text."""

    start: int
    end: int


def paragraphs(text: str, block_starts: list[int]) -> list[Span]:
    """Return paragraph spans: runs of text between blank lines and block starts."""
    if not block_starts:  # one scan, trailing white space trimmed: as below, several times faster
        # A paragraph rarely ends in white space: only then is its text copied to trim it.
        return [Span(start, end if not text[end - 1].isspace() else start + len(text[start:end].rstrip()))
                for start, end in map(re.Match.span, PARAGRAPH.finditer(text))]
    cuts = sorted({0, len(text), *block_starts})
    spans: list[Span] = []
    for left, right in zip(cuts, cuts[1:]):
        cursor = left
        for gap in BLANK_LINE.finditer(text, left, right):
            _add_trimmed(text, cursor, gap.start(), spans)
            cursor = gap.end()
        _add_trimmed(text, cursor, right, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append [start, end) without surrounding white space, if anything is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped)))


def sentences(text: str, paragraph: Span) -> list[Span]:
    """Return the sentence spans of one paragraph."""
    spans: list[Span] = []
    start = paragraph.start
    for match in BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        if _ends_sentence(text, paragraph.start, match):
            spans.append(Span(start, match.start(1)))
            start = match.end()
    spans.append(Span(start, paragraph.end))
    return spans


def all_sentences(text: str, paragraphs: list[Span]) -> list[Span]:
    """Return the sentence spans of every paragraph, in order, from one boundary scan of the text."""
    # Equal to `sentences` paragraph by paragraph: a candidate whose white space runs past its
    # paragraph's end is one that paragraph's own scan cannot match, so it is dropped, and
    # the scan resumes at the next paragraph's first character either way.
    spans: list[Span] = []
    if not paragraphs:
        return spans
    index = 0
    floor = start = paragraphs[0].start
    end = paragraphs[0].end
    for match in BOUNDARY.finditer(text, floor, paragraphs[-1].end):
        at, after = match.span()
        while at >= end:
            # A paragraph of one sentence is that sentence: its span is the paragraph's own.
            spans.append(paragraphs[index] if start == floor else Span(start, end))
            index += 1
            floor = start = paragraphs[index].start
            end = paragraphs[index].end
        if after < end and _ends_sentence(text, floor, match):
            spans.append(Span(start, match.start(1)))
            start = after
    spans.append(paragraphs[index] if start == floor else Span(start, end))
    spans.extend(paragraphs[index + 1:])
    return spans


def _ends_sentence(text: str, floor: int, match: re.Match[str]) -> bool:
    """Decide whether a boundary candidate really ends a sentence."""
    punct_start = match.start()
    if text[punct_start] != "." or text.startswith("..", punct_start):
        return True
    word_start = _word_start(text, floor, punct_start)
    word = text[word_start:punct_start].lstrip("\"'“‘([")
    key = word.lower()
    if key in NEVER_FINAL or (len(word) == 1 and word.isupper()):
        return False
    if key in MONTHS:
        return not text[match.end():match.end() + 1].isdigit()
    # STATE_PARTY needs a hyphen second: testing for it first spares most words a regex call.
    if key in MAYBE_FINAL or "." in word or (word[1:2] == "-" and STATE_PARTY.match(word + ".")):
        return _opens_sentence(text[match.end():match.end() + 40])
    return True


def _word_start(text: str, floor: int, end: int) -> int:
    """Return where the word ending at `end` starts: after the last space or line break, not before floor."""
    # A step back per character of the word: rfind would scan to the paragraph's start whenever
    # the paragraph has no line break, which is quadratic on one long line. It looks at the last
    # few dozen characters only, where a word usually starts.
    near = max(floor, end - 40)
    space = max(text.rfind(" ", near, end), text.rfind("\n", near, end))
    if space >= 0:
        return space + 1
    start = end
    while start > floor and text[start - 1] not in " \n":
        start -= 1
    return start


def _opens_sentence(after: str) -> bool:
    """Tell whether the text after an abbreviation looks like a new sentence."""
    if after[:1] in "\"'“‘(":
        return True
    first = re.match(r"[A-Za-z']+", after)
    return bool(first) and first.group(0).lower() in OPENERS


def index_at(starts: list[int], offset: int) -> int:
    """Return the index of the last span starting at or before offset, -1 if none."""
    return bisect.bisect_right(starts, offset) - 1
