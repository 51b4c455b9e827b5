"""Writing a ``Letter`` as a Word document, in memory: the caller decides where it goes.

Accessibility is built in rather than left to the template: headings use the real heading
styles (Word's navigation pane lists them), every image carries alt text (``docPr/@descr``),
and each table's header row is marked to repeat on every page (``w:tblHeader``), which also
tells screen readers it is a header.

Tables are filled a row at a time through ``add_row().cells``: addressing a cell by row and
column rebuilds the grid on every call, which is quadratic in the number of rows.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from lxml.etree import SubElement

from . import ExportCancelled
from . import template as tpl
from .letter import Figure, Letter, Paragraph, Section, Table

Progress = Callable[[int, int, str], None]
ROWS_PER_CHECK = 200  # table rows written between two looks at the cancel flag
MONOSPACE, SMALL = "Courier New", Pt(8)
W_R, W_T, W_BR, XML_SPACE = qn("w:r"), qn("w:t"), qn("w:br"), qn("xml:space")
SECTION_BOOKMARK = "jtai_"  # + the section's key: where each section of the letter starts


def render(
    letter: Letter,
    template: Path | str | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    identifier: str = "",
    status: str = "Draft for quality assurance",
) -> bytes:
    """The letter as the bytes of a .docx file. ``identifier`` names the version it is (so a
    file the area returns is matched to it); ``status`` says what the draft is for."""
    progress = progress or (lambda done, total, label: None)
    is_cancelled = is_cancelled or (lambda: False)
    document = tpl.open_template(template)
    writer = _Writer(document, is_cancelled)
    _properties(document, letter, identifier, status)
    if not any(section.level == 0 for section in letter.sections):
        writer.paragraph(letter.title, tpl.TITLE)  # a letter without a title section
    total = len(letter.sections)
    for done, section in enumerate(letter.sections):
        progress(done, total, section.heading)
        writer.section(section)
    if is_cancelled():
        raise ExportCancelled()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _properties(document, letter: Letter, identifier: str, status: str) -> None:
    props = document.core_properties
    props.title = letter.title  # read out by screen readers and shown in the title bar
    props.subject = letter.subject
    props.author = props.last_modified_by = "jtai-desktop"
    props.comments = f"{status}. Handle as OFFICIAL-SENSITIVE."
    props.keywords = "JTAI; draft"
    # Whatever a user's template carried in its other properties does not travel on.
    props.category = props.content_status = props.version = ""
    props.identifier = identifier


_ROW_PROPERTIES = f"<w:trPr {nsdecls('w')}><w:cantSplit/>{{header}}</w:trPr>"


class _CellFormat:
    """One column's paragraph and run properties, built once and copied into every cell:
    python-docx's element-by-element API would dominate the time of a 1,000-row table."""

    def __init__(self, style_id: str, col: int, block: Table, bold: bool = False):
        align = '<w:jc w:val="right"/>' if col in block.number_columns else ""
        self.p_pr = parse_xml(
            f'<w:pPr {nsdecls("w")}><w:pStyle w:val="{style_id}"/>{align}</w:pPr>'
        )
        self.small = col in block.small_columns and not bold
        fonts = (
            f'<w:rFonts w:ascii="{MONOSPACE}" w:hAnsi="{MONOSPACE}" w:cs="{MONOSPACE}"/>'
            if self.small
            else ""
        )
        size = f'<w:sz w:val="{int(SMALL.pt * 2)}"/>' if self.small else ""
        inner = fonts + ("<w:b/>" if bold else "") + size  # schema order: rFonts, b, sz
        self.r_pr = parse_xml(f"<w:rPr {nsdecls('w')}>{inner}</w:rPr>") if inner else None

    def fill(self, tc, text: str) -> None:
        p = tc.p_lst[0]
        p.insert(0, deepcopy(self.p_pr))
        run = SubElement(p, W_R)
        if self.r_pr is not None:
            run.append(deepcopy(self.r_pr))
        # A SHA-256 does not wrap by itself: two lines of 32 fit a narrow column.
        parts = [text[:32], text[32:]] if self.small and len(text) > 32 else [text]
        for n, part in enumerate(parts):
            if n:
                SubElement(run, W_BR)
            t = SubElement(run, W_T)
            t.text = part
            if part != part.strip():
                t.set(XML_SPACE, "preserve")


