"""The patterns the attribution lexicon compiles to: a source's own reckoning, a proposal's end, a reported clause, a document."""

from __future__ import annotations

import regex

from factlint.checks.base import ANY_SPACE, compile_words, word_pattern
from factlint.checks.lexicon import Lexicon


def account_pattern(possessives: tuple[str, ...], nouns: tuple[str, ...]) -> regex.Pattern:
    """Compile 'by his count', 'by the city's own estimate': a source's own reckoning."""
    if not possessives or not nouns:
        return compile_words(r"(?!)")
    owner = rf"(?:{word_pattern(possessives)}|(?:[\w.&-]+\s+){{0,5}}?[\w.&-]+['’]s)"
    return compile_words(
        rf"\bby\s+{owner}\s+(?:own\s+)?{word_pattern(nouns)}", True, "account_nouns")


def break_pattern(lexicon: Lexicon) -> regex.Pattern:
    """Compile what ends a proposal's content: a semicolon, one of `content_breaks`, a comma and one of `comma_breaks`."""
    breaks = [";"]
    if lexicon.content_breaks:
        breaks.append(rf"(?<!\w)(?i:{word_pattern(lexicon.content_breaks)})")
    if lexicon.comma_breaks:
        breaks.append(rf",\s*(?i:{word_pattern(lexicon.comma_breaks)})")
    return compile_words("|".join(breaks), False, "content_breaks")


def clause_pattern(lexicon: Lexicon, openers: tuple[str, ...]) -> regex.Pattern:
    """Compile what opens a reported clause after a verb: 'that', a colon, 'he would', "he's", 'the plan will'."""
    if not lexicon.clause_subjects or not lexicon.auxiliaries:
        return compile_words(r"\s+(?:that\b|:)")
    subjects, auxiliaries = word_pattern(sorted(lexicon.clause_subjects)), word_pattern(sorted(lexicon.auxiliaries))
    # The words between the opener and the auxiliary hold no coordinator: "added a third shift and
    # will hire 250 workers" is a second verb of the subject, not a reported clause.
    joins = rf"(?!(?i:{word_pattern(lexicon.coordinators)}))" if lexicon.coordinators else ""
    opened = rf"(?i:{word_pattern(openers)})\s+(?:{joins}[A-Za-z'’-]+\s+){{0,3}}?{auxiliaries}\b" if openers else r"(?!)"
    # An aside between commas may stand before "that", opened by a preposition: "added, in a
    # statement, that". Without commas "pointed at the garage that" is an object and its relative.
    aside = rf"\s*,\s*(?i:{word_pattern(lexicon.aside_openers)})\s[^,.;:\d\n]{{1,40}}," \
        if lexicon.aside_openers else r"(?!)"
    # A few asides stand with no commas: "claiming without any evidence that".
    bare = rf"|\s+(?i:{word_pattern(lexicon.bare_asides, ANY_SPACE)})\s+that\b" if lexicon.bare_asides else ""
    # A hypothetical indirect question is the asker's: "asked how it is conservative to add a trillion dollars".
    question = rf"|(?i:{word_pattern(lexicon.question_words)})\s+(?:[A-Za-z'’-]+\s+){{0,4}}?" \
        rf"(?i:{word_pattern(lexicon.question_modals)})\s+[a-z]" if lexicon.question_words and lexicon.question_modals else ""
    return compile_words(
        rf"\s+(?:that\b|:|(?i:{subjects})(?:['’](?:s|re|d|ll|ve)\b|\s+{auxiliaries}\b)|{opened}{question})"
        rf"|{aside}\s+that\b{bare}",
        False, "clause_subjects")


def source_pattern(lexicon: Lexicon) -> regex.Pattern:
    """Compile 'a Quinnipiac poll', 'FEC filings', 'the report': a specific document as a source."""
    if not lexicon.source_nouns:
        return compile_words(r"(?!)")
    determiners = word_pattern(sorted(lexicon.source_determiners))
    # After "according to" a lowercase word opens the document ("according to public filings"),
    # unless it leaves it unnamed ("according to media reports").
    unnamed = rf"(?!(?i:{word_pattern(lexicon.unnamed_modifiers)}))" if lexicon.unnamed_modifiers else ""
    opener = rf"(?:(?i:{determiners})|[A-Z][\w.&/'’-]*|(?<=\baccording\s+to\s+){unnamed}[a-z][\w'’-]*)"
    nouns = word_pattern(lexicon.source_nouns, ANY_SPACE)
    # A bare plural its filing picks out: "disclosures filed on Sunday night revealed" (not "Polls taken").
    bare = rf"|(?<![\w'’])(?:{nouns})(?=\s+(?i:{word_pattern(lexicon.filing_verbs, ANY_SPACE)})\b)" \
        if lexicon.filing_verbs else ""
    return compile_words(
        rf"(?<![\w'’]){opener}(?:\s+[\w.&/'’-]+){{0,5}}?\s+{nouns}{bare}",
        False, "source_nouns")
