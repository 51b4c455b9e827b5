"""Opening the app again on a folder already open brings the open window forward and hands
it a double-clicked file; a real second launch (a subprocess) asks the window in this process.
"""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication, QWidget

from jtai_desktop.ui.launch import _bring_forward
from jtai_desktop.ui.single_instance import SingleWindow

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JTAI_DATA_DIR": "/nonexistent-guard"}


def second_launch(*argv) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def test_a_second_launch_on_the_folder_brings_its_window_to_the_front(
    qtbot, small_demo_window, small_demo_context
):
    folder = small_demo_context.data_dir
    guard = SingleWindow(folder)
    assert guard.claim()
    try:
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitActive(other)
        small_demo_window.showMinimized()
        guard.show_requested.connect(lambda: _bring_forward(QApplication.instance()))
        with qtbot.waitSignal(guard.show_requested, timeout=30_000):
            second = second_launch("--data-dir", folder)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 0 and "brought to the front" in err
        qtbot.waitActive(small_demo_window)
        assert not small_demo_window.isMinimized()
        assert QApplication.activeWindow() is small_demo_window
    finally:
        guard.release()


def test_a_double_clicked_invitation_goes_to_the_open_window(qtbot, tmp_path):
    folder = tmp_path / "data"
    invitation = tmp_path / "for-sam.jtai-invite"
    invitation.write_bytes(b"an invitation")
    guard = SingleWindow(folder)
    assert guard.claim()
    try:
        with qtbot.waitSignal(guard.open_requested, timeout=30_000) as heard:
            second = second_launch("--data-dir", folder, invitation)
        second.communicate(timeout=60)
        assert second.returncode == 0
        assert heard.args == [str(invitation.resolve())]
    finally:
        guard.release()


def test_the_folder_is_free_again_once_the_window_lets_go(tmp_path):
    first, later = SingleWindow(tmp_path / "data"), SingleWindow(tmp_path / "data")
    assert first.claim()
    assert not later.claim()
    first.release()
    assert later.claim()
    later.release()
    other = SingleWindow(tmp_path / "other")
    assert other.claim()  # another folder is another window
    other.release()


HOLD = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from jtai_desktop.ui.single_instance import SingleWindow
print(SingleWindow(sys.argv[1]).claim(), flush=True)
time.sleep(120)
"""


def test_a_window_that_crashed_does_not_keep_the_folder(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert holder.stdout.readline().strip() == "True"
    assert not SingleWindow(tmp_path / "data").claim()  # held while it runs
    holder.kill()  # a crash: no clean-up
    holder.wait()
    after = SingleWindow(tmp_path / "data")
    assert after.claim()  # its lock names a process that is gone
    after.release()
