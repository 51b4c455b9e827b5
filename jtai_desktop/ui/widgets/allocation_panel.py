"""Allocation: every child, in-scope organisation and session with its inspectors, what
nobody has yet (the gaps the lead fills), ticking inspectors for the chosen item, and each
inspector's specialism."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.fieldwork import ALLOCATABLE, SPECIALISMS
from ...services import allocation
from ..errors import try_edit
from ..models.fieldwork import (
    AllocatableModel,
    GapRole,
    TeamPlanModel,
    inspector_names,
    kind_label,
)
from ..models.roles import KindRole, RecordIdRole
from ..models.row_sort import SourceSorts
from ..models.team import organisation_short
from ..time_text import local_day
from ..views import record_list_view, select_record
from .checklist import Checklist

GAPS = "gaps"


def _plurals() -> dict[str, tuple[str, str]]:
    tr = QCoreApplication.translate
    return {
        "child": (tr("Allocation", "child"), tr("Allocation", "children")),
        "agency": (tr("Allocation", "organisation"), tr("Allocation", "organisations")),
        "timetable_entry": (tr("Allocation", "session"), tr("Allocation", "sessions")),
    }


def gaps_text(gaps) -> str:
    """ "Nobody is allocated to 2 children and 1 organisation yet." (or that all are)."""
    tr = QCoreApplication.translate
    if not gaps:
        return tr("Allocation", "Every child, organisation and session has an inspector.")
    by_kind = {kind: sum(g.kind == kind for g in gaps) for kind in ALLOCATABLE}
    parts = [f"{count} {_plurals()[kind][count != 1]}" for kind, count in by_kind.items() if count]
    listed = (
        ", ".join(parts[:-1]) + tr("Allocation", " and ") + parts[-1]
        if len(parts) > 1
        else parts[0]
    )
    return tr("Allocation", "Nobody is allocated to %1 yet.").replace("%1", listed)


class AllocationFilter(SourceSorts):
    """Everything, only what nobody has, or one kind."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._show = ""

    def show_only(self, what: str) -> None:
        self.beginFilterChange()
        self._show = what
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self._show:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._show == GAPS:
            return bool(index.data(GapRole))
        return index.data(KindRole) == self._show


