"""The document model: text, offsets, positions, paragraphs, sentences and dateline."""

import bisect
import datetime as dt
import re
from collections.abc import Callable, Hashable
from functools import cached_property
from typing import NamedTuple, TypeVar

from factlint import markup, segment, yamlfile
from factlint.markup import Directive
from factlint.segment import Span

MARKDOWN_SUFFIXES = (".md", ".markdown")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
LINE_FEED = re.compile("\n")
# A headline ends without closing punctuation.
HEADING_END = ".!?:;,\"”'’)"
# A Markdown table's delimiter row: pipes, dashes, colons and spaces, at least one pipe and dash.
DELIMITER_ROW = re.compile(r"^(?=[^\n]*\|)(?=[^\n]*-)[ \t|:\-]+$", re.M)
DATE_LINE = re.compile(r"\A[ \t]*[Dd]ate:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
T = TypeVar("T")


class InputError(Exception):
    """A draft that cannot be read as text: the message names what is wrong."""


# Byte-order marks of the Unicode encodings other than UTF-8, longest first (UTF-32-LE's
# mark begins with UTF-16-LE's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def encoding_of(data: bytes) -> str:
    """Return the encoding a draft's byte-order mark names: UTF-16 or UTF-32, else UTF-8."""
    return next((name for mark, name in BOMS if data.startswith(mark)), "utf-8")


def decode(data: bytes, encoding: str = "utf-8") -> tuple[str, bool]:
    """Decode a draft's bytes (with or without BOM); return the text and whether it had a BOM."""
    if not data:
        raise InputError("file is empty")
    if encoding != "utf-8":
        try:
            text = data.decode(encoding)[1:]
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding.upper()}: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
        if not text:
            raise InputError("file is empty (a byte-order mark and nothing else)")
        return text, True
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text draft")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    return text, bom


class Dateline(NamedTuple):
    """The date a story is written as of, and where it was found."""

    date: dt.date
    source: str