class _Writer:
    def __init__(self, document, is_cancelled: Callable[[], bool]):
        self.document = document
        self.is_cancelled = is_cancelled
        # Style ids, looked up once: python-docx looks a style up again (and searches for
        # the default style) on every paragraph it is given by name or object.
        self.style_ids = {name: document.styles[name].style_id for name in tpl.PARAGRAPH_STYLES}
        self.table_text_id = self.style_ids[tpl.TABLE_TEXT]
        self.bookmarks = 0
        self.pending_bookmark = ""

    def check_cancel(self) -> None:
        if self.is_cancelled():
            raise ExportCancelled()

    def paragraph(self, text: str, style: str, lead: str = ""):
        paragraph = self.document.add_paragraph()
        paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        if self.pending_bookmark:
            self._place_bookmark(paragraph._p)
        if lead:
            paragraph.add_run(lead).bold = True
        if text:
            paragraph.add_run(text)
        return paragraph

    def section(self, section: Section) -> None:
        self.check_cancel()
        self.bookmark(section.key)
        # Level 0 is the letter's title; a section without a heading (the address block, the
        # signatures) starts with its first paragraph.
        style = tpl.TITLE if section.level == 0 else tpl.HEADINGS[min(section.level, 3) - 1]
        if section.heading:
            heading = self.paragraph(section.heading, style)
            if section.page_break_before:
                heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            if isinstance(block, Paragraph):
                style = tpl.BULLET if block.bullet else tpl.BODY
                self.paragraph(block.text, style, block.lead)
            elif isinstance(block, Table):
                self.table(block)
            else:
                self.figure(block)

    def bookmark(self, key: str) -> None:
        """Mark where a section starts with a bookmark on its first paragraph: it survives
        editing in Word, so the comments and changes in a file the area returns are anchored
        to their section."""
        self.pending_bookmark = f"{SECTION_BOOKMARK}{re.sub(r'[^A-Za-z0-9_]', '_', key)}"[:40]

    def _place_bookmark(self, p) -> None:
        self.bookmarks += 1
        start = parse_xml(
            f'<w:bookmarkStart {nsdecls("w")} w:id="{self.bookmarks}" '
            f'w:name="{self.pending_bookmark}"/>'
        )
        end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{self.bookmarks}"/>')
        at = 1 if len(p) and p[0].tag == qn("w:pPr") else 0
        p.insert(at, end)
        p.insert(at, start)
        self.pending_bookmark = ""

    def table(self, block: Table) -> None:
        if block.caption:  # a table's caption goes above it, where a reader meets it first
            self.paragraph(block.caption, tpl.CAPTION).paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=len(block.header))
        table.style = self.document.styles[tpl.TABLE]
        table.autofit = False
        for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, block.widths_cm):
            grid_col.w = Cm(width)  # add_row copies these widths into each new cell
        header = table.rows[0]
        header._tr.insert(0, parse_xml(_ROW_PROPERTIES.format(header="<w:tblHeader/>")))
        for col, (cell, text) in enumerate(zip(header.cells, block.header)):
            cell.width = Cm(block.widths_cm[col])
            _CellFormat(self.table_text_id, col, block, bold=True).fill(cell._tc, text)
        formats = [_CellFormat(self.table_text_id, col, block) for col in range(len(block.header))]
        # A row is never split across pages: half a row reads as two wrong rows.
        row_properties = parse_xml(_ROW_PROPERTIES.format(header=""))
        for n, values in enumerate(block.rows):
            if n % ROWS_PER_CHECK == 0:
                self.check_cancel()
            row = table.add_row()
            row._tr.insert(0, deepcopy(row_properties))
            for cell, fmt, text in zip(row.cells, formats, values):
                fmt.fill(cell._tc, text)

    def figure(self, block: Figure) -> None:
        self.check_cancel()
        paragraph = self.paragraph("", tpl.BODY)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        shape = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", block.alt_text)  # the alt text screen readers announce
        doc_pr.set("title", block.caption)
        if block.caption:
            self.paragraph(block.caption, tpl.CAPTION)
