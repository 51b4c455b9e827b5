"""The key dates of an inspection's calendar as a table, with today marked in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from ...domain.calendar import KeyDates, format_date, working_days_between
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex

DateRole = MODEL_ROLES  # the key date of a row, as a date
IsTodayRole = MODEL_ROLES + 1


tr = translator("KeyDatesModel")


def relative_day(d: date, today: date) -> str:
    days = (d - today).days
    if days == 0:
        return tr("today")
    if days == 1:
        return tr("tomorrow")
    if days == -1:
        return tr("yesterday")
    if days > 1:
        return tr("in {n} days").format(n=days)
    return tr("{n} days ago").format(n=-days)


class KeyDatesModel(QAbstractTableModel):
    """Milestones in date order: label, date ("Monday 19 October 2026") and, when ``today`` is
    given, how far away each is, with a "Today" row in its place among them.

    Today is marked by text (the row label and the "when" column), and in bold, never by
    colour alone.
    """

    def __init__(
        self,
        milestones: list[tuple[str, date]] | None = None,
        today: date | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._today = today
        self._rows: list[tuple[str, date, bool]] = []
        self._texts: list[tuple[str, ...]] = []  # each row's cells, formatted once: views ask often
        self._headers = (tr("Milestone"), tr("Date"), tr("When"))
        self.set_milestones(milestones or [], today)

    def set_milestones(self, milestones: list[tuple[str, date]], today: date | None = None) -> None:
        self.beginResetModel()
        self._today = today
        rows = [(label, when, False) for label, when in milestones]
        if today is not None:
            # After the milestones of the same day, so "Fieldwork starts" reads before "Today".
            at = sum(1 for _label, when, _ in rows if when <= today)
            rows.insert(at, (tr("Today"), today, True))
        self._rows = rows
        self._texts = [
            (label, format_date(when), relative_day(when, today) if today else "")
            for label, when, _ in rows
        ]
        self.endResetModel()

    def today_row(self) -> int:
        return next((n for n, row in enumerate(self._rows) if row[2]), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else (2 if self._today is None else 3)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        label, when, is_today = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and is_today:
            font = QFont()
            font.setBold(True)
            return font
        if role == IsTodayRole:
            return is_today
        if role == DateRole:
            return when.isoformat()
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if 0 <= section < self.columnCount() else None


def progress_line(dates: KeyDates, today: date) -> str:
    """Where the inspection stands today, in one sentence."""
    week = dates.week_of(today)
    if today < dates.notification:
        return tr("Before notification: notification is on {day}.").format(
            day=format_date(dates.notification)
        )
    if week in (1, 2):
        left = working_days_between(today, dates.fieldwork_start)
        days = tr("1 working day") if left == 1 else tr("{n} working days").format(n=left)
        return tr("Week {week} of the inspection: {days} to fieldwork").format(week=week, days=days)
    if week == 3:
        day = working_days_between(dates.fieldwork_start, today) + 1
        total = working_days_between(dates.fieldwork_start, dates.fieldwork_end) + 1
        return tr("Week 3 of the inspection: fieldwork, day {day} of {total}").format(
            day=day, total=total
        )
    if today <= dates.publication_latest:
        return tr("Fieldwork has ended: the letter is due between {first} and {last}.").format(
            first=format_date(dates.publication_earliest),
            last=format_date(dates.publication_latest),
        )
    return tr("The letter was due by {last}.").format(last=format_date(dates.publication_latest))
