"""A data folder whose database is gone (or empty) beside its key file and evidence is refused
with exit code 8 and a message saying what is missing and how to restore it; nothing in the
folder changes. It is never silently started again empty."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services.demo import build_demo
from tests.cli_run import digest


@pytest.fixture
def folder(tmp_path, passphrase):
    folder = tmp_path / "data"
    ctx = open_context(folder, passphrase, kdf_params=fast_params_for_tests())
    build_demo(ctx.workspace, "small", 1)
    ctx.close()
    (tmp_path / "pass.txt").write_text(passphrase + "\n")
    return folder


@pytest.fixture(params=["missing", "empty"])
def without_database(request, folder):
    database = folder / "jtai.db"
    database.unlink()
    if request.param == "empty":
        database.write_bytes(b"")
    return folder, request.param


@pytest.mark.parametrize("command", ["list", "check", "rebuild"])
def test_commands_refuse_a_folder_that_lost_its_database(without_database, command, capsys):
    folder, state = without_database
    before = digest(folder)
    code = main(
        ["--data-dir", str(folder), "--passphrase-file", str(folder.parent / "pass.txt"), command]
    )
    out, err = capsys.readouterr()
    assert code == 8 and out == ""
    assert f"its database jtai.db is {state}" in err
    assert "30 evidence file(s)" in err and "Restore jtai.db from your backup" in err
    assert digest(folder) == before


def test_the_desktop_refuses_it_too(without_database):
    folder, state = without_database
    before = digest(folder)
    started = subprocess.run(
        [
            sys.executable,
            "-m",
            "jtai_desktop",
            "--data-dir",
            str(folder),
            "--passphrase-file",
            str(folder.parent / "pass.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert started.returncode == 8, started.stderr
    assert f"its database jtai.db is {state}" in started.stderr
    assert "Traceback" not in started.stderr
    assert digest(folder) == before


def test_a_new_folder_still_starts_with_a_new_database(tmp_path, passphrase):
    ctx = open_context(tmp_path / "new", passphrase, kdf_params=fast_params_for_tests())
    ctx.close()
    assert (tmp_path / "new" / "jtai.db").stat().st_size > 0
