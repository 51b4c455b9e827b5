"""A team of data folders driven through the real command line, for the team-sync tests.

The lead makes the small demo and invites four members with real invitation files; they
join and everyone syncs through one shared folder. Built once per test module; each test
works on a copy. Commands run in this process (``main``) or, where a test needs the real
program or a wrong clock, as ``python -m jtai_desktop`` under ``faketime``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.crypto.kdf import fast_params_for_tests

PASSPHRASE = "correct horse battery staple"
MEMBERS = {"ann": ("Ann Patel", "cqc"), "ben": ("Ben Okafor", "hmicfrs")}
MEMBERS |= {"cat": ("Cat Jones", "cqc"), "dev": ("Dev Singh", "hmi_probation")}
FOLDERS = ("lead", *MEMBERS)
SUBPROCESS_TIMEOUT = 180


def run_quietly(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@dataclass
class Team:
    root: Path
    inspection_id: str = ""
    clocks: dict[str, list[str]] = field(default_factory=dict)  # folder -> faketime offsets
    commands: dict[str, int] = field(default_factory=dict)  # folder -> commands run so far

    @property
    def share(self) -> Path:
        return self.root / "share"

    @property
    def passphrase_file(self) -> Path:
        return self.root / "folder-passphrase"

    def args(self, name: str) -> list[str]:
        return ["--data-dir", str(self.root / name), "--passphrase-file", str(self.passphrase_file)]

    def __call__(self, name: str, *argv) -> tuple[int, str, str]:
        """One command in one data folder: in this process, or under its wrong clock."""
        offsets = self.clocks.get(name)
        done = self.commands.get(name, 0)
        self.commands[name] = done + 1
        if not offsets:
            code, out, err = run_quietly(*self.args(name), *argv)
        else:
            code, out, err = self.faked(offsets[done % len(offsets)], name, *argv)
        assert "Traceback" not in out + err, err
        return code, out, err

    def faked(self, offset: str, name: str, *argv) -> tuple[int, str, str]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "FAKETIME": offset,
            "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        }
        env.pop("JTAI_PASSPHRASE_FILE", None)
        done = subprocess.run(
            ["faketime", "-f", offset, sys.executable, "-m", "jtai_desktop"]
            + self.args(name)
            + [str(a) for a in argv],
            capture_output=True,
            text=True,
            timeout=SUBPROCESS_TIMEOUT,
            env=env,
        )
        return done.returncode, done.stdout, done.stderr

    def ok(self, name: str, *argv) -> str:
        code, out, err = self(name, *argv)
        assert code == 0, err
        return out

    def sync(self, name: str) -> tuple[int, dict, str]:
        code, out, err = self(name, "sync", self.inspection_id, "--folder", self.share)
        return code, json.loads(out) if out.strip() else {}, err

    def simulate(self, name: str, edits: int, seed: int) -> None:
        self.ok(name, "simulate", self.inspection_id, "--edits", edits, "--seed", seed)

    def dump(self, name: str) -> bytes:
        target = self.root / f"{name}.dump.json"
        run_quietly(*self.args(name), "dump", self.inspection_id, "--out", target)
        return target.read_bytes()

    def dumps(self, names=FOLDERS) -> dict[str, bytes]:
        return {name: self.dump(name) for name in names}

    def bundles(self, name: str) -> list[Path]:
        folder = self.share / self.inspection_id / self.device(name) / "bundles"
        return sorted(folder.glob("[0-9]*.bundle"))

    def device(self, name: str) -> str:
        ctx = open_context(self.root / name, PASSPHRASE)
        try:
            return ctx.workspace.device_for(self.inspection_id)
        finally:
            ctx.close()

    def everyone_syncs(self, names=FOLDERS) -> dict[str, tuple[int, dict, str]]:
        return {name: self.sync(name) for name in names}


def build_team(root: Path) -> Team:
    team = Team(root)
    team.passphrase_file.write_text(PASSPHRASE + "\n")
    for name in FOLDERS:  # data folders with a cheap KDF; everything else as a user does it
        open_context(root / name, PASSPHRASE, kdf_params=fast_params_for_tests()).close()
    team.inspection_id = team.ok("lead", "demo").strip()
    for name, (full_name, org) in MEMBERS.items():
        invite(team, name, f"{full_name}'s laptop")
        join(team, name, root / f"{name}.jtai-invite", full_name, org)
    team.share.mkdir()
    for _ in range(2):
        for name in FOLDERS:
            code, _report, err = team.sync(name)
            assert code == 0, err
    return team


def invite(team: Team, name: str, label: str) -> Path:
    secret = team.root / f"invite-{name}"
    secret.write_text(f"invitation for {name} 8d2k\n")
    invitation = team.root / f"{name}.jtai-invite"
    team.ok(
        "lead",
        "invite",
        team.inspection_id,
        "--out",
        invitation,
        "--invitation-passphrase-file",
        secret,
        "--label",
        label,
    )
    return invitation


def join(team: Team, folder: str, invitation: Path, full_name: str, org: str):
    secret = team.root / f"invite-{invitation.stem}"
    return team(
        folder,
        "join",
        invitation,
        "--invitation-passphrase-file",
        secret,
        "--name",
        full_name,
        "--inspectorate",
        org,
    )


def copy_team(template: Team, root: Path) -> Team:
    shutil.copytree(template.root, root, dirs_exist_ok=True)
    return Team(root, template.inspection_id)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000
