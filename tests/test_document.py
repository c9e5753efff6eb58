"""The document model: decoding, positions, masking, paragraphs, sentences, dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.document import Dateline, Document, InputError, decode


def sentences(text: str, markdown: bool = False) -> list[str]:
    doc = Document(text, "t.md" if markdown else "t.txt", markdown)
    return [doc.text[s.start:s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "file is empty"),
        (b"abc\x00def", "binary file"),
        (b"caf\xe9 au lait", "not valid UTF-8: byte 0xe9 at offset 3"),
    ],
)
def test_decode_rejects_bad_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode(data)


def test_decode_strips_bom_and_reports_it() -> None:
    assert decode("\ufeffHé".encode()) == ("Hé", True)
    assert decode("Hé".encode()) == ("Hé", False)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_count_lines_for_every_line_ending(newline: str) -> None:
    doc = Document(f"one{newline}two{newline}\tthrée four")
    offset = doc.text.index("four")
    assert doc.position(offset) == (3, 8)
    assert doc.position(0) == (1, 1)


def test_positions_count_characters_not_bytes() -> None:
    doc = Document("Ñandú café — US")
    assert doc.position(doc.text.index("US")) == (1, 14)


def test_lint_text_keeps_offsets_and_blanks_non_prose() -> None:
    text = "---\ntitle: x\ndate: 2024-03-01\n---\nSee `US code` and [US](https://us.gov/US).\r\n<!-- US -->\n```\nUS\n```\n"
    doc = Document(text, "a.md", markdown=True)
    assert len(doc.lint_text) == len(doc.text)
    assert doc.lint_text.count("US") == 1  # only the link text is prose
    assert doc.lint_text[doc.text.index("[US]") + 1:][:2] == "US"
    assert doc.dateline == Dateline(dt.date(2024, 3, 1), "front matter")


def test_plain_text_keeps_markdown_like_characters() -> None:
    doc = Document("Use `US` here.", "a.txt")
    assert "`US`" in doc.lint_text


def test_urls_and_emails_are_not_prose() -> None:
    doc = Document("Write to desk@news.example or see https://example.com/US-report now.")
    assert "US" not in doc.lint_text
    assert "desk@" not in doc.lint_text


def test_indented_code_is_masked_but_list_continuations_are_not() -> None:
    text = "Intro.\n\n    US code\n\n- item one\n\n    US continued\n"
    doc = Document(text, "a.md", markdown=True)
    assert doc.lint_text.count("US") == 1
    assert doc.lint_text.index("US") == text.index("US continued")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He met Gov. Healey. She left.", ["He met Gov. Healey.", "She left."]),
        ("Sen. Ed Markey (D-Mass.) said so. Then he left.", ["Sen. Ed Markey (D-Mass.) said so.", "Then he left."]),
        ("It begins Jan. 30 at 7 p.m. in the hall.", ["It begins Jan. 30 at 7 p.m. in the hall."]),
        ("Deaths rose in the U.S. The report said so.", ["Deaths rose in the U.S.", "The report said so."]),
        ("The U.S. Treasury acted.", ["The U.S. Treasury acted."]),
        ("Dr. Ruiz met J. Smith at 5 St. James St. on Friday.", ["Dr. Ruiz met J. Smith at 5 St. James St. on Friday."]),
        ("“We will win,” he said. “Soon.”", ["“We will win,” he said.", "“Soon.”"]),
        ("It rose 3.5% in Sept. 2024. Why? Costs.", ["It rose 3.5% in Sept. 2024.", "Why?", "Costs."]),
        ("A sentence\nwrapped over\nthree lines. Next one.", ["A sentence\nwrapped over\nthree lines.", "Next one."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_split_on_blank_lines_and_markdown_blocks() -> None:
    text = "# Heading\nFirst para line\nstill first.\n\n- item\n- item two\n\nLast."
    doc = Document(text, "a.md", markdown=True)
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == [
        "Heading", "First para line\nstill first.", "item", "item two", "Last.",
    ]
    assert doc.in_heading(text.index("Heading"))
    assert not doc.in_heading(text.index("First"))


def test_plain_text_headline_is_a_heading() -> None:
    doc = Document("US, China leaders to meet\n\nThe US said so.")
    assert doc.in_heading(0)
    assert not doc.in_heading(doc.text.index("The US"))


def test_a_headline_and_deck_joined_by_a_semicolon_are_a_heading() -> None:
    text = ("Harbor County raises $4M for transit;\nLevy falls 2 points short of its goal.\n\n"
            "Harbor County collected $4.1 million for its bus routes, the treasurer said.")
    doc = Document(text)
    assert doc.in_heading(text.index("Levy"))
    assert not doc.in_heading(text.index("collected"))


@pytest.mark.parametrize("text", [
    "Harbor County raises $4M for transit\nLevy falls 2 points short of its goal.\n\nThe treasurer said so.",
    "Harbor County raises $4M for transit;\nlevy falls 2 points short of its goal.\n\nThe treasurer said so.",
    "Harbor County raises $4M for transit;\nLevy falls short.\nA third line.\n\nThe treasurer said so.",
    "The treasurer spoke first.\n\nHarbor County raises $4M for transit;\nLevy falls short.\n\nMore.",
    "MARLOW -- Harbor County raises $4M for transit;\nLevy falls short of its goal.\n\nMore.",
])
def test_a_paragraph_that_is_no_headline_and_deck_is_prose(text: str) -> None:
    second_line = text.index("\n", text.index("$4M")) + 1
    assert not Document(text).in_heading(second_line)


def test_sentence_lookup() -> None:
    doc = Document("One here. Two there.\n\nThree.")
    assert doc.sentence_index(doc.text.index("Two")) == 1
    assert doc.paragraph_index(doc.text.index("Three")) == 1
    span = doc.sentence_at(doc.text.index("there"))
    assert doc.text[span.start:span.end] == "Two there."


@pytest.mark.parametrize(
    "text, expected",
    [
        (" date 2024-01-29 In a significant move", dt.date(2024, 1, 29)),
        ("date 2025-07-17\nText.", dt.date(2025, 7, 17)),
        ("Text first.\ndate 2025-07-17", None),
        (" date 2024-02-30 Impossible.", None),
    ],
)
def test_dateline_from_first_line(text: str, expected: dt.date | None) -> None:
    doc = Document(text)
    assert (doc.dateline.date if doc.dateline else None) == expected


def test_first_line_dateline_is_not_prose() -> None:
    doc = Document(" date 2024-01-29 In a move")
    assert "2024" not in doc.lint_text
    assert doc.sentences[0].start == doc.text.index("In")


def test_override_wins_over_document_dateline() -> None:
    override = Dateline(dt.date(2020, 1, 1), "--date")
    assert Document(" date 2024-01-29 Text.", date_override=override).dateline == override


def test_directives_are_found_in_plain_text_and_markdown() -> None:
    for path, markdown in (("a.txt", False), ("a.md", True)):
        doc = Document("<!-- factlint-disable style.amid, names.* -->\nText.\n<!-- factlint-enable -->", path, markdown)
        assert [(d.action, d.rules) for d in doc.directives] == [
            ("disable", ("style.amid", "names.*")), ("enable", ()),
        ]
        assert "factlint" not in doc.lint_text


def test_a_directive_shown_as_markdown_code_is_an_example_not_a_directive() -> None:
    text = ("```markdown\n<!-- factlint-disable style.amid -->\n```\n\n"
            "Use `<!-- factlint-disable-next-line -->` to skip a line.\n\n"
            "    <!-- factlint-enable -->\n\n"
            "<!-- factlint-disable names.* -->\nText.\n")
    assert [(d.action, d.rules) for d in Document(text, "a.md", True).directives] == [("disable", ("names.*",))]
    assert len(Document(text, "a.txt", False).directives) == 4  # plain text has no code
