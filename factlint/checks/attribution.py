"""Tell whether a sentence says where its facts come from: a cue, a citation or a named reporter."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from factlint.checks.base import ANY_SPACE, compile_regex, compile_words, word_pattern
from factlint.checks.cuepatterns import account_pattern, break_pattern, clause_pattern, source_pattern
from factlint.checks.lexicon import WORD as LEXICON_WORD
from factlint.checks.lexicon import Lexicon, WordSet
from factlint.checks.phrases import PhraseSet, phrase_set

BY_AGENT = compile_words(r"\s+(?:[a-z]+ly\s+)?by\s+(?![\d$€£¥])\w")
STRIP = "\"'“”‘’()[]{}.,;:—–-"
CLOSING = ("”", '"', "’", "'")
# After a verb in reporting order ("…, said Ellen Marsh", "…, noted the county clerk"): a name,
# a pronoun or a determiner opens the speaker.
SPEAKER_AFTER = compile_words(r"\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|he|she|they|we|I)\b)")
PREPOSITION_BEFORE = compile_words(r"\b(?:in|from|according\s+to|by|of|under)\s+\Z", True)
BY_NAME = compile_words(r"\s+by\s+(?:the\s+)?[A-Z]")
RELATIVES = ("that", "which", "who")
# "according to" attributes whatever follows it: "According to early results of exit polls".
PREPOSITION_INSIDE = compile_words(
    r"\b(?:(?:in|from|according\s+to|by|under)\s+(?:the|a|an|this|that|its|their|these|those)|according\s+to)"
    r"\s+(?:\S+\s+){0,2}\S+\Z", True)
BY_NAME_AFTER = compile_words(r"\s+(?:by|from|of)\s+(?:the\s+)?[A-Z]")
# At most this many words between a proposal's verb and a figure of its content: "called for a $15 wage".
PROPOSAL_REACH = 12
# At most this many words between a subject and its reporting verb for a phrase of its making: "filed on Sunday night".
PARTICIPLE_REACH = 6
# A document followed by the count it covers ("The survey of 1,033 likely voters") describes itself.
INDEFINITE = ("a", "an")
OF_COUNT = compile_words(r"\s+of\s+(?:[a-z]+\s+){0,2}\d")
WORD_RUN = compile_words(r"\w+")
# Signs that open an amount: "$2 million", "€40".
CURRENCY_SIGNS = ("$", "€", "£", "¥", "₹")


def _bare(token: str) -> str:
    """Return a token without surrounding punctuation."""
    return token.strip(STRIP)


class Attribution:
    """Compiled attribution cues: phrases, citation patterns and reporting verbs with an agent."""

    def __init__(self, options: Mapping[str, Any], lexicon: Lexicon) -> None:
        """Compile the rule's cue lists and the shared lexicon once."""
        self.cues = phrase_set((*options["cues"], *lexicon.phrases), "cues")
        # Public record (a market's close) needs no named source: the exchange is the record. It
        # covers its own sentence's figures only, and credits no sentence after it.
        record = options.get("public_record", ())
        self.record = phrase_set(record, "public_record") if record else None
        # A vague source ("in some polls") covers its own sentence's figures and credits no other.
        vague = options.get("vague_cues", ())
        self.vague_cues = phrase_set(vague, "vague_cues") if vague else None
        citations = "|".join(f"(?:{p})" for p in options["citations"]) or r"(?!)"
        self.citations = compile_regex(citations, False, "citations")
        # Reporting verbs need a subject that can report ("Pfizer reported", not "deaths reported");
        # a verb of speaking has a speaker for subject whatever it is ("Ortiz acknowledged").
        self.verbs = compile_words(word_pattern(options["reporting_verbs"]), False, "reporting_verbs")
        # Each verb a whole word run: a sentence whose word runs hold none of them matches none.
        self.verb_runs = frozenset(options["reporting_verbs"]) \
            if all(WORD_RUN.fullmatch(v) for v in options["reporting_verbs"]) else None
        speech = lexicon.figure_verb_forms - set(options["reporting_verbs"])
        self.speech = WordSet(speech)
        # Verbs that attribute a figure only when "that" or a colon follows: "added that".
        self.that_verbs = WordSet(lexicon.verb_forms - lexicon.figure_verb_forms)
        # Of those, the forms that are also nouns ("notes", "estimates"): a verb between a name and a clause too.
        self.noun_verbs = WordSet(lexicon.noun_verb_forms)
        self.clause_subjects = lexicon.clause_subjects
        self.free_relatives = lexicon.free_relatives
        # Forms that size a figure after a free relative's subject ("what police estimated were"), and
        # forms that only name it, which size it only after a name ("what Ruiz called a $3.2 million shortfall").
        self.sizing_verbs = lexicon.figure_verb_forms | frozenset(options["reporting_verbs"])
        self.naming_verbs = lexicon.verb_forms - self.sizing_verbs
        self.source = source_pattern(lexicon)
        # A source's noun alone: where it is not, no source is, and it is far quicker to search for.
        self.source_nouns = compile_words(word_pattern(lexicon.source_nouns, ANY_SPACE), False, "source_nouns") \
            if lexicon.source_nouns else compile_words(r"(?!)")
        # Each noun's first word a whole word run: a sentence whose runs hold none of them names none.
        heads = {noun.split()[0] for noun in lexicon.source_nouns if noun.split()}
        self.noun_heads = frozenset(heads) if all(WORD_RUN.fullmatch(h) for h in heads) else None
        self.source_determiners = lexicon.source_determiners
        self.idioms = lexicon.document_idioms
        self.agents = {w.lower() for w in options["agents"]}
        self.determiners = {w.lower() for w in options["determiners"]}
        self.openers = {w.lower() for w in options["subject_openers"]}
        self.passive = {w.lower() for w in options["passive_markers"]}
        self.skip = {w.lower() for w in options["skip_words"]}
        # One-word verbs of a document's filing, passed over as its modifier before its verb:
        # "disclosures filed on Sunday night revealed".
        self.participles = frozenset(w.lower() for w in lexicon.filing_verbs if " " not in w)
        # What may stand before a noun, so never before a name that reports; what may open a reported clause.
        self.noun_openers = self.determiners | self.openers
        self.clause_openers = self.openers | self.clause_subjects
        self.accounts = account_pattern(options["possessives"], options["account_nouns"])
        passive = word_pattern(options["passive_markers"])
        self.clause_after = clause_pattern(lexicon, options["subject_openers"])
        self.content_break = break_pattern(lexicon)
        self.definite = lexicon.definite_determiners
        self.lexicon_nouns = lexicon.proposal_nouns
        self.proposals = compile_words(word_pattern(lexicon.proposal_forms, ANY_SPACE), False, "proposal_verbs") \
            if lexicon.proposal_forms else compile_words(r"(?!)")
        # Its author after a verb that publishes it, in one run of lowercase words: "A report about the
        # integration of immigrants issued over the summer by the Organization for Economic …".
        # Not a document still to come: "a study that has not been released by", "to be released by".
        unreleased = rf"(?!(?:{word_pattern(lexicon.unreleased_words)})\b)" if lexicon.unreleased_words else ""
        self.authored = compile_words(
            rf"(?:\s+{unreleased}[a-z][\w'’-]*){{0,10}}?\s+{word_pattern(lexicon.authoring_verbs, ANY_SPACE)}"
            rf"(?:\s+(?!(?:by|from)\b)[a-z][\w'’-]*){{0,4}}?\s+(?:by|from)\s+(?:the\s+)?[A-Z]", False, "authoring_verbs") \
            if lexicon.authoring_verbs else compile_words(r"(?!)")
        methods = (*lexicon.method_verbs, *lexicon.filing_verbs)
        self.method = compile_words(
            rf"\s+(?:{passive}\s+)?{word_pattern(methods, ANY_SPACE)}", True, "method_verbs") \
            if methods else compile_words(r"(?!)")

    def attributed(self, original: str, masked: str, start: int, end: int) -> bool:
        """Tell whether the sentence [start, end) carries attribution outside its quotations."""
        sentence = masked[start:end]
        if self.cues.search(sentence) or self.citations.search(original, start, end):
            return True
        # The sentence's word runs and words, found once: a search that needs one of its nouns or
        # verbs runs only where the sentence holds one.
        runs = WORD_RUN.findall(sentence)
        if self.accounts.search(sentence) or (
                (self.noun_heads is None or not self.noun_heads.isdisjoint(runs))
                and self.source_nouns.search(sentence)
                and any(self._named(sentence, m.start(), m.group()) for m in self.source.finditer(sentence))):
            return True
        words = LEXICON_WORD.findall(sentence)
        if not self.that_verbs.words.isdisjoint(words) and any(
                self.clause_after.match(sentence, m.end()) and self._agentive(sentence, m.start(), m.end(), True)
                for m in self.that_verbs.finditer(sentence)):
            return True
        if not self.speech.words.isdisjoint(words) and any(
                self._agentive(sentence, m.start(), m.end(), True) for m in self.speech.finditer(sentence)):
            return True
        if not self.noun_verbs.words.isdisjoint(words) and any(
                self._named_verb(sentence, m.start(), m.end(), masked) for m in self.noun_verbs.finditer(sentence)):
            return True
        if self.verb_runs is not None and self.verb_runs.isdisjoint(runs):
            return False
        return any(self._agentive(sentence, m.start(), m.end()) for m in self.verbs.finditer(sentence))

    def vague(self, masked: str, start: int, end: int) -> bool:
        """Tell whether the sentence [start, end) names a source only vaguely: 'in some polls', 'by one estimate'."""
        return _holds(self.vague_cues, masked[start:end])

    def on_record(self, masked: str, start: int, end: int) -> bool:
        """Tell whether the sentence [start, end) gives figures of public record: 'closed up 61.30 points'."""
        return _holds(self.record, masked[start:end])

    def proposes(self, masked: str, start: int, figure: int) -> bool:
        """Tell whether a figure at `figure` is the content of a proposal or promise its sentence's subject makes.

        "Sanders has called for a $15 minimum wage", "she vowed to hire 500 officers": the
        proposal verb comes before the figure in its clause and has a subject that can report.
        """
        sentence = masked[start:figure]
        before = sentence.split()[-1:]
        if before and (before[0].lower() in self.definite or before[0].endswith(("'s", "’s"))):
            return False  # "an inquiry into the 45 deaths": a figure taken as given, not proposed
        for match in self.proposals.finditer(sentence):
            verb_end = match.start() + len(match.group().split()[0])
            if match.group().endswith(" to") and not self._verb_follows(sentence, match.end()):
                continue  # "pledged to the fund", "vowed to nearly double": no verb of its own
            if match.group() in self.lexicon_nouns and not self._object_follows(sentence, match.end()) \
                    and not _named_subject(sentence, match.start()):
                continue  # "Consumer demand jumped 14 percent": the noun, not the verb
            if self.content_break.search(sentence, match.end()) or \
                    len(sentence[match.end():].split()) > PROPOSAL_REACH:
                continue  # "…seek a recount, where he trailed by 1 percent": past the proposal's content
            if self._agentive(sentence, match.start(), verb_end):
                return True
        return False

    def _object_follows(self, sentence: str, at: int) -> bool:
        """Tell whether an object opens right after a verb: 'demand a raise', 'requested $2 million', not 'demand jumped'."""
        rest = sentence[at:].split(None, 1)
        return bool(rest) and (rest[0].lower() in self.openers or rest[0][:1].isdigit() or rest[0].startswith(CURRENCY_SIGNS))

    def _verb_follows(self, sentence: str, at: int) -> bool:
        """Tell whether a lowercase word that no determiner list holds comes next: 'to create', not 'to the'."""
        word = WORD_RUN.search(sentence, at)
        return bool(word) and not sentence[at:word.start()].strip() and word.group().isalpha() \
            and word.group().islower() and word.group() not in self.determiners

    def source_name(self, masked: str, start: int, end: int, before: int) -> str:
        """Return the last document an attributed sentence [start, end) names before offset `before`, or ''."""
        found, stop = "", min(end, before + 200)
        if self.source_nouns.search(masked, start, stop) is None:
            return found
        for match in self.source.finditer(masked, start, stop):
            if match.start() >= before:
                break
            if not (self._named(masked[start:end], match.start() - start, match.group())
                    or self.verbs.match(masked, _next_word(masked, match.end()))
                    or self.speech.match(masked, _next_word(masked, match.end()))):
                continue  # "check their vaccination records": a document, but not the source
            found = " ".join(match.group().split())
        return found if found and self.attributed(masked, masked, start, end) else ""

    def _named(self, sentence: str, at: int, mention: str) -> bool:
        """Tell whether a document mention at `at` names a source: 'the Marist survey', 'in the poll'."""
        if self.idioms and " ".join(mention.lower().split()).endswith(self.idioms):
            return False  # "as Pennsylvania heads to the polls": voting, not a poll
        after = at + len(mention)
        if PREPOSITION_BEFORE.search(sentence, 0, at) or PREPOSITION_INSIDE.search(mention) \
                or BY_NAME_AFTER.match(sentence, after) or self.authored.match(sentence, after):
            return True  # "in the survey", "15 percent of voters in the poll", "an analysis by the Ledger"
        if self.method.match(sentence, after) or \
                (OF_COUNT.match(sentence, after) and mention.split()[0].lower() not in INDEFINITE):
            return True  # its methodology: "The survey of 1,033 adults" (not "an analysis of 30 elections")
        words = mention.split()[:-1]
        first = 1 if not sentence[:at].strip() else 0  # a sentence's first word is capitalised anyway
        return any(w[:1].isupper() and w.lower() not in self.source_determiners for w in words[first:]) \
            or (first == 1 and len(words) == 1 and words[0].lower() not in self.source_determiners)

    def _agentive(self, sentence: str, verb_start: int, verb_end: int, speech: bool = False) -> bool:
        """Tell whether a reporting verb has a subject doing the reporting, not a bare passive."""
        tokens = sentence[:verb_start].split()
        index = len(tokens) - 1
        while index >= 0 and self._skippable(tokens[index]):
            index -= 1
        if index < 0:
            return False
        if tokens[index].endswith((",", *CLOSING)) and SPEAKER_AFTER.match(sentence, verb_end):
            return True  # reporting order: "…, said Ellen Marsh", "…,” noted the clerk
        if BY_NAME.match(sentence, verb_end):
            return True  # "as reported by Western Journalism", "estimated by the CBO"
        if _bare(tokens[index]).lower() in RELATIVES and index > 0:
            index -= 1  # "the polls that show", "the agency, which reported"
            if tokens[index].endswith(","):  # "Kasich, who brags": the antecedent before the clause's comma
                return self._subject(tokens, index, speech)
        if _bare(tokens[index]).lower() in self.passive:
            if speech or not sentence[verb_start:verb_end].endswith("ing") or index == 0:
                return bool(BY_AGENT.match(sentence, verb_end))
            index -= 1  # a reporting verb's progressive is active: "officials are expecting" ("is advising" is a job)
        if tokens[index].endswith(",") and sentence[verb_start:verb_end].endswith("ing") and index > 0 \
                and self._speaking(_bare(tokens[index]).lower()) and self._subject(tokens, index - 1, True):
            return True  # a participle after a verb of speaking shares its subject: "Ortiz added, noting that"
        if tokens[index].endswith(","):  # an appositive: look before the comma that opened it
            index -= 1
            while index >= 0 and not tokens[index].endswith(","):
                index -= 1
            if index < 0:
                return False
        return self._subject(tokens, index, speech) or self._modified_subject(tokens, index, speech)

    def _modified_subject(self, tokens: list[str], index: int, speech: bool) -> bool:
        """Tell whether a subject stands before a short phrase of its making: 'disclosures filed on Sunday night'."""
        for back in range(index, max(0, index - PARTICIPLE_REACH), -1):
            if tokens[back].endswith((",", ";", ":")):
                return False
            if tokens[back].lower() in self.participles:
                return self._subject(tokens, back - 1, speech) if back > 0 else False
        return False

    def _named_verb(self, sentence: str, start: int, end: int, story: str) -> bool:
        """Tell whether a form that is also a noun is a verb: "Schweizer notes the foundation hid", "she estimates the".

        Its subject a name or a pronoun right before it, or before an aside between commas ("Ruth
        Cole, who represented the family, estimates"); no determiner before the name (not "the
        Senate notes"), no possessive ("Trump's tweets"); a sentence's lone first word only if the
        story never writes it in lower case ("Reyes notes", not "Budget estimates the city
        released"); and a clause opening right after it.
        """
        tokens, after = sentence[:start].split(), sentence[end:].split()[:1]
        if not tokens or not after or _bare(after[0]).lower() not in self.clause_openers:
            return False
        if tokens[-1].endswith(","):  # an aside: the subject ends before the comma that opened it
            opened = [i for i in range(len(tokens) - 2, max(-1, len(tokens) - 12), -1) if tokens[i].endswith(",")]
            if not opened:
                return False
            tokens = tokens[:opened[0] + 1]
        subject = _bare(tokens[-1])
        if subject.lower() in self.clause_subjects:
            return True
        if not _name_word(subject) or tokens[-1].rstrip(",").endswith(("'s", "’s")) or subject.lower() in self.noun_openers:
            return False
        if len(tokens) == 1:
            return not written_lowercase(story, subject)
        return _bare(tokens[-2]).lower() not in self.noun_openers

    def sized(self, masked: str, start: int, figure: int) -> bool:
        """Tell whether a free relative right before a figure names who sized it: "what advocates estimated were 100,000".

        Its verb stands at most four words before the figure with no colon between ("what Ortiz
        called a crisis: 31 vacancies"), one to four words of subject before it, the last no
        determiner or passive ("what is called" names no one). A verb that only names ("call",
        "label") sizes the figure after a name or an office alone: "what Ruiz called a $3.2 million
        shortfall", "what the budget director called", not "what critics call a $14 million giveaway"
        nor "what they call".
        """
        tokens = masked[start:figure].split()
        for back in range(len(tokens) - 1, max(0, len(tokens) - 5), -1):
            word = _bare(tokens[back])
            if tokens[back].endswith((":", ";")) or not word:
                return False
            if word in self.sizing_verbs or word in self.naming_verbs:
                return self._relative_subject(tokens[max(0, back - 5):back], word in self.sizing_verbs)
        return False

    def _relative_subject(self, tokens: list[str], sizing: bool) -> bool:
        """Tell whether the words before a verb are a free relative and its subject: 'what advocates', 'what Ruiz'."""
        words = [_bare(t) for t in tokens]
        opened = [i for i, w in enumerate(words) if w.lower() in self.free_relatives]
        if not opened or opened[-1] == len(words) - 1:
            return False
        last = words[-1]
        if last.lower() in self.passive or last.lower() in self.noun_openers:
            return False
        return sizing or _name_word(last) or (last.lower() in self.agents and last.lower() not in self.clause_subjects)

    def _speaking(self, word: str) -> bool:
        """Tell whether a word is a form of a verb of speaking ("said", "added", "noted")."""
        return word in self.speech.words or word in self.that_verbs.words

    def _skippable(self, token: str) -> bool:
        """Tell whether a word between subject and verb can be passed over: 'also', 'on Tuesday'."""
        word = _bare(token)
        return word.lower() in self.skip or (word.islower() and word.endswith("ly") and len(word) > 4)

    def _subject(self, tokens: list[str], index: int, speech: bool) -> bool:
        """Tell whether tokens[index] ends a noun phrase that can do the reporting (or the speaking)."""
        word = _bare(tokens[index])
        low = word.lower()
        if not word or low in self.determiners or low.endswith(("'s", "’s")):
            return False
        if low in self.agents or (speech and word.isalpha() and (word[:1].isupper() or low.endswith("s"))):
            return True  # "Ortiz acknowledged", "voters complained"
        if word[:1].isupper():
            # A capitalised plural opening the sentence is a common noun: "Deaths reported ..."
            return not (index == 0 and word[1:].islower() and word.endswith("s"))
        if low.endswith("s") or not word.isalpha():
            return False
        return self._opened_by_determiner(tokens, index)

    def _opened_by_determiner(self, tokens: list[str], index: int) -> bool:
        """Tell whether a lowercase noun heads a phrase like 'the school district'."""
        for back in range(index - 1, max(-1, index - 4), -1):
            word = _bare(tokens[back]).lower()
            if word in self.openers:
                return True
            if word in self.determiners:
                return False   # a preposition ends the phrase: "the emails for public release" has no subject "public"
            if not word.replace("'", "").replace("’", "").isalpha() or tokens[back] != tokens[back].lower():
                return False
        return False


