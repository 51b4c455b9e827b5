"""Letting one of the gate's hits through: the lead says why, and the reason is recorded with
who made it and when. Built in code because what it shows is the hit in hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...report.gate import Hit
from ..models.report import hit_kind_label, where_text


class OverrideDialog(QDialog):
    def __init__(
        self,
        hit: Hit,
        context_html: str = "",
        parent: QWidget | None = None,
        names: dict[str, str] | None = None,
    ):
        super().__init__(parent)
        self.names = names or {}
        self.setWindowTitle(self.tr("Let this through"))
        self.hit = hit
        intro = QLabel(
            self.tr(
                "Only let this through if it cannot identify a child, for example a place name "
                "the area has published. Your reason is recorded with your name and the time, "
                "and goes in the export record."
            )
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason for letting this through"))
        self.reason.setPlaceholderText(self.tr("Why this does not identify a child"))
        self.reason.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Let it through"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._details(context_html))
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update_ok)
        self._update_ok()
        self.reason.setFocus()
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def _details(self, context_html: str) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("What:"), _selectable(hit_kind_label(self.hit.kind)))
        form.addRow(self.tr("Where:"), _selectable(where_text(self.hit, self.names)))
        form.addRow(self.tr("Matched text:"), _selectable(self.hit.match))
        if context_html:
            context = QTextBrowser()
            context.setHtml(context_html)
            context.setAccessibleName(self.tr("The text around the match"))
            context.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
            form.addRow(self.tr("&Context:"), context)  # the form makes it the label's buddy
        form.addRow(self.tr("&Reason (required):"), self.reason)
        return form

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_text()))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
