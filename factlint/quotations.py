"""Find direct quotations (straight, curly or two-apostrophe double quotes) in a document, once per document."""

import bisect
from typing import NamedTuple

from factlint.document import Document
from factlint.markup import occurrences

OPEN, CLOSE, STRAIGHT = "“", "”", '"'
# Two apostrophes stand for a straight double quote in much wire and archive copy ("''We won,''
# she said"); they pair like one.
APOSTROPHES = "''"
MARKS = '“”"'
# Characters after which a straight quote opens rather than closes a quotation.
OPENS_AFTER = frozenset(" \t\n\u00a0([{—–-/")
# What comes before a straight mark that opens a quotation inside a straight quotation: a comma or
# a colon and a space ('says, "I'd like …'), as a quoted speaker introduces the words quoted.
NESTED_OPENERS = frozenset((", ", ": "))
# After an opening curly mark in a closing mark's place ("called it “abhorrent“ in"), one of these
# follows: the writer typed the wrong mark, and it closes the quotation.
CLOSES_BEFORE = frozenset(" \t\n\u00a0.,;:!?)]—–-")
# A line that ends a sentence, so that a quotation left open there may run on into the next line.
RUN_ON_ENDS = frozenset(".?!…—–")
# The width from which a line is a paragraph of its own, not hard-wrapped prose: copy with a
# paragraph on each line runs far wider than any wrapped text (72 to 100 characters).
PARAGRAPH_LINE = 160


class Quote(NamedTuple):
    """One quotation: the opening mark's offset, the closing mark's (None if unclosed), its end."""

    start: int
    close: int | None
    end: int
    paragraph: int
    width: int = 1   # the opening mark's characters: 2 for two apostrophes

    @property
    def content(self) -> tuple[int, int]:
        """The offsets of the quoted words, without the marks."""
        return self.start + self.width, self.close if self.close is not None else self.end


class QuoteScan:
    """The quotations of a document, its unclosed marks, and its text blanked inside quotations."""

    __slots__ = ("quotes", "unclosed", "turned", "masked", "_starts", "_by_paragraph")

    def __init__(self, quotes: list[Quote], unclosed: list[Quote], masked: str, turned: list[int] | None = None) -> None:
        self.quotes = quotes
        self.unclosed = unclosed
        self.turned = turned or []   # opening curly marks that close a quotation ("“abhorrent“")
        self.masked = masked
        self._starts = [q.start for q in quotes]
        self._by_paragraph: dict[int, list[Quote]] = {}
        for quote in quotes:
            self._by_paragraph.setdefault(quote.paragraph, []).append(quote)

    def in_paragraph(self, paragraph: int) -> list[Quote]:
        """Return the quotations of a paragraph, in order (a lookup, not a scan of the story's quotations)."""
        return self._by_paragraph.get(paragraph, [])

    def starting_in(self, start: int, end: int) -> bool:
        """Tell whether a quotation opens within [start, end)."""
        index = bisect.bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end

    def inside(self, offset: int) -> bool:
        """Tell whether offset lies within a quotation, marks included."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.quotes[index].end

    def closed_at(self, offset: int) -> Quote | None:
        """Return the quotation that holds offset and closes, or None: an unclosed one's end is a guess."""
        index = bisect.bisect_right(self._starts, offset) - 1
        quote = self.quotes[index] if index >= 0 else None
        return quote if quote is not None and offset < quote.end and quote.close is not None else None

    def runs_on(self, quote: Quote, doc: Document) -> bool:
        """Tell whether an unclosed quotation runs on into a next paragraph that reopens it."""
        following = quote.paragraph + 1
        if quote.close is not None or quote.end != doc.paragraphs[quote.paragraph].end:
            return False
        if following >= len(doc.paragraphs):
            return False
        return doc.lint_text.startswith((OPEN, STRAIGHT, APOSTROPHES), doc.paragraphs[following].start)


def scan(doc: Document) -> QuoteScan:
    """Return the quotations of a document, found once per document."""
    return doc.derived(scan, lambda: _scan(doc))


def _scan(doc: Document) -> QuoteScan:
    """Find the quotations of a document, paragraph by paragraph."""
    text = doc.lint_text
    quotes: list[Quote] = []
    unclosed: list[Quote] = []
    turned: list[int] = []
    # Every mark found at once (str.find is far faster than a regex scan), then only the
    # paragraphs that have one are paired.
    marks = sorted([*(at for mark in MARKS for at in occurrences(text, mark)), *_apostrophe_marks(text)])
    first = 0
    while first < len(marks):
        index = doc.paragraph_index(marks[first])
        last = max(first + 1, bisect.bisect_left(marks, doc.paragraphs[index].end, first))
        _paragraph_quotes(text, doc.paragraphs[index], index, marks[first:last], (quotes, unclosed, turned),
                          run_on=not doc.markdown)
        first = last
    return QuoteScan(quotes, unclosed, _mask(text, quotes), turned)


