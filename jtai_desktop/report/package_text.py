"""Every piece of text in a written Word package, with where it is: the final-file gate reads
the file itself, not the letter it was made from.

A template brings its own parts (headers and footers, footnotes, content controls and the data
they are bound to, document properties), and any of them can carry text the composed letter
never held. So every XML part of the package is read: each paragraph's text as a reader sees
it (runs joined, deleted text of tracked changes included), every other element's own text
(document properties, custom XML), and the attributes that hold words (alt text, titles,
content controls' names and tags).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PARAGRAPHS = {f"{{{W}}}p", f"{{{A}}}p"}
RUN_TEXT = {f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}instrText", f"{{{A}}}t"}
TAB = f"{{{W}}}tab"
BREAKS = {TAB, f"{{{W}}}br", f"{{{W}}}cr"}
WORD_ATTRIBUTES = ("descr", "title", "name")  # alt text and titles of pictures and shapes
CONTROL_PROPERTIES = {f"{{{W}}}alias", f"{{{W}}}tag"}  # a content control's name and tag
SKIPPED_PARTS = re.compile(r"(^|/)(theme\d*|fontTable|webSettings|styles|stylesWithEffects)\.xml$")
_PART_NAMES = (
    (re.compile(r"^word/document\.xml$"), "The letter's body"),
    (re.compile(r"^word/header(\d*)\.xml$"), "Page header {0}"),
    (re.compile(r"^word/footer(\d*)\.xml$"), "Page footer {0}"),
    (re.compile(r"^word/footnotes\.xml$"), "Footnotes"),
    (re.compile(r"^word/endnotes\.xml$"), "Endnotes"),
    (re.compile(r"^word/comments\w*\.xml$"), "Comments"),
    (re.compile(r"^docProps/core\.xml$"), "Document properties"),
    (re.compile(r"^docProps/app\.xml$"), "Application properties"),
    (re.compile(r"^docProps/custom\.xml$"), "Custom document properties"),
    (re.compile(r"^customXml/item(\d*)\.xml$"), "Data bound to content controls {0}"),
)


@dataclass(frozen=True)
class PackageText:
    part: str  # the part's name in the package, e.g. word/header1.xml
    place: str  # readable: "Page header 1"
    number: int  # the paragraph's (or value's) position in its part, from 1
    what: str  # "paragraph", "content control", "table in a table", "property title" ...
    text: str


def package_texts(data: bytes, known=None) -> Iterator[PackageText]:
    """Every piece of text in the .docx ``data``, part by part. ``known(text)`` True leaves a
    paragraph out (its words were read already), before the work of saying where it is."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not _readable(name):
                continue
            yield from _part_texts(name, package.read(name), known or (lambda text: False))


def place_name(part: str) -> str:
    for pattern, label in _PART_NAMES:
        match = pattern.match(part)
        if match:
            return label.format(*(g or "1" for g in match.groups())).strip()
    return f"Part {part}"


def _readable(name: str) -> bool:
    return name.endswith(".xml") and not name.endswith(".rels") and not SKIPPED_PARTS.search(name)


def _part_texts(part: str, xml: bytes, known) -> Iterator[PackageText]:
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError:
        return
    place = place_name(part)
    found: list[tuple[str, str]] = []
    for paragraph in root.iter(*PARAGRAPHS):
        text = _paragraph_text(paragraph)
        if text.strip() and not known(text):
            found.append((_what(paragraph), text))
    for control in root.iter(*CONTROL_PROPERTIES):
        found.append(("content control name", control.get(f"{{{W}}}val", "")))
    for element in root.xpath("//*[@descr or @title or @name]"):
        for attribute in WORD_ATTRIBUTES:
            value = element.get(attribute)
            if value and value.strip():
                found.append((f"{etree.QName(element).localname} {attribute}", value))
    # Outside word/ (document properties, data bound to content controls) every value is text;
    # inside it, text is in paragraphs and the rest is layout (offsets, sizes, ids).
    if not part.startswith("word/"):
        for element in root.iter():
            if isinstance(element.tag, str) and _own_text(element):
                found.append((f"property {etree.QName(element).localname}", element.text))
    for number, (what, text) in enumerate((f for f in found if f[1].strip()), 1):
        yield PackageText(part, place, number, what, text)


def _own_text(element) -> bool:
    """A value of its own: text, no child elements, not part of a paragraph."""
    text = element.text or ""
    return bool(text.strip()) and len(element) == 0 and not _inside_paragraph(element)


def _paragraph_text(paragraph) -> str:
    """The paragraph's runs as a reader sees them (deleted text of tracked changes included;
    a text box's paragraphs inside it are read again on their own)."""
    parts = []
    for node in paragraph.iter(*RUN_TEXT, *BREAKS):
        if node.tag in RUN_TEXT:
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == TAB else "\n")
    return "".join(parts)


def _inside_paragraph(node) -> bool:
    up = node.getparent()
    while up is not None:
        if up.tag in PARAGRAPHS:
            return True
        up = up.getparent()
    return False


def _what(paragraph) -> str:
    """Where in its part a paragraph sits, in words: a content control, a table (a table
    in a table), a text box, or plainly a paragraph."""
    tables, control, textbox = 0, False, False
    up = paragraph.getparent()
    while up is not None:
        local = etree.QName(up).localname
        tables += local == "tbl"
        control |= local == "sdtContent"
        textbox |= local == "txbxContent"
        up = up.getparent()
    where = "text box" if textbox else "content control" if control else "paragraph"
    if tables > 1:
        where += ", table in a table"
    elif tables == 1:
        where += ", table"
    return where
