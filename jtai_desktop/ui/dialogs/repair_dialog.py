"""An inspection whose settings a colleague's change made unusable (an earlier version took
such changes in): instead of failing to open, the window says what is wrong, and the lead
repairs it in one click; a member syncs to receive the lead's repair."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ...domain.errors import JtaiError
from ...services.repair import BrokenSetting, broken_settings, repair_settings
from ...services.team import is_lead
from ..errors import show_error


def offer_repair(window, inspection_id: str, broken: list[BrokenSetting]) -> RepairDialog:
    """Show the welcome screen and, once the window is on screen, the repair of the
    inspection's unusable settings (the dialog returned)."""
    window.show_welcome()
    dialog = RepairDialog(window, inspection_id, broken)
    QTimer.singleShot(0, dialog.open)  # once the window is on screen
    return dialog


class RepairDialog(QDialog):
    def __init__(self, window, inspection_id: str, broken: list[BrokenSetting]):
        super().__init__(window)
        self.window_, self.inspection_id = window, inspection_id
        self.session = window.session
        self.task = None
        self.lead = is_lead(self.session.ws, inspection_id)
        self.setWindowTitle(self.tr("This inspection's settings need repairing"))
        problems = "\n".join(f"\u2022 {setting.problem}" for setting in broken)
        intro = QLabel(
            self.tr(
                "A change made on a colleague's computer left this inspection's settings in "
                "a state this version cannot use, so it cannot be opened as it is:\n\n%1"
            ).replace("%1", problems)
        )
        intro.setWordWrap(True)
        self.advice = QLabel(
            self.tr(
                "Repair puts back the newest value that works. Nothing else changes, and the "
                "repair reaches the team with your next sync."
            )
            if self.lead
            else self.tr(
                "Only the lead inspector can repair them. Once they have, the repair reaches "
                "you with your next sync: choose Sync now, or sync again later."
            )
        )
        self.advice.setWordWrap(True)
        self.action = QPushButton(
            self.tr("&Repair and open") if self.lead else self.tr("&Sync now")
        )
        self.action.clicked.connect(self.repair if self.lead else self.sync)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.action, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.advice, buttons):
            layout.addWidget(widget)
        self.action.setFocus()
        self.resize(560, self.sizeHint().height())

    def repair(self) -> None:
        try:
            repair_settings(self.session.ws, self.inspection_id)
        except JtaiError as error:
            show_error(self, error)
            return
        self._open_if_usable()

    def sync(self) -> None:
        """Sync without opening the inspection (its pages need the settings)."""
        from ...services import sync_settings
        from ..sync_controller import sync_work

        remote = sync_settings.remote(self.session.ws, self.inspection_id)
        if remote is None:
            self.advice.setText(
                self.tr(
                    "This computer has no sync folder or server set for this inspection yet; "
                    "sync from the command line: jtai-desktop sync INSPECTION --folder PATH."
                )
            )
            return
        try:
            transport = sync_settings.transport_for(remote)
        except JtaiError as error:
            show_error(self, error)
            return
        self.action.setEnabled(False)
        self.task = self.session.tasks.start(
            sync_work(self.session.context, self.inspection_id, transport),
            on_finished=lambda _r: self._synced(),
            on_failed=self._failed,
        )

    def _synced(self) -> None:
        self.task = None
        self.action.setEnabled(True)
        if not self._open_if_usable():
            self.advice.setText(
                self.tr(
                    "Synced, but the lead's repair has not arrived yet. Ask your lead "
                    "inspector to repair the settings and sync, then sync again."
                )
            )

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.action.setEnabled(True)
        show_error(self, error)

    def _open_if_usable(self) -> bool:
        if broken_settings(self.session.ws, self.inspection_id):
            return False
        self.accept()
        self.session.open_inspection(self.inspection_id)
        return True

    def reject(self) -> None:
        if self.task is None:
            super().reject()
