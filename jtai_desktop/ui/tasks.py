"""Long work off the UI thread. Workers only emit signals; they never touch a widget.

A task is a plain function ``fn(progress, is_cancelled) -> result``: ``progress(done, total,
label)`` reports, ``is_cancelled()`` is polled. Work that reads or writes the database gets
its own connection from the context, so the UI thread's connection is never shared.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

TaskFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    def __init__(self, fn: TaskFn):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the handle outlives run() so cancel() stays safe

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self.is_cancelled)
        except Exception as error:  # reported to the UI thread, which shows it
            self.signals.failed.emit(error)
            return
        if self.is_cancelled():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a private pool and keeps them alive until they end."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(
        self, fn: TaskFn, *, on_finished=None, on_failed=None, on_progress=None, on_cancelled=None
    ) -> Task:
        """Start ``fn`` in the pool. Handlers are connected before it starts, so even a task
        that ends at once is heard."""
        task = Task(fn)
        for signal, handler in (
            (task.signals.finished, on_finished),
            (task.signals.failed, on_failed),
            (task.signals.progress, on_progress),
            (task.signals.cancelled, on_cancelled),
        ):
            if handler is not None:
                signal.connect(handler)
        self._running.add(task)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(lambda *_, t=task: self._running.discard(t))
        self.pool.start(task)
        return task

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