class Document:
    """One draft: its original text and everything derived from it, computed once."""

    def __init__(self, text: str, path: str = "<string>", markdown: bool = False,
                 date_override: Dateline | None = None, bom: bool = False, encoding: str = "utf-8") -> None:
        self.text = text
        self.path = path
        self.markdown = markdown
        self.date_override = date_override
        self.bom = bom
        self.encoding = encoding
        self._derived: dict[Hashable, object] = {}
        normalised = text.replace("\r\n", " \n").replace("\r", "\n")
        found = markup.scan(normalised, self.markdown)
        dateline = self.date_override or _front_matter_date(found.front_matter)
        first_line = DATE_LINE.match(normalised)
        if first_line:
            found.masked.append(first_line.span())
            dateline = dateline or _date_from(first_line.groups(), "first line")
        self.dateline: Dateline | None = dateline
        self.directives: list[Directive] = found.directives
        self.lint_text: str = markup.mask(normalised, found.masked)
        self._block_starts = found.block_starts
        self._heading_starts = found.heading_starts

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, {len(self.text)} characters)"

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value derived from this document under key, computed on first request.

        This is the one store for what checks derive from a document (its quotations, dates,
        registry matches, scores): it lives and dies with the document, so a process that lints
        many documents at once shares nothing between them. Keys pair the deriving function
        with the rule-set object it depends on, if any.
        """
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def derived_so_far(self, key: Hashable) -> object | None:
        """Return the value derived under key if a check has asked for it already, else None (nothing is computed)."""
        return self._derived.get(key)

    @classmethod
    def from_bytes(cls, data: bytes, path: str, date_override: Dateline | None = None) -> "Document":
        """Build a document from a file's bytes; raise InputError for bytes that are not its encoding."""
        encoding = encoding_of(data)
        text, bom = decode(data, encoding)
        return cls(text, path, path.lower().endswith(MARKDOWN_SUFFIXES), date_override, bom, encoding)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets at which each line of the original text begins."""
        if "\r" in self.text:
            return [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]
        # LF only: a one-character pattern is searched as a literal, several times faster.
        return [0] + [m.end() for m in LINE_FEED.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraph spans of the prose (blank lines and Markdown blocks separate them)."""
        return segment.paragraphs(self.lint_text, self._block_starts)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans of the prose, in order; abbreviations and hard wraps do not split."""
        return segment.all_sentences(self.lint_text, self.paragraphs)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_index(self, offset: int) -> int:
        """Return the index in `sentences` of the sentence holding offset (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1   # segment.index_at, without its call

    def paragraph_index(self, offset: int) -> int:
        """Return the index in `paragraphs` of the paragraph holding offset (-1 before the first)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1   # segment.index_at, without its call

    @cached_property
    def _heading_paragraphs(self) -> set[int]:
        text, markdown_headings = self.lint_text, set(self._heading_starts)
        return {
            i for i, p in enumerate(self.paragraphs)
            if (markdown_headings and text.rfind("\n", 0, p.start) + 1 in markdown_headings)
            or (not self.markdown and text[p.end - 1] not in HEADING_END
                and _looks_like_heading(text[p.start:p.end]))
            or (i == 0 and not self.markdown and len(self.paragraphs) > 1
                and _looks_like_scraped_headline(text[p.start:p.end], text[self.paragraphs[1].start:self.paragraphs[1].end]))
            or (i == 0 and not self.markdown and len(self.paragraphs) > 1 and _looks_like_headline_and_deck(text[p.start:p.end]))
        }

    def in_heading(self, offset: int) -> bool:
        """Tell whether offset lies in a heading: a Markdown heading, or a short unpunctuated line."""
        return self.paragraph_index(offset) in self._heading_paragraphs

    @cached_property
    def table_paragraphs(self) -> set[int]:
        """Return the indices of the paragraphs that are Markdown tables: cells, not sentences."""
        text = self.lint_text
        if not self.markdown or "|" not in text:
            return set()
        return {i for i, p in enumerate(self.paragraphs) if DELIMITER_ROW.search(text, p.start, p.end)}

    def in_table(self, offset: int) -> bool:
        """Tell whether offset lies in a Markdown table (a header row, a delimiter row, body rows)."""
        return self.paragraph_index(offset) in self.table_paragraphs

    def sentence_at(self, offset: int) -> Span:
        """Return the sentence span holding offset (an empty span if there is none)."""
        index = self.sentence_index(offset)
        return self.sentences[index] if index >= 0 else Span(offset, offset)


def split_lines(text: str) -> list[str]:
    """Split text into lines at the same breaks that positions count: CRLF, CR and LF."""
    # LF only, the usual case: str.split gives the same lines several times faster than the pattern.
    return LINE_BREAK.split(text) if "\r" in text else text.split("\n")


def _looks_like_heading(paragraph: str) -> bool:
    """Tell whether a plain-text paragraph is a headline: one short line, no closing punctuation."""
    return paragraph[-1] not in HEADING_END and "\n" not in paragraph and len(paragraph.split()) <= 20


def _looks_like_scraped_headline(paragraph: str, lede: str) -> bool:
    """Tell whether a story's first paragraph is a headline that scraped copy closed with a period."""
    # A headline is one line of a dozen words at most, over a lede at least twice as long.
    tokens = paragraph.split()
    words = len(tokens)
    # The period may sit inside a closing quotation mark: "State calls 22 emails 'top secret.'"
    if not paragraph.rstrip("'\"’”").endswith(".") or "\n" in paragraph or paragraph.count(". ") or not lede.strip():
        return False
    # Headline case: nearly every word capitalised ("Trump Answers Rubio With One Line.").
    capitalised = sum(1 for t in tokens if t[:1].isupper() or t[:1].isdigit())
    if words <= 25 and capitalised >= 0.8 * words and words >= 4:
        return True
    return words <= 12 and len(lede.split()) >= max(15, 2 * words)


def _looks_like_headline_and_deck(paragraph: str) -> bool:
    """Tell whether a story's first paragraph is a headline and its deck that scraped copy joined with a semicolon.

    "Bernie Sanders raises $33M;" over "Is within $4M of Clinton's haul.": two short lines, the
    first closed by the semicolon.
    """
    lines = paragraph.split("\n")
    # A hard-wrapped sentence goes on in lower case after its semicolon; a deck opens with a capital.
    # A lede opens with its dateline ("MARLOW -- The city will borrow $9 million …;").
    return len(lines) == 2 and lines[0].rstrip().endswith(";") and len(lines[0].split()) <= 15 \
        and len(lines[1].split()) <= 30 and lines[1].lstrip()[:1].isupper() \
        and not segment.PLACE_DATELINE.match(lines[0])


def parse_date(value: object, source: str) -> Dateline | None:
    """Read a dateline from a date, datetime or 'YYYY-MM-DD…' string; None if it is not one."""
    if isinstance(value, dt.datetime):
        return Dateline(value.date(), source)
    if isinstance(value, dt.date):
        return Dateline(value, source)
    if isinstance(value, str) and (match := ISO_DATE.match(value)):
        return _date_from(match.groups(), source)
    return None


def _date_from(parts: tuple[str, ...], source: str) -> Dateline | None:
    """Build a Dateline from year, month and day strings; None for an impossible date."""
    try:
        return Dateline(dt.date(*map(int, parts)), source)
    except ValueError:
        return None


def _front_matter_date(front_matter: str | None) -> Dateline | None:
    """Return the `date:` of Markdown front matter, if it has a readable one."""
    if not front_matter or "date" not in front_matter:
        return None
    try:
        data = yamlfile.parse(front_matter)
    except yamlfile.YamlError:
        return None
    return parse_date(data.get("date"), "front matter") if isinstance(data, dict) else None
