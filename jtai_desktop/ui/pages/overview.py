"""Overview: the inspection at a glance — what, where, who, when, and how far the work has got."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...domain.record_types import InspectionRow
from ...domain.themes import INSPECTORATES, KINDS
from ...services import inspections, organisations, preferences
from ..errors import show_error, try_edit
from ..models.key_dates import KeyDatesModel, progress_line
from ..models.roles import RecordIdRole
from ..models.team import AgencyModel, TeamModel
from .base import Page


def _noop(text: str) -> str:
    return str(QT_TRANSLATE_NOOP("OverviewPage", text))


COUNTS = (
    ("children", _noop("children")),
    ("reviews", _noop("case reviews")),
    ("notes", _noop("notes")),
    ("evidence", _noop("evidence items")),
    ("findings", _noop("findings")),
    ("conflicts", _noop("conflicts")),
)


class OverviewPage(Page):
    key = "overview"

    def __init__(self, session, parent=None, today: Callable[[], date] = date.today):
        super().__init__(session, parent)
        self._today = today
        self.team_model = TeamModel(parent=self)
        self.agency_model = AgencyModel(self._set_in_scope, self)
        self.dates_model = KeyDatesModel(parent=self)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(self._build_heading())
        body.addWidget(self._build_counts())
        columns = QHBoxLayout()
        columns.addWidget(self._build_facts(), 1)
        columns.addWidget(self._build_dates(), 1)
        body.addLayout(columns)
        people = QHBoxLayout()
        people.addWidget(self._build_team(), 1)
        people.addWidget(self._build_agencies(), 1)
        body.addLayout(people)
        body.addWidget(self._build_preferences())
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)

    # --- layout ----------------------------------------------------------------------------
    def _build_heading(self) -> QVBoxLayout:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)  # relative: follows the system font size
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        return layout

    def _build_counts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Work so far"))
        grid = QGridLayout(box)
        self.count_labels: dict[str, QLabel] = {}
        for column, (name, words) in enumerate(COUNTS):
            number = QLabel("0")
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(self.tr(words))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
            self.count_labels[name] = number
        return box

    def _build_facts(self) -> QGroupBox:
        box = QGroupBox(self.tr("The inspection"))
        form = QFormLayout(box)
        self.fact_labels: dict[str, QLabel] = {}
        for name, label in (
            ("area", self.tr("Area:")),
            ("theme", self.tr("Theme:")),
            ("framework", self.tr("Framework:")),
            ("kind", self.tr("Kind:")),
            ("inspectorates", self.tr("Inspectorates:")),
            ("partnership", self.tr("Safeguarding partners:")),
            ("calendar", self.tr("Calendar:")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fact_labels[name] = value
        return box

    def _build_dates(self) -> QGroupBox:
        # A group box's mnemonic moves the focus to its first control: here, the table.
        box = QGroupBox(self.tr("&Key dates"))
        layout = QVBoxLayout(box)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        font = self.progress_label.font()
        font.setBold(True)
        self.progress_label.setFont(font)
        self.dates_view = _table(self.dates_model, self.tr("Key dates"))
        layout.addWidget(self.progress_label)
        layout.addWidget(self.dates_view)
        layout.addStretch(1)
        return box

    def _build_team(self) -> QGroupBox:
        box = QGroupBox(self.tr("&Team"))
        layout = QVBoxLayout(box)
        self.team_view = _table(self.team_model, self.tr("Team members"))
        self.add_member_button = QPushButton(self.tr("&Add team member…"))
        self.add_member_button.clicked.connect(self.add_member)
        row = QHBoxLayout()
        row.addWidget(self.add_member_button)
        row.addStretch(1)
        layout.addWidget(self.team_view)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    def _build_agencies(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organisations in sco&pe"))
        layout = QVBoxLayout(box)
        self.agency_view = QListView()
        self.agency_view.setModel(self.agency_model)
        self.agency_view.setAccessibleName(self.tr("Organisations in scope"))
        # The page scrolls, not the list: every organisation is in view, long names elided.
        self.agency_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agency_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.agency_view.activated.connect(lambda _index: self.edit_organisation())
        hint = QLabel(
            self.tr(
                "Ticked organisations are inspected; Space ticks or clears the selected one, "
                "Enter edits it."
            )
        )
        hint.setWordWrap(True)
        self.add_organisation_button = QPushButton(self.tr("Add &organisation…"))
        self.add_organisation_button.clicked.connect(self.add_organisation)
        self.edit_organisation_button = QPushButton(self.tr("Ed&it…"))
        self.edit_organisation_button.clicked.connect(self.edit_organisation)
        row = QHBoxLayout()
        row.addWidget(self.add_organisation_button)
        row.addWidget(self.edit_organisation_button)
        row.addStretch(1)
        layout.addWidget(self.agency_view)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    def _build_preferences(self) -> QGroupBox:
        box = QGroupBox(self.tr("On this computer"))
        row = QHBoxLayout(box)
        self.auto_lock_spin = QSpinBox()
        self.auto_lock_spin.setRange(0, preferences.MAX_AUTO_LOCK_MINUTES)
        self.auto_lock_spin.setSuffix(self.tr(" minutes idle"))
        self.auto_lock_spin.setSpecialValueText(self.tr("Never"))
        self.auto_lock_spin.setKeyboardTracking(False)  # one save per finished entry
        self.auto_lock_spin.setAccessibleName(self.tr("Lock after minutes idle (0 for never)"))
        self.auto_lock_spin.valueChanged.connect(self._save_auto_lock)
        label = QLabel(self.tr("&Lock the window after:"))
        label.setBuddy(self.auto_lock_spin)
        row.addWidget(label)
        row.addWidget(self.auto_lock_spin)
        row.addStretch(1)
        return box

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        row = ws.require("inspection", inspection_id)
        self._show_facts(row)
        counts = inspections.inspection_counts(ws, inspection_id, with_ops=False)
        for name, label in self.count_labels.items():
            label.setText(str(counts.get(name, 0)))
        self.team_model.set_rows(ws.rows("member", inspection_id))
        self.agency_model.set_rows(organisations.organisations(ws, inspection_id))
        self._show_dates(inspections.inspection_dates(ws, inspection_id))
        self.auto_lock_spin.blockSignals(True)
        self.auto_lock_spin.setValue(preferences.auto_lock_minutes(ws))
        self.auto_lock_spin.blockSignals(False)
        _fit_rows(self.team_view)
        _fit_rows(self.dates_view)
        _fit_list(self.agency_view)

    def _show_facts(self, row: InspectionRow) -> None:
        pack = inspections.theme_pack(self.session.ws, row["id"])
        kind = KINDS.get(row["kind"], row["kind"])
        names = ", ".join(INSPECTORATES.get(key, key) for key in row["inspectorates"] or [])
        self.heading.setText(row["title"])
        self.subheading.setText(self.tr("{kind} joint targeted area inspection").format(kind=kind))
        values = {
            "area": row["area"],
            "theme": pack.title,
            "framework": (
                self.tr("{guidance}, version {version}").format(
                    guidance=pack.guidance, version=pack.version
                )
                if pack.version
                else self.tr("a theme pack of release 0.1 (no published version recorded)")
            ),
            "kind": kind,
            "inspectorates": names,
            "partnership": "\n".join(row["partnership"] or []),
            "calendar": self._calendar_text(row),
        }
        for name, label in self.fact_labels.items():
            label.setText(values[name])

    def _calendar_text(self, row: InspectionRow) -> str:
        day = self.tr("day 1") if row["notification_is_day_one"] else self.tr("day 0")
        return self.tr(
            "{notice} working days' notice (notification is {day}); look-back {months} months"
        ).format(notice=row["notice_days"], day=day, months=row["lookback_months"])

    def _show_dates(self, dates) -> None:
        today = self._today()
        self.dates_model.set_milestones(dates.milestones(), today)
        self.progress_label.setText(progress_line(dates, today))

    # --- edits -----------------------------------------------------------------------------
    def add_member(self) -> None:
        from ..dialogs.new_inspection import ask_for_member  # the wizard's module loads on use

        member = ask_for_member(self)
        if member is None or self.session.inspection_id is None:
            return
        inspection_id = self.session.inspection_id
        changes = try_edit(
            self, self.session, lambda ws: inspections.add_member(ws, inspection_id, member)
        )
        if changes is None:
            return
        self.refresh()
        self.show_record("member", changes.entity_id)

    def add_organisation(self) -> None:
        from ..dialogs.organisation_dialog import open_organisation_dialog

        if self.session.inspection_id is not None:
            open_organisation_dialog(self.session, self, self._show_organisation)

    def edit_organisation(self) -> None:
        from ..dialogs.organisation_dialog import open_organisation_dialog

        organisation_id = self.agency_view.currentIndex().data(RecordIdRole)
        if organisation_id:
            open_organisation_dialog(self.session, self, self._show_organisation, organisation_id)

    def _show_organisation(self, organisation_id: str | None) -> None:
        self.refresh()
        if organisation_id:
            self.show_record("agency", organisation_id)

    def _set_in_scope(self, agency_id: str, in_scope: bool) -> bool:
        changes = try_edit(
            self,
            self.session,
            lambda ws: organisations.update_organisation(ws, agency_id, in_scope=in_scope),
        )
        return changes is not None

    def _save_auto_lock(self, minutes: int) -> None:
        try:
            preferences.set_auto_lock_minutes(self.session.ws, minutes)
        except JtaiError as error:
            show_error(self, error)
            return
        self.session.auto_lock_minutes_changed.emit(minutes)

    def show_record(self, entity: str, record_id: str) -> None:
        view, model = (
            (self.team_view, self.team_model)
            if entity == "member"
            else (self.agency_view, self.agency_model)
        )
        for row in range(model.rowCount()):
            if model.index(row, 0).data(RecordIdRole) == record_id:
                view.setCurrentIndex(model.index(row, 0))
                view.setFocus()
                return


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in the table
    view.verticalHeader().hide()
    view.setWordWrap(False)
    # One line per row, so every row is as tall as a line: nothing to measure row by row.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _fit_rows(view: QTableView) -> None:
    """Size a short table to show all its rows: the page scrolls, not each table. Columns are
    sized to their contents once here, not again on every layout pass."""
    view.resizeColumnsToContents()
    rows = view.model().rowCount() * view.verticalHeader().defaultSectionSize()
    height = rows + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 2
    view.setMinimumHeight(height)
    view.setMaximumHeight(height)


def _fit_list(view: QListView) -> None:
    rows = view.model().rowCount()
    height = sum(view.sizeHintForRow(r) for r in range(rows)) + 2 * view.frameWidth() + 4
    view.setFixedHeight(max(height, view.fontMetrics().height() * 2))
