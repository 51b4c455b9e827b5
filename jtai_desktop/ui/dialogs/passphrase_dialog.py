"""Changing the data folder's passphrase, and optionally its key: the Designer form
``forms/passphrase_dialog.ui``.

The current passphrase is checked (and a new one wrapped) in the background: the key
derivation takes about half a second each. A new passphrase alone is done here; replacing
the key needs the folder to itself, so the dialog hands it to ``ui/key_change`` once the
current passphrase is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ...crypto import keyfile
from ...crypto.keyfile import MIN_PASSPHRASE, WrongPassphraseError
from ...services import key_rotation
from ..forms.ui_passphrase_dialog import Ui_PassphraseDialog
from .task_dialog import TaskDialog

KDF_PARAMS = None  # the tuned default; tests put cheap parameters here


class PassphraseDialog(TaskDialog):
    changed = Signal()  # the passphrase alone changed
    rotation_requested = Signal(str)  # the current passphrase is right: replace the key
    ui: Ui_PassphraseDialog

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName(self.tr("Problem"))
        self.ui.busyBar.hide()
        self.ui.busyBar.setAccessibleName(self.tr("Checking the passphrase"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change the passphrase")
        )
        self.ui.buttonBox.accepted.connect(self.try_change)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.currentEdit.setFocus()
        self.resize(self.width(), self.sizeHint().height())

    def problem(self) -> tuple[str, QWidget] | None:
        ui = self.ui
        if not ui.currentEdit.text():
            return self.tr("Type the current passphrase."), ui.currentEdit
        if len(ui.passphraseEdit.text()) < MIN_PASSPHRASE:
            return self.tr("Use a new passphrase of at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE)
            ), ui.passphraseEdit
        if ui.passphraseEdit.text() != ui.confirmEdit.text():
            return self.tr("The two new passphrases are not the same."), ui.confirmEdit
        return None

    def try_change(self) -> None:
        if self.task is not None:
            return
        found = self.problem()
        if found:
            self._refuse(*found)
            return
        context = self.session.context
        folder, key = context.data_dir, context.key
        current, new = self.ui.currentEdit.text(), self.ui.passphraseEdit.text()
        rotate = self.ui.rotateCheck.isChecked()

        def work(progress, is_cancelled):
            if keyfile.unlock(folder, current) != key:
                raise WrongPassphraseError("That passphrase belongs to another data folder.")
            if not rotate:
                key_rotation.change_passphrase(folder, current, new, KDF_PARAMS)
            return rotate

        self._set_busy(True)
        self.task = self.session.tasks.start(work, on_finished=self._done, on_failed=self._failed)

    def _done(self, rotate: bool) -> None:
        self.task = None
        self._set_busy(False)
        self.accept()
        if rotate:
            self.rotation_requested.emit(self.ui.passphraseEdit.text())
        else:
            self.changed.emit()

    def _refuse(self, message: str, field: QWidget) -> None:
        super()._refuse(message, field)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # room for it

    def busy_widgets(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return (ui.buttonBox, ui.currentEdit, ui.passphraseEdit, ui.confirmEdit, ui.rotateCheck)

    def refused_field(self) -> QWidget:
        return self.ui.currentEdit
