"""Joining a colleague's inspection with an invitation file: the Designer form
``forms/join_dialog.ui``. The passphrase's key derivation and copying the inspection run in
the background; a refusal (a wrong passphrase, a changed file) is said inside the dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from ...domain.errors import JtaiError
from ...domain.themes import INSPECTORATES
from ...services.preferences import your_name
from ...services.team import join
from ...sync.invite import invite_title
from ..forms.ui_join_dialog import Ui_JoinDialog
from .task_dialog import TaskDialog


class JoinDialog(TaskDialog):
    joined = Signal(str)  # the inspection id, once it is on this computer

    ui: Ui_JoinDialog

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.ui = Ui_JoinDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName(self.tr("Problem"))
        self.ui.busyBar.hide()
        self.ui.busyBar.setAccessibleName(self.tr("Joining"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        self.ui.inspectorateCombo.addItem(self.tr("Choose…"), None)
        for value, label in INSPECTORATES.items():
            self.ui.inspectorateCombo.addItem(label, value)
        self.ui.nameEdit.setText(your_name(session.ws))
        self.ui.titleLabel.hide()
        self.ui.fileEdit.editingFinished.connect(self._show_title)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.buttonBox.accepted.connect(self.try_join)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.fileEdit.setFocus()
        self.resize(self.width(), self.sizeHint().height())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Invitation file"),
            self.ui.fileEdit.text() or str(Path.home()),
            self.tr("Invitations (*.jtai-invite *.json);;All files (*)"),
        )
        if chosen:
            self.ui.fileEdit.setText(chosen)
            self._show_title()
            self.ui.passphraseEdit.setFocus()

    def _show_title(self) -> None:
        path = self.ui.fileEdit.text().strip()
        self.ui.titleLabel.setVisible(bool(path))
        if not path:
            return
        try:
            title = invite_title(Path(path).read_bytes())
        except (OSError, JtaiError):
            self.ui.titleLabel.setText(self.tr("(not an invitation file this app can read)"))
            return
        self.ui.titleLabel.setText(self.tr("Inspection: %1").replace("%1", title))

    def problem(self) -> tuple[str, QWidget] | None:
        ui = self.ui
        if not ui.fileEdit.text().strip():
            return self.tr("Choose the invitation file your lead inspector gave you."), ui.fileEdit
        if not ui.passphraseEdit.text():
            return self.tr("Type the invitation's passphrase."), ui.passphraseEdit
        if not ui.nameEdit.text().strip():
            return self.tr("Type your name, as the team should see it."), ui.nameEdit
        if ui.inspectorateCombo.currentData() is None:
            return self.tr("Choose your inspectorate."), ui.inspectorateCombo
        return None

    def try_join(self) -> None:
        if self.task is not None:
            return
        found = self.problem()
        if found:
            self._refuse(*found)
            return
        ui = self.ui
        path, passphrase = Path(ui.fileEdit.text().strip()), ui.passphraseEdit.text()
        name, inspectorate = ui.nameEdit.text().strip(), ui.inspectorateCombo.currentData()
        context = self.session.context

        def work(progress, is_cancelled):
            try:
                data = path.read_bytes()
            except OSError as error:
                raise JtaiError(
                    f"Cannot read the invitation {path}: {error.strerror or error}."
                ) from None
            ws = context.worker_workspace()
            try:
                return join(ws, data, passphrase, name, inspectorate)
            finally:
                ws.db.close()

        self._set_busy(True)
        self.task = self.session.tasks.start(work, on_finished=self._done, on_failed=self._failed)

    def _done(self, inspection_id: str) -> None:
        self.task = None
        self._set_busy(False)
        self.accept()
        self.joined.emit(inspection_id)

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.ui.buttonBox,
            self.ui.fileEdit,
            self.ui.browseButton,
            self.ui.passphraseEdit,
            self.ui.nameEdit,
            self.ui.inspectorateCombo,
        )

    def refused_field(self) -> QWidget:
        return self.ui.passphraseEdit
