"""Same person, two spellings: nickname and formal name, or a first name or surname spelled two ways.

Nicknames come from the `nicknames` data set (a CSV of `formal,has_nickname,nick` rows shipped in
its wheel). The data set is noisy ("bill has_nickname robert", "louis has_nickname louise"), so a
pair counts only in the data set's direction and only when the nickname is a short form of the
formal name: see `nickname_pairs` and docs/names.md.
"""

import importlib.util
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from types import CodeType
from typing import NamedTuple

from factlint import datacache, quotations
from factlint.rule import Rule
from factlint.checks.names import forms, later
from factlint.checks.names.text import (Candidate, ClassPattern, Folded, candidates, distance, one_edit,
                                        other_characters)
from factlint.checks.names.words import NameWords
from factlint.document import Document
from factlint.finding import Finding

NICKNAME_CACHE = "nicknames has_nickname rows 2"  # change it when the rows are read differently
SHORT_FORMS_CACHE = "nicknames short forms 1"


class NicknameTable(NamedTuple):
    """The nicknames data set's (formal, nickname) rows, and the names and links it knows."""

    rows: frozenset[tuple[str, str]]
    known: frozenset[str]
    content: str = ""  # the data set's files, which key what is cached from it ("" when unknown)

    def links(self, x: str, y: str) -> bool:
        """Tell whether the data set pairs two lower-cased names, either way round."""
        return (x, y) in self.rows or (y, x) in self.rows


def load_nicknames() -> NicknameTable:
    """Read the nicknames data set through its package API (once per rule set: see same_person.build).

    Importing the package and reading its table is a good share of a commit hook's start-up, so
    the rows are cached on disk, for the bytes of the package's files.
    """
    content = _data_set_content()
    rows = _cached_rows(content) if content else None
    if rows is None:
        from nicknames import name_triplets  # here: only the rules that pair names pay for it

        rows = frozenset((t.name1.lower(), t.name2.lower())
                         for t in name_triplets() if t.relationship == "has_nickname")
        if content:
            datacache.put(NICKNAME_CACHE, content, list(chain.from_iterable(sorted(rows))))
    # chain() builds it in C: a few thousand rows on every start of a commit hook.
    return NicknameTable(rows, frozenset(chain.from_iterable(rows)), content or "")


def _data_set_content() -> str | None:
    """Return the installed nicknames package's file names and bytes, found without importing it."""
    try:
        spec = importlib.util.find_spec("nicknames")
        folder = Path(next(iter(spec.submodule_search_locations)))
        files = sorted(p for p in folder.iterdir() if p.suffix in (".py", ".csv") and p.is_file())
        return "\0".join(f"{f.name}\0{f.read_bytes().decode('latin-1')}" for f in files)
    except (AttributeError, TypeError, StopIteration, OSError, ImportError, ValueError):
        return None


def _cached_rows(content: str) -> frozenset[tuple[str, str]] | None:
    """Return the cached (formal, nickname) rows, or None unless they are an even list of names.

    The rows are cached as one flat list (formal, nickname, formal, ...): one pass checks it.
    """
    cached = datacache.get(NICKNAME_CACHE, content)
    if type(cached) is not list or len(cached) % 2 or set(map(type, cached)) - {str}:
        return None
    return frozenset(zip(cached[::2], cached[1::2]))


def _stems(nick: str, endings: Iterable[str]) -> set[str]:
    """Return a nickname with and without a diminutive ending (Kathy → kath, Kate → kat)."""
    stems = {nick}
    for ending in endings:
        if nick.endswith(ending) and len(nick) - len(ending) >= 3:
            stems.add(nick[:-len(ending)])
    return stems


def short_form(nick: str, formal: str, endings: Iterable[str] = ()) -> bool:
    """Tell whether nick looks like a short form of formal, not merely a name the data set links.

    It must be at least two letters shorter and, with or without a diminutive ending (`endings`,
    from the names word file), begin it
    (Jen/Jennifer, Kathy/Katherine, Ed/Edward), rhyme with its start (Bob/Robert, Bill/William,
    Kathy/Catherine), or begin it after a dropped first letter (Ted/Edward, Nell/Ellen).
    """
    if len(nick) < 2 or len(formal) - len(nick) < 2:
        return False
    return any(
        formal.startswith(stem)
        or (len(stem) >= 3 and stem[0] != formal[0] and formal[1:].startswith(stem[1:]))
        or (len(stem) >= 3 and formal.startswith(stem[1:]))
        for stem in _stems(nick, endings)
    )


