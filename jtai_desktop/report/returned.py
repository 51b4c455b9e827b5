"""Reading a letter the area returns from its factual-accuracy check: every comment and every
tracked change, anchored to the section and paragraph it is in.

The exported letter marks where each section starts with a bookmark (``jtai_<section>``), and
names its version in the document's identifier property; both survive editing in Word. A
comment's quoted text is what its range covers; a deletion followed by an insertion by the same
author in one paragraph is one change (a replacement).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..domain.errors import ValidationError
from .docx_writer import SECTION_BOOKMARK

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IDENTIFIER_PREFIX = "jtai-letter-version:"  # services.versions.VERSION_PREFIX


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class ReturnedItem:
    kind: str  # "comment" | "insertion" | "deletion" | "replacement"
    section: str  # the section's key ("" before the first bookmark)
    paragraph: int  # within the section, from 1, counting its heading as 0
    quoted: str  # the letter's words the item is about
    comment: str  # the comment, or the change in words
    author: str
    ref: str  # the comment's id or the change's position: keeps a re-import from duplicating


@dataclass(frozen=True)
class ReturnedFile:
    version_id: str  # from the document's identifier ("" when the area's copy lost it)
    items: tuple[ReturnedItem, ...]


def read_returned(data: bytes, name: str = "the file") -> ReturnedFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        body = _xml(package, "word/document.xml")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise ValidationError(
            f"{name} is not a Word document (.docx) that can be read. Ask the area to save "
            "it from Word as a .docx and send it again."
        ) from None
    comments = _comments(package)
    core = _xml(package, "docProps/core.xml") if "docProps/core.xml" in package.namelist() else None
    walker = _Walker(comments)
    walker.walk(body)
    return ReturnedFile(_version_id(core), tuple(walker.items))


def _xml(package: zipfile.ZipFile, part: str):
    return etree.fromstring(package.read(part), parser=etree.XMLParser(resolve_entities=False))


def _version_id(core) -> str:
    if core is None:
        return ""
    for element in core.iter():
        if isinstance(element.tag, str) and element.tag.endswith("}identifier"):
            text = (element.text or "").strip()
            if text.startswith(IDENTIFIER_PREFIX):
                return text[len(IDENTIFIER_PREFIX) :]
    return ""


def _comments(package: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Comment id -> (author, text)."""
    if "word/comments.xml" not in package.namelist():
        return {}
    found = {}
    for comment in _xml(package, "word/comments.xml").iter(_w("comment")):
        paragraphs = ["".join(t.text or "" for t in p.iter(_w("t"))) for p in comment.iter(_w("p"))]
        found[comment.get(_w("id"))] = (
            comment.get(_w("author"), ""),
            "\n".join(p for p in paragraphs if p.strip()),
        )
    return found


class _Walker:
    """Through the body in reading order: sections by bookmark, paragraphs, comment ranges,
    tracked changes."""

    def __init__(self, comments: dict[str, tuple[str, str]]):
        self.comments = comments
        self.section, self.paragraph = "", 0
        self.open: dict[str, list[str]] = {}  # comment id -> quoted text so far
        self.where: dict[str, tuple[str, int]] = {}
        self.items: list[ReturnedItem] = []
        self.change: dict | None = None  # a deletion that an insertion may complete
        self.changes = 0

    def walk(self, body) -> None:
        for element in body.iter():
            tag = element.tag
            if tag == _w("bookmarkStart"):
                self._bookmark(element)
            elif tag == _w("p"):
                self._close_change()
                self.paragraph += 1
            elif tag == _w("commentRangeStart"):
                cid = element.get(_w("id"))
                self.open[cid] = []
                self.where[cid] = (self.section, self.paragraph)
            elif tag == _w("commentRangeEnd"):
                self._comment(element.get(_w("id")))
            elif tag == _w("commentReference") and element.get(_w("id")) not in self.where:
                self.where[element.get(_w("id"))] = (self.section, self.paragraph)
                self._comment(element.get(_w("id")))
            elif tag == _w("t"):
                for quote in self.open.values():
                    quote.append(element.text or "")
            elif tag in (_w("ins"), _w("del")):
                self._tracked(element, tag == _w("del"))
        self._close_change()
        for cid in list(self.open):
            self._comment(cid)

    def _bookmark(self, element) -> None:
        """A section starts in the paragraph holding its bookmark: its heading (paragraph 0)
        or, for a section without one, its first paragraph (1), as the preview numbers them."""
        name = element.get(_w("name"), "")
        if name.startswith(SECTION_BOOKMARK):
            self.section = name[len(SECTION_BOOKMARK) :]
            style = element.getparent().find(f"{_w('pPr')}/{_w('pStyle')}")
            value = style.get(_w("val"), "") if style is not None else ""
            self.paragraph = 0 if value.startswith(("Heading", "Title")) else 1

    def _comment(self, cid: str | None) -> None:
        if (
            cid is None
            or cid not in self.where
            or any(i.ref == f"comment {cid}" for i in self.items)
        ):
            return
        quoted = "".join(self.open.pop(cid, []))
        author, text = self.comments.get(cid, ("", ""))
        section, paragraph = self.where[cid]
        self.items.append(
            ReturnedItem(
                "comment",
                section,
                max(paragraph, 0),
                quoted.strip(),
                text,
                author,
                f"comment {cid}",
            )
        )

    def _tracked(self, element, deleted: bool) -> None:
        text_tag = _w("delText") if deleted else _w("t")
        text = "".join(t.text or "" for t in element.iter(text_tag))
        author = element.get(_w("author"), "")
        if not deleted and self.change and self.change["author"] == author:
            self.change["inserted"] = text  # a replacement: what was deleted, and what instead
            self._close_change()
            return
        self._close_change()
        self.change = {
            "author": author,
            "deleted": text if deleted else "",
            "inserted": "" if deleted else text,
        }
        if not deleted:
            self._close_change()

    def _close_change(self) -> None:
        change, self.change = self.change, None
        if change is None:
            return
        self.changes += 1
        deleted, inserted = change["deleted"], change["inserted"]
        if deleted and inserted:
            kind, words = (
                "replacement",
                f"Replace \u201c{deleted}\u201d with \u201c{inserted}\u201d",
            )
        elif deleted:
            kind, words = "deletion", f"Delete \u201c{deleted}\u201d"
        else:
            kind, words = "insertion", f"Insert \u201c{inserted}\u201d"
        self.items.append(
            ReturnedItem(
                kind,
                self.section,
                max(self.paragraph, 0),
                deleted,
                words,
                change["author"],
                f"change {self.changes}",
            )
        )