def _next_word(text: str, at: int) -> int:
    """Return the offset of the next word after `at`, past spaces (and one word such as 'released')."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _holds(phrases: PhraseSet | None, sentence: str) -> bool:
    """Tell whether the sentence holds one of the phrases (none when the rule lists none)."""
    return phrases is not None and phrases.search(sentence) is not None


def word_ends(story: str, word: str) -> Iterator[int]:
    """Yield each offset where the story writes `word` with no letter or digit right after it."""
    at = story.find(word)
    while at >= 0:
        if not story[at + len(word):at + len(word) + 1].isalnum():
            yield at
        at = story.find(word, at + 1)


def written_lowercase(story: str, word: str) -> bool:
    """Tell whether the story writes a capitalised word in lower case as a whole word too: 'rents', not 'Ortiz'."""
    low = word[:1].lower() + word[1:]
    return any(not story[at - 1:at].isalnum() for at in word_ends(story, low))


def _name_word(word: str) -> bool:
    """Tell whether a bare word is written as a name: letters, a capital first, not an acronym ('Ruiz', not 'FBI')."""
    return word.isalpha() and word[:1].isupper() and not word.isupper()


def _named_subject(sentence: str, at: int) -> bool:
    """Tell whether a capitalised name, not the sentence's first word, comes right before offset `at`: 'Sanders advocates'."""
    words = sentence[:at].split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].rstrip(",").isalpha()
