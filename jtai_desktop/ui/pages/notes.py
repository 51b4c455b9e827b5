"""Meetings and interviews: the list of notes and the editor of the chosen one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.records import NoteKind
from ...services.children import child_choices
from ...services.inspections import agency_choices, criterion_choices
from ...services.notes import add_note, delete_note, notes_list
from ..errors import try_delete, try_edit
from ..models.notes import DATE, TITLE, NotesFilter, NotesModel, kind_labels
from ..models.roles import RecordIdRole
from ..shortcuts import key_text, shortcut
from ..views import (
    buddy_label,
    empty_hint,
    on_delete_key,
    record_list_view,
    select_record,
    show_new_values,
)
from ..widgets.note_editor import NoteEditor
from .base import Page

CHOICE_ENTITIES = ("child", "agency", "inspection")


class NotesPage(Page):
    key = "notes"
    watches = ("note", *CHOICE_ENTITIES)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = NotesModel(self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.editor = NoteEditor(session)
        self._reselecting = False
        splitter = QSplitter()
        splitter.addWidget(self._list_panel())
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._shortcuts()

    # --- layout ----------------------------------------------------------------------------
    def _list_panel(self) -> QWidget:
        panel = QWidget()
        self.new_button = QPushButton(self.tr("&New note"))
        self.new_button.setToolTip(
            self.tr("Add a note of a meeting, interview, focus group or observation (%1)").replace(
                "%1", key_text("notes.new")
            )
        )
        self.new_button.clicked.connect(self.new_note)
        self.delete_button = QPushButton(self.tr("De&lete note"))
        self.delete_button.setToolTip(
            self.tr("Delete the chosen note (Delete). Undo brings it back.")
        )
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(self._filters())
        layout.addWidget(self._view())
        return panel

    def _filters(self) -> QHBoxLayout:
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for value, label in kind_labels(self).items():
            self.kind_filter.addItem(label, value)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData())
        )
        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setPlaceholderText(self.tr("Words in the title or text"))
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("Sho&w:"), self.kind_filter),
            (self.tr("&Search:"), self.text_filter),
        ):
            row.addWidget(buddy_label(text, widget))
            row.addWidget(widget, 1)
        return row

    def _view(self) -> QTableView:
        view = record_list_view(
            self.proxy, self.tr("Notes"), TITLE, DATE, Qt.SortOrder.DescendingOrder
        )
        view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view = view
        self.empty_hint = empty_hint(
            view,
            self.tr(
                "No notes yet. Press New note (%1) to record a meeting, interview, focus "
                "group or observation."
            ).replace("%1", key_text("notes.new")),
            self.tr("No note matches: choose All kinds, or clear the search."),
        )
        return view

    def _shortcuts(self) -> None:
        # Also from the section list.
        shortcut("notes.new", self, self.new_note, Qt.ShortcutContext.WindowShortcut)
        on_delete_key(self.view, self.delete_current)

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        self.editor.set_choices(
            child_choices(ws, inspection_id),
            agency_choices(ws, inspection_id),
            criterion_choices(ws, inspection_id),
        )
        self._reload_list()

    def _reload_list(self) -> None:
        current = self.editor.note_id
        self._reselecting = True
        try:
            inspection_id = self.session.inspection_id
            self.model.set_rows(notes_list(self.session.ws, inspection_id) if inspection_id else [])
            self._select(current)
        finally:
            self._reselecting = False
        row = self.session.ws.get("note", current) if current else None
        if row and row["inspection_id"] != self.session.inspection_id:
            row = None  # another inspection was opened
        self.editor.sync(row)

    def _reload_note(self, note_id: str) -> None:
        """One note changed (an autosave while typing, an undo): read that note, not all of
        them (on 2,000 notes listing them all again took 85-130 ms at every pause in the
        typing). A note added, deleted or of another inspection lists them all again."""
        row = self.session.ws.get("note", note_id)
        # (The chosen note's line may move; choosing it again changes nothing: _on_current.)
        if not show_new_values(self.model, row, self.session.inspection_id):
            self._reload_list()
        elif note_id == self.editor.note_id:
            self.editor.sync(row)

    def on_changed(self, entity: str, record_id: str) -> None:
        if not self.session.inspection_id:
            return
        if not self.isVisible():
            self.note_hidden_change(entity)  # reloaded when shown
            return
        if entity == "note":
            self._reload_note(record_id)
        elif entity in CHOICE_ENTITIES:
            self.refresh()

    def show_record(self, entity: str, record_id: str) -> None:
        self.text_filter.clear()
        self.kind_filter.setCurrentIndex(0)
        if self.model.row_of(record_id) < 0:
            self.refresh()
        self._select(record_id)
        self.view.setFocus()

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of: the note open in the editor."""
        return ("note", self.editor.note_id) if self.editor.note_id else None

    def _select(self, note_id: str | None) -> None:
        select_record(self.view, self.proxy, self.model, note_id)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._reselecting:
            return
        note_id = current.data(RecordIdRole) if current.isValid() else None
        if note_id == self.editor.note_id:
            return
        if not self.editor.flush():  # keep the user on a note whose edits are not yet saved
            self._reselecting = True
            self._select(self.editor.note_id)
            self._reselecting = False
            return
        self.editor.open_note(self.session.ws.get("note", note_id) if note_id else None)

    # --- editing -----------------------------------------------------------------------------
    def new_note(self) -> None:
        if not self.session.inspection_id or not self.editor.flush():
            return
        inspection_id = self.session.inspection_id
        title = self.tr("New note")
        changes = try_edit(
            self,
            self.session,
            lambda ws: add_note(
                ws, inspection_id, kind=NoteKind.MEETING.value, date=date.today(), title=title
            ),
        )
        if changes is None:
            return
        self.text_filter.clear()
        self.kind_filter.setCurrentIndex(0)
        self._select(changes.entity_id)
        self.editor.focus_title()

    def delete_current(self) -> None:
        note_id = self.editor.note_id
        if not note_id:
            return
        row = self.session.ws.get("note", note_id)
        title = (row["title"] if row else "") or self.tr("(untitled)")
        self.editor.open_note(None)  # its pending edits go with it; undo brings the note back
        what = self.tr("Deleted the note “%1”.").replace("%1", title)
        try_delete(self, self.session, what, lambda ws: delete_note(ws, note_id))
        self.view.setFocus()

    def selected_id(self) -> str | None:
        return self.editor.note_id

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.editor.flush()
        super().hideEvent(event)
