"""What used to end in a traceback or in silence: two ``simulate`` runs at once with the same
seed, ``history … | head`` and a record named by the start of its id."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

ENV = {**os.environ, "JTAI_DATA_DIR": "/nonexistent-guard"}


def jtai(*argv, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        **kwargs,
    )


def ran(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=180,
        env=ENV,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "data"
    made = ran("--data-dir", folder, "demo")
    assert made.returncode == 0, made.stderr
    return folder, made.stdout.strip()


@pytest.fixture
def demo_copy(demo, tmp_path):
    folder, inspection_id = demo
    return shutil.copytree(folder, tmp_path / "copy"), inspection_id


# Each run loads the app, then waits for the same moment to start, so both read the folder
# before either writes (as two terminals started together would, given a little luck).
AT_ONCE = """
import sys, time
from jtai_desktop.cli import main
from jtai_desktop.services import simulate  # noqa: F401  (loaded before the start)
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
sys.exit(main(sys.argv[2:]))
"""


def at_once(*argv, count: int) -> list[subprocess.Popen]:
    start = time.time() + 3
    return [
        subprocess.Popen(
            [sys.executable, "-c", AT_ONCE, str(start), *map(str, argv)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for _ in range(count)
    ]


def test_two_simulations_with_the_same_seed_at_once_both_finish(demo_copy):
    folder, inspection_id = demo_copy
    for _ in range(3):  # the two runs drew the same ids before: they broke every time
        runs = at_once(
            "--data-dir",
            folder,
            "simulate",
            inspection_id[:8],
            "--edits",
            150,
            "--seed",
            5,
            count=2,
        )
        for process in runs:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
            assert "Traceback" not in err
            assert sum(json.loads(out).values()) == 150
    checked = ran("--data-dir", folder, "check")
    assert checked.returncode == 0, checked.stderr


def test_history_into_a_reader_that_stops_reading_ends_quietly(demo):
    folder, inspection_id = demo
    dumped = json.loads(ran("--data-dir", folder, "dump", inspection_id).stdout)
    child = dumped["tables"]["children"][0]["id"]
    process = jtai("--data-dir", folder, "history", inspection_id[:8], child)
    process.stdout.close()  # as `| head` does once it has its lines
    err = process.stderr.read()
    process.wait(timeout=120)
    assert err == ""  # no traceback, no "Exception ignored … BrokenPipeError"
    assert process.returncode == 141  # as tools stopped by SIGPIPE


def test_history_takes_the_unique_start_of_a_record_id(demo):
    folder, inspection_id = demo
    dumped = json.loads(ran("--data-dir", folder, "dump", inspection_id).stdout)
    ids = sorted(row["id"] for rows in dumped["tables"].values() for row in rows)
    record = next(
        row for row in dumped["tables"]["children"] if sum(i[:6] == row["id"][:6] for i in ids) == 1
    )
    whole = ran("--data-dir", folder, "history", inspection_id[:8], record["id"])
    assert whole.returncode == 0 and "pseudonym" in whole.stdout
    started = ran("--data-dir", folder, "history", inspection_id[:8], record["id"][:6].upper())
    assert started.returncode == 0, started.stderr
    assert started.stdout == whole.stdout

    first_chars = [i[0] for i in ids]
    shared = max(set(first_chars), key=first_chars.count)
    ambiguous = ran("--data-dir", folder, "history", inspection_id[:8], shared)
    assert ambiguous.returncode == 1 and ambiguous.stdout == ""
    assert "several records" in ambiguous.stderr and "give more of it" in ambiguous.stderr

    unknown = ran("--data-dir", folder, "history", inspection_id[:8], "not-an-id")
    assert unknown.returncode == 1 and unknown.stdout == ""  # it said nothing, exit 0, before
    assert "No record of this inspection" in unknown.stderr
