"""Find the parts of a draft that are not prose: front matter, code, comments, URLs, markup."""

import bisect
import re
from typing import NamedTuple

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
DIRECTIVE = re.compile(r"<!--\s*factlint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"'”]+[^\s<>()\"'”.,;:!?]", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+\b")  # EMAIL after its '@'
FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BACKTICK_RUN = re.compile(r"`+")
LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")
REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
BLOCK_MARKER = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)|>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]*", re.M)
HEADING_OR_ITEM = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*+]|\d{1,9}[.)])[ \t])")
# Page debris pasted into a draft: an embed (a tweet, a script, a frame) is someone else's
# markup and words, masked whole; any other HTML tag is markup around prose, masked alone.
# The element's body is bounded, so an unclosed embed costs a bounded scan, not the whole text.
# Scraped copy often closes an embed with a self-closing tag of its name ("<tweet/>"); such a tag
# never opens one, so two of them do not mask the prose between.
EMBED = re.compile(r"<(tweet|script|style|iframe|embed|object|video|audio|svg)\b[^<>]*(?<!/)>"
                   r"(?:[^<]|<(?!/\1\s*>|\1\s*/>)){0,5000}?(?:</\1\s*>|<\1\s*/>)", re.I)
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


class Directive(NamedTuple):
    """An inline suppression comment: disable, enable or disable-next-line."""

    action: str
    rules: tuple[str, ...]
    start: int
    end: int


class Markup:
    """What the markup scan found: spans to blank, block starts, directives, front matter."""

    __slots__ = ("masked", "block_starts", "heading_starts", "directives", "front_matter")

    def __init__(self) -> None:
        self.masked: list[tuple[int, int]] = []
        self.block_starts: list[int] = []
        self.heading_starts: list[int] = []
        self.directives: list[Directive] = []
        self.front_matter: str | None = None


def scan(text: str, markdown: bool) -> Markup:
    """Scan normalised text (LF line ends only) for spans that are not linted."""
    found = Markup()
    for start, end in html_comments(text):
        found.masked.append((start, end))
        if match := DIRECTIVE.fullmatch(text, start, end):
            rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
            found.directives.append(Directive(match.group(1), rules, start, end))
    if markdown:
        _scan_markdown(text, found)
    elif "<" in text:
        found.masked.extend(_page_debris(text))
    found.masked.extend(_urls(text))
    found.masked.extend(_emails(text))
    return found


def _page_debris(text: str) -> list[tuple[int, int]]:
    """Return the spans of embeds and HTML tags in a plain-text draft."""
    embeds = [m.span() for m in EMBED.finditer(text)]
    return embeds + [m.span() for m in HTML_TAG.finditer(mask(text, embeds))]


def html_comments(text: str) -> list[tuple[int, int]]:
    """Return the spans of `<!-- … -->` comments, each closed by the first `-->` after it.

    One pass of literal searches: once no `-->` follows an opener, none follows a later one,
    so a draft of unclosed openers costs no more than a draft of closed ones.
    """
    spans: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start != -1:
        close = text.find("-->", start + 4)
        if close == -1:
            break
        spans.append((start, close + 3))
        start = text.find("<!--", close + 3)
    return spans


def _urls(text: str) -> list[tuple[int, int]]:
    """Return URL's matches, trying it only where 'http' or 'www.' starts, in any case."""
    # URL opens with \b, so `re` cannot skip ahead to a literal: scanning with it costs ~20x a find.
    # ASCII bytes, lower-cased, one per character (others become '?'), keep every offset.
    lowered = text.encode("ascii", "replace").lower()
    found: list[tuple[int, int]] = []
    for at in sorted(occurrences(lowered, b"http") + occurrences(lowered, b"www.")):
        if found and at < found[-1][1]:
            continue
        if match := URL.match(text, at):
            found.append(match.span())
    return found


