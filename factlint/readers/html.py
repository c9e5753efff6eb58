"""HTML: the article's prose as paragraphs, every character mapped back to the source's line and column.

The standard library's `html.parser` is the parser: it reports where each tag, text and entity
begins in the source, which exact positions need and neither lxml (line only) nor selectolax
(none) gives; it builds no tree, so deep nesting cannot exhaust the stack; and it adds no
dependency. It is also forgiving of the broken markup that CMS exports are full of.
"""

from __future__ import annotations

import bisect
import codecs
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from factlint.document import LINE_BREAK, Document, InputError, decode
from factlint.finding import Finding
from factlint.readers.reading import Reading, ReadOptions

SEPARATOR = "\n\n"
CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
MAX_BYTES = 20 * 1024 * 1024
BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
# Not prose: page machinery, navigation, embeds, code, and the document head.
SKIPPED = frozenset(
    "head script style noscript template nav aside form button select textarea iframe object embed "
    "svg math video audio canvas map code pre kbd samp".split()
)
SKIPPED_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar toolbar".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
COLLAPSED = re.compile(r"[ \t\n\r\f]{2,}|^[ \t\n\r\f]|[ \t\n\r\f]$")
SPACES_TO_SPACE = str.maketrans("\t\n\r\f", "    ")


@dataclass(frozen=True)
class Segment:
    """A stretch of the extracted text and the source span it came from."""

    start: int
    length: int
    source_start: int
    source_end: int
    exact: bool  # one source character per text character (no entity, no collapsed space)


