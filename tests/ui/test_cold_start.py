"""What a cold start defers until the window is up (benchmarks/startup.py times it): the real
entry point, in a new process, on a copy of the small demo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from jtai_desktop.ui.single_instance import _private_folder, instance_name

from ..conftest import PASSPHRASE

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JTAI_DATA_DIR": "/nonexistent-guard"}

# The app's own start, stopped where it would enter the event loop once the first paint is
# done (as benchmarks/startup.py does): it prints the modules loaded when the window painted.
AT_FIRST_PAINT = """
import sys

def at_first_paint(*_args):
    # The modules loaded when the main window is painted, taken in the paint itself: work
    # started a moment after the paint may fall due within the same pass of the event loop
    # on a busy machine, and is not part of the first paint.
    import gc

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from jtai_desktop.ui.main_window import MainWindow

    loaded = []

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not loaded:
                # In the order loaded, then the Qt classes made so far (Qt for Python makes
                # each class, and its enums, when it is first named).
                made = [
                    f"{name}.{attribute}"
                    for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
                    for attribute in vars(sys.modules[name])
                ]
                loaded.append(" ".join([*sys.modules, *made]))
            return False

    # A filter on the window alone: one on the whole application would have Qt for Python
    # make a class for every object Qt sends an event to, hiding which ones the app made.
    window = next(found for found in gc.get_objects() if isinstance(found, MainWindow))
    watch = Watch()
    window.installEventFilter(watch)
    QApplication.processEvents()
    print(loaded[0] if loaded else "", flush=True)
    return 0

def replace_event_loop(event, _args, replaced=[]):
    if replaced or event != "import":
        return
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        widgets.QApplication.exec = at_first_paint
        replaced.append(True)

sys.addaudithook(replace_event_loop)
from jtai_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def demo_copy(small_demo_folder, tmp_path) -> list[str]:
    """Command-line arguments opening a copy of the small demo without asking anything."""
    folder = shutil.copytree(small_demo_folder, tmp_path / "data")
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE)
    return ["--data-dir", str(folder), "--passphrase-file", str(secret)]


def loaded_at_first_paint(small_demo_folder, tmp_path) -> list[str]:
    """The modules loaded when the main window painted, in the order loaded, then the Qt
    classes made by then (``PySide6.QtWidgets.QLabel``)."""
    started = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, *demo_copy(small_demo_folder, tmp_path)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    loaded = started.stdout.split()
    assert "jtai_desktop.ui.main_window" in loaded  # the window did open
    return loaded


def test_the_first_paint_loads_nothing_it_does_not_need(small_demo_folder, tmp_path):
    loaded = set(loaded_at_first_paint(small_demo_folder, tmp_path))
    assert not DEFERRED & loaded, DEFERRED & loaded


def test_the_core_the_window_reads_loads_before_qt(small_demo_folder, tmp_path):
    """Qt for Python reads the source of every module imported after it (looking for its
    ``__feature__`` switches): the Qt-free modules the first paint needs come before it."""
    loaded = loaded_at_first_paint(small_demo_folder, tmp_path)
    after_qt = loaded[loaded.index("PySide6") :]
    core = [
        name
        for name in after_qt
        if name.startswith("jtai_desktop.") and not name.startswith("jtai_desktop.ui")
    ]
    assert core == [], core


# Loaded only once the window has been painted, or only when the work needs them.
DEFERRED = {
    "multiprocessing.connection",  # the listener for later launches: after the paint
    "jtai_desktop.services.progress",  # the navigator's counts: after the paint
    "PIL",  # Pillow: at the first image checked or drawn
    "logging.handlers",  # the log file turns over at start, without that module
    "jtai_desktop.services.thematic",  # only for a thematic workspace
    "jtai_desktop.domain.thematic",
    "jtai_desktop.cli_data",  # the commands' parsers and modules: not for the desktop
    "jtai_desktop.cli_team",
    "jtai_desktop.cli_evidence",
    "jtai_desktop.cli_completion",
    "jtai_desktop.ui.dialogs.repair_dialog",  # only for an inspection whose settings need it
    "PySide6.QtWidgets.QDialogButtonBox",  # Qt's classes for messages and dialogs: at the first
    "PySide6.QtWidgets.QMessageBox",  # one shown (making each, with its enums, takes a while)
    "PySide6.QtWidgets.QDockWidget",  # what locking the window looks for: when it locks
    "PySide6.QtWidgets.QToolBar",
    "uuid",  # at the first record made, never to read: it loads the platform module
    "platform",
}


def test_the_open_window_answers_a_later_launch_once_it_is_up(small_demo_folder, tmp_path):
    arguments = demo_copy(small_demo_folder, tmp_path)
    window = subprocess.Popen(
        [sys.executable, "-m", "jtai_desktop", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    lock = _private_folder() / f"{instance_name(Path(arguments[1]))}.lock"
    try:
        deadline = time.monotonic() + 90
        while not lock.exists():  # a launch before the window claims the folder would open it
            assert window.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        while True:
            later = subprocess.run(
                [sys.executable, "-m", "jtai_desktop", *arguments[:2]],
                capture_output=True,
                text=True,
                env=ENV,
                timeout=60,
            )
            if later.returncode == 0:
                break
            # Before the window listens, a later launch is told to try again, and changes nothing.
            assert "does not answer" in later.stderr, later.stderr
            assert window.poll() is None and time.monotonic() < deadline
            time.sleep(0.5)
        assert "brought to the front" in later.stderr
    finally:
        window.terminate()
        window.wait(timeout=60)
