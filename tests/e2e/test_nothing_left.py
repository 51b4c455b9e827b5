"""Purge leaves nothing readable, and no file outlives its record.

The pages of the database, its WAL and the copies taken before migrating are decrypted with
the folder's key and scanned for words the purged inspection held (``decrypted_pages``).
Kills at exact steps run in a forked child that dies (``os._exit``) at the step; the parent
then starts the app again, as a user would, through the command line.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.keyfile import DEMO_PASSPHRASE, unlock
from jtai_desktop.services import demo, evidence, notes, search
from jtai_desktop.services.retention import purge_inspection, purge_plan
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store.blobs import BlobStore
from jtai_desktop.store.database import backups_of
from tests.cli_run import die, digest, in_a_child_killed, run
from tests.decrypted_pages import all_pages, database_pages, readable, words_found

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_0_1_0"
RELEASE_INSPECTION = "bf0f5a1078e74f1b91549a07a8b6d704"
# Written by release 0.1.0 into the lead's folder: a deleted child's name and school, a
# conflicting summary, a section of the letter.
RELEASE_WORDS = ("Kayleigh", "Brookes", "twice in the look-back", "clear shared view")
# Words no demo text uses, with nothing for the stemmer to cut: the full-text index keeps
# them as they are (in lower case).
NOTE_WORDS = ("qqzorbvik", "wuxplendor", "trelkomaz")
OTHER_WORD = "plomvatrix"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def every_page(folder: Path, key: bytes) -> list[bytes]:
    pages = all_pages(folder / "jtai.db", key)
    for copy in backups_of(folder / "jtai.db"):
        pages += all_pages(copy, key)
    return pages


@pytest.fixture
def two_inspections(tmp_path, open_folder, passphrase):
    """An encrypted folder with two inspections; the first has a note with NOTE_WORDS and an
    evidence file of its own, the second a note with OTHER_WORD."""
    folder = tmp_path / "data"
    ctx = open_folder(folder)
    ws = ctx.workspace
    first, second = demo.build_demo(ws, "small", 1), demo.build_demo(ws, "small", 2)
    for inspection_id, words in ((first, NOTE_WORDS), (second, (OTHER_WORD,))):
        notes.add_note(
            ws,
            inspection_id,
            kind="interview",
            date=date(2026, 10, 20),
            title=f"Interview {words[0]}",
            text="The practitioner said " + " and ".join(words) + " more than once.",
        )
    evidence.add_evidence(
        ws,
        first,
        title="Case extract",
        source="case_file",
        date=date(2026, 10, 20),
        data=b"an extract only the first inspection holds\n" * 40,
        file_name="extract.txt",
    )
    key = ctx.key
    ctx.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n")
    return folder, secret, key, first, second


def test_purge_leaves_no_word_of_the_inspection_in_any_page(two_inspections):
    folder, secret, key, first, second = two_inspections
    pages = every_page(folder, key.database_key)
    assert readable(pages) and words_found(pages, NOTE_WORDS) == set(NOTE_WORDS)

    code, out, _ = run("--data-dir", folder, "--passphrase-file", secret, "purge", first, "--yes")
    assert code == 0 and "Purged" in out

    pages = every_page(folder, key.database_key)
    assert readable(pages)
    assert words_found(pages, NOTE_WORDS) == set()  # not in the index's segments either
    ctx = open_context(folder, (secret.read_text()).strip())
    try:  # the other inspection is whole and still searchable
        found = search.search(ctx.workspace, second, OTHER_WORD)
        assert [hit.entity for hit in found] == ["note"]
    finally:
        ctx.close()


def test_purge_also_clears_the_copy_taken_before_a_migration(tmp_path):
    """Release 0.1.0's folder is migrated (a copy is taken first), then purged: neither the
    database nor the copy keeps the deleted child's name or any text of the inspection."""
    folder = tmp_path / "lead"
    shutil.copytree(RELEASE / "lead", folder)
    key = unlock(folder, DEMO_PASSPHRASE).database_key
    assert run("--data-dir", folder, "list")[0] == 0  # migrates, copying the file aside first
    (copy,) = backups_of(folder / "jtai.db")
    assert words_found(all_pages(copy, key), RELEASE_WORDS) == set(RELEASE_WORDS)

    code, out, _ = run("--data-dir", folder, "purge", RELEASE_INSPECTION[:8], "--yes")
    assert code == 0, out

    assert copy.exists()  # still the copy it was, less the purged inspection
    assert readable(database_pages(copy, key))
    assert words_found(every_page(folder, key), RELEASE_WORDS) == set()


def _die_at(cls, name: str):
    """Make ``cls.name`` kill the process when it is called: a kill at exactly that step."""
    setattr(cls, name, die)


@needs_fork
def test_a_purge_killed_before_deleting_files_finishes_at_the_next_start(two_inspections):
    folder, secret, key, first, _ = two_inspections
    passphrase = secret.read_text().strip()
    ctx = open_context(folder, passphrase)
    files = purge_plan(ctx.workspace, first).files
    ctx.close()
    assert files and all((folder / "evidence" / sha[:2] / sha).exists() for sha in files)

    def purge_until_the_first_file():
        child = open_context(folder, passphrase)
        _die_at(BlobStore, "delete")
        purge_inspection(child.workspace, purge_plan(child.workspace, first))

    in_a_child_killed(purge_until_the_first_file)
    left = [sha for sha in files if (folder / "evidence" / sha[:2] / sha).exists()]
    assert left == list(files)  # the rows went, the files did not: the state the kill leaves

    code, out, err = run("--data-dir", folder, "--passphrase-file", secret, "check")
    assert code == 0, err  # the start finished the purge: files gone, nothing orphaned
    assert not any((folder / "evidence" / sha[:2] / sha).exists() for sha in files)
    assert words_found(every_page(folder, key.database_key), NOTE_WORDS) == set()