def nickname_pairs(table: NicknameTable, extra: Iterable[tuple[str, str]] = (),
                   dropped: Iterable[tuple[str, str]] = (),
                   supplement: Iterable[tuple[str, str]] = (),
                   endings: Iterable[str] = ()) -> frozenset[tuple[str, str]]:
    """Return the trusted (nickname, formal) pairs: short forms from the data set, plus and minus the rule's.

    `extra` pairs count only if the data set has them; `supplement` pairs (a reviewed table) always.
    """
    rows, endings = table.rows, tuple(endings)
    pairs = set(_short_forms(table, endings))
    pairs |= {(n.lower(), f.lower()) for n, f in extra if (f.lower(), n.lower()) in rows}
    pairs |= {(n.lower(), f.lower()) for n, f in supplement}
    return frozenset(pairs - {(n.lower(), f.lower()) for n, f in dropped})


def _short_forms(table: NicknameTable, endings: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Return the data set's (nickname, formal) pairs that look like short forms, cached on disk.

    Weighing its few thousand rows is most of what the same-person rule costs a commit hook's
    start-up; the result depends only on the data set and the endings, which key the cache.
    """
    # The code that weighs them is part of the key: a changed short_form never reads old results.
    key = "\0".join(endings) + "\1" + _code_key(short_form.__code__) + _code_key(_stems.__code__) + "\1" + table.content
    cached = datacache.get(SHORT_FORMS_CACHE, key) if table.content else None
    if type(cached) is list and not set(map(type, cached)) - {tuple} and not set(map(len, cached)) - {2}:
        pairs = frozenset(cached)
        if {(formal, nick) for nick, formal in pairs} <= table.rows:  # pairs of the data set only
            return pairs
    pairs = frozenset((nick, formal) for formal, nick in table.rows if short_form(nick, formal, endings))
    if table.content:
        datacache.put(SHORT_FORMS_CACHE, key, sorted(pairs))
    return pairs


def _code_key(code: CodeType) -> str:
    """Return a function's bytecode, constants and names (nested functions' too) as text."""
    consts = "|".join(_code_key(c) if isinstance(c, CodeType) else repr(c) for c in code.co_consts)
    return f"{code.co_code.hex()}:{consts}:{','.join(code.co_names)}"


class Kinship(NamedTuple):
    """Words that tie a name to a relative: kinship nouns (son, wife, Jr.) and the possessives before them (his, her)."""

    words: frozenset[str]
    possessives: frozenset[str]
    joiners: frozenset[str] = frozenset()


# Where a sentence ends, to keep a name's kinship test inside its own sentence.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”]?\s+(?=[\"“‘(]?[A-Z])|\n\s*\n")


class Policy(NamedTuple):
    """What the same-person check treats as one person (`run_pattern`: forms.run_pattern(particles))."""

    nicknames: frozenset[tuple[str, str]]
    table: NicknameTable
    gendered: frozenset[frozenset[str]]
    not_names: frozenset[str]
    min_first: int
    min_last: int
    run_pattern: ClassPattern
    derived_tails: tuple[str, ...]   # later.derived_tails(words), worked out once per rule set
    particles: frozenset[str] = frozenset()
    group_words: frozenset[str] = frozenset()
    words: NameWords = NameWords(frozenset(), ())
    sound_alike: tuple[tuple[str, str], ...] = ()
    kin: Kinship = Kinship(frozenset(), frozenset())

    def related_first(self, a: str, b: str) -> bool:
        """Tell whether two first names (same surname) name one person."""
        return self.nickname(a, b) or self.spelled_first(a, b)

    def nickname(self, a: str, b: str) -> bool:
        """Tell whether one first name is the data set's short form of the other (Ken/Kenneth)."""
        x, y = a.lower(), b.lower()
        return (x, y) in self.nicknames or (y, x) in self.nicknames

    def spelled_first(self, a: str, b: str) -> bool:
        """Tell whether two first names that are no nickname pair are one name spelled two ways."""
        x, y = a.lower(), b.lower()
        if x == y or self.nickname(x, y):
            return False
        if self._gendered(x, y):
            return False
        if self.sounds_alike(x, y):   # Stephen/Steven, Katherine/Catherine: one name, two spellings
            return True
        return self._variant(x, y, self.min_first) and not self._distinct(x, y)

    def sounds_alike(self, x: str, y: str) -> bool:
        """Tell whether two lower-cased names spell one sound (`sound_alike` rewrites, doubled letters as one)."""
        return bool(self.sound_alike) and min(len(x), len(y)) >= 3 and self._sound(x) == self._sound(y)

    def _sound(self, name: str) -> str:
        """Rewrite "^name$" with the rule's `sound_alike` pairs, in order, then collapse doubled letters."""
        key = f"^{name}$"
        for written, heard in self.sound_alike:
            key = key.replace(written, heard)
        return "".join(c for i, c in enumerate(key) if i == 0 or key[i - 1] != c)

    def related_last(self, a: str, b: str) -> bool:
        """Tell whether two surnames (same first name) name one person."""
        return self._variant(a.lower(), b.lower(), self.min_last)

    @staticmethod
    def _variant(x: str, y: str, minimum: int) -> bool:
        """A spelling variant: both long enough, one edit apart (two for names of 7+ letters)."""
        shortest = min(len(x), len(y))
        if shortest < 7:   # one edit at most: no table needed
            return shortest >= minimum and (x == y or one_edit(x, y))
        return shortest >= minimum and distance(x, y, 2) <= 2

    def _gendered(self, x: str, y: str) -> bool:
        """Daniel/Daniela, Mario/Maria, Louis/Louise: the same stem with a male and a female ending."""
        prefix = 0
        while prefix < min(len(x), len(y)) and x[prefix] == y[prefix]:
            prefix += 1
        return frozenset((x[prefix:], y[prefix:])) in self.gendered

    def _distinct(self, x: str, y: str) -> bool:
        """Christian/Christina: two established names the data set does not link are two people."""
        known = self.table.known
        return x in known and y in known and not self.table.links(x, y)