def _emails(text: str) -> list[tuple[int, int]]:
    """Return EMAIL's matches, searching only the run of address characters around each '@'."""
    found: list[tuple[int, int]] = []
    size = len(text)
    for at in occurrences(text, "@"):
        start, end = at, at + 1
        floor = found[-1][1] if found else 0
        while start > floor and _in_address(text[start - 1], "_.+-"):
            start -= 1
        while end < size and _in_address(text[end], "_.-"):
            end += 1
        # One character past the run stays in range so that the closing \b sees it.
        limit = min(size, end + 1)
        # The domain is tried first, once: if it fails, a search would retry it from every
        # start in the run before the '@', which is quadratic in the run's length.
        if DOMAIN.match(text, at + 1, limit) is None:
            continue
        match = next((m for s in range(start, at) if (m := EMAIL.match(text, s, limit))), None)
        if match is not None:
            found.append(match.span())
    return found


def _in_address(char: str, extra: str) -> bool:
    """Tell whether char is a word character (as `re` reads \\w) or one of extra."""
    return char.isalnum() or char in extra


def occurrences(text: str | bytes, needle: str | bytes) -> list[int]:
    """Return every offset at which needle occurs in text."""
    found = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _scan_markdown(text: str, found: Markup) -> None:
    """Add Markdown's non-prose spans and block starts to `found`."""
    front = FRONT_MATTER.match(text)
    if front:
        found.front_matter = front.group(1) or ""
        found.masked.append(front.span())
    code_end = front.end() if front else 0
    blocks = _code_blocks(text, code_end, found)
    found.masked.extend(blocks)
    prose = mask(text, blocks + found.masked)
    inline_code = code_spans(prose)
    found.masked.extend(inline_code)
    for pattern in (LINK_TARGET, AUTOLINK, HTML_TAG):
        found.masked.extend(m.span() for m in pattern.finditer(prose))
    # A suppression comment shown as code is an example of one, not a directive.
    code = blocks + inline_code
    found.directives = [d for d in found.directives if not any(a <= d.start < b for a, b in code)]
    found.masked.extend(m.span() for m in REFERENCE_DEF.finditer(prose))
    found.masked.extend(m.span() for m in BLOCK_MARKER.finditer(prose))


def code_spans(text: str) -> list[tuple[int, int]]:
    """Return inline code spans: a run of backticks up to the next run of the same length.

    CommonMark's rule, in one pass over the runs: each length keeps a pointer to its next
    run, so an opener that is never closed does not send a scan to the end of the text.
    """
    runs = [(m.start(), m.end()) for m in BACKTICK_RUN.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(number)
    spans: list[tuple[int, int]] = []
    number = 0
    while number < len(runs):
        start, end = runs[number]
        same = by_length[end - start]
        after = bisect.bisect_right(same, number)
        if after < len(same):
            spans.append((start, runs[same[after]][1]))
            number = same[after] + 1
        else:
            number += 1
    return spans


def _code_blocks(text: str, offset: int, found: Markup) -> list[tuple[int, int]]:
    """Return fenced and indented code block spans; record heading and list-item starts."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    in_list = False
    pos = offset
    for line in text[offset:].split("\n"):
        line_end = pos + len(line)
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence) and set(stripped) <= set(fence[0]):
                spans.append((fence_start, line_end))
                fence = None
        elif (opened := FENCE_OPEN.match(line)) is not None:
            fence, fence_start = opened.group(1), pos
            found.block_starts.append(pos)
        elif _is_indented(line) and previous_blank and not in_list and stripped:
            spans.append((pos, line_end))
            stripped = ""  # an indented code line keeps the next one in code
        else:
            if HEADING_OR_ITEM.match(line) or THEMATIC_BREAK.match(line):
                found.block_starts.append(pos)
                heading = line.lstrip().startswith("#")
                if heading:
                    found.heading_starts.append(pos)
                    found.block_starts.append(line_end + 1)
                in_list = not heading
            elif stripped and not _is_indented(line) and previous_blank:
                in_list = False
        previous_blank = not stripped
        pos = line_end + 1
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans


def _is_indented(line: str) -> bool:
    """Tell whether a line is indented as Markdown code (four spaces or a tab)."""
    return line.startswith(("    ", "\t"))


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Return text with the spans blanked (newlines kept), merging overlaps first."""
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
