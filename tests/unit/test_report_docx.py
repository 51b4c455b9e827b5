"""The exported Word document, reopened with python-docx: headings and their styles, tables
with marked header rows, the chart with its alt text, the template, progress and cancel."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from jtai_desktop.report import chart, template
from jtai_desktop.report.template import TemplateError
from jtai_desktop.services import findings, report
from jtai_desktop.services.demo import build_demo
from jtai_desktop.store import audit

WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


def export(ws, iid, path, **options):
    outcome = report.export_letter(ws, iid, path, **options)
    assert outcome.status == "written", [h.describe() for h in outcome.result.hits]
    return Document(str(path))


def headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]


def test_sections_in_order_with_real_heading_styles(demo, tmp_path):
    ws, iid = demo
    document = export(ws, iid, tmp_path / "letter.docx")
    found = headings(document)
    assert found[0] == ("Title", "Joint targeted area inspection of Northbridge")
    assert [text for style, text in found if style == "Heading 1"] == [
        "Context",
        "Headline findings",
        "Areas for priority action",
        "What needs to improve?",
        "Strengths",
        "Main findings",
        "Practice study: highly effective practice",
        "Practice study: area for improvement",
        "Next steps",
    ]
    # The date and address block come before the title, the signatures after next steps.
    texts = [p.text for p in document.paragraphs]
    assert texts.index("Dear Northbridge Local Safeguarding Partnership") < texts.index(
        "Joint targeted area inspection of Northbridge"
    )
    assert texts[-5] == "Yours sincerely"
    assert "Chief Constable, Northbridge Police" in texts[1].splitlines()
    # Body text and bullets use the template's styles, not direct formatting.
    styles = {p.style.name for p in document.paragraphs}
    assert {"Body Text", "List Bullet"} <= styles
    assert document.core_properties.title == "Joint targeted area inspection of Northbridge"
    assert document.tables == [] and document.inline_shapes._inline_lst == []


def test_the_annex_table_has_a_repeating_header_row(demo, tmp_path):
    ws, iid = demo
    document = export(ws, iid, tmp_path / "letter.docx", internal=True)
    table = document.tables[0]
    assert table.style.name == "JTAI Table"
    assert [c.text for c in table.rows[0].cells] == [
        "Agency",
        "Criterion",
        "Reviews",
        "Strengths",
        "Concerns",
    ]
    header_props = table.rows[0]._tr.trPr
    assert header_props.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert table.rows[1].cells[0].text == "Children's social care"
    cells = [c.text for row in table.rows[1:] for c in row.cells[2:]]
    assert all(c.isdigit() and (c == "0" or int(c) >= 6) or c == "fewer than 6" for c in cells)


def test_the_chart_is_an_image_with_alt_text(demo, tmp_path):
    ws, iid = demo
    document = export(ws, iid, tmp_path / "letter.docx", internal=True)
    (shape,) = document.inline_shapes
    descr = shape._inline.find(WP_DOCPR).get("descr")
    assert descr.startswith("Bar chart of the number of findings for each agency")
    assert (
        "Police: 0 areas for priority action, fewer than 6 areas for improvement, "
        "fewer than 6 strengths." in descr
    )
    assert "The partnership: fewer than 6 areas for priority action" in descr
    blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = document.part.related_parts[blob].blob
    assert Image.open(io.BytesIO(png)).format == "PNG"
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figure 1: findings by agency and kind" in captions


def test_the_annexes_only_with_internal(demo, tmp_path):
    ws, iid = demo
    public = export(ws, iid, tmp_path / "public.docx")
    internal = export(ws, iid, tmp_path / "internal.docx", internal=True)
    assert len(public.tables) == 0 and len(internal.tables) == 2
    index = internal.tables[1]
    assert [c.text for c in index.rows[0].cells] == ["Ref", "Title", "Source", "SHA-256"]
    assert index.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    rows = ws.rows("evidence", iid, order_by="ref")
    assert len(index.rows) == len(rows) + 1
    first = index.rows[1].cells
    assert first[0].text == rows[0]["ref"]
    assert first[3].text.replace("\n", "") == rows[0]["sha256"]
    assert "Annex C: evidence index (internal draft only)" in [t for _, t in headings(internal)]
    assert "Annex" not in " ".join(t for _, t in headings(public))


def test_every_export_is_in_the_audit_log_without_child_details(demo, tmp_path):
    ws, iid = demo
    child = ws.rows("child", iid)[0]
    finding = findings.findings_in_order(ws, iid)[0]
    findings.update_finding(ws, finding["id"], title=f"{child['private_name']} was not seen")
    for hit in report.check_letter(ws, iid).result.hits:
        report.add_override(ws, iid, hit, "Fictional name in test data")
    export(ws, iid, tmp_path / "letter.docx", internal=True)
    (entry,) = [e for e in audit.entries(ws.db, iid) if e["action"] == "export"]
    details = entry["details"]
    assert details["file"] == "letter.docx" and details["internal"] is True
    assert details["overrides"][0]["reason"] == "Fictional name in test data"
    assert entry["actor"] == ws.author_for(iid)
    assert child["private_name"] not in json.dumps(entry)


def test_a_blocked_letter_writes_nothing_and_logs_nothing(demo, tmp_path):
    ws, iid = demo
    child = ws.rows("child", iid)[0]
    finding = findings.findings_in_order(ws, iid)[0]
    findings.update_finding(ws, finding["id"], title=f"Seen at {child['private_school']}")
    out = tmp_path / "out"
    out.mkdir()
    outcome = report.export_letter(ws, iid, out / "letter.docx")
    assert outcome.status == "blocked" and outcome.result.hits[0].kind == "school_or_setting"
    assert list(out.iterdir()) == []
    assert not [e for e in audit.entries(ws.db, iid) if e["action"] == "export"]


def test_progress_is_reported_and_cancel_leaves_nothing(demo, tmp_path):
    ws, iid = demo
    seen = []
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    report.export_letter(
        ws,
        iid,
        tmp_path / "a.docx",
        progress=lambda done, total, label: seen.append((done, total, label)),
    )
    fractions = [done / total for done, total, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    assert any("Strengths" in label for _, _, label in seen)
    calls = []

    def cancel_midway():
        calls.append(1)
        return len(calls) > 5

    outcome = report.export_letter(ws, iid, tmp_path / "b.docx", is_cancelled=cancel_midway)
    assert outcome.status == "cancelled"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_a_users_template_gives_its_styles_header_and_nothing_else(demo, tmp_path):
    ws, iid = demo
    mine = tmp_path / "mine.docx"
    document = template.open_template()
    document.styles["Heading 1"].font.size = template_size = 20 * 12700  # 20 pt in EMU
    document.sections[0].header.paragraphs[0].text = "DRAFT \u2014 OFFICIAL-SENSITIVE (area copy)"
    document.add_paragraph("Sample text that must not reach the letter.")
    document.save(mine)
    letter = export(ws, iid, tmp_path / "letter.docx", template=mine)
    assert letter.styles["Heading 1"].font.size == template_size
    assert letter.sections[0].header.paragraphs[0].text.endswith("(area copy)")
    assert "Sample text" not in " ".join(p.text for p in letter.paragraphs)


def test_a_template_missing_a_style_is_refused_by_name(demo, tmp_path):
    ws, iid = demo
    broken = tmp_path / "broken.docx"
    document = template.open_template()
    style = document.styles["Caption"]
    style.element.getparent().remove(style.element)
    document.save(broken)
    with pytest.raises(TemplateError, match="no style called \u201cCaption\u201d"):
        report.export_letter(ws, iid, tmp_path / "letter.docx", template=broken)
    not_word = tmp_path / "notes.docx"
    not_word.write_text("not a zip")
    with pytest.raises(TemplateError, match="not a Word document"):
        report.export_letter(ws, iid, tmp_path / "letter.docx", template=not_word)
    assert not (tmp_path / "letter.docx").exists()


def test_the_built_in_template_is_a4_with_marking_and_page_numbers():
    document = template.open_template()
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert section.header.paragraphs[0].text == "DRAFT \u2014 OFFICIAL-SENSITIVE"
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert document.styles["Normal"].font.name == "Arial"
    assert document.paragraphs == []  # an empty body


def test_the_chart_draws_every_row_and_says_so_in_words():
    rows = [
        chart.ChartRow("Children's social care", {"strength": 3, "priority_action": 1}),
        chart.ChartRow("Police", {}),
    ]
    image = Image.open(io.BytesIO(chart.draw(rows)))
    assert image.width == chart.WIDTH and image.height > 300
    text = chart.alt_text(rows, below=1)  # nothing hidden
    assert (
        "Children's social care: 1 area for priority action, 0 areas for improvement, "
        "3 strengths." in text
    )
    hidden = chart.alt_text(rows)  # counts from 1 to 5 are not given
    assert "fewer than 6 areas for priority action, 0 areas for improvement" in hidden
    assert "Police: 0 areas for priority action" in text
    assert "no findings" in chart.alt_text([])


def test_a_templates_header_is_checked_by_the_gate_too(demo, tmp_path):
    ws, iid = demo
    child = ws.rows("child", iid)[0]
    mine = tmp_path / "mine.docx"
    document = template.open_template()
    document.sections[0].header.paragraphs[0].text = f"Prepared for {child['private_name']}"
    document.save(mine)
    outcome = report.export_letter(ws, iid, tmp_path / "letter.docx", template=mine)
    assert outcome.status == "blocked"
    (hit,) = outcome.result.hits
    assert (hit.kind, hit.section, hit.part) == ("child_name", "template", "section 1 header")
    assert not (tmp_path / "letter.docx").exists()
