"""Helpers the command-line tests share: ``main`` with captured output, a digest of a data
folder (to prove a refusal changed nothing), the program in a process of its own, and a forked
child killed at an exact step."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from jtai_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]


def program(*argv, check=True) -> subprocess.CompletedProcess:
    """``python -m jtai_desktop ARGV`` in its own process, as a person or a script runs it
    (with no default data folder to fall back on)."""
    env = {**os.environ, "JTAI_DATA_DIR": "/nonexistent-default-folder"}
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=check,
        timeout=120,
    )


def run(*argv) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of ``jtai-desktop ARGV`` in-process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def digest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by content, except SQLite's shared-memory index (-shm),
    which changes when anyone merely reads."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def die(*_args, **_kwargs) -> None:
    """Stand-in for a step: the process is killed there (no clean-up runs)."""
    os._exit(9)


def in_a_child_killed(work: Callable[[], None]) -> None:
    """Run ``work`` in a forked child, which must die at the step it arranged (``die``)."""
    pid = os.fork()
    if pid == 0:  # never returns into pytest
        try:
            work()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 9, "the child was not killed at the step"
