"""Starting the desktop: the Qt application, unlocking, the demo, and the smoke test."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import paths


def launch(args, create_app) -> int:
    """Run the desktop; ``create_app(folder, ...)`` unlocks the folder and builds the main
    window (the composition root passes it in)."""
    from .file_open import install
    from .shipped_files import app_icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    opener = install(app)  # macOS delivers a double-clicked file as an event, not an argument
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("jtai-desktop")
    app.setApplicationName("jtai-desktop")
    app.setOrganizationName("jtai-desktop")
    folder = paths.data_dir(args.data_dir)
    if args.demo:
        window = create_app(paths.demo_dir(folder), open_demo=True)
    else:
        window = create_app(folder, passphrase_file=args.passphrase_file)
    if window is None:  # the user closed the unlock dialog
        return 1
    opener.attach(window)  # a double-clicked invitation or bundle opens in it
    if args.smoke_test:
        return smoke_test(app, window)
    window.show()
    window.build_pages_when_idle()
    return app.exec()


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
