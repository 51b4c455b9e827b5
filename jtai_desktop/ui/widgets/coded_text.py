"""Coding a text editor's passages: highlights in the text and a margin list of its codes.

``CodedText`` attaches to a ``QPlainTextEdit`` showing one record's text (a note, a case
review's observation, an evidence item's description). Ctrl+M on a selection opens the code
picker; the codes are shown as highlights (green for a strength, amber for a concern, a
dotted underline where a code's words moved or are gone after an edit) and listed in the
margin, where Enter edits the chosen code, Delete removes it and moving to one selects its
passage. Every change is one undoable edit through the session. The highlights are extra
selections, so they never change the document (or what its autosave saves).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.coding import EXACT, LOST, MARKS, MOVED, STRENGTH, VOICES
from ...services.coding import (
    PlacedCode,
    add_code,
    placed_codes,
    placed_in,
    remove_code,
    update_code,
)
from ..dialogs.code_picker import CodePicker
from ..errors import try_edit
from ..models.roles import AnyIndex, RecordIdRole
from ..shortcuts import bind, key_text
from ..views import on_delete_key

COLOURS = {"strength": "#c9ecd2", "concern": "#fde2b8"}
INK = "#1b1b1b"  # dark text on the light highlight, whatever the theme

Choices = tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]


class CodesModel(QAbstractListModel):
    """The margin list: one entry per code, in the order its passage comes in the text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.codes: list[PlacedCode] = []
        self.names: dict[str, str] = {}

    def set_codes(self, codes: list[PlacedCode], names: dict[str, str]) -> None:
        self.beginResetModel()
        self.codes, self.names = codes, names
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self.codes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        code = self.codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._entry(code)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"“{code.row['quote']}”"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS.get(code.row["mark"], "#eeeeee")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(INK))
        if role == RecordIdRole:
            return code.id
        return None

    def _entry(self, code: PlacedCode) -> str:
        row = code.row
        heading = f"{row['criterion_id']} · {self.tr(MARKS.get(row['mark'], row['mark']))}"
        if row.get("voice"):
            heading += f" · {self.tr(VOICES.get(row['voice'], row['voice']))}"
        names = ", ".join(self.names.get(a, self.tr("(removed)")) for a in row["agencies"] or [])
        lines = [heading, names]
        if code.anchor.status == MOVED:
            lines.append(self.tr("(its words moved with an edit)"))
        elif code.anchor.status == LOST:
            lines.append(self.tr("(its words are no longer in the text)"))
        return "\n".join(lines)

    def row_of(self, code_id: str) -> int:
        return next((n for n, c in enumerate(self.codes) if c.id == code_id), -1)


