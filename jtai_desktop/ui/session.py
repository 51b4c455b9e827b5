"""The open inspection as the desktop sees it: the workspace, the undo stack, the background
tasks and the signals that tell every page what changed.

Every edit made from the UI goes through ``InspectionSession.edit``: the service call runs,
its change set goes on the undo stack, and ``changed`` tells every page what to refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..services.changes import ChangeSet
from ..services.data_folder import AppContext
from ..services.workspace import Workspace, clock_stamps
from .commands import ChangeSetCommand
from .tasks import TaskRunner
from .time_text import clock_now


class InspectionSession(QObject):
    changed = Signal(str, str)  # entity kind, record id
    # After the last ``changed`` of one edit, undo or sync: every record it changed has been
    # announced (a page that reads all it shows once per edit waits for this).
    changes_announced = Signal()
    saved = Signal(str)  # when (HH:MM:SS), after every successful write
    inspection_opened = Signal(str)  # inspection id
    failed = Signal(object)  # an error raised while undoing or redoing
    removed = Signal(str)  # something was deleted (in words): the window offers Undo
    auto_lock_minutes_changed = Signal(int)  # the inspector chose another auto-lock time

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        context.workspace.keep_drafts()  # autosaves write over their own unsent edits
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)  # long work off the UI thread
        self.inspection_id: str | None = None
        # The child last chosen on any page: the case review page opens on it.
        self.current_child: str | None = None
        self._clock_task_started = False

    @property
    def ws(self) -> Workspace:
        return self.context.workspace

    def resume_clock_in_background(self) -> None:
        """The first edit of a session resumes the workspace's clock from the change log, a
        scan of it (about 0.4 s on a large inspection) that would freeze the window at the
        first keystroke saved: read it on a worker's connection while nobody types. A write
        before it ends resumes the clock itself, and the stamps read here are then dropped."""
        if self._clock_task_started:
            return
        self._clock_task_started = True
        context, device_id = self.context, self.ws.device_id

        def work(_progress, _is_cancelled):
            db = context.worker_database()
            try:
                return clock_stamps(db, device_id)
            finally:
                db.close()

        # On failure (the folder locked meanwhile) nothing is lost: the first write reads them.
        self.tasks.start(work, on_finished=self.ws.adopt_clock, on_failed=lambda _error: None)

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.current_child = None
        self.undo_stack.clear()
        self.inspection_opened.emit(inspection_id)

    def edit(self, action: Callable[[Workspace], ChangeSet]) -> ChangeSet:
        """Run one edit through the services and make it undoable. Errors propagate."""
        changes = action(self.ws)
        self.record(changes)
        return changes

    def record(self, changes: ChangeSet) -> None:
        """Make an edit already done elsewhere (e.g. by a background import) undoable."""
        if changes.has_effect:
            self.undo_stack.push(ChangeSetCommand(self, changes))
            self._announce(changes)

    def replay(self, changes: ChangeSet) -> None:
        try:
            self.ws.apply(changes)
        except Exception as error:  # shown by the window; the stack stays usable
            self.failed.emit(error)
            return
        self._announce(changes)

    def _announce(self, changes: ChangeSet) -> None:
        for change in changes.changes:
            self.changed.emit(change.entity, change.entity_id)
        self.changes_announced.emit()
        self.saved.emit(clock_now())

    def announce(self, entity: str, record_id: str) -> None:
        """Tell every page that a record changed elsewhere (a sync brought new work)."""
        self.changed.emit(entity, record_id)
        self.changes_announced.emit()
