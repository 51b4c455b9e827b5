"""Table models of the front door page: the sampled contacts, and the timings of each step
over the sample (thin adapters over ``services.front_door``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...domain.front_door import AGREEMENT_CHOICES, SEEN_CHOICES, SOURCE_KINDS, THRESHOLD_DECISIONS
from ...domain.record_types import Row
from ...domain.timeliness import Distribution, Timing
from ..theme import warning_brush
from ..time_text import local_moment
from .roles import MODEL_ROLES, AnyIndex
from .row_sort import RecordRowsModel

OverRole = MODEL_ROLES  # True when the row's decision took longer than target

LABEL, CONTACT, SOURCE, DECISION, TO_DECISION, AGREES, STRATEGY, SEEN, CHILD = range(9)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FrontDoor", text)


def timing_text(timing: Timing | None, target_hours: int | None = None) -> str:
    """ "1.5 h", "2 working days" (no times), "9.5 h (over 8)"; empty when not reached."""
    if timing is None:
        return ""
    if timing.working_hours is None:
        days = timing.working_days
        text = (
            _tr("1 working day") if days == 1 else _tr("%1 working days").replace("%1", str(days))
        )
        return text + " " + _tr("(no times)")
    text = _tr("%1 h").replace("%1", f"{timing.working_hours:.1f}")
    if target_hours is not None and timing.working_hours > target_hours:
        text += " " + _tr("(over %1)").replace("%1", str(target_hours))
    return text


class SamplesModel(RecordRowsModel):
    """Rows are sample records with "_timing" (contact to decision), "_target" (its target)
    and "_child" (the pseudonym, if a child is named) added by the page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            _tr("Label"),
            _tr("Contact"),
            _tr("From"),
            _tr("Decision"),
            _tr("To decision"),
            _tr("Inspector agrees"),
            _tr("Strategy discussion"),
            _tr("Child seen"),
            _tr("Child"),
        )

    def _sort_key(self, row: Row, column: int):
        if column == CONTACT:
            return f"{row['contact_date'] or ''} {row['contact_time'] or ''}"
        if column == TO_DECISION:
            timing = row.get("_timing")
            return None if timing is None else (timing.working_days, timing.working_hours or 0)
        if column == STRATEGY:
            return row["strategy_date"]
        return self._display(row, column)

    def _tooltip(self, row: Row, column: int):
        return row["notes"] if column == LABEL else self._display(row, column)

    def _role_data(self, row: Row, column: int, role: int):
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        if role == OverRole:
            return _over(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == TO_DECISION and _over(row):
            return warning_brush()
        return None

    def _display(self, row: Row, column: int) -> str:
        if column == LABEL:
            return row["label"]
        if column == CONTACT:
            return local_moment(row["contact_date"], row["contact_time"])
        if column == SOURCE:
            kind = _tr(SOURCE_KINDS.get(row["source_kind"] or "", row["source_kind"] or ""))
            return f"{kind}: {row['source_role']}" if row["source_role"] else kind
        if column == DECISION:
            return _tr(THRESHOLD_DECISIONS.get(row["threshold_decision"] or "", ""))
        if column == TO_DECISION:
            return timing_text(row.get("_timing"), row.get("_target"))
        if column == STRATEGY:
            return local_moment(row["strategy_date"], row["strategy_time"])
        if column == SEEN:
            seen = _tr(SEEN_CHOICES.get(row["child_seen"] or "", ""))
            when = local_moment(row["seen_date"], row["seen_time"])
            return f"{seen}, {when}" if seen and when else seen
        if column == AGREES:
            return _tr(AGREEMENT_CHOICES.get(row["decision_agreement"] or "", ""))
        return row.get("_child") or ""


def _over(row: Row) -> bool:
    timing, target = row.get("_timing"), row.get("_target")
    return bool(timing and timing.working_hours is not None and timing.working_hours > target)


STEP, TARGET, COUNT, TIMED, MEDIAN_H, P90_H, OVER_TARGET, MEDIAN_D, P90_D = range(9)


class TimelinessModel(QAbstractTableModel):
    """One row per interval: how many samples reached it and how long they took."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Distribution] = []
        self._headers = (
            _tr("Step"),
            _tr("Target"),
            _tr("Samples"),
            _tr("With times"),
            _tr("Median (working hours)"),
            _tr("90th percentile"),
            _tr("Over target"),
            _tr("Median (working days)"),
            _tr("90th percentile (days)"),
        )

    def set_distributions(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(d, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != STEP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == OVER_TARGET:
            return warning_brush() if d.over_target else None
        return None

    def _display(self, d: Distribution, column: int) -> str:
        if column == STEP:
            return _tr(d.interval.label)
        if column == TARGET:
            return _tr("%1 h").replace("%1", str(d.target_hours))
        if column == COUNT:
            return str(d.count)
        if column == TIMED:
            return str(d.timed)
        if column == MEDIAN_H:
            return _figure(d.median_hours)
        if column == P90_H:
            return _figure(d.p90_hours)
        if column == OVER_TARGET:
            return _tr("%1 of %2").replace("%1", str(d.over_target)).replace("%2", str(d.timed))
        if column == MEDIAN_D:
            return _figure(d.median_days, "g")
        return _figure(d.p90_days, "g")


def _figure(value: float | None, spec: str = ".1f") -> str:
    return "" if value is None else format(value, spec)
