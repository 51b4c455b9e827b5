"""The letter check through the command line: a finding naming a child whose record was
deleted blocks ``export-report`` (exit 3) with every hit explained on standard error, and
the data folder is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jtai_desktop.app import open_context
from jtai_desktop.services import report as report_service

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release_0_1_0" / "lead"
INSPECTION = "bf0f5a1078e74f1b91549a07a8b6d704"  # tests/fixtures/release_0_1_0/README.md


def jtai(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "JTAI_DATA_DIR": "/nonexistent-guard"},
    )


def folder_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def write_in_letter(folder: Path, text: str) -> None:
    context = open_context(folder)
    try:
        report_service.set_section(context.workspace, INSPECTION, "headline", text=text)
    finally:
        context.close()


def test_the_previous_releases_deleted_child_blocks_the_export(tmp_path):
    # The 0.1.0 lead folder: a child named Kayleigh Brookes at St Mary's Primary School was
    # deleted after those details were set, so no current record holds them.
    folder = tmp_path / "lead"
    shutil.copytree(FIXTURE, folder)
    write_in_letter(folder, "BROOKES was not seen alone; staff at St Marys raised it twice.")
    before = folder_hash(folder)
    out = tmp_path / "letter.docx"
    done = jtai("--data-dir", folder, "export-report", INSPECTION[:8], "--out", out)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "child_name at headline/0: \u201cBROOKES\u201d" in done.stderr
    assert "school_or_setting at headline/0: \u201cSt Marys\u201d" in done.stderr
    assert "held for a child in this inspection" in done.stderr  # why, in plain words
    assert not out.exists()
    assert folder_hash(folder) == before


def test_a_persons_name_the_inspection_does_not_hold_blocks_the_export(tmp_path):
    folder = tmp_path / "lead"
    shutil.copytree(FIXTURE, folder)
    write_in_letter(folder, "The mother's partner, Darren, was not checked on police systems.")
    out = tmp_path / "letter.docx"
    done = jtai("--data-dir", folder, "export-report", INSPECTION[:8], "--out", out)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "person_name at headline/0: \u201cDarren\u201d" in done.stderr
    assert not out.exists()