def _apostrophe_marks(text: str) -> list[int]:
    """Return the offsets of two-apostrophe quote marks: not inside a word, nor in a run of four or more."""
    found = []
    for at in occurrences(text, APOSTROPHES):
        if at and text[at - 1] == "'":
            continue   # inside a longer run, read at its first apostrophe
        head = text[at:at + 4]
        run = len(head) - len(head.lstrip("'"))
        if run == 3:
            # Three after a space open a double quotation, then a single one; elsewhere they close
            # a single quotation, then the double one ("'old-school,''' said").
            found.append(at if at == 0 or text[at - 1].isspace() else at + 1)
        elif run == 2 and not (at and text[at - 1].isalnum() and text[at + 2:at + 3].isalnum()):
            found.append(at)
    return found


def _width(text: str, pos: int) -> int:
    """The characters of the quote mark at pos: 2 for two apostrophes, else 1."""
    return 2 if text[pos] == "'" else 1


def _quote(text: str, opened: int, close: int | None, end: int, paragraph: int) -> Quote:
    """A quotation opened at `opened`, its mark's width read from the text."""
    return Quote(opened, close, end, paragraph, _width(text, opened))


def _paragraph_quotes(text: str, paragraph: tuple[int, int], index: int, marks: list[int],
                      found: tuple[list[Quote], list[Quote], list[int]], run_on: bool) -> None:
    """Pair the quote marks (offsets) of one paragraph: add its outermost quotations, unclosed and turned marks.

    With run_on (plain text), a quotation left open at the end of a paragraph-wide line runs on
    into the next line when that line reopens it; Markdown marks its paragraphs by blank lines.
    """
    start, end = paragraph
    quotes, unclosed, turned = found
    stack: list[tuple[str, int]] = []
    curly: list[int] = []  # the stack indices of curly opening marks, so pairing one costs O(1)
    for pos in marks:
        char = text[pos]
        if run_on and char == OPEN and stack and _reopens_line(text, start, pos):
            # Copy with a paragraph on each line and no blank line between reopens a quotation
            # that runs on at the next line's start: the quotation ends with its line, left open.
            quotes.append(_quote(text, stack[0][1], None, text.rindex("\n", start, pos), index))
            stack.clear()
            curly.clear()
        kind = _mark_kind(text, pos, start, end, stack)
        if kind == "turned":
            turned.append(pos)
            kind, char = "close", CLOSE
        if kind == "open":
            if char == OPEN:
                curly.append(len(stack))
            stack.append((char, pos))
        elif kind == "close":
            target = curly[-1] if char == CLOSE and curly else len(stack) - 1
            unclosed.extend(_quote(text, p, None, pos, index) for _, p in stack[target + 1:])
            opened = stack[target][1]
            del stack[target:]
            while curly and curly[-1] >= target:
                curly.pop()
            if not stack:
                quotes.append(_quote(text, opened, pos, pos + _width(text, pos), index))
    if stack:
        quotes.append(_quote(text, stack[0][1], None, end, index))
        unclosed.extend(_quote(text, p, None, end, index) for _, p in stack)


def _reopens_line(text: str, floor: int, pos: int) -> bool:
    """Tell whether an opening mark starts a line after a paragraph-wide one that ends a sentence.

    '…revel in it.\\n“There is…' where the line before is a whole paragraph; a hard-wrapped line
    is never that wide, and there the missing closing mark is the writer's slip.
    """
    if pos <= floor or text[pos - 1] != "\n":
        return False
    line = text[max(floor, text.rfind("\n", floor, pos - 1) + 1):pos - 1].rstrip()
    return len(line) >= PARAGRAPH_LINE and line[-1:] in RUN_ON_ENDS


def _mark_kind(text: str, pos: int, floor: int, ceiling: int, stack: list[tuple[str, int]]) -> str:
    """Decide whether a quote mark opens, closes or is not a quotation mark at all."""
    char = text[pos]
    if char == OPEN:
        after = text[pos + 1] if pos + 1 < ceiling else " "
        turned = stack and stack[-1][0] == OPEN and pos > floor and text[pos - 1] not in OPENS_AFTER \
            and after in CLOSES_BEFORE
        return "turned" if turned else "open"
    if char == CLOSE:
        return "close" if stack else "stray"
    before = text[pos - 1] if pos > floor else " "
    following = pos + _width(text, pos)
    after = text[following] if following < ceiling else " "
    if stack and stack[-1][0] in (STRAIGHT, "'"):
        # Inside a straight quotation, a mark after a comma and a space that a capital follows opens
        # a quotation inside it: '"… if somebody walks in and says, "I'd like 10,000 rounds," you know'.
        return "open" if pos - 2 >= floor and text[pos - 2:pos] in NESTED_OPENERS and after.isupper() else "close"
    if before in OPENS_AFTER and not after.isspace():
        return "open"
    return "close" if stack and not before.isdigit() else "stray"  # 12" is an inch mark


def _mask(text: str, quotes: list[Quote]) -> str:
    """Return text with the words inside quotations blanked, offsets kept."""
    if not quotes:
        return text
    pieces: list[str] = []
    cursor = 0
    for quote in quotes:
        begin, finish = quote.content
        begin = max(begin, cursor)
        if finish <= begin:
            continue
        pieces.append(text[cursor:begin])
        pieces.append("\n".join(" " * len(line) for line in text[begin:finish].split("\n")))
        cursor = finish
    pieces.append(text[cursor:])
    return "".join(pieces)
