"""The Word template: the built-in one, or the lead's own with the same style names.

A template contributes its styles, page setup, header and footer; its body is emptied, so
sample text in a user's template never reaches the letter.
"""

from __future__ import annotations

import hashlib
import zipfile
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ..domain.errors import JtaiError
from ..resources import resources_dir

TITLE, BODY, BULLET, CAPTION, TABLE_TEXT = (
    "Title",
    "Body Text",
    "List Bullet",
    "Caption",
    "Table Text",
)
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
TABLE = "JTAI Table"
PARAGRAPH_STYLES = (TITLE, *HEADINGS, BODY, BULLET, CAPTION, TABLE_TEXT)
REQUIRED_STYLES = (*PARAGRAPH_STYLES, TABLE)


class TemplateError(JtaiError):
    """A report template that cannot be used; the message names the file and what is wrong."""


def default_template() -> Path:
    return resources_dir() / "report_template.docx"


def open_template(path: Path | str | None = None):
    """The template as a python-docx Document with an empty body, its styles checked."""
    path = Path(path) if path is not None else default_template()
    if not path.is_file():
        raise TemplateError(f"The report template {path} does not exist.")
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(
            f"The report template {path.name} is not a Word document "
            "(.docx) that can be read. Save it from Word as a .docx, or use "
            "the built-in template."
        ) from error
    check_styles(document, path.name)
    _empty_body(document)
    return document


def fixed_texts(path: Path | str | None = None) -> list[tuple[str, str]]:
    """(where, text) of everything a template adds to every page (headers and footers):
    it goes into the document too, so the gate reads it."""
    path = Path(path) if path is not None else default_template()
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""  # open_template explains what is wrong
    return list(_fixed_texts(path, digest))


@lru_cache(maxsize=8)
def _fixed_texts(path: Path, digest: str) -> tuple[tuple[str, str], ...]:
    # Keyed by the file's content: an edited template is read again.
    document = open_template(path)
    found = []
    for number, section in enumerate(document.sections, 1):
        for kind in (
            "header",
            "first_page_header",
            "even_page_header",
            "footer",
            "first_page_footer",
            "even_page_footer",
        ):
            part = getattr(section, kind)
            if part.is_linked_to_previous:
                continue
            label = f"section {number} {kind.replace('_', ' ')}"
            found += [(label, p.text) for p in part.paragraphs if p.text.strip()]
            found += [
                (label, cell.text)
                for table in part.tables
                for row in table.rows
                for cell in row.cells
                if cell.text.strip()
            ]
    return tuple(found)


def check_styles(document, name: str) -> None:
    """Every style the writer uses, of the right type; the first missing one is named."""
    for style_name in REQUIRED_STYLES:
        wanted = WD_STYLE_TYPE.TABLE if style_name == TABLE else WD_STYLE_TYPE.PARAGRAPH
        try:
            style = document.styles[style_name]
        except KeyError:
            raise TemplateError(
                f"The report template {name} has no style called \u201c{style_name}\u201d. "
                f"A template needs these styles: {', '.join(REQUIRED_STYLES)}."
            ) from None
        if style.type != wanted:
            kind = "table" if wanted == WD_STYLE_TYPE.TABLE else "paragraph"
            raise TemplateError(
                f"In the report template {name}, \u201c{style_name}\u201d must be a {kind} style."
            )


def _empty_body(document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