def same_person(rule: Rule, doc: Document, policy: Policy) -> Iterator[Finding]:
    """Flag the first use of a second form of one person's name, naming both forms and lines."""
    folded = Folded(doc.lint_text)
    others = other_characters(folded.text)   # for both scans of the text
    found = candidates(folded.text, policy.not_names, others)
    taken: list[tuple[int, int]] = []   # document spans already reported
    runs = forms.runs(folded.text, policy.not_names, policy.particles, policy.run_pattern, others)
    for variant in forms.variants(runs, policy.particles):
        finding_ = _form_finding(rule, doc, folded, variant)
        taken.append((finding_.start, finding_.end))
        yield finding_
    bare = [r.words[0] for r in runs if len(r.words) == 1]   # (text, start, end) of each
    for slip in later.misspelled_surnames(folded.text, found, bare, policy.not_names, policy.table.known,
                                          policy.words):
        finding_ = _surname_finding(rule, doc, folded, slip)
        if not _overlaps(finding_, taken):
            taken.append((finding_.start, finding_.end))
            yield finding_
    people = _without_group_nouns(folded.text, found, policy)
    # A headline may shorten a first name ("Ken Starr" over a story of "Kenneth Starr"), and so may
    # a speaker ("“Pete was there,” she said"); neither may misspell one.
    body = _first_in_body(doc, folded, people)
    for finding_ in (*_pairs(rule, doc, folded, people, lambda c: c.last.text, lambda c: c.first.text,
                             policy.spelled_first, policy.kin),
                     *_pairs(rule, doc, folded, body, lambda c: c.last.text, lambda c: c.first.text,
                             policy.nickname, policy.kin),
                     *_pairs(rule, doc, folded, people, lambda c: c.first.text, lambda c: c.last.text,
                             policy.related_last)):
        if not _overlaps(finding_, taken):
            taken.append((finding_.start, finding_.end))
            yield finding_


