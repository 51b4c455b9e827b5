"""A lost laptop exposes nothing: no plaintext in the database or the evidence files, and a
wrong passphrase, a damaged key file or a tampered file is refused with the files unchanged."""

import hashlib
from datetime import date

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.keyfile import KEYFILE_NAME, KeyFileError, WrongPassphraseError
from jtai_desktop.domain.errors import StoreError
from jtai_desktop.services import demo, evidence, notes
from jtai_desktop.services.inspections import list_inspections

SECRET_NOTE = "Mother disclosed that the stepfather controls the family's money"
SECRET_FILE = b"Extract: the health visitor recorded bruising on Child Q's arm\n" * 50


def folder_digest(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def filled(tmp_path, open_folder):
    folder = tmp_path / "data"
    ctx = open_folder(folder)
    ws = ctx.workspace
    inspection_id = demo.build_demo(ws, "small", 3)
    notes.add_note(
        ws,
        inspection_id,
        kind="interview",
        date=date(2026, 10, 20),
        title="Interview with the allocated social worker",
        text=SECRET_NOTE,
    )
    evidence.add_evidence(
        ws,
        inspection_id,
        title="Health visitor extract",
        source="case_file",
        date=date(2026, 10, 20),
        data=SECRET_FILE,
        file_name="hv.txt",
    )
    ctx.close()
    return folder


def raw_bytes_of(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_no_plaintext_in_database_or_evidence_files(filled):
    raw = raw_bytes_of(filled)
    for needle in (
        SECRET_NOTE.encode(),
        SECRET_FILE[:40],
        b"Northbridge",
        b"Child A",
        b"SQLite format 3",
        b"domestic",
    ):
        assert needle not in raw, needle


def test_the_right_passphrase_opens_everything(filled, open_folder, passphrase):
    ws = open_folder(filled, passphrase).workspace
    (inspection,) = list_inspections(ws)
    item = ws.rows("evidence", inspection["id"], "title = ?", ("Health visitor extract",))[0]
    assert ws.blobs.read_bytes(item["sha256"]) == SECRET_FILE


def test_wrong_passphrase_is_refused_and_nothing_changes(filled):
    before = folder_digest(filled)
    with pytest.raises(WrongPassphraseError, match="not right"):
        open_context(filled, "not the passphrase at all")
    assert folder_digest(filled) == before


def test_damaged_key_file_is_refused_and_nothing_changes(filled, passphrase):
    keyfile = filled / KEYFILE_NAME
    data = bytearray(keyfile.read_bytes())
    data[data.index(b'"wrapped_key": "') + 20] ^= 0x01
    keyfile.write_bytes(bytes(data))
    before = folder_digest(filled)
    with pytest.raises(KeyFileError, match="damaged"):
        open_context(filled, passphrase)
    assert folder_digest(filled) == before


def test_missing_key_file_is_a_clear_error_not_a_new_folder(filled, passphrase):
    (filled / KEYFILE_NAME).unlink()
    before = folder_digest(filled)
    with pytest.raises(KeyFileError, match="missing"):
        open_context(filled, passphrase)
    assert folder_digest(filled) == before


def test_tampered_evidence_file_is_refused_and_left_alone(filled, open_folder, passphrase):
    ws = open_folder(filled, passphrase).workspace
    (inspection,) = list_inspections(ws)
    item = ws.rows("evidence", inspection["id"], "title = ?", ("Health visitor extract",))[0]
    path = ws.blobs.path(item["sha256"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))
    tampered = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="damaged"):
        ws.blobs.read_bytes(item["sha256"])
    assert not ws.blobs.verify(item["sha256"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == tampered


def test_truncated_evidence_file_is_refused(filled, open_folder, passphrase):
    ws = open_folder(filled, passphrase).workspace
    (inspection,) = list_inspections(ws)
    item = ws.rows("evidence", inspection["id"], "title = ?", ("Health visitor extract",))[0]
    path = ws.blobs.path(item["sha256"])
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(StoreError, match="damaged"):
        ws.blobs.read_bytes(item["sha256"])
