"""Cold start to a usable main window on the reference demo, beside a bare Qt window.

Each start is a new process running the app's own entry point (``jtai-desktop --data-dir
DIR``), timed from its launch until the point where it would enter the event loop with the
first paint done: imports, logging, unlocking, opening the database, building the window and
the page it opens on. Shutting down is not counted. The starts are run interleaved
with a process that only creates a QApplication and an empty QMainWindow. An untimed warm-up
round comes first. Target: at most 2 times the bare start.

    python benchmarks/startup.py [--data-dir DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402

TARGET = 2  # times the bare start

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1280, 820); window.show()
app.processEvents()
print("ready", flush=True)
"""

APP = """
import sys

def report_ready(*_args):
    # Where the real start enters the event loop: finish the first paint, then report.
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    opened = [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and getattr(getattr(w, "session", None), "inspection_id", None)]
    assert opened, "the demo inspection did not open"
    print("ready", flush=True)
    return 0

def replace_event_loop(event, _args, replaced=[]):
    # The app loads Qt itself, after its core: replace the event loop once Qt is there.
    # (Called for every audit event, so it returns as early as it can.)
    if replaced or event != "import":
        return
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        widgets.QApplication.exec = report_ready
        replaced.append(True)

sys.addaudithook(replace_event_loop)
from jtai_desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def run_once(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed app starts from compiled bytecode (pip compiles on install; the frozen app
    # ships it), so the untimed warm-up run may write it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    # -P: the app comes from this interpreter's installation, not from whatever folder the
    # benchmark was started in.
    with subprocess.Popen(
        [sys.executable, "-P", "-c", code, *args], env=env, stdout=subprocess.PIPE, text=True
    ) as child:
        line = child.stdout.readline()
        ready = time.perf_counter() - started  # shutting down is not part of starting
        child.stdout.read()
    if child.returncode != 0 or line.strip() != "ready":
        raise RuntimeError(f"the start failed (exit {child.returncode})")
    return ready


def prepare(folder: Path) -> None:
    if not (folder / "key.json").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "jtai_desktop",
                "--data-dir",
                str(folder),
                "demo",
                "--size",
                "reference",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def arguments(argv, description: str) -> tuple[Path, int]:
    """The demo's folder (a new temporary one unless --data-dir) and the number of starts."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    return args.data_dir or Path(tempfile.mkdtemp(prefix="jtai-start-")), args.repeat


def main(argv=None) -> int:
    folder, repeat = arguments(argv, __doc__.splitlines()[0])
    prepare(folder)
    app_runs, bare_runs = measure_pairs(folder, repeat)
    app, bare = timing.Stats.of(app_runs), timing.Stats.of(bare_runs)
    # Each start beside the bare start just before it: the machine's drift cancels out.
    ratio = timing.median([a / b for a, b in zip(app_runs, bare_runs)])
    print(
        f"cold start to a usable main window (reference demo): median {app.median_ms:.0f} ms "
        f"(min {app.min_ms:.0f}, max {app.max_ms:.0f})"
    )
    print(
        f"bare QApplication + QMainWindow:                    median {bare.median_ms:.0f} ms "
        f"(min {bare.min_ms:.0f}, max {bare.max_ms:.0f})"
    )
    print(
        f"ratio, median of {len(app_runs)} pairs: {ratio:.2f} (ratio of the medians "
        f"{app.median_ms / bare.median_ms:.2f}; target <= {TARGET}): "
        f"{'met' if ratio <= TARGET else 'NOT MET'}"
    )
    return 0


def measure_pairs(folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Bare start, then the app's start, ``repeat`` times after one untimed round of each.
    The times are each child's own launch-to-ready time (see ``run_once``)."""
    run_once(BARE)
    run_once(APP, str(folder))
    app_runs, bare_runs = [], []
    for _ in range(repeat):
        bare_runs.append(run_once(BARE))
        app_runs.append(run_once(APP, str(folder)))
    return app_runs, bare_runs


if __name__ == "__main__":
    sys.exit(main())