class CodedText(QWidget):
    """The margin list, and the coding it adds to ``editor``."""

    coded = Signal(str)  # a new code's id

    def __init__(
        self,
        session,
        editor: QPlainTextEdit,
        source: Callable[[], tuple[str, str] | None],
        choices: Callable[[], Choices],
        save_first: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
        criterion: str | None = None,
    ):
        """``source()`` names the record shown (kind, id), or None; ``choices()`` gives the
        criteria and organisations as (id, label) and the organisations the record itself
        names (ticked first in the picker); ``save_first()`` saves what was typed, so the
        passage is coded in the text as stored (False: it could not be saved); ``criterion``
        is chosen first in the picker (a case review's own)."""
        super().__init__(parent)
        self.session, self.editor = session, editor
        self._source, self._choices, self._save_first = source, choices, save_first
        self._criterion = criterion
        self.model = CodesModel(self)
        self.picker: CodePicker | None = None  # the one open, for tests and screenshots
        self._build()
        self.action = QAction(self.tr("Code the selection…"), editor)
        bind(self.action, "coding.code", Qt.ShortcutContext.WidgetShortcut)
        self.action.triggered.connect(self.code_selection)
        editor.addAction(self.action)
        editor.textChanged.connect(self.place)
        session.changed.connect(self._on_changed)

    def _build(self) -> None:
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Codes of this text"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.activated.connect(lambda index: self.edit_code(index.data(RecordIdRole)))
        self.view.selectionModel().currentChanged.connect(self._select_passage)
        on_delete_key(self.view, self.remove_current)
        heading = QLabel(
            self.tr("Co&des: %1 codes the selected words").replace("%1", key_text("coding.code"))
        )
        heading.setBuddy(self.view)
        heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setMinimumWidth(180)

    # --- showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the record's codes again (they changed, or another record is shown)."""
        source = self._source()
        if source is None:
            self.model.set_codes([], {})
        else:
            names = dict(self._choices()[1])
            codes = placed_codes(self.session.ws, *source, self.editor.toPlainText())
            self.model.set_codes(codes, names)
        self._say("")
        self._highlight()

    def place(self) -> None:
        """The text changed as it is typed: anchor the codes shown in it again (no reading,
        nothing saved)."""
        if not self.model.codes:
            return
        text = self.editor.toPlainText()
        codes = [PlacedCode(c.row, placed_in(text, c.row)) for c in self.model.codes]
        self.model.set_codes(codes, self.model.names)
        self._highlight()

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "code" and self._source() is not None:
            self.reload()  # an undo or redo of a code, or one arriving by sync

    def _highlight(self) -> None:
        selections = []
        for code in self.model.codes:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(code.anchor.start)
            cursor.setPosition(code.anchor.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(COLOURS.get(code.row["mark"], "#eeeeee"))))
            fmt.setForeground(QBrush(QColor(INK)))
            if code.anchor.status != EXACT:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _select_passage(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            return
        code = self.model.codes[current.row()]
        cursor = self.editor.textCursor()
        cursor.setPosition(code.anchor.start)
        cursor.setPosition(code.anchor.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # --- editing -----------------------------------------------------------------------------
    def code_selection(self) -> CodePicker | None:
        """Open the picker on the editor's selection; accepting it codes the passage. The
        picker is window-modal but opened without a nested event loop (``open``)."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            self._say(
                self.tr("Select the words to code first, then press %1.").replace(
                    "%1", key_text("coding.code")
                )
            )
            return None
        if not self._save_first() or self._source() is None:
            self._say(self.tr("The text could not be saved, so it cannot be coded yet."))
            return None
        source = self._source()
        assert source is not None  # checked just above
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        picker = self._picker(self.editor.toPlainText()[start:end])
        picker.preset(self._criterion, self._choices()[2], STRENGTH, None)
        picker.accepted.connect(lambda: self._add(source, start, end, picker.choice()))
        picker.open()
        return picker

    def _add(self, source: tuple[str, str], start: int, end: int, choice: dict) -> None:
        changes = try_edit(
            self, self.session, lambda ws: add_code(ws, *source, start=start, end=end, **choice)
        )
        if changes is None:
            return
        self.reload()
        self.view.setCurrentIndex(self.model.index(self.model.row_of(changes.entity_id)))
        self.editor.setFocus()
        self.coded.emit(changes.entity_id)

    def edit_code(self, code_id: str | None) -> CodePicker | None:
        row = next((c.row for c in self.model.codes if c.id == code_id), None)
        if row is None or code_id is None:
            return None
        picker = self._picker(row["quote"])
        picker.setWindowTitle(self.tr("Edit the code"))
        picker.preset(row["criterion_id"], row["agencies"] or [], row["mark"], row.get("voice"))
        picker.accepted.connect(lambda: self._update(code_id, picker.choice()))
        picker.open()
        return picker

    def _update(self, code_id: str, choice: dict) -> None:
        try_edit(self, self.session, lambda ws: update_code(ws, code_id, **choice))
        self.reload()

    def remove_current(self) -> None:
        code_id = self.view.currentIndex().data(RecordIdRole)
        if code_id:
            try_edit(self, self.session, lambda ws: remove_code(ws, code_id))
            self.reload()

    def _picker(self, quote: str) -> CodePicker:
        criteria, organisations, _named = self._choices()
        self.picker = CodePicker(quote, criteria, organisations, self)
        self.picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self.picker
