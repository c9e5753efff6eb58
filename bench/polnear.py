"""Score figures.unsourced and quotes.unattributed against PolNeAR's attribution annotations.

Run from a checkout:  python bench/polnear.py DIR [--metadata FILE] [--sample N --seed S | --verdicts FILE]

DIR holds PolNeAR's train split as extracted: DIR/text/*.txt and DIR/attributions/*.ann (brat
standoff). Only the train split may be scored: the dev and test splits are the project's
held-out measure. Nothing of the corpus is written anywhere. See docs/attribution.md for what
the score counts and what it cannot see.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from factlint import engine
from factlint.config import default_pack
from factlint.document import Dateline, Document
from factlint.finding import Finding

LEVELS = ("warning", "error")
NOT_COUNTED = ("dates.missing-dateline",)
FIGURES, QUOTES = "figures.unsourced", "quotes.unattributed"
SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
# A figure with a unit is a claim whoever's figure finder looks at it: the fixed yardstick for recall.
UNIT_FIGURE = re.compile(
    r"(?<![\w.,])(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion))?"
    r"|\d[\d,]*(?:\.\d+)?(?:\s?%|\s+percent\b|\s+(?:million|billion|trillion)\b))")
# An annotated Source span that names a document or a count: its scope may run past its content.
DOCUMENT_SOURCE = re.compile(
    r"\b(?:polls?|surveys?|stud(?:y|ies)|reports?|analys[ie]s|data|count|tally|filings?|records|census"
    r"|results|returns|estimates?|projections?|figures|statistics)\b", re.I)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
QUOTE_SPAN = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


@dataclass
class Attribution:
    """One annotated attribution: its spans by role (Source, Cue, Content)."""

    roles: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def sourced(self) -> bool:
        """Tell whether the annotator found a source span for it."""
        return bool(self.roles.get("Source"))

    def spans(self, *roles: str) -> list[tuple[int, int]]:
        """Return the spans of the given roles."""
        return [span for role in roles for span in self.roles.get(role, [])]


@dataclass
class Article:
    """One article: its text, publication date and annotated attributions."""

    name: str
    text: str
    date: dt.date | None
    attributions: list[Attribution]

    def covered(self, start: int, end: int, roles: tuple[str, ...]) -> bool:
        """Tell whether [start, end) overlaps a role span of an attribution that has a source."""
        return any(a < end and start < b for attribution in self.attributions if attribution.sourced
                   for a, b in attribution.spans(*roles))


def scoped(article: Article, start: int) -> bool:
    """Tell whether a figure follows, in the same or the next paragraph, an annotated document source.

    The annotation marks a poll's findings as content only where the sentence says so; the
    paragraphs that go on reporting the same poll are its scope too ("Lee trails at 39
    percent."). Nothing else (a person's claim, a background fact) gets a scope.
    """
    for attribution in article.attributions:
        if not attribution.sourced or not any(DOCUMENT_SOURCE.search(article.text, a, b)
                                              for a, b in attribution.spans("Source")):
            continue
        spans = attribution.spans("Source", "Cue", "Content")
        first = min(a for a, _ in spans)
        last = max(b for _, b in spans)
        if last <= start and len(PARAGRAPH_BREAK.findall(article.text, first, start)) <= 1:
            return True
    return False


def parse_ann(path: Path) -> list[Attribution]:
    """Read the attributions of a brat .ann file (spans by role, events tying them together)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := SPAN_LINE.match(line):
            pieces = [tuple(int(x) for x in part.split()) for part in match.group(3).split(";")]
            spans[match.group(1)] = (match.group(2), [(p[0], p[1]) for p in pieces if len(p) == 2])
        elif match := EVENT_LINE.match(line):
            events.append(match.group(2))
    found = []
    for event in events:
        attribution = Attribution()
        for part in event.split():
            role, _, ref = part.partition(":")
            role = role.rstrip("0123456789")
            if role in ("Source", "Cue", "Content") and ref in spans:
                attribution.roles[role].extend(spans[ref][1])
        found.append(attribution)
    return found


def load_articles(folder: Path, metadata: Path) -> list[Article]:
    """Read the train articles; one annotation per article, the lowest annotator id."""
    with metadata.open(encoding="utf-8", newline="") as handle:
        dates = {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")
                 if row["compartment"] == "train"}
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        if path.stem not in dates:
            continue  # not a train article: never read it
        annotations = sorted((folder / "attributions").glob(f"{glob_escape(path.stem)}_*.ann"))
        if not annotations:
            continue
        date = _date(dates[path.stem])
        articles.append(Article(path.stem, path.read_text(encoding="utf-8"), date, parse_ann(annotations[0])))
    return articles


def glob_escape(name: str) -> str:
    """Escape glob metacharacters in a file stem."""
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def _date(value: str) -> dt.date | None:
    """Parse a publication date, or None."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def lint(article: Article, rule_set: engine.RuleSet) -> tuple[Document, list[Finding]]:
    """Lint one article with the default pack, dated with its publication date."""
    dateline = Dateline(article.date, "--date") if article.date else None
    doc = Document(article.text, article.name + ".txt", False, dateline)
    return doc, engine.lint(doc, rule_set)


def figure_spans(doc: Document, rule_set: engine.RuleSet) -> list[tuple[int, int]]:
    """Return the figures the unsourced rule weighs (its figure finder's claims)."""
    loaded = next(r for r in rule_set.rules if r.rule.id == FIGURES)
    return engine.kind_checks("figures")["unsourced"].figure_spans(loaded.rule, doc)


@dataclass
class Score:
    """Counts gathered over the corpus."""

    words: int = 0
    by_rule: Counter = field(default_factory=Counter)
    figures: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    sample: list[tuple[Article, Finding, str]] = field(default_factory=list)


def score(articles: list[Article], rule_set: engine.RuleSet) -> Score:
    """Lint every article and count findings against the annotations."""
    total = Score()
    for article in articles:
        doc, findings = lint(article, rule_set)
        total.words += len(article.text.split())
        counted = [f for f in findings if f.level in LEVELS and f.rule not in NOT_COUNTED]
        total.by_rule.update(f.rule for f in counted)
        flagged = {(f.start, f.end) for f in findings if f.rule == FIGURES}
        _score_figures(article, figure_spans(doc, rule_set), flagged, total.figures)
        for finding in findings:
            if finding.rule == QUOTES:
                sourced = article.covered(finding.start + 1, finding.end - 1, ("Content",))
                total.quotes["fp" if sourced else "tp"] += 1
            if finding in counted:
                label = _label(article, finding.rule, finding.start, finding.end)
                total.sample.append((article, finding, label))
    return total


def _label(article: Article, rule: str, start: int, end: int) -> str:
    """Say whether the annotation covers a finding's span [start, end) with a sourced attribution."""
    if rule == QUOTES:
        return "annotated-attributed" if article.covered(start + 1, end - 1, ("Content",)) \
            else "annotated-unattributed"
    if rule == FIGURES:
        return "annotated-sourced" if _sourced(article, start, end) else "annotated-unsourced"
    return ""


def _sourced(article: Article, start: int, end: int) -> bool:
    """Tell whether a figure lies in a source, cue or content span of an attribution with a source."""
    return article.covered(start, end, ("Source", "Cue", "Content"))


def _score_figures(article: Article, figures: list[tuple[int, int]], flagged: set[tuple[int, int]],
                   counts: Counter) -> None:
    """Count flagged and missed unsourced figures, against the finder's figures and unit figures."""
    for start, end in figures:
        positive = not _sourced(article, start, end)
        hit = (start, end) in flagged
        counts[("tp" if positive else "fp") if hit else ("fn" if positive else "tn")] += 1
        positive = positive and not scoped(article, start)
        counts[("s_tp" if positive else "s_fp") if hit else ("s_fn" if positive else "s_tn")] += 1
    quoted = [m.span() for m in QUOTE_SPAN.finditer(article.text)]
    for match in UNIT_FIGURE.finditer(article.text):
        start, end = match.span()
        if _sourced(article, start, end) or any(a <= start < b for a, b in quoted):
            continue
        counts["unit_positive"] += 1
        counts["unit_hit"] += any(a < end and start < b for a, b in flagged)


def report(total: Score, articles: int) -> str:
    """Return the score table as Markdown."""
    fig, quo = total.figures, total.quotes
    precision = _ratio(fig["tp"], fig["tp"] + fig["fp"])
    recall = _ratio(fig["tp"], fig["tp"] + fig["fn"])
    unit_recall = _ratio(fig["unit_hit"], fig["unit_positive"])
    lines = [
        f"PolNeAR train: {articles} articles, {total.words:,} words", "",
        "| measure | value | counts |", "| --- | --- | --- |",
        f"| figures.unsourced precision (figure-level) | {precision} | {fig['tp']} of {fig['tp'] + fig['fp']} flagged |",
        f"| figures.unsourced recall (finder's figures) | {recall} | {fig['tp']} of {fig['tp'] + fig['fn']} unsourced |",
        f"| figures.unsourced precision, document scope counted | {_ratio(fig['s_tp'], fig['s_tp'] + fig['s_fp'])} "
        f"| {fig['s_tp']} of {fig['s_tp'] + fig['s_fp']} flagged |",
        f"| figures.unsourced recall, document scope counted | {_ratio(fig['s_tp'], fig['s_tp'] + fig['s_fn'])} "
        f"| {fig['s_tp']} of {fig['s_tp'] + fig['s_fn']} unsourced |",
        f"| figures.unsourced recall (figures with a unit) | {unit_recall} | {fig['unit_hit']} of {fig['unit_positive']} unsourced |",
        f"| quotes.unattributed precision (quote-level) | {_ratio(quo['tp'], quo['tp'] + quo['fp'])} "
        f"| {quo['tp']} of {quo['tp'] + quo['fp']} flagged |",
        "", "| rule (warning or above) | findings | per 1,000 words |", "| --- | --- | --- |",
    ]
    for rule, count in sorted(total.by_rule.items(), key=lambda item: -item[1]):
        lines.append(f"| {rule} | {count} | {1000 * count / total.words:.2f} |")
    all_count = sum(total.by_rule.values())
    lines.append(f"| all but {', '.join(NOT_COUNTED)} | {all_count} | {1000 * all_count / total.words:.2f} |")
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    """Format a ratio, or a dash when there is nothing to divide."""
    return f"{part / whole:.3f}" if whole else "—"


def sample(total: Score, size: int, seed: int) -> str:
    """Return a random sample of findings, each with its paragraph, for judging by hand."""
    chosen = random.Random(seed).sample(total.sample, min(size, len(total.sample)))
    blocks = []
    for number, (article, finding, label) in enumerate(chosen, 1):
        start = article.text.rfind("\n", 0, finding.start) + 1
        end = article.text.find("\n", finding.end)
        end = len(article.text) if end < 0 else end
        paragraph = article.text[start:finding.start] + "[[" + article.text[finding.start:finding.end] + \
            "]]" + article.text[finding.end:end]
        previous = article.text[max(0, start - 400):start].strip().split("\n")[-1]
        blocks.append(f"### {number}. {finding.rule} {article.name}:{finding.line}:{finding.column} {label}\n"
                      f"{finding.message}\n\n> {previous}\n>\n> {paragraph}\n")
    return "\n".join(blocks)


# One judged finding: ARTICLE:LINE:COLUMN, the rule, the verdict (T, F or ?) and the finding's text, tab-separated.
VERDICT_LINE = re.compile(r"^([^\t:]+):(\d+):(\d+)\t(\S+)\t([TF?])\t([^\t]+?)\s*$")


class VerdictError(ValueError):
    """A verdicts file line that names no train article or no text at its position."""


def verdicts(total: Score, articles: list[Article], path: Path) -> str:
    """Return a hand-judged sample crossed with the annotation and with today's findings, as Markdown.

    Each judged finding is found again by its position and text, so a verdict outlives the
    code that made the finding: "gone" counts the judged findings the rules no longer make.
    """
    by_name = {article.name: article for article in articles}
    line_starts: dict[str, list[int]] = {}  # per judged article, built once
    kept = {(article.name, finding.rule, finding.line, finding.column) for article, finding, _ in total.sample}
    table: Counter = Counter()
    try:
        judged = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise VerdictError(f"{path}: not UTF-8 text ({error.reason})") from None
    for number, line in enumerate(judged, 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = VERDICT_LINE.match(line)
        article = by_name.get(match.group(1)) if match else None
        if match is None or article is None:
            raise VerdictError(f"{path}:{number}: expected ARTICLE:LINE:COLUMN, rule, T/F/? and the text, "
                               "tab-separated, for a train article")
        name, row, column, rule, verdict, text = match.groups()
        if name not in line_starts:
            line_starts[name] = Document(article.text, article.name + ".txt", False).line_starts
        start = _offset(line_starts[name], int(row), int(column))
        if start is None or article.text[start:start + len(text)] != text:
            raise VerdictError(f"{path}:{number}: {text!r} is not at {name}:{row}:{column}")
        annotated = _label(article, rule, start, start + len(text)) or "—"
        table[(rule, verdict, annotated, (name, rule, int(row), int(column)) in kept)] += 1
    return _verdict_table(table)


def _offset(starts: list[int], row: int, column: int) -> int | None:
    """Return the text offset of a 1-based line and column, given the text's line starts, or None past the text."""
    return starts[row - 1] + column - 1 if 0 < row <= len(starts) and column > 0 else None


def _verdict_table(table: Counter) -> str:
    """Render the judged findings by rule, verdict and annotation: still flagged, and gone."""
    lines = ["| rule | verdict | annotation | still flagged | gone |", "| --- | --- | --- | --- | --- |"]
    for rule, verdict, annotated in sorted({key[:3] for key in table}):
        lines.append(f"| {rule} | {verdict} | {annotated} | {table[(rule, verdict, annotated, True)]} "
                     f"| {table[(rule, verdict, annotated, False)]} |")
    lines += ["", "| rule | still flagged: worth flagging (T) | false alarms (F) | judged precision |",
              "| --- | --- | --- | --- |"]
    for rule in sorted({key[0] for key in table}):
        true = sum(v for k, v in table.items() if k[0] == rule and k[1] == "T" and k[3])
        false = sum(v for k, v in table.items() if k[0] == rule and k[1] == "F" and k[3])
        lines.append(f"| {rule} | {true} | {false} | {_ratio(true, true + false)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score the train split and print the table (or a sample of findings to judge)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="PolNeAR train folder (text/ and attributions/)")
    parser.add_argument("--metadata", type=Path, help="metadata.tsv (default: DIR/../metadata.tsv)")
    parser.add_argument("--sample", type=int, default=0, help="print N random findings with context instead")
    parser.add_argument("--seed", type=int, default=1, help="seed for --sample")
    parser.add_argument("--verdicts", type=Path,
                        help="a hand-judged sample (ARTICLE:LINE:COLUMN, rule, T/F/?, text; tab-separated): "
                             "cross it with the annotation and today's findings instead")
    args = parser.parse_args(argv)
    metadata = args.metadata or args.folder.parent / "metadata.tsv"
    if not (args.folder / "text").is_dir() or not metadata.is_file():
        print(f"polnear: {args.folder} needs text/ and attributions/, and {metadata} must exist", file=sys.stderr)
        return 2
    articles = load_articles(args.folder, metadata)
    rule_set = engine.RuleSet.load([default_pack()]).configured([], [], {})
    total = score(articles, rule_set)
    if args.verdicts:
        try:
            print(verdicts(total, articles, args.verdicts))
        except OSError as error:
            print(f"polnear: {args.verdicts}: {error.strerror}", file=sys.stderr)
            return 2
        except VerdictError as error:
            print(f"polnear: {error}", file=sys.stderr)
            return 2
        return 0
    print(sample(total, args.sample, args.seed) if args.sample else report(total, len(articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
