"""export-report end to end: the demo letter through the real command line, the gate's exit
code and messages, override files, and (where LibreOffice is installed) the rendered PDF."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from jtai_desktop.app import open_context
from jtai_desktop.services import findings, report
from jtai_desktop.store import audit

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PAGES_PUBLIC = range(3, 7)  # the small demo letter: 4 pages, as a short published letter
PAGES_INTERNAL = range(5, 13)  # plus the annexes: counts, the chart and the evidence index


def jtai(*argv, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "JTAI_DATA_DIR": "/nonexistent-guard"},
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "data"
    made = jtai("--data-dir", folder, "demo")
    assert made.returncode == 0, made.stderr
    return folder, made.stdout.strip()


@pytest.fixture
def demo_copy(demo, tmp_path):
    folder, inspection_id = demo
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    return copy, inspection_id


def heading_texts(path: Path, style: str) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == style]


def test_the_demo_letter_exports_through_the_command_line(demo, tmp_path):
    folder, inspection_id = demo
    out = tmp_path / "letter.docx"
    done = jtai("--data-dir", folder, "export-report", inspection_id[:8], "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Exported {out}")
    assert "Traceback" not in done.stderr
    assert heading_texts(out, "Heading 1")[0] == "Context"
    assert "Annex C: evidence index (internal draft only)" not in heading_texts(out, "Heading 1")
    internal = tmp_path / "internal.docx"
    done = jtai(
        "--data-dir", folder, "export-report", inspection_id, "--out", internal, "--internal"
    )
    assert done.returncode == 0, done.stderr
    assert (
        heading_texts(internal, "Heading 1")[-1] == "Annex C: evidence index (internal draft only)"
    )
    context = open_context(folder)
    try:
        exports = [
            e for e in audit.entries(context.workspace.db, inspection_id) if e["action"] == "export"
        ]
    finally:
        context.close()
    assert [e["details"]["internal"] for e in exports][-2:] == [False, True]


def leak_a_name(folder: Path, inspection_id: str) -> str:
    """Put a child's private name into the priority action, as a careless edit would."""
    context = open_context(folder)
    try:
        ws = context.workspace
        child = ws.rows("child", inspection_id, order_by="pseudonym")[0]
        finding = findings.findings_in_order(ws, inspection_id)[0]
        findings.update_finding(
            ws, finding["id"], title=f"{child['private_name']} waited too long for help"
        )
        report.set_section(
            ws, inspection_id, "main", text=f"Inspectors met {child['private_name']}'s school."
        )
        return child["private_name"]
    finally:
        context.close()


def test_the_gate_blocks_with_exit_code_3_and_lists_every_hit(demo_copy, tmp_path):
    folder, inspection_id = demo_copy
    name = leak_a_name(folder, inspection_id)
    out = tmp_path / "letter.docx"
    blocked = jtai("--data-dir", folder, "export-report", inspection_id, "--out", out)
    assert blocked.returncode == 3
    assert blocked.stdout == "" and "Traceback" not in blocked.stderr
    assert not out.exists()
    lines = [line for line in blocked.stderr.splitlines() if line.startswith("child_name at ")]
    # The priority action's bullet, and the main findings the lead wrote.
    assert len(lines) == 2 and all(f"\u201c{name}\u201d" in line for line in lines)
    assert {re.match(r"child_name at (\S+): ", line).group(1) for line in lines} == {
        "priority/0",
        "main/0",
    }
    assert (
        "1 identifying detail" not in blocked.stderr and "2 identifying detail(s)" in blocked.stderr
    )


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_an_override_file_lets_the_hits_through_and_is_recorded(demo_copy, tmp_path, fmt):
    folder, inspection_id = demo_copy
    name = leak_a_name(folder, inspection_id)
    entries = [
        {
            "kind": "child_name",
            "match": name,
            "location": where,
            "reason": "Fictional demo name, checked by the lead",
        }
        for where in ("priority/0", "main/0")
    ]
    overrides = tmp_path / f"overrides.{fmt}"
    if fmt == "json":
        overrides.write_text(json.dumps(entries))
    else:
        overrides.write_text(
            "".join(
                "[[override]]\n" + "".join(f'{k} = "{v}"\n' for k, v in e.items()) for e in entries
            )
        )
    out = tmp_path / "letter.docx"
    done = jtai(
        "--data-dir",
        folder,
        "export-report",
        inspection_id,
        "--out",
        out,
        "--override-file",
        overrides,
    )
    assert done.returncode == 0, done.stderr
    assert "2 override(s) recorded" in done.stdout
    context = open_context(folder)
    try:
        entry = [
            e for e in audit.entries(context.workspace.db, inspection_id) if e["action"] == "export"
        ][-1]
    finally:
        context.close()
    assert [o["location"] for o in entry["details"]["overrides"]] == [
        "priority/0",
        "main/0",
    ]
    assert entry["details"]["overrides"][0]["by"] == "Helen Marsh"
    assert name not in json.dumps(entry)


def test_a_template_without_a_needed_style_is_named(demo, tmp_path):
    folder, inspection_id = demo
    from jtai_desktop.report.template import open_template

    document = open_template()
    style = document.styles["Heading 2"]
    style.element.getparent().remove(style.element)
    broken = tmp_path / "house-style.docx"
    document.save(broken)
    refused = jtai(
        "--data-dir",
        folder,
        "export-report",
        inspection_id,
        "--out",
        tmp_path / "letter.docx",
        "--template",
        broken,
    )
    assert refused.returncode == 1
    assert "house-style.docx has no style called \u201cHeading 2\u201d" in refused.stderr
    assert not (tmp_path / "letter.docx").exists()


def pdf_pages(docx: Path, outdir: Path) -> int:
    converted = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{outdir / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert converted.returncode == 0 and pdf.exists(), converted.stderr
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_letter_in_the_expected_number_of_pages(demo, tmp_path):
    folder, inspection_id = demo
    public, internal = tmp_path / "letter.docx", tmp_path / "internal.docx"
    assert (
        jtai("--data-dir", folder, "export-report", inspection_id, "--out", public).returncode == 0
    )
    assert (
        jtai(
            "--data-dir", folder, "export-report", inspection_id, "--out", internal, "--internal"
        ).returncode
        == 0
    )
    assert pdf_pages(public, tmp_path) in PAGES_PUBLIC
    assert pdf_pages(internal, tmp_path) in PAGES_INTERNAL
