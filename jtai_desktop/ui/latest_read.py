"""Reading for a page off the UI thread, where only the newest reading is shown.

A page asks with ``request(read)``: ``read(ws)`` runs on a worker with its own database
connection and returns what the page shows. A request made while another is running makes
the older one's result stale: it is dropped, so what is shown never goes back in time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Read = Callable[[Any], Any]  # (worker Workspace) -> result


class LatestRead(QObject):
    loaded = Signal(object)  # the newest request's result
    failed = Signal(object)  # the newest request's error
    busy_changed = Signal(bool)
    _done = Signal(object)  # (generation, result or error), from the worker

    def __init__(self, session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._generation = 0
        self._running = 0
        self._done.connect(self._on_done)  # connected before any task: none ends unheard

    @property
    def busy(self) -> bool:
        return self._running > 0

    def request(self, read: Read) -> None:
        self._generation += 1
        generation, context, done = self._generation, self.session.context, self._done

        def work(_progress, _is_cancelled):
            ws = context.worker_workspace()
            try:
                result = read(ws)
            except Exception as error:  # handed to the UI thread, which shows it
                result = error
            finally:
                ws.db.close()
            done.emit((generation, result))

        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self.session.tasks.start(work)

    def _on_done(self, outcome) -> None:
        generation, result = outcome
        self._running -= 1
        if generation == self._generation:
            (self.failed if isinstance(result, BaseException) else self.loaded).emit(result)
        if self._running == 0:
            self.busy_changed.emit(False)
