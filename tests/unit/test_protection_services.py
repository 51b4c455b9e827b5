"""Evidence import refusals, decrypted copies for other programs, the optional keyring."""

import os
from datetime import date

import pytest

from jtai_desktop.crypto.keyfile import MasterKey
from jtai_desktop.services import demo, evidence, open_copies, remembered
from jtai_desktop.services.dump import dump_json
from jtai_desktop.services.safe_import import ImportLimits, UnsafeFileError


@pytest.fixture
def inspection(ws):
    return demo.build_demo(ws, "small", 1)


def test_hostile_file_is_refused_and_nothing_is_stored(ws, inspection, tmp_path):
    liar = tmp_path / "minutes.pdf"
    liar.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200))
    before, files = dump_json(ws, inspection), set(ws.blobs.shas())
    with pytest.raises(UnsafeFileError, match="minutes.pdf"):
        evidence.add_evidence(
            ws,
            inspection,
            title="Minutes",
            source="area_document",
            date=date(2026, 10, 20),
            path=liar,
        )
    assert dump_json(ws, inspection) == before
    assert set(ws.blobs.shas()) == files


def test_oversized_file_is_refused_with_the_limit(ws, inspection, tmp_path):
    big = tmp_path / "scan.txt"
    big.write_text("line of a long scan\n" * 2000)
    with pytest.raises(UnsafeFileError, match="scan.txt"):
        evidence.add_evidence(
            ws,
            inspection,
            title="Scan",
            source="case_file",
            date=date(2026, 10, 20),
            path=big,
            limits=ImportLimits(max_bytes=10_000),
        )


def test_sniffed_type_is_recorded(ws, inspection, tmp_path):
    from PIL import Image

    photo = tmp_path / "board.png"
    Image.new("RGB", (40, 30), "navy").save(photo)
    item_id = evidence.add_evidence(
        ws,
        inspection,
        title="MASH board",
        source="observation",
        date=date(2026, 10, 20),
        path=photo,
        media_type="text/plain",
    ).entity_id
    assert ws.get("evidence", item_id)["media_type"] == "image/png"


def test_open_copy_is_decrypted_named_by_reference_and_removed(context, inspection):
    ws = context.workspace
    item = ws.rows("evidence", inspection)[0]
    copy = open_copies.open_copy(ws, context.data_dir, item["id"])
    assert copy.read_bytes() == ws.blobs.read_bytes(item["sha256"])
    assert copy.name.startswith(item["ref"]) and copy.is_relative_to(context.data_dir)
    assert not os.access(copy, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)
    open_copies.remove_all(context.data_dir)
    assert not copy.exists()


def test_closing_the_app_removes_open_copies(tmp_path, open_folder):
    ctx = open_folder(tmp_path / "d")
    inspection_id = demo.build_demo(ctx.workspace, "small", 1)
    item = ctx.workspace.rows("evidence", inspection_id)[0]
    copy = open_copies.open_copy(ctx.workspace, ctx.data_dir, item["id"])
    ctx.close()
    assert not copy.exists()


class MemoryKeyring:
    """A keyring backend held in memory, standing in for the operating system's."""

    priority = 1

    def __init__(self):
        self.secrets = {}

    def set_password(self, service, account, secret):
        self.secrets[(service, account)] = secret

    def get_password(self, service, account):
        return self.secrets.get((service, account))

    def delete_password(self, service, account):
        self.secrets.pop((service, account), None)


def test_keyring_remembers_and_forgets_a_folder_key(tmp_path, monkeypatch):
    ring = MemoryKeyring()
    monkeypatch.setattr(remembered, "_keyring", lambda: ring)
    key = MasterKey(os.urandom(32))
    assert remembered.remember(tmp_path, key)
    assert remembered.recall(tmp_path) == key
    assert str(tmp_path) not in str(ring.secrets)  # the account is a hash, not the path
    remembered.forget(tmp_path)
    assert remembered.recall(tmp_path) is None


def test_without_a_keyring_remembering_is_unavailable(tmp_path, monkeypatch):
    monkeypatch.setattr(remembered, "_keyring", lambda: None)
    assert not remembered.available()
    assert remembered.remember(tmp_path, MasterKey(os.urandom(32))) is False
    assert remembered.recall(tmp_path) is None
