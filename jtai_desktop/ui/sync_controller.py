"""Team sync in the window: the Sync action and status-bar button, progress with Cancel,
the connection state, invitations (lead) and joining (welcome screen).

A sync runs off the UI thread on its own database connection; the window stays usable
throughout, and when it ends the pages reload what arrived. Going offline is a state, not
an error: the status bar says so and nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressBar, QToolButton

from ..domain.errors import JtaiError
from ..services import incoming
from ..services.team import is_lead, is_shared
from .errors import show_error
from .pages.base import Page
from .shortcuts import bind, key_text
from .time_text import local_time
from .translate import translator


def sync_work(context, inspection_id: str, transport):
    """A sync as background work: on the worker's own connection, closed when it ends."""
    from ..services.sync import sync

    def work(progress, is_cancelled):
        ws = context.worker_workspace()
        try:
            return sync(ws, inspection_id, transport, progress, is_cancelled)
        finally:
            ws.db.close()

    return work


def sync_note(status: dict) -> str:
    """The one thing about the last sync a person most needs to see in the status bar."""
    notes = status["notes"]
    if notes["identity"]:
        return tr_sync("an invitation was used on two computers (see Sync problems)")
    if notes["waiting"]:
        text = notes["waiting"][0].split(" (", 1)[0]  # "Waiting for Sam Patel's changes 6–43"
        more = len(notes["waiting"]) - 1
        return (
            text[0].lower()
            + text[1:]
            + (tr_sync(" and %1 more").replace("%1", str(more)) if more else "")
        )
    if notes["clock"]:
        return notes["clock"][0].split(". ", 1)[0]
    if notes["healed"]:
        return tr_sync("%1 of your changes the share had lost were sent again").replace(
            "%1", str(status["healed_ops"])
        )
    return ""


tr_sync = translator("SyncController")


def not_shared_text() -> str:
    """The status bar's words for an inspection not shared yet; the merge review says the
    same."""
    return translator("SyncController")(
        "Not shared with a team yet: your work is kept on this computer"
    )


