"""Table models of the fieldwork plan: what can be allocated (children, organisations,
sessions) with its inspectors, the timetable with its clashes, and the team."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...domain.fieldwork import ALLOCATABLE, TIMETABLE_KINDS
from ...domain.record_types import Row
from ...domain.themes import INSPECTORATES
from ..theme import warning_brush
from ..time_text import local_day
from .roles import MODEL_ROLES, KindRole
from .row_sort import RecordRowsModel

GapRole = MODEL_ROLES  # True for an item nobody is allocated to
DayRole = MODEL_ROLES + 1  # a session's day, YYYY-MM-DD


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldworkPlan", text)


def inspector_names(member_ids, names: dict[str, str]) -> list[str]:
    """Who is allocated, by name; "Whole team" when it is everyone in a team of three or more
    (eight names say less and leave no room)."""
    if len(names) > 2 and set(member_ids) >= set(names):
        return [_tr("Whole team")]
    return [names.get(m, m[:8]) for m in member_ids]


def kind_label(kind: str) -> str:
    return _tr(ALLOCATABLE.get(kind, kind))


class AllocatableModel(RecordRowsModel):
    """Rows: {"id", "kind", "name", "detail", "inspectors": [names]}; a row nobody is
    allocated to says so, in words and in colour."""

    KIND, NAME, DETAIL, INSPECTORS = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (_tr("Kind"), _tr("Name"), _tr("Detail"), _tr("Inspectors"))

    def _sort_key(self, row: Row, column: int):
        if column == self.KIND:
            return list(ALLOCATABLE).index(row["kind"]) if row["kind"] in ALLOCATABLE else 9
        return self._display(row, column)

    def _tooltip(self, row: Row, column: int):
        return self._display(row, column)

    def _role_data(self, row: Row, column: int, role: int):
        if role == KindRole:
            return row["kind"]
        if role == GapRole:
            return not row["inspectors"]
        if role == Qt.ItemDataRole.ForegroundRole and not row["inspectors"]:
            return warning_brush() if column == self.INSPECTORS else None
        return None

    def _display(self, row: Row, column: int) -> str:
        if column == self.KIND:
            return kind_label(row["kind"])
        if column == self.NAME:
            return row["name"]
        if column == self.DETAIL:
            return row["detail"]
        return ", ".join(row["inspectors"]) or _tr("Nobody allocated")


class TimetableModel(RecordRowsModel):
    """Rows: timetable entries with "_inspectors" (names), "_others" (roles) and "_clashes"
    (sentences) added by the page."""

    DAY, TIME, KIND, TITLE, ROOM, INSPECTORS, OTHERS, CLASH = range(8)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            _tr("Day"),
            _tr("Time"),
            _tr("Kind"),
            _tr("Session"),
            _tr("Room"),
            _tr("Inspectors"),
            _tr("Others attending"),
            _tr("Clash"),
        )

    def _sort_key(self, row: Row, column: int):
        if column in (self.DAY, self.TIME):
            return f"{row['date']} {row['start_time']} {row['end_time']}"
        return self._display(row, column)

    def _tooltip(self, row: Row, column: int):
        clashes = row.get("_clashes") or []
        return "\n".join(clashes) if clashes else self._display(row, column)

    def _role_data(self, row: Row, column: int, role: int):
        if role == DayRole:
            return row["date"]
        if role == Qt.ItemDataRole.ForegroundRole and row.get("_clashes"):
            return warning_brush()
        return None

    def _display(self, row: Row, column: int) -> str:
        if column == self.DAY:
            return local_day(row["date"])
        if column == self.TIME:
            return f"{row['start_time']}\u2013{row['end_time']}"
        if column == self.KIND:
            return _tr(TIMETABLE_KINDS.get(row["kind"], row["kind"] or ""))
        if column == self.TITLE:
            return row["title"]
        if column == self.ROOM:
            return row["room"] or ""
        if column == self.INSPECTORS:
            return ", ".join(row.get("_inspectors") or [])
        if column == self.OTHERS:
            return ", ".join(row.get("_others") or [])
        count = len(row.get("_clashes") or [])
        return (
            ""
            if not count
            else _tr("Clash")
            if count == 1
            else _tr("%1 clashes").replace("%1", str(count))
        )


class TeamPlanModel(RecordRowsModel):
    """The team: name, inspectorate, specialism and how much each is allocated."""

    NAME, INSPECTORATE, SPECIALISM, CHILDREN, SESSIONS = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            _tr("Inspector"),
            _tr("Inspectorate"),
            _tr("Specialism"),
            _tr("Children"),
            _tr("Sessions"),
        )

    def _sort_key(self, row: Row, column: int):
        return self._display(row, column)

    def _tooltip(self, row: Row, column: int):
        return self._display(row, column)

    def _display(self, row: Row, column: int) -> str:
        if column == self.NAME:
            return row["name"]
        if column == self.INSPECTORATE:
            return INSPECTORATES.get(row["inspectorate"], row["inspectorate"] or "")
        if column == self.SPECIALISM:
            return row["specialism"] or ""
        if column == self.CHILDREN:
            return str(row["_children"])
        return str(row["_sessions"])