def _first_in_body(doc: Document, folded: Folded, found: list[Candidate]) -> list[Candidate]:
    """The first use of each name outside headings and quotations, in the text's order."""
    # _pairs weighs only a name's first use, so a name's later uses need no heading or quotation test.
    quoted = quotations.scan(doc)
    first: dict[tuple[str, str], Candidate] = {}
    for candidate in found:
        name = (candidate.first.text, candidate.last.text)
        if name not in first:
            at = folded.original(candidate.start)
            if not doc.in_heading(at) and not quoted.inside(at):
                first[name] = candidate
    return list(first.values())


def _overlaps(finding_: Finding, spans: list[tuple[int, int]]) -> bool:
    """Tell whether a finding overlaps one already reported."""
    return any(start < finding_.end and finding_.start < end for start, end in spans)


def _without_group_nouns(text: str, found: list[Candidate], policy: Policy) -> list[Candidate]:
    """Drop groups named like people: 'Girl Scout' beside 'Girl Scouts', 'African American' beside 'African Americans'.

    A real surname with a plural-looking twin (Rachel Edward / Rachel Edwards) still counts when
    the first word is a given name and no form follows a determiner or number ('the', 'a', 'two').
    Twins are looked up by name, so a story that names its people hundreds of times stays linear.
    """
    uses: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in found:
        uses.setdefault((candidate.first.text, candidate.last.text), []).append(candidate)
    twins = {(first, last): [(first, t) for t in _number_forms(last, policy.words, policy.derived_tails)
                             if (first, t) in uses and (later.plural_pair(t, last, policy.words)
                                                        or later.derived_pair(t, last, policy.words))]
             for first, last in uses}
    # Only a twin's uses are asked whether a group word comes before them.
    grouped = {name: any(_word_before(text, c.start).lower() in policy.group_words for c in uses[name])
               for name in {twin for found_twins in twins.values() for twin in found_twins}}
    kept = []
    for candidate in found:
        first, last = name = candidate.first.text, candidate.last.text
        if twins[name] and (first.lower() not in policy.table.known or any(grouped[t] for t in twins[name])
                            or _word_before(text, candidate.start).lower() in policy.group_words):
            continue
        kept.append(candidate)
    return kept


def _number_forms(word: str, words: NameWords, tails: tuple[str, ...]) -> set[str]:
    """The plural and singular forms a word could have by the plural endings, and its people and adjective (tails)."""
    forms = set()
    for single, plural in words.plural_endings:
        if word.endswith(single):
            forms.add(word[:len(word) - len(single)] + plural)
        if word.endswith(plural):
            forms.add(word[:len(word) - len(plural)] + single)
    for tail in tails:
        forms.add(word + tail)
        if word.endswith(tail) and len(word) > len(tail):
            forms.add(word[:-len(tail)])
    return forms


def _word_before(text: str, start: int) -> str:
    """The word just before offset start (a number counts), or ''."""
    head = text[max(0, start - 24):start].rstrip()
    return head.rsplit(" ", 1)[-1] if head and text[start - 1:start] == " " else ""


def _pairs(rule: Rule, doc: Document, folded: Folded, found: list[Candidate], same, differs,
           related, kin: Kinship | None = None) -> Iterator[Finding]:
    """Group candidates that share one part; flag each later form related to an earlier one.

    With `kin`, a pair named together ("Tony Marsh and Toni Marsh"), or either of whose forms its
    sentence ties to a relative ("His son, Jon Reardon", "Jerry Haskins Jr."), is two relatives.
    """
    firsts: dict[str, dict[str, Candidate]] = {}
    for candidate in found:
        forms = firsts.setdefault(same(candidate), {})
        forms.setdefault(differs(candidate), candidate)
    for forms in firsts.values():
        seen: list[Candidate] = []
        for form, candidate in forms.items():
            earlier = next((c for c in seen if related(differs(c), form)), None)
            seen.append(candidate)
            if earlier is None or (kin is not None and _relatives(folded.text, earlier, candidate, kin)):
                continue
            yield _finding(rule, doc, folded, candidate, earlier)


