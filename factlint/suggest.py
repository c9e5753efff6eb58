"""`factlint registry suggest PATH…`: propose a names registry from the forms an archive uses.

Every person and organisation the drafts name in more than one form becomes an entry: the house
form proposed (for a person the formal first name, else the most frequent full form), its
variants with how often each is used and one place, and the titles seen with the person. The
output is a rule file of the `names` kind; nothing is applied until an editor saves it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factlint.checks.across.kind import organization_search, title_words
from factlint.checks.across.organizations import organizations
from factlint.checks.across.people import people
from factlint.checks.across.report import Mention
from factlint.checks.across.titles import title_before
from factlint.config import default_pack
from factlint.document import Document, InputError
from factlint.engine import LoadError, RuleSet
from factlint.facts import PersonName, Story, fold_name, source_of
from factlint.storyrun import facts_of

DRAFT_SUFFIXES = (".txt", ".md", ".markdown")
EXAMPLES = 3  # entries whose variants become the rule's examples


@dataclass(frozen=True)
class Entry:
    """A proposed registry entry: the house form, its variants with counts and a place, the titles seen."""

    house: str
    uses: Counter[str]
    places: dict[str, str]
    titles: Counter[str]


def drafts(paths: Sequence[str]) -> list[Path]:
    """List the drafts named or found below the folders named (hidden folders skipped)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in DRAFT_SUFFIXES and p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])))
        else:
            raise InputError(f"{name}: no such file or directory")
    return found


def _place(stories: Sequence[Story], mention: Mention) -> str:
    doc = stories[mention.story].doc
    line, column = doc.position(mention.start)
    return f"{doc.path}:{line}:{column}"


def _entry(stories: Sequence[Story], mentions: list[Mention], house: str, titles: Counter[str]) -> Entry:
    uses = Counter(m.form for m in mentions)
    places = {}
    for mention in mentions:
        places.setdefault(mention.form, _place(stories, mention))
    return Entry(house, uses, places, titles)


def person_entries(stories: Sequence[Story], rule_set: RuleSet) -> list[Entry]:
    """Propose an entry for each person named in more than one form."""
    source = source_of(rule_set.sources, PersonName)
    words = _options(rule_set, "titles")
    if source is None or source.relate is None:
        return []
    entries = []
    for person in people(stories, source.relate):
        if len(person.forms) < 2:
            continue
        mentions = [Mention(i, n.start, n.end, n.name) for i, n in person.mentions]
        titles: Counter[str] = Counter()
        for index, name in person.mentions:
            found = title_before(stories[index].doc.lint_text, name.start, title_words(words)) if words else None
            if found:
                titles[found[2]] += 1
        names = {n.name: n for _, n in person.mentions}
        entries.append(_entry(stories, mentions, _house_name(names, Counter(m.form for m in mentions)), titles))
    return entries


def _house_name(names: dict[str, PersonName], uses: Counter[str]) -> str:
    """The formal first name (a short form is two or more letters shorter), then the most used form."""
    def short(name: PersonName) -> bool:
        return any(fold_name(o.last) == fold_name(name.last) and len(o.first) - len(name.first) >= 2
                   for o in names.values())
    return max(names, key=lambda form: (not short(names[form]), uses[form], len(form)))


def organization_entries(stories: Sequence[Story], rule_set: RuleSet) -> list[Entry]:
    """Propose an entry for each organisation named in more than one form: the most used form is the house's."""
    options = _options(rule_set, "organizations")
    if options is None:
        return []
    groups, _ = organizations(stories, *organization_search(options))
    entries = []
    for mentions in groups.values():
        uses = Counter(m.form for m in mentions)
        if len(uses) > 1:
            house = max(uses, key=lambda form: (uses[form], -next(i for i, m in enumerate(mentions) if m.form == form)))
            entries.append(_entry(stories, mentions, house, Counter()))
    return entries


def _options(rule_set: RuleSet, check: str) -> dict | None:
    """Return the options of the set's first across rule that runs a check."""
    return next((dict(r.rule.options) for r in rule_set.rules
                 if r.rule.kind == "across" and check in r.rule.options["check"]), None)


def _quoted(items: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(i, ensure_ascii=False) for i in items) + "]"


def render(people_found: list[Entry], orgs: list[Entry], count: int) -> str:
    """Write the proposal as a names rule file, counts and places as comments."""
    lines = [
        f"# Proposed by `factlint registry suggest` from {count} drafts. Review it, then save it under rules/.",
        "# Each entry is a person or organisation the drafts name in more than one form; the comments",
        "# say how often each form is used and where it is first found.",
        "kind: names", "level: warning", "check: variants",
        "description: Names and organisations in the house form proposed from the archive.",
    ]
    for key, entries in (("people", people_found), ("organizations", orgs)):
        if not entries:
            continue
        lines.append(f"{key}:")
        for entry in entries:
            variants = [f for f in entry.uses if f != entry.house]
            lines.append(f"  - name: {json.dumps(entry.house, ensure_ascii=False)}"
                         f"  # {entry.uses[entry.house]}× ({entry.places[entry.house]})")
            lines.append(f"    variants: {_quoted(variants)}")
            lines.extend(f"    # {json.dumps(v, ensure_ascii=False)}: {entry.uses[v]}× ({entry.places[v]})" for v in variants)
            if entry.titles:
                seen = sorted(entry.titles, key=lambda t: -entry.titles[t])
                lines.append(f"    titles: {_quoted(seen)}")
                lines.append("    # titles seen: " + ", ".join(f"{json.dumps(t, ensure_ascii=False)} {entry.titles[t]}×" for t in seen))
    lines.extend(_examples([*people_found, *orgs]))
    return "\n".join(lines) + "\n"


def _examples(entries: list[Entry]) -> list[str]:
    """Examples that --test-rules runs: a variant is flagged, the house form is not."""
    if not entries:
        return []
    lines = ["examples:"]
    for entry in entries[:EXAMPLES]:
        variant = next(f for f in entry.uses if f != entry.house)
        lines.append(f"  - text: {json.dumps(f'{variant} was named in the report.', ensure_ascii=False)}")
        lines.append(f"    matches: {_quoted([variant])}")
    lines.append(f"  - text: {json.dumps(f'{entries[0].house} was named in the report.', ensure_ascii=False)}")
    lines.append("    matches: []")
    return lines


def main(argv: list[str]) -> int:
    """Run `factlint registry suggest`; return the exit status."""
    parser = argparse.ArgumentParser(prog="factlint registry", description="Propose a names registry from drafts.")
    commands = parser.add_subparsers(dest="command", required=True)
    suggest = commands.add_parser("suggest", help="propose house forms for names used in more than one form")
    suggest.add_argument("paths", nargs="+", metavar="PATH", help="drafts or archive folders")
    suggest.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH",
                         help="a rule pack to add to the default pack (nickname policy, title and organisation words)")
    suggest.add_argument("--output", type=Path, metavar="PATH", help="write the proposal to PATH")
    args = parser.parse_args(argv)
    try:
        rule_set = RuleSet.load([default_pack(), *args.rules])
        stories = []
        for path in drafts(args.paths):
            try:
                doc = Document.from_bytes(path.read_bytes(), str(path))
            except (InputError, OSError) as exc:
                raise InputError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
            stories.append(Story(doc, facts_of(doc, rule_set.sources)))
    except (InputError, LoadError) as exc:
        print(f"factlint: error: {exc}", file=sys.stderr)
        return 2
    text = render(person_entries(stories, rule_set), organization_entries(stories, rule_set), len(stories))
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0
