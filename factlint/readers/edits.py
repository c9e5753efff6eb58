"""The edits that turn a draft's text into its fixed text, as word-sized replacements."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Words, runs of spaces and single marks: an edit then covers whole words ("US" → "U.S."),
# which is how an editor reads a tracked change, not a scatter of single letters.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.S)
PARAGRAPH_BREAK = "\n\n"
# A word diff costs up to the product of the two token counts: past this, one edit replaces the stretch.
MAX_WORD_PAIRS = 40_000
# A sentence-like stretch and what ends it; every character falls in one chunk.
CHUNK = re.compile(r"[^.!?\n]+[.!?\n]*|[.!?\n]+")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`."""

    start: int
    end: int
    text: str


def text_edits(before: str, after: str) -> list[Edit]:
    """Return the edits from before to after, in order, none overlapping.

    Fixes seldom add or remove paragraphs, so the texts are compared paragraph by paragraph:
    a diff of a whole story's tokens would cost time quadratic in its common words.
    """
    old_paragraphs, new_paragraphs = before.split(PARAGRAPH_BREAK), after.split(PARAGRAPH_BREAK)
    if len(old_paragraphs) != len(new_paragraphs):
        return _token_edits(before, after, 0)
    edits: list[Edit] = []
    offset = 0
    for old, new in zip(old_paragraphs, new_paragraphs):
        if old != new:
            edits += _token_edits(old, new, offset)
        offset += len(old) + len(PARAGRAPH_BREAK)
    return edits


def _token_edits(before: str, after: str, offset: int) -> list[Edit]:
    """Return the word-sized edits from before to after, offsets shifted by offset.

    Sentences are matched first and words only within the sentences that differ, as a diff
    of lines then characters does: a word diff of a long paragraph would be quadratic.
    """
    head = _common_prefix(before, after)
    tail = _common_prefix(before[head:][::-1], after[head:][::-1])
    old, new = before[head:len(before) - tail], after[head:len(after) - tail]
    old_chunks, new_chunks = CHUNK.findall(old), CHUNK.findall(new)
    matcher = difflib.SequenceMatcher(None, old_chunks, new_chunks, autojunk=False)
    old_at, new_at = _starts(old_chunks), _starts(new_chunks)
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            edits += _word_edits(old[old_at[i1]:old_at[i2]], new[new_at[j1]:new_at[j2]], offset + head + old_at[i1])
    return edits


def _word_edits(before: str, after: str, offset: int) -> list[Edit]:
    """Return the edits from before to after as whole tokens (words, spaces, marks)."""
    old = [m.span() for m in TOKEN.finditer(before)]
    new = [m.span() for m in TOKEN.finditer(after)]
    if len(old) * len(new) > MAX_WORD_PAIRS:
        return [Edit(offset, offset + len(before), after)]  # one coarse edit beats an unbounded diff
    matcher = difflib.SequenceMatcher(
        None, [before[a:b] for a, b in old], [after[a:b] for a, b in new], autojunk=False
    )
    edits = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        start = old[i1][0] if i1 < len(old) else len(before)
        end = old[i2 - 1][1] if i2 > i1 else start
        inserted = after[new[j1][0]:new[j2 - 1][1]] if j2 > j1 else ""
        edits.append(Edit(offset + start, offset + end, inserted))
    return edits


def _common_prefix(a: str, b: str) -> int:
    """Return the length of the longest common prefix of a and b, backed off to a token start."""
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    while size and TOKEN.match(a, size - 1) and TOKEN.match(a, size - 1).end() > size:
        size -= 1  # inside a word: start the edit at the word, not mid-word
    return size


def _starts(chunks: list[str]) -> list[int]:
    """Return the offset of each chunk, and of the end."""
    starts = [0]
    for chunk in chunks:
        starts.append(starts[-1] + len(chunk))
    return starts


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Return text with the edits applied (they are in order and do not overlap)."""
    pieces, cursor = [], 0
    for edit in edits:
        pieces += [text[cursor:edit.start], edit.text]
        cursor = edit.end
    return "".join(pieces) + text[cursor:]
