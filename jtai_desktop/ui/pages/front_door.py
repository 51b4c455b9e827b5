"""The front door: the sampled contacts and referrals, and how long each step took over the
sample (median, 90th percentile, how many over the team's target), which findings can cite."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import front_door, timeliness
from ..dialogs.front_door_sample import open_sample_dialog
from ..dialogs.front_door_settings import CiteTimelinessDialog, TargetsDialog, open_dialog
from ..models.front_door import CHILD, CONTACT, SamplesModel, TimelinessModel
from ..models.row_sort import SourceSorts
from ..shortcuts import key_text, shortcut
from ..time_text import clock_text
from ..views import ChosenRecord, on_delete_key, record_list_view
from .base import Page


class FrontDoorPage(ChosenRecord, Page):
    key = "front_door"
    watches = ("front_door_sample", "front_door_settings", "child", "agency", "inspection")
    cited = Signal(str)  # the evidence item that now holds the timings

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = SamplesModel(self)
        self.proxy = SourceSorts(self)
        self.proxy.setSourceModel(self.model)
        self.timeliness_model = TimelinessModel(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._samples_panel())
        splitter.addWidget(self._timeliness_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([540, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        shortcut("front_door.add", self, self.add_sample, Qt.ShortcutContext.WindowShortcut)
        on_delete_key(self.view, self.delete_current)

    # --- layout ----------------------------------------------------------------------------
    def _samples_panel(self) -> QWidget:
        self.add_button = _button(
            self.tr("&Add sample…"),
            self.tr("Record a sampled contact or referral (%1)").replace(
                "%1", key_text("front_door.add")
            ),
            self.add_sample,
        )
        self.edit_button = _button(
            self.tr("&Correct…"),
            self.tr("Open the chosen sample (Enter)"),
            self.edit_current,
        )
        self.delete_button = _button(
            self.tr("De&lete"),
            self.tr("Delete the chosen sample (Delete). Undo brings it back."),
            self.delete_current,
        )
        self.view = record_list_view(
            self.proxy, self.tr("Front door samples"), CHILD, CONTACT, Qt.SortOrder.AscendingOrder
        )
        self.view.activated.connect(lambda _index: self.edit_current())
        heading = QLabel(self.tr("&Sampled contacts and referrals:"))
        heading.setBuddy(self.view)
        buttons = QHBoxLayout()
        buttons.addWidget(heading)
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        return panel

    def _timeliness_panel(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.timeliness_view = QTableView()
        self.timeliness_view.setModel(self.timeliness_model)
        self.timeliness_view.setAccessibleName(self.tr("Timeliness of each step"))
        self.timeliness_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeliness_view.setTabKeyNavigation(False)
        self.timeliness_view.verticalHeader().hide()
        header = self.timeliness_view.horizontalHeader()
        # Every column as wide as its text (a step's name elided reads as another step); the
        # last takes what is left, and a narrow window scrolls rather than cutting words.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.targets_button = _button(
            self.tr("&Targets…"),
            self.tr("The team's targets in working hours, and its office day"),
            self.edit_targets,
        )
        self.cite_button = _button(
            self.tr("Cite in fi&ndings…"),
            self.tr("Keep today's timings as an evidence item and cite it from findings"),
            self.cite,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.targets_button)
        buttons.addWidget(self.cite_button)
        group = QGroupBox(self.tr("Timeliness"))
        layout = QVBoxLayout(group)
        layout.addLayout(buttons)
        layout.addWidget(self.timeliness_view)
        return group

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        current = self.current_id()
        report = timeliness.timeliness(ws, inspection_id)
        day = report.targets.office_day
        names = {c["id"]: c["pseudonym"] for c in ws.rows("child", inspection_id)}
        target = report.targets.hours["decision"]
        rows = []
        for row in front_door.samples(ws, inspection_id):
            timing = timeliness.sample_timings(row, day)["decision"]
            rows.append(
                {
                    **row,
                    "_timing": timing,
                    "_target": target,
                    "_child": names.get(row["child_id"] or ""),
                }
            )
        self.model.set_rows(rows)
        self.timeliness_model.set_distributions(report.distributions)
        self.summary.setText(
            self.tr(
                "%1 sampled contacts. Working hours are %2 to %3 on working days: weekends "
                "and England-and-Wales bank holidays count nothing."
            )
            .replace("%1", str(report.samples))
            .replace("%2", clock_text(day.start))
            .replace("%3", clock_text(day.end))
        )
        self.select(current)

    def on_changed(self, entity: str, record_id: str) -> None:
        if not self.isVisible():
            self.note_hidden_change(entity)
        elif entity in self.watches:
            self.refresh_after_changes()

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()
        self.select(record_id)
        self.view.setFocus()

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of."""
        sample_id = self.current_id()
        return ("front_door_sample", sample_id) if sample_id else None

    # --- editing -----------------------------------------------------------------------------
    def add_sample(self) -> None:
        if self.session.inspection_id:
            open_sample_dialog(self.session, self, self.show_saved)

    def edit_current(self) -> None:
        sample_id = self.current_id()
        if sample_id:
            open_sample_dialog(self.session, self, self.show_saved, sample_id)

    def delete_current(self) -> None:
        what = self.tr("Deleted the front-door sample.")
        self.delete_chosen(what, front_door.delete_sample)

    def edit_targets(self) -> None:
        if self.session.inspection_id:
            open_dialog(TargetsDialog(self.session, self))

    def cite(self) -> None:
        if not self.session.inspection_id:
            return
        dialog = CiteTimelinessDialog(self.session, self)
        dialog.accepted.connect(lambda: self.cited.emit(dialog.evidence_id or ""))
        open_dialog(dialog)


def _button(text: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button
