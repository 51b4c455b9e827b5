"""Where the team syncs (the Designer form ``forms/sync_dialog.ui``), and what a sync could
not do: bundles refused or held, each with its message, and for the lead the held changes
to apply once checked, and a fresh invitation for anyone whose invitation was used on two
computers (one click here, one in the invitation dialog)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...services import incoming, sync_settings
from ...services.sync import SyncReport, accept_held
from ..errors import show_error
from ..forms.ui_sync_dialog import Ui_SyncDialog
from ..models.roles import RecordIdRole

if TYPE_CHECKING:
    from .invite_dialog import InviteDialog


class SyncDialog(QDialog):
    """Asks where to sync and remembers it for this inspection on this computer."""

    def __init__(self, session, parent: QWidget | None = None, then_sync: bool = True):
        super().__init__(parent)
        self.session = session
        self.chosen: sync_settings.Remote | None = None
        self.ui = Ui_SyncDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName(self.tr("Problem"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Sync") if then_sync else self.tr("Save")
        )
        self.ui.folderRadio.toggled.connect(self._enable)
        self.ui.folderBrowse.clicked.connect(self._browse_folder)
        self.ui.credentialsBrowse.clicked.connect(self._browse_credentials)
        self.ui.buttonBox.accepted.connect(self.try_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._show(sync_settings.remote(session.ws, session.inspection_id))
        self.resize(self.width(), self.sizeHint().height())

    def _show(self, current: sync_settings.Remote | None) -> None:
        if current is not None and current.kind == sync_settings.WEBDAV:
            self.ui.webdavRadio.setChecked(True)
            self.ui.urlEdit.setText(current.location)
            self.ui.credentialsEdit.setText(current.credentials_file)
        elif current is not None:
            self.ui.folderEdit.setText(current.location)
        self._enable()
        (self.ui.folderEdit if self.ui.folderRadio.isChecked() else self.ui.urlEdit).setFocus()

    def _enable(self) -> None:
        folder = self.ui.folderRadio.isChecked()
        for widget in (self.ui.folderLabel, self.ui.folderEdit, self.ui.folderBrowse):
            widget.setEnabled(folder)
        for widget in (
            self.ui.urlLabel,
            self.ui.urlEdit,
            self.ui.credentialsLabel,
            self.ui.credentialsEdit,
            self.ui.credentialsBrowse,
            self.ui.credentialsHelp,
        ):
            widget.setEnabled(not folder)

    def _browse_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The team's sync folder"), self.ui.folderEdit.text() or str(Path.home())
        )
        if chosen:
            self.ui.folderEdit.setText(chosen)

    def _browse_credentials(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("WebDAV credentials file"),
            self.ui.credentialsEdit.text() or str(Path.home()),
        )
        if chosen:
            self.ui.credentialsEdit.setText(chosen)

    def try_accept(self) -> None:
        ws, inspection_id = self.session.ws, self.session.inspection_id
        try:
            if self.ui.folderRadio.isChecked():
                self.chosen = sync_settings.set_folder(ws, inspection_id, self.ui.folderEdit.text())
            else:
                self.chosen = sync_settings.set_webdav(
                    ws, inspection_id, self.ui.urlEdit.text(), self.ui.credentialsEdit.text()
                )
        except JtaiError as error:
            self.ui.errorLabel.setText(error.message)
            self.ui.errorLabel.show()
            return
        self.accept()


class SyncProblemsDialog(QDialog):
    """What the last sync could not apply, in words a person can act on."""

    def __init__(
        self,
        session,
        report: SyncReport,
        lead: bool,
        parent: QWidget | None = None,
        join: Callable[[], None] | None = None,
    ):
        """``join``: joins again with a fresh invitation (offered when another computer
        turned out to hold this one's identity)."""
        super().__init__(parent)
        self.session, self.lead = session, lead
        self.fresh_buttons: list[QPushButton] = []
        self.invite_dialog: InviteDialog | None = None  # the last fresh invitation asked for
        self.setWindowTitle(self.tr("Some changes were not applied"))
        self.messages = QPlainTextEdit(self._text(report))
        self.messages.setReadOnly(True)
        self.messages.setTabChangesFocus(True)
        self.messages.setAccessibleName(self.tr("What the sync could not do"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The sync went through, but not everything was applied. Nothing "
                "was lost: what was refused stays in the sync folder, and held "
                "changes are kept on this computer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.messages, 1)
        if lead:
            self._add_fresh_invitations(layout, report.fresh_invitations)
        self.join_button = None
        if report.duplicate and join is not None:
            self.join_button = QPushButton(self.tr("&Join with a fresh invitation…"))
            self.join_button.clicked.connect(join)
            layout.addWidget(self.join_button)
        self._add_held(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _text(self, report: SyncReport) -> str:
        sections = (
            (self.tr("One invitation, two computers:"), report.identity),
            (self.tr("Refused (not applied):"), report.refused),
            (self.tr("Held for the lead inspector to confirm:"), report.held),
            (self.tr("Waiting for a colleague's missing or damaged changes:"), report.waiting),
            (self.tr("Clocks:"), report.clock),
            (self.tr("Sent again:"), report.healed),
        )
        return "\n\n".join(
            title + "\n" + "\n".join(f"• {line}" for line in lines)
            for title, lines in sections
            if lines
        )

    def _add_fresh_invitations(self, layout: QVBoxLayout, needed: list[dict]) -> None:
        """A button per person whose invitation was also used on another computer: it opens
        the invitation dialog filled in (who it is for, a new passphrase, where to save)."""
        for item in needed:
            button = QPushButton(
                self.tr("Issue a &fresh invitation for %1…").replace("%1", item["name"])
            )
            button.clicked.connect(lambda _=False, name=item["name"]: self.issue_fresh(name))
            layout.addWidget(button)
            self.fresh_buttons.append(button)

    def issue_fresh(self, name: str) -> None:
        from .invite_dialog import InviteDialog

        dialog = InviteDialog(self.session, self)
        dialog.prefill_fresh(name)
        passphrase = dialog.ui.passphraseEdit.text()
        dialog.written.connect(lambda path: self._fresh_written(name, path, passphrase))
        self.invite_dialog = dialog
        dialog.open()

    def _fresh_written(self, name: str, path: str, passphrase: str) -> None:
        self.messages.appendPlainText(
            "\n"
            + self.tr(
                "A fresh invitation for %1 is saved to %2. Give it to them with its "
                "passphrase, %3, separately; they join with it on the same computer."
            )
            .replace("%1", name)
            .replace("%2", path)
            .replace("%3", passphrase)
        )

    def _add_held(self, layout: QVBoxLayout) -> None:
        held = incoming.held_bundles(self.session.ws, self.session.inspection_id)
        self.held_model = QStandardItemModel(self)
        for item in held:
            row = QStandardItem(item["reason"])
            row.setData(item["id"], RecordIdRole)
            row.setEditable(False)
            self.held_model.appendRow(row)
        self.held_label = QLabel(self.tr("&Held changes on this computer:"))
        self.held_view = QListView()
        self.held_view.setModel(self.held_model)
        self.held_view.setWordWrap(True)
        self.held_label.setBuddy(self.held_view)
        self.apply_button = QPushButton(self.tr("&Apply the chosen held changes"))
        self.apply_button.setEnabled(self.lead and bool(held))
        self.apply_button.clicked.connect(self._apply_held)
        if not self.lead:
            self.apply_button.setToolTip(
                self.tr("Only the lead inspector can confirm held changes.")
            )
        for widget in (self.held_label, self.held_view, self.apply_button):
            widget.setVisible(bool(held))
            layout.addWidget(widget)
        if held:
            self.held_view.setCurrentIndex(self.held_model.index(0, 0))

    def _apply_held(self) -> None:
        index = self.held_view.currentIndex()
        if not index.isValid():
            return
        try:
            accept_held(self.session.ws, index.data(RecordIdRole))
        except JtaiError as error:
            show_error(self, error)
            return
        self.held_model.removeRow(index.row())
        self.apply_button.setEnabled(self.held_model.rowCount() > 0)
        self.session.changed.emit("inspection", self.session.inspection_id)
