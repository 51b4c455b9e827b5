"""Opening the app's own files: an invitation or a sync bundle double-clicked in the file
manager (Linux and Windows pass its path on the command line, which ``cli`` takes off before
parsing it; macOS sends a FileOpen event). The path is remembered and opened once the main
window is up (after the data folder is unlocked):

- an invitation (``*.jtai-invite``) opens the Join dialog with the file filled in;
- a bundle (``*.bundle``, inside a team's sync folder) syncs its inspection with that folder.

Nothing here imports Qt at module level: the command line imports this module too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..sync.file_kinds import file_kind

if TYPE_CHECKING:
    from .main_window import MainWindow

_opener = None  # the FileOpener installed on the QApplication, once there is one


def open_when_ready(path: Path) -> None:
    """Open one of the app's files (named on the command line) once the window is up.

    The Qt application is made now so the file is heard of however the window comes up;
    ``launch`` uses the application that already exists."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install(app).request(path)


def install(app):
    """Listen on ``app`` for files to open (idempotent); returns the FileOpener."""
    global _opener
    if _opener is None or _opener.parent() is not app:
        _opener = file_opener(app)
    return _opener


def file_opener(app):
    """A new FileOpener listening on ``app`` (``install`` keeps one per application)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FileOpener(QObject):
        """Holds paths until the main window is attached, then opens them one by one."""

        def __init__(self, parent):
            super().__init__(parent)
            self.app = parent
            self.pending: list[Path] = []
            self.window: MainWindow | None = None
            self._waiting_for_unlock = False
            if sys.platform == "darwin":
                # Only macOS sends files to a running app, as events to the application.
                # A filter there sees every event of every widget, so nowhere else has one.
                parent.installEventFilter(self)

        def request(self, path: Path) -> None:
            self.pending.append(Path(path))
            if self.window is not None:
                QTimer.singleShot(0, self.flush)

        def attach(self, window) -> None:
            """The main window is about to show: open what is pending once the event loop
            runs (after the window is on screen)."""
            self.window = window
            QTimer.singleShot(0, self.flush)

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.FileOpen:
                self.request(Path(event.file()))
                return True
            return False

        def flush(self) -> None:
            if self.window is None:
                return
            if not self.window.opens_files:  # a thematic workspace's window
                self.pending.clear()
                return
            lock = self.window.lock_controller
            if lock.locked:  # open it once the user has unlocked
                if not self._waiting_for_unlock:
                    self._waiting_for_unlock = True
                    lock.locked_changed.connect(self._after_unlock)
                return
            while self.pending:
                open_file(self.window, self.pending.pop(0))

        def _after_unlock(self, locked: bool) -> None:
            if not locked and self.window is not None:
                self._waiting_for_unlock = False
                self.window.lock_controller.locked_changed.disconnect(self._after_unlock)
                self.flush()

        def remove(self) -> None:
            self.app.removeEventFilter(self)
            self.deleteLater()

    return FileOpener(app)


def open_file(window, path: Path) -> None:
    """Open one of the app's files in ``window`` (the MainWindow)."""
    kind = file_kind(path)
    if not path.is_file():
        _tell(
            window,
            window.tr("File not found"),
            window.tr("%1 does not exist or cannot be read.").replace("%1", str(path)),
        )
    elif kind == "invite":
        open_invitation(window, path)
    elif kind == "bundle":
        open_bundle(window, path)


def open_invitation(window, path: Path) -> None:
    """The Join dialog with the invitation filled in; the user types its passphrase."""
    # The window's own Join: it opens what was joined, and minds the lock.
    dialog = window.join_dialog = window.sync_controller.join()
    dialog.ui.fileEdit.setText(str(path))
    dialog.ui.fileEdit.editingFinished.emit()  # shows the inspection's title
    dialog.ui.passphraseEdit.setFocus()


def open_bundle(window, path: Path) -> None:
    """A bundle sits at <sync folder>/<inspection>/<device>/bundles/<range>.bundle: sync its
    inspection with that folder (once; the inspection's sync settings are not changed)."""
    from ..domain.errors import JtaiError
    from ..sync.bundle import read_header
    from .errors import show_error

    try:
        header = read_header(path.read_bytes())
    except (OSError, JtaiError) as error:
        show_error(
            window,
            error
            if isinstance(error, JtaiError)
            else JtaiError(f"Cannot read {path.name}: {error.strerror or error}."),
        )
        return
    session = window.session
    folder = sync_folder_of(path, header.inspection_id, header.device_id)
    if session.ws.get("inspection", header.inspection_id) is None:
        _tell(
            window,
            window.tr("Not in this data folder"),
            window.tr(
                "This bundle belongs to an inspection that is not on this computer. Join the "
                "inspection first with the invitation your lead inspector gave you."
            ),
        )
        return
    if folder is None:
        _tell(
            window,
            window.tr("Sync from the team's folder"),
            window.tr(
                "A bundle is read from the team's sync folder, where it was written. Open the "
                "inspection and use File ▸ Sync with the team instead."
            ),
        )
        session.open_inspection(header.inspection_id)
        return
    _sync_with_folder(window, header.inspection_id, folder)


def sync_folder_of(path: Path, inspection_id: str, device_id: str) -> Path | None:
    """The sync folder a bundle was written into, or None if it was moved out of it."""
    parents = path.resolve().parents
    if len(parents) < 4 or parents[0].name != "bundles":
        return None
    if parents[1].name != device_id or parents[2].name != inspection_id:
        return None
    return parents[3]


def _sync_with_folder(window, inspection_id: str, folder: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ..services.sync_settings import FOLDER, Remote

    if window.session.inspection_id != inspection_id:
        window.session.open_inspection(inspection_id)
    box = _tell(
        window,
        window.tr("Sync with the team's folder?"),
        window.tr("Exchange work for this inspection with the team's folder %1 now?").replace(
            "%1", str(folder)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setIcon(QMessageBox.Icon.Question)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)

    def answered(_result: int) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            window.sync_controller.start(Remote(FOLDER, str(folder)))

    box.finished.connect(answered)


def _tell(window, title: str, text: str, buttons=None):
    """A window-modal message that does not block the event loop (kept on the window so a
    test can reach it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, buttons or QMessageBox.StandardButton.Ok, window
    )
    window.file_open_message = box
    box.open()
    return box
