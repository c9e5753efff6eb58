"""The Finding value: the one currency between checks, formatters and fixes."""

from typing import NamedTuple


LEVELS: tuple[str, ...] = ("info", "warning", "error")


def level_rank(level: str) -> int:
    """Return the severity rank of a level name: info < warning < error."""
    return LEVELS.index(level)


class Related(NamedTuple):
    """Another place a finding points at: the same fact as another story tells it."""

    path: str
    line: int
    column: int
    match: str

    def to_dict(self) -> dict[str, object]:
        """Return the JSON view: path, line, column and the matched text."""
        return {"path": self.path, "line": self.line, "column": self.column, "match": self.match}


class Finding(NamedTuple):
    """One rule violation at a span of one document."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    level: str
    message: str
    match: str
    fix: str | None = None
    start: int = 0
    end: int = 0
    # Where a document with no lines holds the finding (a Word paragraph's path); "" for lines.
    container: str = ""
    # Where other stories of a story set tell the same fact (cross-story findings only).
    related: tuple[Related, ...] = ()

    def pointers(self) -> str:
        """Return ' (b.md:12:5 says 'Alan Brooks'; …)' for the related places, or ''."""
        if not self.related:
            return ""
        said = "; ".join(f"{r.path}:{r.line}:{r.column} says '{' '.join(r.match.split())}'" for r in self.related)
        return f" ({said})"

    def to_dict(self) -> dict[str, object]:
        """Return the JSON-contract view of this finding (offsets are internal); `related` if any."""
        placed = {"paragraph": self.line, "container": self.container} if self.container else {}
        view: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "match": self.match,
            "fix": self.fix,
            **placed,
        }
        if self.related:
            view["related"] = [r.to_dict() for r in self.related]
        return view
