"""Inline suppression: disable/enable comments, disable-next-line, and [sic] after a match."""

from __future__ import annotations

import fnmatch
import re

from factlint.document import Document
from factlint.finding import Finding
from factlint.markup import Directive

SIC = re.compile(r"[ \t]*\[sic\]", re.I)


class Suppressions:
    """The suppression directives of one document, remembering which of them were used."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.used: set[Directive] = set()

    def suppresses(self, finding: Finding) -> bool:
        """Tell whether a finding is silenced by a directive or by a [sic] right after it."""
        if SIC.match(self.doc.text, finding.end):
            return True
        directive = self._covering(finding)
        if directive is not None:
            self.used.add(directive)
            return True
        return False

    def unused(self) -> list[Directive]:
        """Return the disable directives that silenced nothing."""
        return [d for d in self.doc.directives if d.action != "enable" and d not in self.used]

    def _covering(self, finding: Finding) -> Directive | None:
        """Return the directive that silences the finding's rule at its place, if any."""
        active: Directive | None = None
        for directive in self.doc.directives:
            if directive.start > finding.start:
                break
            applies = not directive.rules or any(fnmatch.fnmatchcase(finding.rule, r) for r in directive.rules)
            if directive.action == "disable-next-line":
                if applies and self.doc.position(directive.end)[0] + 1 == finding.line:
                    return directive
            elif directive.action == "disable" and applies:
                active = directive
            elif directive.action == "enable" and applies:
                active = None
        return active
