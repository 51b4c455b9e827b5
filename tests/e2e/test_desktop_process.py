"""The desktop as a process: one window per data folder, commands beside it, and a clean end
on SIGTERM and SIGHUP (the decrypted copies of evidence go, as on Quit).

The app runs offscreen in a subprocess on a demo folder (no passphrase to type). It is "up"
once its database is open (SQLite's ``-shm`` file appears beside it): by then the start-up
clean-up of copies left by a crash is behind it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JTAI_DATA_DIR": "/nonexistent-guard"}


def jtai(*argv, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ENV,
    )


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "data"
    assert jtai("--data-dir", folder, "demo").returncode == 0
    return folder


@pytest.fixture
def desktop(folder):
    process = subprocess.Popen(
        [sys.executable, "-m", "jtai_desktop", "--data-dir", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    deadline = time.monotonic() + 60
    while not (folder / "jtai.db-shm").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the desktop did not open its database"
        time.sleep(0.1)
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def an_open_copy(folder: Path) -> Path:
    """A decrypted copy as opening an evidence file in another program leaves it."""
    copy = folder / "open-copies" / "9f2c" / "E-1001.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF- a decrypted case file")
    return copy


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_the_signal_of_a_logout_or_a_closed_terminal_removes_decrypted_copies(
    desktop, folder, name
):
    copy = an_open_copy(folder)
    desktop.send_signal(getattr(signal, name))
    _, err = desktop.communicate(timeout=60)
    assert desktop.returncode == 0, err
    assert "Traceback" not in err
    assert not copy.exists() and not (folder / "open-copies").exists()


def test_a_second_launch_brings_the_open_window_forward_and_commands_work_beside_it(
    desktop, folder
):
    second = jtai("--data-dir", folder)
    assert second.returncode == 0, second.stderr
    assert "already open on this data folder" in second.stderr
    assert desktop.poll() is None  # the first window is still there, and alone
    listed = jtai("--data-dir", folder, "list")
    assert listed.returncode == 0 and "Northbridge" in listed.stdout
    assert jtai("--data-dir", folder, "check").returncode == 0
    desktop.terminate()
    desktop.communicate(timeout=60)
    assert desktop.returncode == 0
