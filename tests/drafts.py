"""Test helpers: make Word and HTML drafts from plain text, and read back what factlint wrote."""

from __future__ import annotations

import html
import io
import re
import textwrap
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from lxml import etree

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_URI}}}"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def paragraphs_of(text: str) -> list[str]:
    """Split a plain-text draft into its paragraphs (blank lines separate them)."""
    return re.split(r"\n[ \t]*\n", text.strip("\n"))


def docx_from_text(text: str, path: Path, run_length: int = 13) -> Path:
    """Write text as a Word draft, each paragraph cut into runs of alternating formatting."""
    document = docx.Document()
    for paragraph_text in paragraphs_of(text):
        paragraph = document.add_paragraph()
        for index, start in enumerate(range(0, len(paragraph_text), run_length)):
            run = paragraph.add_run(paragraph_text[start:start + run_length])
            run.bold = index % 3 == 1
            run.italic = index % 3 == 2
    document.save(path)
    return path


def html_from_text(text: str, path: Path) -> Path:
    """Write text as a saved article page: page chrome around an article, non-ASCII as references."""
    body = []
    for paragraph_text in paragraphs_of(text):
        escaped = html.escape(paragraph_text, quote=False).encode("ascii", "xmlcharrefreplace").decode()
        body.append("<p>" + "\n  ".join(textwrap.wrap(escaped, 70, break_long_words=False, break_on_hyphens=False)) + "</p>")
    page = (
        "<!DOCTYPE html>\n<html><head><title>The US desk</title>\n<style>p { margin: 0 }</style>\n"
        "<script>var US = 'amidst';</script></head>\n<body>\n"
        "<nav><a href=\"/\">US news</a> <a href=\"/world\">Amidst the world</a></nav>\n"
        "<header><p>The US edition, updated amidst the news</p></header>\n"
        "<article>\n" + "\n".join(body) + "\n</article>\n"
        "<footer><p>Copyright amidst US rules</p></footer>\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def add_footnote(document: docx.document.Document, paragraph, text: str) -> None:
    """Give a python-docx document a footnotes part holding one note, referenced from paragraph."""
    xml = (
        f'<w:footnotes xmlns:w="{W_URI}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    reference = paragraph.add_run()._r
    reference.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_URI}" w:id="1"/>'))


def tracked(kind: str, text: str, author: str = "Desk editor") -> etree._Element:
    """Return a w:ins or w:del holding one run of text, as Word writes a tracked change."""
    tag = "t" if kind == "ins" else "delText"
    return parse_xml(
        f'<w:{kind} xmlns:w="{W_URI}" w:id="90{len(text)}" w:author="{author}" w:date="2025-07-17T09:00:00Z">'
        f'<w:r><w:{tag} xml:space="preserve">{html.escape(text)}</w:{tag}></w:r></w:{kind}>'
    )


def accept_all(data: bytes) -> docx.document.Document:
    """Open a Word draft with every tracked change accepted: deletions dropped, insertions kept."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for deletion in list(body.iter(f"{W}del")):
        deletion.getparent().remove(deletion)
    for insertion in list(body.iter(f"{W}ins")):
        _unwrap(insertion)
    return document


def reject_all(data: bytes) -> docx.document.Document:
    """Open a Word draft with every tracked change rejected: insertions dropped, deletions restored."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for insertion in list(body.iter(f"{W}ins")):
        insertion.getparent().remove(insertion)
    for deletion in list(body.iter(f"{W}del")):
        for text in deletion.iter(f"{W}delText"):
            text.tag = f"{W}t"
        _unwrap(deletion)
    return document


def _unwrap(element: etree._Element) -> None:
    """Put an element's children in its place."""
    parent = element.getparent()
    at = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(at + offset, child)
    parent.remove(element)


def commented_texts(document: docx.document.Document) -> dict[int, str]:
    """Return the text each comment is anchored on, by comment id."""
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for element in document.element.body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(int(element.get(f"{W}id")))
            texts[int(element.get(f"{W}id"))] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(element.get(f"{W}id")))
        elif element.tag in (f"{W}t", f"{W}tab", f"{W}br"):
            piece = element.text or "" if element.tag == f"{W}t" else "\t" if element.tag == f"{W}tab" else "\n"
            for comment_id in open_ids:
                texts[comment_id] += piece
    return texts
