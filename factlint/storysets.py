"""Story sets: which drafts of a run are compared with each other, and the cross-story step over them.

A story set is a group of drafts about one event: every draft named on the command line with
`--across`; the drafts that share a front-matter key (`story:`, `event:`, `slug:`, or the
configuration's `story_keys`); or the drafts below a folder whose `.factlint.yaml` says
`story_set: true`. Drafts not in a common set are never compared.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factlint import markup, readers, yamlfile
from factlint.config import Settings
from factlint.document import MARKDOWN_SUFFIXES, Document
from factlint.engine import RuleSet
from factlint.report import FileReport
from factlint.storyrun import has_cross_checks, lint_stories

STDIN_NAME = "<stdin>"


def front_matter_key(text: str, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """Return the first of the keys a draft's Markdown front matter sets, with its value."""
    if not text.startswith("---"):  # front matter opens a draft: most drafts need no scan
        return None
    found = markup.scan(text.replace("\r\n", "\n"), True).front_matter
    if not found:
        return None
    try:
        data = yamlfile.parse(found)
    except yamlfile.YamlError:
        return None
    if not isinstance(data, dict):
        return None
    for key in keys:
        value = data.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return key, str(value).strip()
    return None


def story_sets(files: list[FileReport], settings_of: Callable[[Path], Settings],
               across: bool) -> list[list[FileReport]]:
    """Group the linted drafts into story sets of two or more, in run order."""
    drafts = [f for f in files if f.path != STDIN_NAME and _read_as_text(f.path, settings_of)]
    if across:
        return [drafts] if len(drafts) > 1 else []
    groups: dict[tuple[str, ...], list[FileReport]] = {}
    for file in drafts:
        settings = settings_of(Path(file.path))
        shared = front_matter_key(file.text, settings.story_keys) if settings.story_keys else None
        if shared is not None:
            groups.setdefault(("key", *shared), []).append(file)
        elif settings.story_set:
            groups.setdefault(("folder", str(settings.source)), []).append(file)
    return [group for group in groups.values() if len(group) > 1]


def _read_as_text(path: str, settings_of: Callable[[Path], Settings]) -> bool:
    """Tell whether a draft is plain text or Markdown: the cross-story step reads report texts as
    drafts, and a Word or HTML draft's report text is not the prose its checks saw."""
    return readers.format_of(path, settings_of(Path(path)).input_format) in ("text", "markdown")


def cross_lint(files: list[FileReport], settings_of: Callable[[Path], Settings],
               rule_set_of: Callable[[Path], RuleSet], across: bool) -> list[FileReport]:
    """Run the cross-story checks over each story set; return the reports with their findings added.

    A set runs the rules of its first draft's configuration; each draft's own suppression
    comments apply to the findings in it.
    """
    added: dict[str, list] = {}
    for members in story_sets(files, settings_of, across):
        rule_set = rule_set_of(Path(members[0].path))
        if not has_cross_checks(rule_set):
            continue
        docs = [Document(m.text, m.path, m.path.lower().endswith(MARKDOWN_SUFFIXES),
                         settings_of(Path(m.path)).date) for m in members]
        for path, findings in lint_stories(docs, rule_set).items():
            added.setdefault(path, []).extend(findings)
    return [f._replace(findings=tuple(sorted({*f.findings, *added[f.path]}, key=_order)))
            if added.get(f.path) else f for f in files]


def _order(finding) -> tuple:
    return (finding.start, finding.end, finding.rule, finding.message)
