"""Unlock dialog: the data folder's passphrase, or a new passphrase for a new folder.

A wrong passphrase is said inside the dialog (no second window), with the field selected for
retyping. Remembering the key in the system keyring is offered only where a keyring exists,
and labelled as the convenience it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from ...crypto.keyfile import MIN_PASSPHRASE, MasterKey
from ...domain.errors import JtaiError
from ...services import remembered
from ...services.data_folder import AppContext
from ..forms.ui_unlock_dialog import Ui_UnlockDialog


class UnlockDialog(QDialog):
    """Asks until ``open_with(passphrase)`` returns a context; ``context`` holds it after
    acceptance. ``open_with`` raises ``JtaiError`` (e.g. ``WrongPassphraseError``) to refuse."""

    def __init__(
        self,
        folder: Path,
        creating: bool,
        open_with: Callable[[str], AppContext],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.folder, self.creating, self._open_with = Path(folder), creating, open_with
        self.context: AppContext | None = None
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self._set_texts()
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName(self.tr("Problem"))
        font = self.ui.errorLabel.font()
        font.setBold(True)  # the reason for staying here must not be missed
        self.ui.errorLabel.setFont(font)
        self.ui.showCheck.toggled.connect(self._show_typed)
        self._set_up_remember()
        self.ui.buttonBox.accepted.connect(self.try_unlock)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.passphraseEdit.setFocus()
        self._fit_height()

    def _fit_height(self) -> None:
        # Word-wrapped labels: ask the layout how tall it is at the dialog's width.
        layout = self.layout()
        if layout is None:
            return
        height = (
            layout.heightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        self.resize(self.width(), height)

    def _set_texts(self) -> None:
        ui = self.ui
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        if self.creating:
            self.setWindowTitle(self.tr("Protect a new data folder"))
            ui.introLabel.setText(
                self.tr(
                    "Choose a passphrase to protect the new data folder {folder}. Everything in it "
                    "is encrypted with this passphrase; without it nobody, including you, can open "
                    "the records."
                ).format(folder=self.folder)
            )
            ui.hintLabel.setText(
                self.tr(
                    "Use at least {n} characters: a few unrelated words are easy to remember and "
                    "hard to guess. Keep a copy somewhere safe."
                ).format(n=MIN_PASSPHRASE)
            )
            ok.setText(self.tr("Create"))
        else:
            ui.introLabel.setText(
                self.tr("Type the passphrase of the data folder {folder}.").format(
                    folder=self.folder
                )
            )
            ui.hintLabel.hide()
            ui.confirmLabel.hide()
            ui.confirmEdit.hide()
            ok.setText(self.tr("Unlock"))

    def _set_up_remember(self) -> None:
        available = remembered.available()
        self.ui.rememberCheck.setEnabled(available)
        self.ui.rememberHelp.setEnabled(available)
        if not available:
            self.ui.rememberHelp.setText(
                self.ui.rememberHelp.text()
                + " "
                + self.tr("(Not available: this computer has no system keyring.)")
            )

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.passphraseEdit.setEchoMode(mode)
        self.ui.confirmEdit.setEchoMode(mode)

    # --- unlocking ---------------------------------------------------------------------------
    def problem(self) -> tuple[str, QLineEdit] | None:
        """What is wrong with what was typed, and the field to retype, before trying it."""
        ui = self.ui
        passphrase = ui.passphraseEdit.text()
        if not passphrase:
            return self.tr("Type the passphrase."), ui.passphraseEdit
        if not self.creating:
            return None
        if len(passphrase) < MIN_PASSPHRASE:
            return self.tr(
                "That passphrase is too short: use at least {n} characters; a short "
                "one could be guessed if the laptop were lost."
            ).format(n=MIN_PASSPHRASE), ui.passphraseEdit
        if passphrase != ui.confirmEdit.text():
            return self.tr(
                "The two passphrases are not the same. Type the passphrase again in the second box."
            ), ui.confirmEdit
        return None

    def try_unlock(self) -> None:
        problem = self.problem()
        if problem:
            self._refuse(*problem)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key takes a moment
        try:
            self.context = self._open_with(self.ui.passphraseEdit.text())
        except JtaiError as error:  # a wrong passphrase, a damaged key file...
            self._refuse(error.message, self.ui.passphraseEdit)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._remember_if_asked()
        self.accept()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()
        self._fit_height()
        field.setFocus()
        field.selectAll()

    def _remember_if_asked(self) -> None:
        if self.context is None or not self.ui.rememberCheck.isEnabled():
            return
        if self.ui.rememberCheck.isChecked():
            remembered.remember(self.folder, self.context.key)
        else:
            remembered.forget(self.folder)


def ask_to_unlock(
    folder: Path,
    creating: bool,
    open_with: Callable[[str], AppContext],
    open_with_key: Callable[[MasterKey], AppContext] | None = None,
):
    """Ask until ``open_with(passphrase)`` returns an AppContext; None if the user cancels.

    With ``open_with_key``, a key remembered in the system keyring is tried first, so a user
    who chose "Remember on this computer" is not asked.
    """
    if open_with_key is not None and not creating:
        context = _open_remembered(Path(folder), open_with_key)
        if context is not None:
            return context
    dialog = UnlockDialog(folder, creating, open_with)
    return dialog.context if dialog.exec() == QDialog.DialogCode.Accepted else None


def _open_remembered(folder: Path, open_with_key):
    key = remembered.recall(folder)
    if key is None:
        return None
    try:
        return open_with_key(key)
    except JtaiError:
        # A stale entry (the folder was replaced): forget it and ask for the passphrase.
        remembered.forget(folder)
        return None