class SyncController(QObject):
    finished = Signal(object)  # the SyncReport, after the window was brought up to date
    failed = Signal(object)  # the error (OfflineError when the remote is unreachable)
    cancelled = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.task = None
        self.dialog = None  # the dialog last opened (a test or the lock can reach it)
        self.last_report = None  # the SyncReport of the last sync
        self._build_actions()
        self._build_status()
        self.session.inspection_opened.connect(lambda _id: self.update_state())
        self.session.changed.connect(self._on_changed)
        self.update_state()

    # --- building ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        window = self.window
        self.sync_action = QAction(self.tr("&Sync with the team"), window)
        bind(self.sync_action, "file.sync")
        self.sync_action.triggered.connect(self.sync)
        self.settings_action = QAction(self.tr("Sync se&ttings…"), window)
        self.settings_action.triggered.connect(lambda: self.choose_remote(then_sync=False))
        self.invite_action = QAction(self.tr("In&vite a team member…"), window)
        self.invite_action.triggered.connect(self.invite)
        self.problems_action = QAction(self.tr("Sync &problems…"), window)
        self.problems_action.triggered.connect(self.show_last_problems)
        actions = (self.sync_action, self.problems_action, self.settings_action, self.invite_action)
        for action in actions:
            window.file_menu.insertAction(window.lock_action, action)
        window.file_menu.insertSeparator(window.lock_action)

    def _build_status(self) -> None:
        bar = self.window.statusBar()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel sync"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the sync"))
        self.cancel_button.clicked.connect(self.cancel)
        self.sync_button = QToolButton()
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.tr("Sync with the team"))
        self.sync_button.setToolTip(
            self.tr("Sync with the team (%1)").replace("%1", key_text("file.sync"))
        )
        self.sync_button.clicked.connect(self.sync)
        # Follows the action, which the lock screen disables with every other action.
        self.sync_action.enabledChanged.connect(self.sync_button.setEnabled)
        for widget in (self.progress, self.cancel_button, self.sync_button):
            bar.addPermanentWidget(widget)
        self.progress.hide()
        self.cancel_button.hide()

    # --- state -------------------------------------------------------------------------
    def update_state(self) -> None:
        """Actions and the connection label from what is stored (opening, after a sync)."""
        inspection_id = self.session.inspection_id
        opened = inspection_id is not None
        lead = opened and is_lead(self.session.ws, inspection_id)
        for action in (self.sync_action, self.settings_action, self.problems_action):
            action.setEnabled(opened and self.task is None)
        self.invite_action.setEnabled(lead)
        self.invite_action.setVisible(not opened or lead)
        if opened:
            text, details = self.connection_text()
            self.window.connection_label.setText(text)
            self.window.connection_label.setToolTip(details)
            self.window.update_pending()
        else:  # the welcome screen: nothing to sync yet
            self.window.connection_label.setText("")
            self.window.connection_label.setToolTip("")

    def connection_text(self) -> tuple[str, str]:
        """The status bar's sync state, and every note of the last sync for its tooltip."""
        ws, inspection_id = self.session.ws, self.session.inspection_id
        if not is_shared(ws, inspection_id):
            return not_shared_text(), ""
        status = incoming.sync_status(ws, inspection_id)
        last, last_ok = status["last"], status["last_ok"]
        if last and last["outcome"] == "offline":
            return self._offline_text(last["remote"]), ""
        if not last_ok:
            return self.tr("Not synced yet"), ""
        text = self.tr("Synced at %1").replace("%1", local_time(last_ok["at"]))
        note = sync_note(status)
        lines = [line for key in incoming.SYNC_NOTES for line in status["notes"][key]]
        return (f"{text} — {note}" if note else text), "\n".join(lines)

    def _offline_text(self, remote: str) -> str:
        if remote.startswith("webdav:"):
            return self.tr(
                "Offline: the WebDAV server cannot be reached — your work is kept on this computer"
            )
        return self.tr(
            "Offline: the sync folder is not available — your work is kept on this computer"
        )

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity in ("member", "device"):
            self.update_state()

    def _locked(self) -> bool:
        return self.window.lock_controller.locked

    # --- syncing -----------------------------------------------------------------------
    def sync(self) -> None:
        inspection_id = self.session.inspection_id
        if self.task is not None or inspection_id is None:
            return
        if not is_shared(self.session.ws, inspection_id):
            self._explain_not_shared()
            return
        from ..services import sync_settings  # the transports load when first needed

        remote = sync_settings.remote(self.session.ws, inspection_id)
        if remote is None:
            self.choose_remote(then_sync=True)
            return
        self.start(remote)

    def _explain_not_shared(self) -> None:
        lead = is_lead(self.session.ws, self.session.inspection_id)
        text = (
            self.tr(
                "This inspection is not shared with a team yet. Create an invitation "
                "for each team member first (File ▸ Invite a team member…): the first "
                "invitation sets up the team's keys, and then you can sync."
            )
            if lead
            else self.tr(
                "This inspection is not shared with a team yet: the lead inspector "
                "must create an invitation first."
            )
        )
        from PySide6.QtWidgets import QMessageBox  # its class is built when first named

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Not shared yet"),
            text,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self._open(box)

    def choose_remote(self, then_sync: bool = False) -> None:
        if self.session.inspection_id is None:
            return
        from .dialogs.sync_dialog import SyncDialog

        dialog = SyncDialog(self.session, self.window, then_sync)
        if then_sync:
            dialog.accepted.connect(lambda: self.start(dialog.chosen))
        dialog.accepted.connect(self.update_state)
        self._open(dialog)

    def start(self, remote) -> None:
        """Sync with ``remote`` (a sync_settings.Remote) on a worker thread."""
        from ..services import sync_settings

        try:
            transport = sync_settings.transport_for(remote)
        except JtaiError as error:
            show_error(self.window, error)
            return
        self.task = self.session.tasks.start(
            sync_work(self.session.context, self.session.inspection_id, transport),
            on_finished=self._done,
            on_failed=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        self._set_running(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Stopping…"))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.sync_action.setEnabled(not running)
        self.settings_action.setEnabled(not running)
        if running:
            self.progress.setRange(0, 0)
            self.window.connection_label.setText(self.tr("Syncing…"))

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr(label))

    def _ended(self) -> None:
        self.task = None
        self._set_running(False)
        self._announce()
        self.update_state()

    def _announce(self) -> None:
        """Whatever arrived: every page that listens reloads, and the page on screen too."""
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        self.session.announce("inspection", inspection_id)
        page = self.window.current_page()
        # A page that keeps the default on_changed has just reloaded; one that filters by
        # kind of record may have ignored "inspection", so it reloads now.
        if isinstance(page, Page) and type(page).on_changed is not Page.on_changed:
            page.refresh()

    def _done(self, report) -> None:
        self.last_report = report
        self._ended()
        if report.recovered_ops:
            self.window.statusBar().showMessage(
                self.tr(
                    "This computer's earlier work (%1 changes it had sent before its data folder "
                    "was restored) was fetched back from the team's share."
                ).replace("%1", str(report.recovered_ops)),
                30000,
            )
        if (report.refused or report.held or report.identity) and not self._locked():
            self.show_problems(report)
        self.finished.emit(report)

    def _cancelled(self) -> None:
        self._ended()
        self.window.connection_label.setText(
            self.tr("Sync stopped: what was exchanged is kept; sync again to finish")
        )
        self.cancelled.emit()

    def _failed(self, error: BaseException) -> None:
        from ..sync.transport import OfflineError

        self._ended()
        if isinstance(error, OfflineError):
            self.window.connection_label.setToolTip(error.message)
        elif not self._locked():
            show_error(self.window, error)
        self.failed.emit(error)

    def show_last_problems(self) -> None:
        """What the last sync had to say (this session's, or the one stored before)."""
        from ..services.sync import SyncReport

        report = self.last_report
        if report is None and self.session.inspection_id is not None:
            status = incoming.sync_status(self.session.ws, self.session.inspection_id)
            details = (status["last_ok"] or {}).get("details") or {}
            known = SyncReport.__dataclass_fields__
            report = SyncReport(**{k: v for k, v in details.items() if k in known})
        self.show_problems(report or SyncReport())

    def show_problems(self, report) -> None:
        from .dialogs.sync_dialog import SyncProblemsDialog

        lead = is_lead(self.session.ws, self.session.inspection_id)
        self._open(SyncProblemsDialog(self.session, report, lead, self.window, join=self.join))

    # --- team --------------------------------------------------------------------------
    def invite(self) -> None:
        if self.session.inspection_id is None or not is_lead(
            self.session.ws, self.session.inspection_id
        ):
            return
        from .dialogs.invite_dialog import InviteDialog

        dialog = InviteDialog(self.session, self.window)
        dialog.written.connect(self._invitation_written)
        self._open(dialog)

    def _invitation_written(self, path: str) -> None:
        self.update_state()
        self.window.statusBar().showMessage(
            self.tr(
                "Invitation saved to %1. Give its passphrase to the member separately."
            ).replace("%1", path),
            15000,
        )

    def join(self):
        """Open the Join dialog (returned, so an invitation's path can be filled in)."""
        from .dialogs.join_dialog import JoinDialog

        dialog = JoinDialog(self.session, self.window)
        dialog.joined.connect(self._joined)
        self._open(dialog)
        return dialog

    def _joined(self, inspection_id: str) -> None:
        self.window.welcome.refresh()
        if not self._locked():  # opening would show the inspection above the lock screen
            self.session.open_inspection(inspection_id)

    def _open(self, dialog) -> None:
        """Window-modal but not blocking: the event loop (and any sync) keeps running."""
        self.dialog = dialog
        dialog.open()
