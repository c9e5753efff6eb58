"""Positions in editors' code units (UTF-16, UTF-8, UTF-32) to and from factlint's character offsets.

factlint counts characters (Python str indices). The Language Server Protocol counts UTF-16
code units by default (and UTF-8 bytes or UTF-32 characters when both sides agree), and so do
JavaScript strings. Every conversion between the two goes through this module.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)
# Line breaks as the Language Server Protocol counts them: CRLF, CR or LF.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
NOT_ASCII = re.compile("[^\x00-\x7f]")


def units(text: str, encoding: str = UTF16) -> int:
    """Return the length of text in code units of the encoding."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + len(ASTRAL.findall(text))
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown position encoding {encoding!r} (known: {', '.join(ENCODINGS)})")


def character_index(text: str, count: int, encoding: str = UTF16) -> int:
    """Return the character index that lies `count` code units into text (clamped to its end).

    A count that falls inside a character (between the halves of a surrogate pair) rounds up
    to the end of that character, so a range never splits one.
    """
    if encoding == UTF32 or (encoding == UTF16 and not ASTRAL.search(text)) or not NOT_ASCII.search(text):
        return min(max(count, 0), len(text))
    seen = 0
    for index, char in enumerate(text):
        if seen >= count:
            return index
        seen += units(char, encoding)
    return len(text)


@dataclass
class Lines:
    """A text's line starts, to turn character offsets into (line, code unit) positions and back."""

    text: str
    encoding: str = UTF16
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        if self.encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {self.encoding!r}")
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]

    def _line_text(self, line: int) -> str:
        """Return a line's text without its line break."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line]:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 0-based (line, code unit) of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, unit: int) -> int:
        """Return the character offset of a 0-based (line, code unit); past the end clamps."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + character_index(self._line_text(line), unit, self.encoding)

    def end(self) -> tuple[int, int]:
        """Return the position just past the text's last character."""
        return self.position(len(self.text))


def offsets_in_units(text: str, offsets: list[int], encoding: str = UTF16) -> list[int]:
    """Map character offsets into whole-text code-unit offsets (a browser's string indices)."""
    if encoding == UTF32 or (encoding == UTF16 and not ASTRAL.search(text)):
        return list(offsets)
    if encoding == UTF16:
        astral = [m.start() for m in ASTRAL.finditer(text)]
        return [offset + bisect.bisect_left(astral, offset) for offset in offsets]
    return [units(text[:offset], encoding) for offset in offsets]
