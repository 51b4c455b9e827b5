"""Hostile or broken input to the team commands is refused with a message a person can act
on, never a traceback, and the data folder is left exactly as it was: invitation files with
absurd key-derivation parameters (bounded before any work, so ``join`` does not run for
minutes), bad hexadecimal, bad base64 or missing fields; a WebDAV server that answers a
folder listing with something that is not one (a login page)."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import team
from jtai_desktop.services.inspections import MemberInput, create_inspection

PASSPHRASE = "correct horse battery staple"
INVITE = "invitation passphrase 1"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """A lead's inspection, a valid invitation file, and a member's data folder (joined to
    the inspection, for the WebDAV test) plus an empty one (for the invitation tests)."""
    root = tmp_path_factory.mktemp("hostile")
    fast = fast_params_for_tests()
    lead = open_context(root / "lead", PASSPHRASE, kdf_params=fast)
    inspection_id = create_inspection(
        lead.workspace,
        load_pack(default_themes_dir() / "domestic-abuse.toml"),
        area="Testshire",
        notification=__import__("datetime").date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id
    invitation = team.create_invitation(lead.workspace, inspection_id, INVITE, "Sam", params=fast)
    joined = open_context(root / "joined", PASSPHRASE, kdf_params=fast)
    team.join(
        joined.workspace,
        team.create_invitation(lead.workspace, inspection_id, INVITE, "Kim", params=fast),
        INVITE,
        "Kim Lee",
        "cqc",
    )
    for ctx in (lead, joined):
        ctx.close()
    open_context(root / "member", PASSPHRASE, kdf_params=fast).close()
    (root / "invite.pass").write_text(INVITE + "\n")
    (root / "folder.pass").write_text(PASSPHRASE + "\n")
    return root, inspection_id, json.loads(invitation)


def folder_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(root: Path, folder: str, *argv, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(
        ["--data-dir", str(root / folder), "--passphrase-file", str(root / "folder.pass")]
        + [str(a) for a in argv]
    )
    out, err = capsys.readouterr()
    return code, out, err


def join_with(root: Path, invitation: Path, capsys) -> tuple[int, str, str]:
    return run(
        root,
        "member",
        "join",
        invitation,
        "--invitation-passphrase-file",
        root / "invite.pass",
        "--name",
        "Sam Patel",
        "--inspectorate",
        "cqc",
        capsys=capsys,
    )


def kdf(**changes):
    return lambda body: {**body, "kdf": {**body["kdf"], **changes}}


HOSTILE = {
    "memory of a terabyte": (kdf(memory_kib=2**30), "memory_kib is outside"),
    "a billion iterations": (kdf(iterations=10**9), "iterations is outside"),
    "a thousand lanes": (kdf(lanes=1000), "lanes is outside"),
    "iterations as text": (kdf(iterations="3"), "iterations is outside"),
    "another derivation": (kdf(name="scrypt"), "is not Argon2id"),
    "salt not hexadecimal": (kdf(salt="not hex"), "salt is missing or not hexadecimal"),
    "no salt": (
        lambda b: {**b, "kdf": {k: v for k, v in b["kdf"].items() if k != "salt"}},
        "salt is missing",
    ),
    "derivation as text": (lambda b: {**b, "kdf": "argon2id"}, "not Argon2id"),
    "nonce not hexadecimal": (lambda b: {**b, "nonce": "zz" * 12}, "nonce is not hexadecimal"),
    "short nonce": (lambda b: {**b, "nonce": "00" * 4}, "nonce has the wrong length"),
    "secret not hexadecimal": (lambda b: {**b, "secret": "xyz"}, "secret is not hexadecimal"),
    "snapshot not base64": (lambda b: {**b, "snapshot": "%%% not base64 %%%"}, "not base64"),
    "no nonce": (
        lambda b: {k: v for k, v in b.items() if k != "nonce"},
        "nonce is not hexadecimal",
    ),
    "no title": (lambda b: {k: v for k, v in b.items() if k != "title"}, "it has no title"),
    "a list, not an invitation": (lambda b: [b], "not a jtai-desktop invitation"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_invitation_is_refused_quickly_and_clearly(folders, tmp_path, capsys, case):
    root, _, body = folders
    change, words = HOSTILE[case]
    hostile = tmp_path / "hostile.jtai-invite"
    hostile.write_text(json.dumps(change(json.loads(json.dumps(body)))))
    before = folder_hashes(root / "member")
    started = time.monotonic()
    code, out, err = join_with(root, hostile, capsys)
    assert time.monotonic() - started < 10  # bounded before any work: no minutes of hashing
    assert code == 4 and out == ""
    assert words in err and "Traceback" not in err
    assert err.startswith("jtai-desktop: ") and err.rstrip().endswith(".")
    assert folder_hashes(root / "member") == before


def test_a_snapshot_that_does_not_open_is_refused_clearly(folders, tmp_path, capsys):
    root, _, body = folders
    broken = {**body, "snapshot": base64.b64encode(b"short").decode()}
    hostile = tmp_path / "hostile.jtai-invite"
    hostile.write_text(json.dumps(broken))
    code, out, err = join_with(root, hostile, capsys)
    assert code == 4 and "changed after the lead wrote it" in err and "Traceback" not in err


class LoginPage(BaseHTTPRequestHandler):
    """A proxy or single-sign-on page in front of the server: HTML where XML was due."""

    def do_PROPFIND(self):  # noqa: N802
        body = b"<html><body><form>Please sign in<input name=user></form>"
        self.send_response(207)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_garbage_webdav_listing_is_a_clear_error(folders, capsys):
    root, inspection_id, _ = folders
    server = ThreadingHTTPServer(("127.0.0.1", 0), LoginPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        before = folder_hashes(root / "joined")
        url = f"http://127.0.0.1:{server.server_address[1]}/team/"
        code, out, err = run(root, "joined", "sync", inspection_id, "--webdav", url, capsys=capsys)
    finally:
        server.shutdown()
        thread.join(10)
    assert code == 1 and out == ""
    assert "not a WebDAV listing" in err and "Traceback" not in err and "ParseError" not in err
    assert folder_hashes(root / "joined") == before
