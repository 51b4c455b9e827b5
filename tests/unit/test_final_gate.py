"""The gate reads what is written: a child's name planted where only the file holds it (a
template's header content control, a table nested in a header table, a footnote, the
document properties) blocks the export, and nothing is written. Also: no count from 1 to 5
in any table of an export that is not internal."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from jtai_desktop.report import gate
from jtai_desktop.report.package_text import package_texts
from jtai_desktop.report.template import default_template
from jtai_desktop.services import letter as letter_service
from jtai_desktop.services import report
from jtai_desktop.services.demo import build_demo
from tests.cli_run import digest

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


def child_name(ws, iid) -> str:
    return next(c["private_name"] for c in ws.rows("child", iid) if c["private_name"])


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a .docx part by part, letting ``change(name, bytes)`` alter any part, and add
    the parts it returns from ``change(None, None)``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, change(item.filename, src.read(item.filename)))
        for name, data in change(None, None).items():
            out.writestr(name, data)
    return target


def _header_with(xml_inside_body: str):
    def change(name, data):
        if name is None:
            return {}
        if name == "word/header1.xml":
            text = data.decode()
            return text.replace("</w:hdr>", xml_inside_body + "</w:hdr>").encode()
        return data

    return change


def content_control(name: str) -> str:
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="Prepared for"/></w:sdtPr><w:sdtContent>'
        f"<w:p><w:r><w:t>Prepared about {name}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )


def nested_table(name: str) -> str:
    cell = "<w:tc><w:tcPr><w:tcW w:w='2000' w:type='dxa'/></w:tcPr>{}</w:tc>"
    inner = (
        f"<w:tbl><w:tr>{cell.format(f'<w:p><w:r><w:t>Ref {name}</w:t></w:r></w:p>')}</w:tr></w:tbl>"
    )
    outer = cell.format(inner + "<w:p/>")
    return f"<w:tbl><w:tr>{outer}</w:tr></w:tbl><w:p/>"


def _footnote(name: str):
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Seen at the home of '
        f"{name}.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )

    def change(name_, data):
        if name_ is None:
            return {"word/footnotes.xml": footnotes}
        if name_ == "word/_rels/document.xml.rels":
            rel = (
                '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            )
            return data.decode().replace("</Relationships>", rel + "</Relationships>").encode()
        if name_ == "[Content_Types].xml":
            override = (
                '<Override PartName="/word/footnotes.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            )
            return data.decode().replace("</Types>", override + "</Types>").encode()
        return data

    return change


def _property(name: str):
    def change(name_, data):
        if name_ is None:
            return {}
        if name_ == "docProps/app.xml":
            text = data.decode()
            text = re.sub(r"<Company>.*?</Company>|<Company/>", "", text)
            return text.replace("</Properties>", f"<Company>{name}</Company></Properties>").encode()
        return data

    return change


PLANTS = {
    "a header content control": (_header_with, content_control, "Page header 1", "content control"),
    "a table nested in a header table": (
        _header_with,
        nested_table,
        "Page header 1",
        "table in a table",
    ),
    "a footnote": (None, _footnote, "Footnotes", "paragraph"),
    "the document properties": (None, _property, "Application properties", "property Company"),
}


@pytest.mark.parametrize("where", list(PLANTS))
def test_an_identifier_only_the_file_holds_blocks_the_export(demo, tmp_path, where):
    ws, iid = demo
    name = child_name(ws, iid)
    wrap, make, place, what = PLANTS[where]
    change = wrap(make(name)) if wrap else make(name)
    template = _rewrite(default_template(), tmp_path / "template.docx", change)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    before = digest(out_folder)

    outcome = report.export_letter(ws, iid, out_folder / "letter.docx", template=template)

    assert outcome.status == "blocked"
    hit = next(h for h in outcome.result.hits if name.split()[0] in h.match)
    assert hit.kind in (gate.CHILD_NAME, gate.PERSON_NAME)
    assert hit.heading == place and what in hit.part
    assert digest(out_folder) == before  # nothing written, not even a temporary file


def test_every_part_of_a_clean_export_is_read(demo, tmp_path):
    ws, iid = demo
    outcome = report.export_letter(ws, iid, tmp_path / "letter.docx")
    assert outcome.written
    places = {t.place for t in package_texts((tmp_path / "letter.docx").read_bytes())}
    assert {"The letter's body", "Page header 1", "Page footer 1", "Document properties"} <= places


SMALL = re.compile(r"^\s*[1-5]\s*$")


def _table_cells(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


@pytest.mark.parametrize("form", ["2022", "2016"])
def test_no_count_from_1_to_5_in_any_table_of_a_letter_for_qa_or_the_area(demo, tmp_path, form):
    ws, iid = demo
    letter_service.set_settings(ws, iid, format=form)
    for for_area in (False, True):
        path = tmp_path / f"{form}-{for_area}.docx"
        assert report.export_letter(ws, iid, path, for_area=for_area).written
        assert not [c for c in _table_cells(path) if SMALL.match(c)]
        names = zipfile.ZipFile(path).namelist()
        assert not [n for n in names if n.startswith("word/media/")]  # no chart either


def test_the_internal_drafts_tables_show_small_counts_as_fewer_than_6(demo, tmp_path):
    ws, iid = demo
    path = tmp_path / "internal.docx"
    outcome = report.export_letter(ws, iid, path, internal=True)
    assert outcome.written, [(h.kind, h.match, h.section, h.part) for h in outcome.result.hits]
    cells = _table_cells(path)
    assert not [c for c in cells if SMALL.match(c)]
    assert "fewer than 6" in cells
    letter_service.set_settings(ws, iid, small_count_below=3)
    assert report.export_letter(ws, iid, path, internal=True).written
    cells = _table_cells(path)
    assert "fewer than 3" in cells and "fewer than 6" not in cells