class AllocationPanel(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = AllocatableModel(self)
        self.proxy = AllocationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.team_model = TeamPlanModel(self)
        self.team_proxy = QSortFilterProxyModel(self)
        self.team_proxy.setSourceModel(self.team_model)
        self._loading = False
        splitter = QSplitter()
        splitter.addWidget(self._items_panel())
        splitter.addWidget(self._inspectors_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 330])
        layout = QVBoxLayout(self)
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        layout.addWidget(self.gaps_label)
        layout.addWidget(splitter, 1)

    # --- layout ----------------------------------------------------------------------------
    def _items_panel(self) -> QWidget:
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("Everything"), "")
        self.show_combo.addItem(self.tr("Nobody allocated yet"), GAPS)
        for kind in ALLOCATABLE:
            self.show_combo.addItem(kind_label(kind), kind)
        self.show_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.show_only(self.show_combo.currentData())
        )
        # Who is allocated is what this list is for: that column is shown whole, and a long
        # name gives way (elided in the middle, whole in its tooltip).
        self.view = record_list_view(
            self.proxy,
            self.tr("Children, organisations and sessions to allocate"),
            AllocatableModel.NAME,
            AllocatableModel.KIND,
            Qt.SortOrder.AscendingOrder,
        )
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_inspectors())
        show_label = QLabel(self.tr("Sho&w:"))
        show_label.setBuddy(self.show_combo)
        row = QHBoxLayout()
        row.addWidget(show_label)
        row.addWidget(self.show_combo, 1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        return panel

    def _inspectors_panel(self) -> QWidget:
        self.chosen_label = QLabel(self.tr("&Inspectors of the chosen item:"))
        self.inspectors = Checklist(self.tr("Inspectors of the chosen item"))
        self.chosen_label.setBuddy(self.inspectors)
        self.inspectors.toggled.connect(self._toggled)
        self.team_view = record_list_view(
            self.team_proxy,
            self.tr("The team"),
            TeamPlanModel.NAME,
            -1,
            Qt.SortOrder.AscendingOrder,
        )
        self.team_view.setSortingEnabled(False)
        self.team_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_member())
        self.specialism = QComboBox()
        self.specialism.setEditable(True)
        self.specialism.setAccessibleName(self.tr("Specialism of the chosen inspector"))
        typed = self.specialism.lineEdit()
        assert typed is not None  # an editable combo box has its line edit
        typed.returnPressed.connect(self._save_specialism)
        self.specialism.activated.connect(lambda _i: self._save_specialism())
        team_box = QGroupBox(self.tr("The team"))
        form = QFormLayout()
        form.addRow(self.tr("S&pecialism:"), self.specialism)
        team_layout = QVBoxLayout(team_box)
        team_layout.addWidget(self.team_view)
        team_layout.addLayout(form)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.inspectors, 1)
        layout.addWidget(team_box, 1)
        return panel

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        members = ws.rows("member", inspection_id, order_by="evidence_block")
        names = {m["id"]: m["name"] for m in members}
        items = allocation.allocatable(ws, inspection_id)
        rows = [allocatable_row(item, names) for item in items]
        current = self._current_item()
        self.model.set_rows(rows)
        self.inspectors.set_choices(
            (m["id"], f"{m['name']} ({m['specialism'] or m['inspectorate']})") for m in members
        )
        counts = _counts(items)
        member = self._current_member()
        self.team_model.set_rows(
            [
                {
                    **m,
                    "_children": counts.get(m["id"], (0, 0))[0],
                    "_sessions": counts.get(m["id"], (0, 0))[1],
                }
                for m in members
            ]
        )
        self._select_member(member)
        self._show_gaps([i for i in items if not i.inspectors])
        select_record(self.view, self.proxy, self.model, current or _first(self.proxy))
        self._show_inspectors()

    def _show_gaps(self, gaps) -> None:
        self.gaps_label.setText(gaps_text(gaps))

    def _current_item(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(RecordIdRole) if index.isValid() else None

    def _current_kind(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(KindRole) if index.isValid() else None

    def _show_inspectors(self) -> None:
        item_id = self._current_item()
        row = next((r for r in self.model._rows if r["id"] == item_id), None)
        self.inspectors.setEnabled(row is not None)
        self.inspectors.set_checked(row["inspector_ids"] if row else [])
        self.chosen_label.setText(
            self.tr("&Inspectors of %1:").replace("%1", row["name"])
            if row
            else self.tr("&Inspectors of the chosen item:")
        )

    def _current_member(self) -> str | None:
        index = self.team_view.currentIndex()
        return index.data(RecordIdRole) if index.isValid() else None

    def _select_member(self, member_id: str | None) -> None:
        select_record(self.team_view, self.team_proxy, self.team_model, member_id)

    def _show_member(self) -> None:
        member = self.session.ws.get("member", self._current_member() or "")
        self.specialism.blockSignals(True)
        self.specialism.clear()
        if member:
            self.specialism.addItems(SPECIALISMS.get(member["inspectorate"], ()))
            self.specialism.setCurrentText(member["specialism"] or "")
        self.specialism.setEnabled(member is not None)
        self.specialism.blockSignals(False)

    # --- editing -----------------------------------------------------------------------------
    def _toggled(self, member_id: str, checked: bool) -> None:
        item_id, kind = self._current_item(), self._current_kind()
        if not item_id or not kind:
            return
        act = allocation.allocate if checked else allocation.unallocate
        if not try_edit(self, self.session, lambda ws: act(ws, member_id, kind, item_id)):
            self.refresh()

    def _save_specialism(self) -> None:
        member_id, text = self._current_member(), self.specialism.currentText()
        if not member_id:
            return
        try_edit(self, self.session, lambda ws: allocation.set_specialism(ws, member_id, text))

    def show_gaps_only(self) -> None:
        self.show_combo.setCurrentIndex(self.show_combo.findData(GAPS))
        self.view.setFocus()


def allocatable_row(item, names: dict[str, str]) -> dict:
    row = item.row
    if item.kind == "child":
        name, detail = row["pseudonym"], row["selection"].replace("_", " ")
    elif item.kind == "agency":
        name, detail = row["name"], organisation_short(row)
    else:
        name = row["title"]
        detail = f"{local_day(row['date'])} {row['start_time']}\u2013{row['end_time']}"
    return {
        "id": row["id"],
        "kind": item.kind,
        "name": name,
        "detail": detail,
        "inspectors": inspector_names(item.inspectors, names),
        "inspector_ids": list(item.inspectors),
    }


def _counts(items) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for item in items:
        for member_id in item.inspectors:
            slot = counts.setdefault(member_id, [0, 0])
            if item.kind == "child":
                slot[0] += 1
            elif item.kind == "timetable_entry":
                slot[1] += 1
    return counts


def _first(proxy) -> str | None:
    return proxy.index(0, 0).data(RecordIdRole) if proxy.rowCount() else None
