"""What the invite and join dialogs share: a form whose action runs as a background task,
with a busy bar, inline refusals, and no closing while the task runs."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QProgressBar, QWidget

from ...domain.errors import JtaiError
from ..errors import show_error


class TaskForm(Protocol):
    """What a task dialog's Designer form has."""

    busyBar: QProgressBar
    errorLabel: QLabel


class TaskDialog(QDialog):
    """Subclasses set ``self.ui`` (with ``busyBar`` and ``errorLabel``), ``self.task``, and
    name the controls to disable while busy and the field a refusal points at."""

    ui: TaskForm
    task: object | None = None

    def busy_widgets(self) -> tuple[QWidget, ...]:
        raise NotImplementedError

    def refused_field(self) -> QWidget:
        raise NotImplementedError

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(error, JtaiError):
            self._refuse(error.message, self.refused_field())
        else:
            show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        for widget in self.busy_widgets():
            widget.setEnabled(not busy)
        if busy:
            self.ui.errorLabel.hide()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()

    def reject(self) -> None:
        if self.task is None:  # the work is one transaction: it cannot be stopped half-way
            super().reject()
