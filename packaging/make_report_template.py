"""Build resources/report_template.docx, the Word template of the draft letter.

    python packaging/make_report_template.py [OUT.docx]

Run it again after changing a style here, and commit both this script and the template.
The styles it defines are the ones the report writer needs (jtai_desktop.report.template
.REQUIRED_STYLES); a user's own template must have styles with the same names.

Choices, for an accessible document: Arial (a plain sans serif available everywhere;
LibreOffice substitutes the metric-compatible Liberation Sans), 12 pt body text, dark text on
white, headings that differ by size and weight (not colour alone), A4 with 2 cm side margins,
the handling marking in every page header and "Page X of Y" in every footer.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "report_template.docx"
FONT = "Arial"
INK = RGBColor(0x0B, 0x0C, 0x0C)
HEADING_INK = RGBColor(0x1F, 0x38, 0x64)
MARKING = "DRAFT \u2014 OFFICIAL-SENSITIVE"
TABLE_STYLE = "JTAI Table"
HEADER_FILL = "DCE4EE"
BORDER = "7F7F7F"

# name: (size pt, bold, space before pt, space after pt, colour)
PARAGRAPH_STYLES = {
    "Normal": (12, False, 0, 8, INK),
    "Body Text": (12, False, 0, 8, INK),
    "Title": (26, True, 0, 18, INK),
    "Heading 1": (18, True, 18, 8, HEADING_INK),
    "Heading 2": (15, True, 14, 6, HEADING_INK),
    "Heading 3": (13, True, 12, 4, HEADING_INK),
    "List Bullet": (12, False, 0, 6, INK),
    "Caption": (11, True, 6, 10, INK),
    "Table Text": (10, False, 1, 1, INK),
    "Header": (10, True, 0, 0, INK),
    "Footer": (10, False, 0, 0, INK),
}


def main(out: Path = OUT) -> Path:
    doc = Document()
    _clear_body(doc)
    _defaults(doc)
    for name, spec in PARAGRAPH_STYLES.items():
        _paragraph_style(doc, name, *spec)
    _table_style(doc)
    _page(doc)
    _header_and_footer(doc)
    doc.core_properties.title = "Joint targeted area inspection: draft letter"
    doc.core_properties.author = "jtai-desktop"
    doc.core_properties.comments = "Template for the draft letter exported by jtai-desktop."
    # Fixed dates, so building the template again changes nothing but what was changed here.
    doc.core_properties.created = doc.core_properties.modified = datetime(2026, 1, 1)
    doc.core_properties.last_modified_by = "jtai-desktop"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def _clear_body(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _fonts(rpr) -> None:
    """Arial for every script, replacing the theme fonts the default template uses."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _defaults(doc) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")


def _paragraph_style(doc, name, size, bold, before, after, colour) -> None:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
    font = style.font
    font.size, font.bold, font.italic = Pt(size), bold, False
    font.color.rgb = colour
    _fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.15 if name not in ("Title", "Table Text") else 1.0
    if name.startswith("Heading") or name == "Title":
        fmt.keep_with_next = True
        _remove(style.element, "w:pBdr")
    if name in ("Title",):
        _remove(style.element.get_or_add_rPr(), "w:spacing")


def _remove(parent, tag: str) -> None:
    for element in parent.iter(qn(tag)):
        element.getparent().remove(element)


def _table_style(doc) -> None:
    """Thin grey grid, roomy cells, and a shaded bold header row (its 'firstRow' look)."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    xml = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="JTAITable">
  <w:name w:val="{TABLE_STYLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>{borders}</w:tblBorders>
    <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
    doc.styles.element.append(parse_xml(xml))


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)


def _header_and_footer(doc) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = MARKING
    header.style = doc.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    marking = section.footer.add_paragraph(MARKING, style=doc.styles["Footer"])
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separate, result, end): Word and LibreOffice
    both update it when the page is laid out."""

    def run_with(element):
        run = paragraph.add_run()
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


if __name__ == "__main__":
    print(f"wrote {main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)}")
