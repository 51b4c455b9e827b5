"""The editor of one note: kind, date, title, attendees, children, criteria, consent, text.

It saves itself: a short pause after typing, leaving a field, choosing another note or
ticking a box saves the fields that changed as one undoable edit. While children or families
took part without recorded consent nothing is saved, and the reason is shown inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedLayout,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.record_types import Row
from ...services.notes import update_note
from ..errors import try_edit
from ..models.attendees import AGENCY, ROLE, AgencyDelegate, AttendeesModel, RoleDelegate
from ..models.notes import kind_labels
from ..time_text import iso_date, qdate, setup_date_edit
from ..views import AlertLabel, buddy_label, placeholder_label
from .autosave import Autosave
from .checklist import Checklist
from .coded_text import CodedText

ID_LISTS = ("children", "criteria")  # compared as sets: their order carries no meaning


class AttendeesEditor(QWidget):
    """Attendees by job title and agency, with buttons to add and remove rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AttendeesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Attendees by role and agency"))
        self.view.setItemDelegateForColumn(ROLE, RoleDelegate(self.view))
        self.view.setItemDelegateForColumn(AGENCY, AgencyDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("&Add attendee"))
        self.add_button.setToolTip(
            self.tr("Add a row: job title, e.g. social worker, and agency. Never a person's name.")
        )
        self.remove_button = QPushButton(self.tr("Re&move attendee"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        hint = QLabel(self.tr("Record staff by job title, e.g. social worker, never by name."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def add_row(self) -> None:
        index = self.model.index(self.model.add_row(), ROLE)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_current(self) -> None:
        self.model.remove_row(self.view.currentIndex().row())


class NoteEditor(QWidget):
    failed = Signal(str)  # a save the services refused (shown inline as well)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.note_id: str | None = None
        self._stored: dict = {}
        self._agencies: list = []
        self._criteria: list = []
        self._loading = False
        self.autosave = Autosave(None, self.save, self)  # the title, the date and the text
        self._build()
        self._connect()
        self.open_note(None)

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.placeholder = placeholder_label(
            self.tr("Choose a note in the list, or press New note.")
        )
        self.form = QWidget()
        stack = QStackedLayout(self)
        stack.addWidget(self.placeholder)
        stack.addWidget(self.form)
        self._stack = stack
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._details())
        splitter.addWidget(self._text_box())
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _details(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.kind = QComboBox()
        for value, label in kind_labels(self).items():
            self.kind.addItem(label, value)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        setup_date_edit(self.date)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What the meeting or interview was about"))
        form.addRow(buddy_label(self.tr("&Kind:"), self.kind), self._kind_and_date())
        form.addRow(buddy_label(self.tr("T&itle:"), self.title), self.title)
        self.present = QCheckBox(self.tr("Children or families took &part"))
        self.consent = QCheckBox(self.tr("Consent rec&orded"))
        ticks = QHBoxLayout()
        ticks.addWidget(self.present)
        ticks.addWidget(self.consent)
        ticks.addStretch(1)
        form.addRow(ticks)
        self.warning = AlertLabel()
        form.addRow(self.warning)
        form.addRow(self._choices())
        return box

    def _kind_and_date(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(buddy_label(self.tr("&Date:"), self.date))
        row.addWidget(self.date)
        return row

    def _choices(self) -> QTabWidget:
        self.attendees = AttendeesEditor()
        self.children_list = Checklist(self.tr("Children discussed"))
        self.criteria_list = Checklist(self.tr("Criteria the note speaks to"))
        tabs = QTabWidget()
        tabs.addTab(self.attendees, self.tr("A&ttendees"))
        tabs.addTab(self.children_list, self.tr("Child&ren discussed"))
        tabs.addTab(self.criteria_list, self.tr("&Criteria"))
        tabs.setTabToolTip(2, self.tr("The criteria of the theme this note speaks to"))
        self.tabs = tabs
        return tabs

    def _text_box(self) -> QWidget:
        box = QWidget()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What was said and seen. Children by pseudonym only."))
        self.error = AlertLabel()
        self.codes = CodedText(
            self.session,
            self.text,
            source=lambda: ("note", self.note_id) if self.note_id else None,
            choices=self._coding_choices,
            save_first=self.flush,
        )
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.text)
        beside.addWidget(self.codes)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 1)
        beside.setChildrenCollapsible(False)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(buddy_label(self.tr("Note te&xt:"), self.text))
        layout.addWidget(beside, 1)
        layout.addWidget(self.error)
        return box

    def _coding_choices(self):
        """Criteria and organisations to code a passage with; the note's attendees'
        organisations are ticked first."""
        named = [a.get("agency") for a in self.attendees.model.attendees() if a.get("agency")]
        return self._criteria, self._agencies, list(dict.fromkeys(named))

    def _connect(self) -> None:
        self.title.textEdited.connect(self.schedule)
        self.title.editingFinished.connect(self.save)
        self.text.textChanged.connect(self.schedule)
        for field in (self.title, self.date, self.text):
            self.autosave.watch(field)
        self.date.dateChanged.connect(self.schedule)
        self.date.editingFinished.connect(self.save)
        self.kind.activated.connect(self.save)
        self.present.toggled.connect(self.save)
        self.consent.toggled.connect(self.save)
        self.children_list.toggled.connect(self.save)
        self.criteria_list.toggled.connect(self.save)
        self.attendees.model.edited.connect(self.save)

    # --- what the page calls -----------------------------------------------------------------
    def set_choices(self, children, agencies, criteria) -> None:
        self._agencies, self._criteria = list(agencies), list(criteria)
        self.children_list.set_choices(children)
        self.criteria_list.set_choices(criteria)
        self.attendees.model.set_agencies(agencies)

    def open_note(self, row: Row | None) -> None:
        """Show another note (or none). Call ``flush`` first to keep the current one's edits."""
        self.autosave.cancel()
        self.note_id = row["id"] if row else None
        self._stack.setCurrentWidget(self.form if row else self.placeholder)
        self.error.say("")
        if row:
            self._load(row, everything=True)
        self.codes.reload()

    def sync(self, row: Row | None) -> None:
        """The open note changed elsewhere (undo, redo, a sync): show it, unless the user is
        typing, in which case their next save carries on from what they see."""
        if row is None:
            self.open_note(None)
        elif not self.autosave.pending():
            self._load(row, everything=False)
            self.codes.reload()

    def flush(self) -> bool:
        """Save pending edits now. False when they could not be saved (shown inline)."""
        return self.save()

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.title.selectAll()

    def schedule(self, *_args) -> None:
        if not self._loading and self.note_id:
            self.autosave.poke()

    # --- saving ------------------------------------------------------------------------------
    def values(self) -> dict:
        """The note as shown, in the services' terms."""
        return {
            "kind": self.kind.currentData(),
            "date": iso_date(self.date.date()),
            "title": self.title.text().strip(),
            "text": self.text.toPlainText(),
            "attendees": self.attendees.model.attendees(),
            "children": self.children_list.checked_ids(),
            "criteria": self.criteria_list.checked_ids(),
            "children_or_families_present": self.present.isChecked(),
            "consent_recorded": self.consent.isChecked(),
        }

    def pending(self) -> dict:
        return {k: v for k, v in self.values().items() if not _same(k, v, self._stored.get(k))}

    def save(self, *_args) -> bool:
        self.autosave.cancel()
        if self._loading or not self.note_id:
            return True
        changes = self.pending()
        if not self._consent_ok() or not changes:
            return not changes
        note_id = self.note_id
        saved = try_edit(
            self, self.session, lambda ws: update_note(ws, note_id, **changes), self._refused
        )
        if saved is None:
            return False
        self._stored.update(changes)
        self.error.say("")
        return True

    def _refused(self, message: str) -> None:
        self.error.say(message)
        self.failed.emit(message)

    def _consent_ok(self) -> bool:
        missing = self.present.isChecked() and not self.consent.isChecked()
        self.warning.say(
            self.tr(
                "Children or families took part, so their consent must be recorded before this "
                "note is saved. Tick 'Consent recorded' once consent has been given. Until then "
                "nothing you change here is saved."
            )
            if missing
            else "",
        )
        return not missing

    # --- loading -----------------------------------------------------------------------------
    def _load(self, row: Row, everything: bool) -> None:
        stored = _normalised(row)
        self._loading = True
        try:
            for name, value in stored.items():
                if everything or not _same(name, self.values()[name], value):
                    self._set(name, value)
        finally:
            self._loading = False
        self._stored = stored
        self._consent_ok()

    def _set(self, name: str, value) -> None:
        setters: dict[str, Callable[[Any], object]] = {
            "kind": lambda v: self.kind.setCurrentIndex(max(self.kind.findData(v), 0)),
            "date": lambda v: self.date.setDate(qdate(v)),
            "title": self._set_title,
            "text": self.text.setPlainText,
            "attendees": self.attendees.model.set_attendees,
            "children": self.children_list.set_checked,
            "criteria": self.criteria_list.set_checked,
            "children_or_families_present": self.present.setChecked,
            "consent_recorded": self.consent.setChecked,
        }
        setters[name](value)

    def _set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setCursorPosition(0)  # show the start of a long title, not its end

    def hideEvent(self, event) -> None:  # noqa: N802
        self.flush()  # leaving the page keeps what was typed
        super().hideEvent(event)


def _normalised(row: Row) -> dict:
    return {
        "kind": row["kind"],
        "date": row["date"] or "",
        "title": row["title"] or "",
        "text": row["text"] or "",
        "attendees": list(row["attendees"] or []),
        "children": list(row["children"] or []),
        "criteria": list(row["criteria"] or []),
        "children_or_families_present": bool(row["children_or_families_present"]),
        "consent_recorded": bool(row["consent_recorded"]),
    }


def _same(name: str, shown, stored) -> bool:
    if name in ID_LISTS:
        return sorted(shown or []) == sorted(stored or [])
    return shown == stored
