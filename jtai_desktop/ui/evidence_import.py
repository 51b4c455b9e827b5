"""Importing evidence files off the UI thread.

The task checks each file through the safe-import gate (inside ``add_evidence``), stores it
encrypted and logs it, on a database connection of its own. Files are done one at a time and
cancelling is checked between them, so a cancelled import never leaves a half-stored item:
what was imported stays (and can be undone), the rest was never started. Files the gate
refuses are collected with their reasons and reported together at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..domain.errors import JtaiError, StoreError
from ..domain.records import EvidenceSource
from ..services.changes import ChangeSet, combined
from ..services.evidence import add_evidence
from .session import InspectionSession

DEFAULT_SOURCE = EvidenceSource.AREA_DOCUMENT.value


@dataclass
class ImportOutcome:
    """What one import did. The worker fills it; the UI reads it only after the task ended."""

    total: int
    changes: list[ChangeSet] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one message per file, naming it
    cancelled: bool = False
    error: BaseException | None = None

    @property
    def imported(self) -> int:
        return len(self.changes)

    @property
    def evidence_ids(self) -> list[str]:
        return [changes.entity_id for changes in self.changes]

    def combined(self) -> ChangeSet | None:
        """All the imported items as one undoable edit."""
        if not self.changes:
            return None
        return combined(f"Import evidence ({self.imported} files)", self.changes)


def import_files(
    context,
    inspection_id: str,
    paths: list[Path],
    outcome: ImportOutcome,
    today: date | None = None,
):
    """The task function for ``TaskRunner.start``: ``fn(progress, is_cancelled)``."""
    when = today or date.today()

    def run(progress, is_cancelled) -> ImportOutcome:
        ws = context.worker_workspace()  # this thread's own connection, same identity table
        try:
            for done, path in enumerate(paths):
                if is_cancelled():
                    outcome.cancelled = True
                    break
                progress(done, len(paths), path.name)
                _import_one(ws, inspection_id, path, when, outcome)
            progress(outcome.imported + len(outcome.refused), len(paths), "")
        finally:
            ws.db.close()
        return outcome

    return run


def _import_one(ws, inspection_id: str, path: Path, when: date, outcome: ImportOutcome) -> None:
    try:
        changes = add_evidence(
            ws,
            inspection_id,
            title=path.stem or path.name,
            source=DEFAULT_SOURCE,
            date=when,
            path=path,
        )
    except JtaiError as refusal:  # the gate's refusals name the file and say what to do
        if _is_storage_failure(refusal):
            raise
        outcome.refused.append(refusal.message)
        return
    outcome.changes.append(changes)


def _is_storage_failure(error: JtaiError) -> bool:
    """A full disk or a damaged store stops the whole import rather than skipping a file."""
    return isinstance(error, StoreError)


def start_task(
    session: InspectionSession, fn, *, progress=None, finished=None, cancelled=None, failed=None
):
    """Start ``fn`` on the session's task runner, its handlers connected before it runs."""
    return session.tasks.start(
        fn, on_progress=progress, on_finished=finished, on_cancelled=cancelled, on_failed=failed
    )


class EvidenceImporter(QObject):
    """Runs imports for one session and makes what they did undoable."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # the ImportOutcome, also after a cancel or a failure

    def __init__(self, session: InspectionSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.task = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, paths: list[Path]) -> ImportOutcome | None:
        """Start importing; None when an import is already running or nothing was given."""
        paths = [Path(p) for p in paths]
        if self.running or not paths or not self.session.inspection_id:
            return None
        inspection_id = self.session.inspection_id
        self.session.ws.author_for(inspection_id)  # not a member here: refuse before starting
        outcome = ImportOutcome(len(paths))
        self.task = start_task(
            self.session,
            import_files(self.session.context, inspection_id, paths, outcome),
            progress=self.progress,  # forwarded signal to signal, queued to this thread
            finished=lambda _result: self._ended(outcome),
            cancelled=lambda: self._ended(outcome, cancelled=True),
            failed=lambda error: self._ended(outcome, error=error),
        )
        return outcome

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _ended(
        self, outcome: ImportOutcome, cancelled: bool = False, error: BaseException | None = None
    ) -> None:
        self.task = None
        outcome.cancelled = outcome.cancelled or cancelled
        outcome.error = error
        combined = outcome.combined()
        if combined is not None:
            self.session.record(combined)
        self.finished.emit(outcome)
