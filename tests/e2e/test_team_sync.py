"""A team of three data folders (the lead and two members) working through the real command
line: the lead makes the demo and invites two members, they join, everyone edits with
``simulate`` (and two members disagree about one note on purpose), and everyone syncs twice
round, through a shared folder and through a real WebDAV server on 127.0.0.1. At the end the
three dumps are byte-identical, the disagreement is listed by ``conflicts --json`` on every
folder, every evidence file is present, and a lost connection loses nothing.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services import notes

PASSPHRASE = "correct horse battery staple"
WEBDAV_USER, WEBDAV_PASSWORD = "inspector", "dav password 7Qx!"
FOLDERS = ("lead", "alice", "bob")
SUBPROCESS_TIMEOUT = 120


def quietly(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def python_m(*argv) -> subprocess.CompletedProcess:
    """The program as a user runs it: ``python -m jtai_desktop ...`` in its own process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JTAI_PASSPHRASE_FILE", None)
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        env=env,
    )


@dataclass
class TeamFolders:
    root: Path
    inspection_id: str
    passphrase_file: Path

    def folder(self, name: str) -> Path:
        return self.root / name

    def args(self, name: str) -> list[str]:
        """The global options before the command: which folder, and its passphrase."""
        return [
            "--data-dir",
            str(self.folder(name)),
            "--passphrase-file",
            str(self.passphrase_file),
        ]


@pytest.fixture(scope="module")
def joined(tmp_path_factory) -> TeamFolders:
    """Lead + two members, joined through the command line with real invitation files.
    Built once; each test works on a copy."""
    root = tmp_path_factory.mktemp("team")
    secrets = root / "secrets"
    secrets.mkdir()
    passphrase_file = secrets / "folder-passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n")
    for name in FOLDERS:  # data folders with a cheap KDF; everything else as a user does it
        open_context(root / name, PASSPHRASE, kdf_params=fast_params_for_tests()).close()
    team = TeamFolders(root, "", passphrase_file)
    code, out, err = quietly(*team.args("lead"), "demo")
    assert code == 0, err
    team.inspection_id = out.strip()
    for n, (name, org) in enumerate((("alice", "cqc"), ("bob", "hmicfrs"))):
        invite_pw = secrets / f"invite-{name}"
        invite_pw.write_text(f"invitation for {name} {n} 8d2k\n")
        invitation = root / f"{name}.jtai-invite"
        code, out, err = quietly(
            *team.args("lead"),
            "invite",
            team.inspection_id,
            "--out",
            invitation,
            "--passphrase-file",
            invite_pw,
            "--label",
            name.title(),
        )
        assert code == 0, err
        assert str(invitation) in out and invitation.is_file()
        join = (
            *team.args(name),
            "join",
            invitation,
            "--passphrase-file",
            invite_pw,
            "--name",
            name.title(),
            "--inspectorate",
            org,
        )
        if name == "bob":
            done = python_m(*join)
            code, out, err = done.returncode, done.stdout, done.stderr
        else:
            code, out, err = quietly(*join)
        assert code == 0, err
        assert out.strip() == team.inspection_id
    return team


@pytest.fixture
def team(joined, tmp_path) -> TeamFolders:
    for name in FOLDERS:
        shutil.copytree(joined.folder(name), tmp_path / name)
    return TeamFolders(tmp_path, joined.inspection_id, joined.passphrase_file)


class Cli:
    def __init__(self, team: TeamFolders, capsys):
        self.team, self.capsys = team, capsys

    def __call__(self, name: str, *argv) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(self.team.args(name) + [str(a) for a in argv])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    def ok(self, name: str, *argv) -> str:
        code, out, err = self(name, *argv)
        assert code == 0, err
        return out

    def dump(self, name: str) -> bytes:
        target = self.team.root / f"{name}.dump.json"
        self.ok(name, "dump", self.team.inspection_id, "--out", target)
        return target.read_bytes()

    def dumps(self) -> list[bytes]:
        return [self.dump(name) for name in FOLDERS]


@pytest.fixture
def cli(team, capsys) -> Cli:
    return Cli(team, capsys)


