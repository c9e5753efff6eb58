"""The edits that turn a draft's text into its fixed text, as word-sized replacements."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Words, runs of spaces and single marks: an edit then covers whole words ("US" → "U.S."),
# which is how an editor reads a tracked change, not a scatter of single letters.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.S)


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`."""

    start: int
    end: int
    text: str


def text_edits(before: str, after: str) -> list[Edit]:
    """Return the edits from before to after, in order, none overlapping."""
    old = [m.span() for m in TOKEN.finditer(before)]
    new = [m.span() for m in TOKEN.finditer(after)]
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
        edits.append(Edit(start, end, inserted))
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Return text with the edits applied (they are in order and do not overlap)."""
    pieces, cursor = [], 0
    for edit in edits:
        pieces += [text[cursor:edit.start], edit.text]
        cursor = edit.end
    return "".join(pieces) + text[cursor:]
