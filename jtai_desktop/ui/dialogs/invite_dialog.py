"""The lead invites a team member: the Designer form ``forms/invite_dialog.ui``.

The invitation's key derivation is memory-hard (about half a second), so it runs in the
background with the dialog showing it is busy; the file is written atomically.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from ...crypto.keyfile import MIN_PASSPHRASE
from ...domain.errors import JtaiError
from ...services.team import create_invitation
from ...sync.file_kinds import INVITE_SUFFIX
from ..forms.ui_invite_dialog import Ui_InviteDialog
from .task_dialog import TaskDialog

KDF_PARAMS = None  # the tuned default; tests put cheap parameters here


class InviteDialog(TaskDialog):
    written = Signal(str)  # the invitation file's path

    ui: Ui_InviteDialog

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.ui = Ui_InviteDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName(self.tr("Problem"))
        self.ui.busyBar.hide()
        self.ui.busyBar.setAccessibleName(self.tr("Writing the invitation"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create the invitation")
        )
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.buttonBox.accepted.connect(self.try_invite)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.labelEdit.setFocus()
        self.resize(self.width(), self.sizeHint().height())

    def prefill_fresh(self, name: str) -> None:
        """A fresh invitation for ``name`` (whose first one was used on two computers): who it
        is for, a new passphrase shown to be passed on, and a file in the home folder, so
        creating it is one more click."""
        from ...services.team import suggest_passphrase

        passphrase = suggest_passphrase()
        self.ui.labelEdit.setText(name)
        for edit in (self.ui.passphraseEdit, self.ui.confirmEdit):
            edit.setEchoMode(edit.EchoMode.Normal)  # the lead reads it out or writes it down
            edit.setText(passphrase)
        self.ui.pathEdit.setText(str(Path.home() / self._default_name()))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def _browse(self) -> None:
        start = self.ui.pathEdit.text() or str(Path.home() / self._default_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the invitation"),
            start,
            self.tr("Invitations (*%1)").replace("%1", INVITE_SUFFIX),
        )
        if chosen:
            self.ui.pathEdit.setText(
                chosen if chosen.endswith(INVITE_SUFFIX) else chosen + INVITE_SUFFIX
            )

    def _default_name(self) -> str:
        label = "".join(c if c.isalnum() else "-" for c in self.ui.labelEdit.text().strip())
        return f"invitation-{label.strip('-') or 'member'}{INVITE_SUFFIX}"

    def problem(self) -> tuple[str, QWidget] | None:
        ui = self.ui
        if not ui.labelEdit.text().strip():
            return (
                self.tr("Say who the invitation is for, so the team list shows it."),
                ui.labelEdit,
            )
        if len(ui.passphraseEdit.text()) < MIN_PASSPHRASE:
            return self.tr("Use a passphrase of at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE)
            ), ui.passphraseEdit
        if ui.passphraseEdit.text() != ui.confirmEdit.text():
            return self.tr("The two passphrases are not the same."), ui.confirmEdit
        path = ui.pathEdit.text().strip()
        if not path or not Path(path).is_absolute() or not Path(path).parent.is_dir():
            return self.tr("Choose where to save the invitation (Browse…)."), ui.pathEdit
        return None

    def try_invite(self) -> None:
        if self.task is not None:
            return
        found = self.problem()
        if found:
            self._refuse(*found)
            return
        context, inspection_id = self.session.context, self.session.inspection_id
        label, passphrase = self.ui.labelEdit.text().strip(), self.ui.passphraseEdit.text()
        path = Path(self.ui.pathEdit.text().strip())

        def work(progress, is_cancelled):
            ws = context.worker_workspace()
            try:
                data = create_invitation(ws, inspection_id, passphrase, label, params=KDF_PARAMS)
            finally:
                ws.db.close()
            write_atomically(path, data)
            return str(path)

        self._set_busy(True)
        self.task = self.session.tasks.start(work, on_finished=self._done, on_failed=self._failed)

    def _done(self, path: str) -> None:
        self.task = None
        self._set_busy(False)
        self.session.changed.emit("device", "")
        self.accept()
        self.written.emit(path)

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.ui.buttonBox,
            self.ui.labelEdit,
            self.ui.passphraseEdit,
            self.ui.confirmEdit,
            self.ui.pathEdit,
            self.ui.browseButton,
        )

    def refused_field(self) -> QWidget:
        return self.ui.passphraseEdit


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside it, then a rename: a half-written invitation never exists."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise JtaiError(
            f"Could not save the invitation to {path}: {error.strerror or error}."
        ) from None