def work_offline(team: TeamFolders, cli: Cli) -> tuple[str, dict[str, str]]:
    """Everyone edits; Alice and Bob each rewrite the same note. Returns the note and texts."""
    for seed, name in enumerate(FOLDERS, start=1):
        counts = json.loads(
            cli.ok(name, "simulate", team.inspection_id, "--edits", 30, "--seed", seed)
        )
        assert counts["created"] + counts["edited"] + counts["linked"] + counts["deleted"] > 0
    texts = {
        "alice": "Alice: the strategy meeting agreed a safety plan.",
        "bob": "Bob: no safety plan was agreed at the strategy meeting.",
    }
    note_id = untouched_note(team)
    for name, text in texts.items():
        ctx = open_context(team.folder(name), PASSPHRASE)
        try:
            notes.update_note(ctx.workspace, note_id, text=text)
        finally:
            ctx.close()
    return note_id, texts


def untouched_note(team: TeamFolders) -> str:
    """A note every folder still holds with the demo's own text: no one's simulated edits
    deleted or rewrote it, so the disagreement is Alice's and Bob's alone (a note taken
    blindly could have been deleted or edited by another member's simulation)."""
    texts_by_folder = []
    for name in FOLDERS:
        ctx = open_context(team.folder(name), PASSPHRASE)
        try:
            rows = ctx.workspace.rows("note", team.inspection_id, order_by="id")
            texts_by_folder.append({r["id"]: r["text"] for r in rows})
        finally:
            ctx.close()
    first, *others = texts_by_folder
    same = [i for i, text in first.items() if all(o.get(i) == text for o in others)]
    assert same, "every note was deleted or edited somewhere"
    return same[0]


def sync_twice_round(cli: Cli, *where: str, subprocess_for: str | None = None) -> list[dict]:
    reports = []
    for _ in range(2):
        for name in FOLDERS:
            argv = ("sync", cli.team.inspection_id, *where)
            if name == subprocess_for:
                done = python_m(*cli.team.args(name), *argv)
                assert done.returncode == 0, done.stderr
                assert "Traceback" not in done.stderr
                out = done.stdout
                subprocess_for = None  # once is enough to see the real program at work
            else:
                out = cli.ok(name, *argv)
            report = json.loads(out)
            assert (report["refused"], report["held"], report["offline"]) == ([], [], False)
            reports.append(report)
    return reports


def assert_team_converged(team: TeamFolders, cli: Cli, note_id: str, texts: dict) -> None:
    dumps = cli.dumps()
    assert dumps[0] == dumps[1] == dumps[2], "the three data folders differ after syncing"
    state = json.loads(dumps[0])
    assert state["ops"]["count"] > 3000
    listed = [
        json.loads(cli.ok(name, "conflicts", team.inspection_id, "--json")) for name in FOLDERS
    ]
    assert listed[0] == listed[1] == listed[2]
    on_note = [c for c in listed[0] if c["entity_id"] == note_id and c["field"] == "text"]
    assert len(on_note) == 1, "the two members' versions of the note were not both kept"
    values = {v["author"]: v["value"] for v in on_note[0]["values"]}
    assert values == {"Alice": texts["alice"], "Bob": texts["bob"]}
    assert on_note[0]["record"].startswith("note ")
    history = cli.ok("lead", "history", team.inspection_id, note_id)
    assert "Alice" in history and "Bob" in history
    for name in FOLDERS:  # every evidence file arrived and is intact
        assert cli.ok(name, "check").startswith("OK")


def test_a_team_syncs_through_a_shared_folder(team, cli):
    note_id, texts = work_offline(team, cli)
    share = team.root / "share"
    share.mkdir()
    reports = sync_twice_round(cli, "--folder", share, subprocess_for="alice")
    assert reports[0]["files_sent"] >= 30  # the lead sends the demo's evidence files
    assert sum(r["applied_ops"] for r in reports) > 0
    assert_team_converged(team, cli, note_id, texts)
    # Syncing again changes nothing.
    before = cli.dumps()
    for name in FOLDERS:
        report = json.loads(cli.ok(name, "sync", team.inspection_id, "--folder", share))
        assert report["applied_ops"] == report["pushed_ops"] == 0
    assert cli.dumps() == before
    # Nobody's data folder is in the share: only bundles and sealed files.
    names = {p.name for p in share.rglob("*") if p.is_file()}
    assert not any(n.endswith((".db", ".sqlite", ".json")) for n in names)


