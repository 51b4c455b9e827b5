"""Cold start to a usable main window on the reference demo, beside a bare Qt window.

Each start is a new process (imports, unlocking, opening the database, building every page,
showing the window and letting the first paint finish), run interleaved with a process that
only creates a QApplication and an empty QMainWindow. Target: at most 3 times the bare start.

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

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1280, 820); window.show()
app.processEvents()
"""

APP = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from jtai_desktop.app import create_app
window = create_app(sys.argv[1])
window.show()
app.processEvents()
assert window.session.inspection_id, "the demo inspection did not open"
"""


def run_once(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env)
    return time.perf_counter() - started


def prepare(folder: Path) -> None:
    if not (folder / "key.json").exists():
        subprocess.run([sys.executable, "-m", "jtai_desktop", "--data-dir", str(folder), "demo",
                        "--size", "reference"], check=True, stdout=subprocess.DEVNULL)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="jtai-start-"))
    prepare(folder)
    runs = timing.interleaved([lambda i: run_once(APP, str(folder)), lambda i: run_once(BARE)],
                              args.repeat)
    app, bare = timing.Stats.of(runs[0]), timing.Stats.of(runs[1])
    ratio = app.median_ms / bare.median_ms
    print(f"cold start to a usable main window (reference demo): median {app.median_ms:.0f} ms "
          f"(min {app.min_ms:.0f}, max {app.max_ms:.0f})")
    print(f"bare QApplication + QMainWindow:                    median {bare.median_ms:.0f} ms "
          f"(min {bare.min_ms:.0f}, max {bare.max_ms:.0f})")
    print(f"ratio {ratio:.2f} (target <= 3): {'met' if ratio <= 3 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