def _relatives(text: str, earlier: Candidate, later: Candidate, kin: Kinship) -> bool:
    """Tell whether two forms name two relatives: named together ("Tony Marsh and Toni Marsh") or tied to kin."""
    if text[earlier.end:later.start].strip(" ,").lower() in kin.joiners:
        return True
    return bool(kin.words) and (_kin_beside(text, later, kin) or _kin_beside(text, earlier, kin))


def _kin_beside(text: str, candidate: Candidate, kin: Kinship) -> bool:
    """Tell whether a name's sentence ties it to a relative: "His son, Jon Reardon", "Hale, his grandson,", "Reardon Jr."."""
    head = SENTENCE_END.split(text[max(0, candidate.start - 200):candidate.start])[-1]
    tail = SENTENCE_END.split(text[candidate.end:candidate.end + 200])[0]
    tokens = head.split()
    words = [_plain(w) for w in tokens]
    if len(words) >= 2 and words[-1] in kin.words and (words[-2] in kin.possessives or _owner(tokens[-2])):
        return True   # "His son, Jon Reardon", "Haskins' wife, Jeri Haskins"
    after = [_plain(w) for w in tail.split()]
    if after[:1] and after[0] in kin.words:
        return True   # "John Reardon Jr.", "Jon Reardon, son of the founder"
    # Anywhere in the sentence: "Jon Reardon, who took over from his father in 2009"
    return _possessive_kin(words, kin) or _possessive_kin(after, kin)


def _possessive_kin(words: list[str], kin: Kinship) -> bool:
    """Tell whether a possessive pronoun and a word of kinship follow each other among words ("his father")."""
    return any(a in kin.possessives and b in kin.words for a, b in zip(words, words[1:]))


def _plain(word: str) -> str:
    """Return a word lower-cased without the punctuation around it."""
    return word.strip(".,;:!?\"'’“”()").lower()


def _owner(word: str) -> bool:
    """Tell whether a word is a name's possessive: "Haskins'", "Ortiz's"."""
    return word[:1].isupper() and word.rstrip(",").endswith(("'s", "’s", "s'", "s’"))


def _finding(rule: Rule, doc: Document, folded: Folded, later: Candidate, earlier: Candidate) -> Finding:
    start, end = folded.span(later.start, later.end)
    line = doc.position(start)[0]
    other_line = doc.position(folded.original(earlier.start))[0]
    detail = (
        f"'{later.name}' (line {line}) and '{earlier.name}' (line {other_line}) look like one person "
        "spelled two ways: use one form throughout"
    )
    return rule.finding(doc, start, end, detail=detail, found=later.name, other=earlier.name,
                        line=line, other_line=other_line)


def _form_finding(rule: Rule, doc: Document, folded: Folded, variant: forms.Variant) -> Finding:
    start, end = folded.span(variant.start, variant.end)
    line = doc.position(start)[0]
    other_line = doc.position(folded.original(variant.earlier_start))[0]
    detail = (f"'{variant.later}' (line {line}) writes '{variant.earlier}' (line {other_line}) with other "
              f"hyphens, spaces, accents or particles: the story first writes '{variant.earlier}'")
    return rule.finding(doc, start, end, detail=detail, found=variant.later, other=variant.earlier,
                        line=line, other_line=other_line)


def _surname_finding(rule: Rule, doc: Document, folded: Folded, slip: later.Misspelling) -> Finding:
    start, end = folded.span(slip.start, slip.end)
    line = doc.position(start)[0]
    other_line = doc.position(folded.original(slip.person.start))[0]
    surname = slip.person.last.text
    detail = (f"'{slip.word}' (line {line}) looks like a misspelling of '{surname}', the surname of "
              f"'{slip.person.name}' (line {other_line}): use one spelling throughout")
    return rule.finding(doc, start, end, detail=detail, found=slip.word, other=slip.person.name,
                        line=line, other_line=other_line)