# --- a real WebDAV server -------------------------------------------------------------------


class WebDavServer:
    """wsgidav (on cheroot) serving ``root`` on 127.0.0.1 with basic authentication."""

    def __init__(self, root: Path):
        from cheroot import wsgi
        from wsgidav.wsgidav_app import WsgiDAVApp

        app = WsgiDAVApp(
            {
                "provider_mapping": {"/": str(root)},
                "http_authenticator": {
                    "domain_controller": None,
                    "accept_basic": True,
                    "accept_digest": False,
                    "default_to_digest": False,
                },
                "simple_dc": {"user_mapping": {"*": {WEBDAV_USER: {"password": WEBDAV_PASSWORD}}}},
                "verbose": 0,
                "logging": {"enable": False},
            }
        )
        self.server = wsgi.Server(("127.0.0.1", 0), app, numthreads=4, timeout=10)
        self.server.prepare()
        self.url = f"http://127.0.0.1:{self.server.bind_addr[1]}/team/"
        self.thread = threading.Thread(target=self.server.serve, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive()


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dav_root(tmp_path) -> Path:
    root = tmp_path / "dav-root"
    (root / "team").mkdir(parents=True)
    return root


@pytest.fixture
def webdav(dav_root):
    server = WebDavServer(dav_root)
    yield server
    server.stop()


@pytest.fixture
def credentials(team) -> Path:
    path = team.root / "webdav-credentials"
    path.write_text(f"{WEBDAV_USER}\n{WEBDAV_PASSWORD}\n")
    return path


def test_a_team_syncs_through_a_webdav_server(team, cli, webdav, dav_root, credentials):
    note_id, texts = work_offline(team, cli)
    where = ("--webdav", webdav.url, "--credentials-file", credentials)
    reports = sync_twice_round(cli, *where, subprocess_for="bob")
    assert reports[0]["files_sent"] >= 30
    assert_team_converged(team, cli, note_id, texts)
    stored = [p for p in (dav_root / "team" / team.inspection_id).rglob("*") if p.is_file()]
    assert any(p.suffix == ".bundle" for p in stored) and len(stored) > 30
    assert not any(p.name.startswith(".") for p in stored)  # no upload left half-done


def test_wrong_webdav_credentials_are_a_clear_error_and_change_nothing(team, cli, webdav):
    wrong = team.root / "wrong-credentials"
    wrong.write_text(f"{WEBDAV_USER}\nnot the password\n")
    before = cli.dump("alice")
    code, out, err = cli(
        "alice", "sync", team.inspection_id, "--webdav", webdav.url, "--credentials-file", wrong
    )
    assert code != 0 and out == ""
    assert "refused the credentials" in err and "not the password" not in err
    assert cli.dump("alice") == before


def test_webdav_offline_is_exit_5_and_loses_nothing(team, cli, dav_root, credentials):
    note_id, texts = work_offline(team, cli)
    server = WebDavServer(dav_root)
    try:
        for name in FOLDERS:  # the lead's and Alice's work reaches the server, Bob's not yet
            if name != "bob":
                cli.ok(
                    name,
                    "sync",
                    team.inspection_id,
                    "--webdav",
                    server.url,
                    "--credentials-file",
                    credentials,
                )
    finally:
        server.stop()
    before = cli.dumps()
    for url in (server.url, f"http://127.0.0.1:{unused_port()}/team/"):  # stopped; wrong port
        for name in FOLDERS:
            code, out, err = cli(
                name, "sync", team.inspection_id, "--webdav", url, "--credentials-file", credentials
            )
            assert code == 5 and out == ""
            assert err.startswith("Offline:") and "kept on this computer" in err
    done = python_m(
        *team.args("bob"),
        "sync",
        team.inspection_id,
        "--webdav",
        server.url,
        "--credentials-file",
        credentials,
    )
    assert done.returncode == 5 and done.stderr.startswith("Offline:")
    assert "Traceback" not in done.stderr
    assert cli.dumps() == before  # nothing lost, nothing half-applied
    # Back online (the same files, a new server): everyone's work comes together.
    server = WebDavServer(dav_root)
    try:
        sync_twice_round(cli, "--webdav", server.url, "--credentials-file", credentials)
    finally:
        server.stop()
    assert_team_converged(team, cli, note_id, texts)
