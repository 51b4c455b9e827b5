"""The inspector's evaluation of the area's own audit of a case, and the autosaving text
editor the case screens share.

Did the area see what the inspector saw? The widget keeps what the area's audit said, how
far the inspector agrees, and the inspector's own evaluation; every change saves itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ...domain.errors import JtaiError
from ...services import casework
from ...services.children_queries import audit_evaluation
from ..errors import show_error
from ..models.children import agreement_labels
from .autosave import AUTOSAVE_MS


def try_edit(widget: QWidget, session, action: Callable) -> bool:
    """Run one edit through the session; a refused edit is shown, not raised."""
    try:
        session.edit(action)
    except JtaiError as error:
        show_error(widget, error)
        return False
    return True


class AutosavedText(QPlainTextEdit):
    """Plain text that saves itself after a pause in typing and when focus leaves.

    ``commit`` carries the text to save. ``set_stored`` shows what the services hold, unless
    the user is in the middle of an edit that has not been saved yet.
    """

    commit = Signal(str)
    DEBOUNCE_MS = AUTOSAVE_MS

    def __init__(self, parent: QWidget | None = None, lines: int = 4):
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        self._stored = ""
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)
        self.set_visible_lines(lines)

    def set_visible_lines(self, lines: int) -> None:
        """Height for a few lines of the current font; the rest scrolls."""
        margins = self.contentsMargins()
        height = (
            self.fontMetrics().lineSpacing() * lines
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
            + 4
        )
        self.setMinimumHeight(int(height))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def set_stored(self, text: str | None) -> None:
        self._stored = text or ""
        if self.has_pending() or self.toPlainText() == self._stored:
            return
        position = self.textCursor().position()
        self._loading = True
        self.setPlainText(self._stored)
        self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self._stored)))
        self.setTextCursor(cursor)

    def has_pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Save now if the text differs from what is stored."""
        self._timer.stop()
        text = self.toPlainText()
        if text != self._stored:
            self._stored = text
            self.commit.emit(text)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().focusOutEvent(event)
        self.flush()


class AuditEvaluationWidget(QGroupBox):
    """The area's own audit of one child's case and the inspector's view of it."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(self.tr("The area's own audit"), parent)
        self.session = session
        self.child_id: str | None = None
        self.agency_id: str | None = None  # whose audit: None is the multi-agency audit
        self.area_summary = AutosavedText(lines=3)
        self.area_summary.setAccessibleName(self.tr("What the area's audit said"))
        self.agreement = QComboBox()
        self.agreement.setAccessibleName(self.tr("Agreement with the area's audit"))
        self.agreement.setPlaceholderText(self.tr("Not yet evaluated"))
        self.agreement.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for value, label in agreement_labels().items():
            self.agreement.addItem(label, value)
        self.evaluation = AutosavedText(lines=3)
        self.evaluation.setAccessibleName(self.tr("Your evaluation of the area's audit"))
        self._lay_out()
        self.area_summary.commit.connect(lambda text: self._save(area_summary=text))
        self.evaluation.commit.connect(lambda text: self._save(evaluation=text))
        self.agreement.activated.connect(
            lambda index: self._save(agreement=self.agreement.itemData(index))
        )

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # fits a narrow panel
        # Mnemonics chosen not to clash with the menus (F, E, G, H) or the pages around.
        rows = (
            (self.tr("What the area's a&udit said:"), self.area_summary),
            (self.tr("Ag&reement:"), self.agreement),
            (self.tr("Your evaluati&on:"), self.evaluation),
        )
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.setTabOrder(self.area_summary, self.agreement)
        self.setTabOrder(self.agreement, self.evaluation)

    def set_child(self, child_id: str | None) -> None:
        self.flush()
        self.child_id = child_id
        self.setEnabled(child_id is not None)
        self.reload()

    def reload(self) -> None:
        row = (
            audit_evaluation(self.session.ws, self.child_id, self.agency_id)
            if self.child_id
            else None
        )
        row = row or {}
        self.area_summary.set_stored(row.get("area_summary"))
        self.evaluation.set_stored(row.get("evaluation"))
        self.agreement.setCurrentIndex(self.agreement.findData(row.get("agreement")))

    def flush(self) -> None:
        self.area_summary.flush()
        self.evaluation.flush()

    def _save(self, **values) -> None:
        child_id, agency_id = self.child_id, self.agency_id
        if child_id is None:
            return
        try_edit(
            self,
            self.session,
            lambda ws: casework.set_audit_evaluation(ws, child_id, agency_id=agency_id, **values),
        )