@dataclass(frozen=True)
class HtmlReading(Reading):
    """An HTML draft as read: the Document, the source, and where each piece of text came from."""

    doc: Document  # Reading's own fields, first, as Reading.__init__ takes them
    report_text: str
    notes: tuple[str, ...] = ()

    source: str = ""
    segments: tuple[Segment, ...] = ()
    line_starts: tuple[int, ...] = (0,)
    segment_starts: tuple[int, ...] = ()
    encoding: str = "utf-8"

    def source_offset(self, offset: int, end: bool = False) -> int:
        """Return the source offset of a text offset (of the end of the character before, if end)."""
        at = offset - 1 if end else offset
        index = max(bisect.bisect_right(self.segment_starts, at) - 1, 0)
        segment = self.segments[index]
        if segment.exact:
            return segment.source_start + min(at - segment.start, segment.length - 1) + (1 if end else 0)
        return segment.source_end if end else segment.source_start

    def position(self, source_offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a source offset."""
        line = bisect.bisect_right(self.line_starts, source_offset)
        return line, source_offset - self.line_starts[line - 1] + 1

    def locate(self, finding: Finding) -> Finding:
        """Place a finding at its line and column in the HTML source."""
        if not self.segments:
            return finding
        start = self.source_offset(finding.start)
        end = self.source_offset(max(finding.end, finding.start + 1), end=True)
        (line, column), (end_line, end_column) = self.position(start), self.position(end)
        return finding._replace(line=line, column=column, end_line=end_line, end_column=end_column, start=start, end=end)


def read(data: bytes, path: str, options: ReadOptions) -> HtmlReading:
    """Read an HTML draft: decode it, keep the article's prose, map it back to the source."""
    if len(data) > MAX_BYTES:
        raise InputError(f"HTML of {len(data):,} bytes is larger than the {MAX_BYTES:,} factlint reads")
    source, bom, encoding = _decode(data)
    parser = _Prose(source)
    parser.feed(source)
    parser.close()
    text, segments = _assemble(parser.events, _in_scope(parser.events))
    doc = Document(text, path, False, options.date, bom)
    starts = (0, *(m.end() for m in LINE_BREAK.finditer(source)))
    return HtmlReading(doc, source, (), source, tuple(segments), starts, tuple(s.start for s in segments), encoding)


def rewrite(data: bytes, reading: HtmlReading, fixed_text: str) -> bytes:
    """Return the source with fixes made in its text nodes, every byte of markup left alone."""
    from factlint.readers.edits import Edit, apply_edits, text_edits

    source, in_source = reading.source, []
    for edit in text_edits(reading.doc.text, fixed_text):
        start = reading.source_offset(edit.start)
        end = reading.source_offset(edit.end, end=True) if edit.end > edit.start else start
        if "<" in source[start:end] or start > end or (in_source and start < in_source[-1].end):
            continue  # the edit would cross markup: leave it to the editor
        in_source.append(Edit(start, end, html.escape(edit.text, quote=False)))
    fixed = ("\ufeff" if reading.doc.bom else "") + apply_edits(source, in_source)
    # A character the page's encoding lacks is written as a character reference, valid in any text node.
    return fixed.encode(reading.encoding, errors="xmlcharrefreplace")


def _decode(data: bytes) -> tuple[str, bool, str]:
    """Decode a page in the encoding its <meta> declares (UTF-8 if none, or with a BOM)."""
    declared = CHARSET.search(data[:4096])
    try:
        encoding = codecs.lookup(declared.group(1).decode("ascii")).name if declared else "utf-8"
    except LookupError:
        encoding = "utf-8"
    if encoding.startswith(("utf-8", "utf-16")) or data.startswith(b"\xef\xbb\xbf"):
        return (*decode(data), "utf-8")  # a page that declares UTF-16 in ASCII bytes is not UTF-16
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode(encoding), False, encoding
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None


# An event: ("text", decoded, source start, source end, exact, scope), ("line", start, end, scope) or ("break",).
Event = tuple


class _Prose(HTMLParser):
    """Record text, entities, line breaks and block boundaries with their source offsets and scope."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lf_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.events: list[Event] = []
        # Each open element's scope: (skipped, in the article, page chrome), with its tag.
        self.stack: list[tuple[str, tuple[bool, bool, bool]]] = []

    def here(self) -> int:
        """Return the source offset of the construct being handled."""
        line, column = self.getpos()
        return self.lf_starts[line - 1] + column

    def scope(self) -> tuple[bool, bool, bool]:
        """Return the scope of the innermost open element."""
        return self.stack[-1][1] if self.stack else (False, False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: note a block boundary and push its scope."""
        if tag in BLOCKS:
            self.events.append(("break",))
        if tag == "br":
            self._line_break()
        if tag in VOID:
            return
        skipped, article, chrome = self.scope()
        values = dict(attrs)
        skipped = skipped or tag in SKIPPED or values.get("role") in SKIPPED_ROLES or "hidden" in values \
            or values.get("aria-hidden") == "true"
        article = article or tag in ("article", "main") or values.get("role") == "main"
        chrome = chrome or (tag in ("header", "footer") and not article)
        self.stack.append((tag, (skipped, article, chrome)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag opens nothing."""
        if tag in BLOCKS:
            self.events.append(("break",))
        if tag == "br":
            self._line_break()

    def _line_break(self) -> None:
        start = self.here()
        self.events.append(("line", start, start + len(self.get_starttag_text() or ""), self.scope()))

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of that name, and the ones left open inside it."""
        if tag in BLOCKS:
            self.events.append(("break",))
        for depth in range(len(self.stack) - 1, max(len(self.stack) - 64, -1), -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        """Record a stretch of text exactly as it stands in the source."""
        start = self.here()
        self.events.append(("text", data, start, start + len(data), True, self.scope()))

    def handle_entityref(self, name: str) -> None:
        """Record a named character reference, decoded."""
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        """Record a numeric character reference, decoded."""
        self._reference(2 + len(name))

    def handle_comment(self, data: str) -> None:
        """Keep factlint's suppression comments, as their own paragraph; drop the others."""
        if data.strip().startswith("factlint-"):
            start = self.here()
            comment = f"<!--{data}-->"
            self.events += [("break",), ("text", comment, start, start + len(comment), True, self.scope()), ("break",)]

    def _reference(self, length: int) -> None:
        start = self.here()
        end = start + length + (1 if self.source.startswith(";", start + length) else 0)
        raw = self.source[start:end]
        decoded = html.unescape(raw)
        self.events.append(("text", decoded, start, end, decoded == raw, self.scope()))


def _in_scope(events: list[Event]) -> Callable[[tuple[bool, bool, bool]], bool]:
    """Return the test of a text's scope: the article's prose if there is an article, else the page's."""
    has_article = any(e[0] == "text" and e[5][1] and not e[5][0] and e[1].strip() for e in events)
    if has_article:
        return lambda scope: scope[1] and not scope[0]
    return lambda scope: not scope[0] and not scope[2]


def _assemble(events: list[Event], wanted: Callable[[tuple[bool, bool, bool]], bool]) -> tuple[str, list[Segment]]:
    """Join the wanted text into paragraphs, collapsing white space as a browser shows it."""
    builder = _Builder()
    for event in events:
        if event[0] == "break":
            builder.end_paragraph()
        elif event[0] == "line":
            if wanted(event[3]):
                builder.line_break(event[1], event[2])
        elif wanted(event[5]):
            builder.add(*event[1:5])
    builder.end_paragraph()
    return "".join(builder.parts), builder.segments


class _Builder:
    """Accumulate paragraphs of text and the segments that map it to the source."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.paragraph_open = False
        self.line_start = True
        self.space: tuple[int, int] | None = None

    def emit(self, text: str, start: int, end: int, exact: bool) -> None:
        """Append text mapped to source[start:end]."""
        if not self.paragraph_open:
            if self.parts:
                self.parts.append(SEPARATOR)
                self.length += len(SEPARATOR)
            self.paragraph_open = True
        self.segments.append(Segment(self.length, len(text), start, end, exact))
        self.parts.append(text)
        self.length += len(text)
        self.line_start = False

    def add(self, text: str, start: int, end: int, exact: bool) -> None:
        """Add text, a run of white space becoming one space, none at a line's start or end."""
        if not exact:
            self._flush_space()
            self.emit(text, start, end, False)
            return
        cursor = 0
        # A lone space, tab or newline between words stays one character: only longer runs
        # and the chunk's edges break the one-to-one mapping (and cost a segment).
        for match in COLLAPSED.finditer(text):
            if match.start() > cursor:
                self._words(text[cursor:match.start()], start + cursor)
            self._note_space(start + match.start(), start + match.end())
            cursor = match.end()
        if cursor < len(text):
            self._words(text[cursor:], start + cursor)

    def _words(self, words: str, start: int) -> None:
        self._flush_space()
        self.emit(words.translate(SPACES_TO_SPACE), start, start + len(words), True)

    def _note_space(self, start: int, end: int) -> None:
        self.space = (self.space[0], end) if self.space else (start, end)

    def _flush_space(self) -> None:
        if self.space is not None and not self.line_start:
            self.emit(" ", self.space[0], self.space[1], False)
        self.space = None

    def line_break(self, start: int, end: int) -> None:
        """Add a line break within the paragraph (<br>)."""
        self.space = None
        if self.paragraph_open:
            self.emit("\n", start, end, False)
            self.line_start = True

    def end_paragraph(self) -> None:
        """Close the paragraph being built, dropping trailing space."""
        self.space = None
        self.paragraph_open = False
        self.line_start = True
