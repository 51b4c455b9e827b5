"""Starting the desktop: the Qt application, one window per data folder, unlocking, the demo,
the smoke test, and ending cleanly (decrypted copies removed) however the app is asked to
quit: Quit, the last window closed, SIGTERM (logout, shutdown) or SIGHUP (terminal closed)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import paths
from .first_paint import after_first_paint

# Windows has no SIGHUP.
QUIT_SIGNALS = [signal.SIGTERM] if sys.platform == "win32" else [signal.SIGTERM, signal.SIGHUP]
# Later launches on the folder are answered from this long after something is on the screen
# (the unlock dialog, or the window once painted); until then they are told to try again.
LISTEN_AFTER_MS = 40


def launch(args, create_app) -> int:
    """Run the desktop; ``create_app(folder, ...)`` unlocks the folder and builds the main
    window (the composition root passes it in)."""
    from .file_open import install
    from .shipped_files import app_icon
    from .single_instance import SingleWindow
    from .theme import follow_system

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    opener = install(app)  # macOS delivers a double-clicked file as an event, not an argument
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("jtai-desktop")
    app.setApplicationName("jtai-desktop")
    follow_system(app)  # dark and high-contrast palettes, as the system asks
    app.setOrganizationName("jtai-desktop")
    folder = paths.data_dir(args.data_dir)
    if args.demo:
        folder = paths.demo_dir(folder)
    guard = SingleWindow(folder, app)
    if not guard.claim(listen=False):
        return _hand_over(guard, opener.pending, args.smoke_test)
    try:
        quit_on_signals(app)
        return _run(app, guard, opener, folder, args, create_app)
    finally:
        close_windows(app)
        guard.release()


def _run(app, guard, opener, folder: Path, args, create_app) -> int:
    guard.show_requested.connect(lambda: _bring_forward(app))
    guard.open_requested.connect(lambda path: opener.request(Path(path)))
    # Fires only if an event loop runs before the window is built: the unlock dialog's.
    while_unlocking = QTimer(app)
    while_unlocking.setSingleShot(True)
    while_unlocking.timeout.connect(guard.listen)
    while_unlocking.start(LISTEN_AFTER_MS)
    if args.demo:
        window = create_app(folder, open_demo=True)
    else:
        window = create_app(folder, passphrase_file=args.passphrase_file)
    while_unlocking.stop()
    if window is None:  # the user closed the unlock dialog
        return 1
    opener.attach(window)  # a double-clicked invitation or bundle opens in it
    if args.smoke_test:
        QTimer.singleShot(LISTEN_AFTER_MS, guard.listen)
        return smoke_test(app, window)
    after_first_paint(window, guard.listen, LISTEN_AFTER_MS)
    after_first_paint(window, window.build_pages_when_idle)
    window.show()
    return app.exec()


def _hand_over(guard, files: list[Path], smoke_test: bool) -> int:
    """Another launch has the folder open: bring its window forward instead."""
    if guard.ask_the_open_window([] if smoke_test else files):
        if smoke_test:
            print(
                "jtai-desktop: the smoke test needs the data folder to itself, and it is "
                "open in a window. Close the window and run it again.",
                file=sys.stderr,
            )
            return 1
        print(
            "jtai-desktop is already open on this data folder: its window was brought to the "
            "front.",
            file=sys.stderr,
        )
        return 0
    print(
        "jtai-desktop: this data folder is open in another window that does not answer (it "
        "may be starting or closing). Wait a moment and try again.",
        file=sys.stderr,
    )
    return 1


def _bring_forward(app: QApplication) -> None:
    from .main_window import MainWindow
    from .single_instance import bring_forward

    shown = [w for w in app.topLevelWidgets() if w.isVisible() or w.isMinimized()]
    windows = [w for w in shown if isinstance(w, MainWindow)]
    bring_forward(app.activeModalWidget() or (windows or shown or [None])[0])


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM and SIGHUP end the app as Quit does, so the decrypted copies of evidence go.

    Python runs a signal handler only between two of its own instructions, and Qt's event
    loop waits in C: a timer lets Python in every quarter of a second."""
    for number in QUIT_SIGNALS:
        signal.signal(number, lambda *_: QTimer.singleShot(0, lambda: _quit(app)))
    tick = QTimer(app)
    tick.timeout.connect(lambda: None)
    tick.start(250)


def _quit(app: QApplication) -> None:
    app.closeAllWindows()
    app.quit()


def close_windows(app: QApplication) -> None:
    """Let every open window's background work end, then close its data folder (which removes
    the decrypted copies of evidence opened in other programs)."""
    from .main_window import MainWindow

    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.session.tasks.wait()
            widget.session.context.close()


def smoke_test(app: QApplication, window) -> int:
    """Open the real window on the data folder, make one edit, undo it, and exit 0."""
    from .smoke import run_smoke_edit

    window.show()
    result = {"code": 1}

    def run() -> None:
        result["code"] = run_smoke_edit(window)
        app.quit()

    QTimer.singleShot(0, run)
    app.exec()
    window.close()
    return result["code"]
