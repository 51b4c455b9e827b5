"""Fixtures the page tests share: the small demo, built once per test session; a copy of it
opened for each test; and the main window on that copy.

Teardown runs in the reverse order of setup, so the window (which needs the copy) is closed,
after its background tasks ended, before ``open_folder`` closes the copy's database.
"""

import shutil

import pytest
from PySide6.QtWidgets import QApplication

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services.demo import build_demo
from jtai_desktop.ui.assemble import build_main_window

from ..conftest import PASSPHRASE


@pytest.fixture(scope="session")
def small_demo_folder(tmp_path_factory):
    """A data folder holding the small demo (seed 1), built once: copy it, never open it."""
    folder = tmp_path_factory.mktemp("small-demo") / "data"
    context = open_context(folder, PASSPHRASE, kdf_params=fast_params_for_tests())
    try:
        build_demo(context.workspace, "small", 1)
    finally:
        context.close()
    return folder


@pytest.fixture
def small_demo_context(small_demo_folder, tmp_path, open_folder):
    """This test's own copy of the small demo, open (``open_folder`` closes it at the end)."""
    return open_folder(shutil.copytree(small_demo_folder, tmp_path / "small-demo"))


@pytest.fixture
def small_demo_window(qtbot, small_demo_context):
    """The main window on this test's copy of the small demo, shown and active."""
    window = build_main_window(small_demo_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # no window manager offscreen: focus moves as it does for a user
    qtbot.waitActive(window)
    yield window
    window.session.tasks.wait()
    QApplication.processEvents()  # what the background tasks sent arrives while the folder is open
    window.close()  # before the folder closes: nothing may reach the database after


@pytest.fixture(autouse=True)
def background_work_ends_before_the_folders_close(open_folder):
    """Every window's background tasks end, and what they sent is delivered, before
    ``open_folder`` closes the databases (set up after it, so torn down before it): a page's
    reading that arrived later would find its database closed."""
    yield
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        tasks = getattr(getattr(widget, "session", None), "tasks", None)
        if tasks is not None:
            tasks.wait()
    app.processEvents()
