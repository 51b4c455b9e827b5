"""File › Change passphrase…: a new passphrase, and optionally a new key.

A new passphrase alone is done in the dialog. Replacing the key needs the data folder to
itself, so the window closes (its background work ends first, and closing its folder removes
the decrypted copies), the folder is encrypted again off the UI thread behind a progress
dialog, and a new window opens on the same inspection. If the change is refused (the folder
is open in a command, say) nothing has changed and the window opens as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog

from ..crypto import keyfile
from ..domain.errors import JtaiError
from ..services.data_folder import open_unlocked
from ..services.key_rotation import rotate_key
from .errors import show_error
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .dialogs.passphrase_dialog import PassphraseDialog

KDF_PARAMS = None  # the tuned default; tests put cheap parameters here


def ask(window) -> PassphraseDialog:
    """The Change passphrase dialog, open on ``window``."""
    from .dialogs.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(window.session, window)
    dialog.changed.connect(
        lambda: window.statusBar().showMessage(
            window.tr("Passphrase changed. Make a new backup of key.json."), 15_000
        )
    )
    dialog.rotation_requested.connect(lambda new: KeyChange(window, new).start())
    dialog.open()
    return dialog


class KeyChange(QObject):
    """Lives on the application while the window it replaces is gone."""

    reopened = Signal(object)  # the new window

    def __init__(self, window, new_passphrase: str):
        super().__init__(QApplication.instance())
        self.window, self.new_passphrase = window, new_passphrase
        context = window.session.context
        self.folder, self.key = context.data_dir, context.key
        self.inspection_id = window.session.inspection_id
        self.progress: QProgressDialog | None = None

    def start(self) -> None:
        app = _application()
        self._quit_when_closed = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # no window for a moment: not the end
        self.progress = self._progress_dialog()
        window = self.window
        window.session.tasks.wait()
        window.close()
        window.session.context.close()
        window.deleteLater()
        self.window = None
        folder, key, new = self.folder, self.key, self.new_passphrase
        self.runner = TaskRunner(self)
        self.runner.start(
            lambda progress, _cancelled: rotate_key(
                folder, key, new, params=KDF_PARAMS, progress=progress
            ),
            on_finished=lambda new_key: self._reopen(new_key, None),
            on_failed=lambda error: self._reopen(None, error),
            on_progress=self._show_progress,
        )

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(
            self.tr("Encrypting the data folder again under a new key…"), "", 0, 0
        )
        dialog.setWindowTitle(self.tr("Replacing the key"))
        dialog.setCancelButton(None)  # stopping half way is what the crash safety is for
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        return dialog

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self.progress is None:
            return
        self.progress.setLabelText(label)
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _reopen(self, new_key, error: BaseException | None) -> None:
        from .assemble import build_main_window
        from .file_open import install

        app = _application()
        if self.progress is not None:
            self.progress.close()
        try:
            context = open_unlocked(self.folder, new_key or self._key_now())
        except JtaiError as refused:
            show_error(None, refused)
            app.quit()
            return
        window = build_main_window(context)
        if self.inspection_id and window.session.inspection_id != self.inspection_id:
            window.open_inspection(self.inspection_id)
        window.show()
        install(app).attach(window)
        app.setQuitOnLastWindowClosed(self._quit_when_closed)
        if error is not None:
            show_error(window, error)
        else:
            window.statusBar().showMessage(
                window.tr(
                    "The data folder is encrypted under a new key: old copies of key.json open "
                    "nothing. Make a new backup of key.json."
                ),
                30_000,
            )
        self.reopened.emit(window)
        self.deleteLater()

    def _key_now(self):
        """After a failure: the old key, unless the change went through before it failed."""
        try:
            return keyfile.unlock(self.folder, self.new_passphrase)
        except JtaiError:
            return self.key


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # a window is open, so the application exists
    return app