@needs_fork
def test_a_file_stored_by_an_import_killed_before_its_record_is_found_and_removed(
    two_inspections,
):
    folder, secret, _, first, _ = two_inspections
    passphrase = secret.read_text().strip()
    before = set((folder / "evidence").rglob("*"))

    def import_until_the_record():
        child = open_context(folder, passphrase)
        _die_at(Workspace, "create")
        evidence.add_evidence(
            child.workspace,
            first,
            title="Strategy discussion minutes",
            source="case_file",
            date=date(2026, 10, 21),
            data=b"minutes of a strategy discussion\n" * 100,
            file_name="minutes.txt",
        )

    in_a_child_killed(import_until_the_record)
    (orphan,) = [p for p in set((folder / "evidence").rglob("*")) - before if p.is_file()]

    base = ("--data-dir", folder, "--passphrase-file", secret)
    unchanged = digest(folder / "evidence")
    code, out, err = run(*base, "check")
    assert code == 1 and out.startswith("PROBLEMS FOUND")
    assert f"evidence file {orphan.name[:12]}" in err and "check --repair" in err
    assert digest(folder / "evidence") == unchanged  # checking changes nothing

    code, out, err = run(*base, "check", "--repair")
    assert code == 1 and "Left 1 file(s) alone" in out  # it could be an import still saving
    assert orphan.exists()

    an_hour_ago = time.time() - 3600  # the kill happened a while before this check
    os.utime(orphan, (an_hour_ago, an_hour_ago))
    code, out, err = run(*base, "check", "--repair")
    assert code == 0, err
    assert "Removed 1 evidence file(s)" in out and out.rstrip().splitlines()[-1].startswith("OK")
    assert not orphan.exists()
    assert run(*base, "check", "--repair")[1].startswith("Nothing to repair")


@pytest.fixture
def demo_folder(tmp_path):
    folder = tmp_path / "demo"
    code, out, _ = run("--data-dir", folder, "demo")
    assert code == 0
    return folder, out.strip()


def _export_until(folder: Path, inspection_id: str, target: Path, die_when) -> None:
    """Export in a child killed by ``die_when(src, dst)`` at a rename."""

    def export():
        from jtai_desktop.services.report import export_letter

        child = open_context(folder)
        real_replace = os.replace

        def replace(src, dst):
            if die_when(Path(src), Path(dst)):
                os._exit(9)
            real_replace(src, dst)

        os.replace = replace
        export_letter(child.workspace, inspection_id, target)

    in_a_child_killed(export)


def _exports(folder: Path, inspection_id: str) -> list[str]:
    from jtai_desktop.store import audit

    ctx = open_context(folder)
    try:
        return [e["action"] for e in audit.entries(ctx.workspace.db, inspection_id)]
    finally:
        ctx.close()


@needs_fork
def test_a_letter_killed_before_its_rename_leaves_no_plaintext_after_the_next_start(
    demo_folder, tmp_path
):
    folder, inspection_id = demo_folder
    target = tmp_path / "out" / "letter.docx"
    target.parent.mkdir()
    _export_until(folder, inspection_id, target, lambda src, dst: dst == target)
    (partial,) = target.parent.iterdir()  # the whole letter, in plaintext, beside the target
    assert partial.name.endswith(".partial") and not target.exists()
    assert partial.read_bytes().startswith(b"PK")  # a readable .docx (zip)

    assert run("--data-dir", folder, "list")[0] == 0  # the next start, of anything
    assert list(target.parent.iterdir()) == []
    # The entry written before the rename said "exported"; the next says it did not finish.
    assert _exports(folder, inspection_id)[-2:] == ["export", "export interrupted"]


@needs_fork
def test_a_letter_killed_before_its_rename_is_cleared_by_the_next_export_elsewhere(
    demo_folder, tmp_path
):
    folder, inspection_id = demo_folder
    first, second = tmp_path / "a" / "letter.docx", tmp_path / "b" / "letter.docx"
    first.parent.mkdir(), second.parent.mkdir()
    _export_until(folder, inspection_id, first, lambda src, dst: dst == first)
    assert len(list(first.parent.iterdir())) == 1
    from jtai_desktop.services.report import export_letter

    ctx = open_context(folder)
    try:
        # The next start already cleared it; an export clears one left meanwhile as well.
        _export_until(folder, inspection_id, first, lambda src, dst: dst == first)
        assert len(list(first.parent.iterdir())) == 1
        assert export_letter(ctx.workspace, inspection_id, second).status == "written"
    finally:
        ctx.close()
    assert list(first.parent.iterdir()) == []


@needs_fork
def test_a_letter_killed_right_after_its_rename_is_in_the_audit_log(demo_folder, tmp_path):
    folder, inspection_id = demo_folder
    target = tmp_path / "letter.docx"
    before = _exports(folder, inspection_id).count("export")

    def after_the_rename(src: Path, dst: Path) -> bool:
        if dst != target:
            return False
        os.rename(src, dst)  # the rename happens; the kill comes straight after it
        return True

    _export_until(folder, inspection_id, target, after_the_rename)
    assert target.exists()
    assert _exports(folder, inspection_id).count("export") == before + 1
