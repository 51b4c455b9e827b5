"""One open conflict: every competing value side by side, and the ways to settle it.

The lead picks a value, combines them (text joined with a blank line, lists merged), or
edits a combined text. The view only asks (``resolve_requested(value)``); the page does the
edit through the session so it is undoable and attributed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..models.conflicts import DELETED, field_label, value_text
from ..time_text import local_time
from .three_way_diff import Side, ThreeWayDiff, changed_words

FREE_TEXT = {
    "text",
    "title",
    "observation",
    "summary",
    "area_summary",
    "evaluation",
    "description",
    "heading",
    "reason",
}
LONG_TEXT = 120
SEPARATOR = "\n\n"


def is_long_text(values: list) -> bool:
    return any(isinstance(v, str) and (len(v) > LONG_TEXT or "\n" in v) for v in values)


def combined(field: str, values: list):
    """Both (or all) values kept: texts one after another, lists merged; None if the field's
    values cannot be combined (a choice, a date, a yes/no)."""
    if field in FREE_TEXT and all(isinstance(v, str) for v in values):
        return SEPARATOR.join(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    if values and all(isinstance(v, list) for v in values):
        merged: list = []
        for value in values:
            merged += [item for item in value if item not in merged]
        return merged
    return None


class ConflictView(QWidget):
    resolve_requested = Signal(object)  # the value that settles the conflict
    history_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict: dict | None = None
        self._pick_values: list = []
        self._build()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.lead_only = QLabel(
            self.tr(
                "Only the lead inspector settles conflicts. Tell your lead which value is right."
            )
        )
        self.lead_only.setWordWrap(True)
        self.diff = ThreeWayDiff()
        self.diff.picked.connect(lambda n: self.resolve_requested.emit(self._pick_values[n]))
        self.combine_button = QPushButton(self.tr("Com&bine both"))
        self.combine_button.setToolTip(self.tr("Keep every value: texts one after another"))
        self.edit_button = QPushButton(self.tr("Edit a combined &value…"))
        self.open_button = QPushButton(self.tr("&Open the record"))
        self.history_button = QPushButton(self.tr("Hi&story…"))
        self.combine_button.clicked.connect(self._combine)
        self.edit_button.clicked.connect(self._start_editing)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.history_button.clicked.connect(self.history_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.summary, self.lead_only):
            layout.addWidget(widget)
        layout.addWidget(self.diff, 3)
        layout.addLayout(self._actions())
        layout.addWidget(self._editor(), 2)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in (self.combine_button, self.edit_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.open_button, self.history_button):
            row.addWidget(button)
        return row

    def _editor(self) -> QWidget:
        self.editor_panel = QWidget()
        self.editor_label = QLabel(self.tr("Combined &text:"))
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Combined text"))
        self.editor_label.setBuddy(self.editor)
        self.use_button = QPushButton(self.tr("&Use the combined text"))
        self.cancel_button = QPushButton(self.tr("Cancel editing"))
        self.use_button.clicked.connect(
            lambda: self.resolve_requested.emit(self.editor.toPlainText())
        )
        self.cancel_button.clicked.connect(self._stop_editing)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self.editor_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.editor_label)
        column.addWidget(self.editor, 1)
        column.addLayout(buttons)
        self.editor_panel.hide()
        return self.editor_panel

    # --- showing a conflict ------------------------------------------------------------
    def set_conflict(
        self,
        conflict: dict | None,
        ancestor: dict | None = None,
        op_fields: dict[str, str] | None = None,
        can_resolve: bool = True,
    ) -> None:
        self.conflict = conflict
        self._stop_editing()
        if conflict is None:
            self.diff.show_values([])
            return
        values = [v["value"] for v in conflict["values"]]
        self.summary.setText(
            self.tr("%1 — %2: %3 competing values")
            .replace("%1", conflict["record"])
            .replace("%2", field_label(conflict["field"]))
            .replace("%3", str(len(values)))
        )
        self.lead_only.setVisible(not can_resolve)
        if conflict["field"] == DELETED:
            self._show_deletion(conflict, op_fields or {}, can_resolve)
        else:
            self._show_values(conflict, ancestor, can_resolve)
        mergeable = combined(conflict["field"], values) is not None
        self.combine_button.setEnabled(can_resolve and mergeable)
        self.edit_button.setEnabled(
            can_resolve and mergeable and all(isinstance(v, str) for v in values)
        )

    def _show_values(self, conflict: dict, ancestor: dict | None, can_resolve: bool) -> None:
        values = conflict["values"]
        raw = [v["value"] for v in values]
        texts = [v if isinstance(v, str) else value_text(v, 10_000) for v in raw]
        base = None
        if ancestor is not None and is_long_text(raw) and isinstance(ancestor["value"], str):
            base = Side(
                self.tr("Common ancestor") + "\n" + f"{ancestor['author']}, "
                f"{local_time(ancestor['at'])}",
                ancestor["value"],
            )
        sides = [
            Side(self._heading(v, base, text), text, v["author"]) for v, text in zip(values, texts)
        ]
        self._pick_values = raw
        picks = [
            self.tr("Keep %1's value (&%2)").replace("%1", v["author"]).replace("%2", str(n))
            for n, v in enumerate(values, 1)
        ]
        self.diff.show_values(sides, base, can_resolve, picks)

    def _heading(self, value: dict, base: Side | None, text: str) -> str:
        heading = f"{value['author']}, {local_time(value['at'])}"
        if base is None:
            return heading
        added, removed = changed_words(base.text, text)
        return (
            heading
            + "\n"
            + self.tr("%1 words added, %2 removed")
            .replace("%1", str(added))
            .replace("%2", str(removed))
        )

    def _show_deletion(self, conflict: dict, op_fields: dict[str, str], can_resolve: bool) -> None:
        sides, picks, self._pick_values = [], [], []
        for n, value in enumerate(conflict["values"], 1):
            field = op_fields.get(value["op_id"], DELETED)
            deletes = field == DELETED and bool(value["value"])
            if field == DELETED:
                text = self.tr("Deleted the record") if deletes else self.tr("Kept the record")
            else:
                text = (
                    self.tr("Changed %1 to:").replace("%1", field_label(field).lower())
                    + "\n"
                    + value_text(value["value"], 10_000)
                )
            heading = f"{value['author']}, {local_time(value['at'])}"
            sides.append(Side(heading, text, value["author"]))
            picks.append(
                (
                    self.tr("Delete the record (&%1)")
                    if deletes
                    else self.tr("Keep the record (&%1)")
                ).replace("%1", str(n))
            )
            self._pick_values.append(deletes)
        self.diff.show_values(sides, None, can_resolve, picks)

    # --- combining ---------------------------------------------------------------------
    def _combine(self) -> None:
        if self.conflict is not None:
            values = [v["value"] for v in self.conflict["values"]]
            self.resolve_requested.emit(combined(self.conflict["field"], values))

    def _start_editing(self) -> None:
        if self.conflict is None:
            return
        self.editor.setPlainText(
            combined(self.conflict["field"], [v["value"] for v in self.conflict["values"]])
        )
        self.editor_panel.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_editing(self) -> None:
        self.editor_panel.hide()
        self.editor.clear()
