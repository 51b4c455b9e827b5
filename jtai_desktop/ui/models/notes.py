"""The notes list: a thin table over ``notes_queries.notes_list`` with a kind and text filter."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt

from ...domain.records import NoteKind
from .row_sort import SourceSorts, in_order, relayout

IdRole = Qt.ItemDataRole.UserRole
KindRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
DATE, KIND, TITLE, CHILDREN, CONSENT = range(5)


def kind_labels(owner: QObject) -> dict[str, str]:
    return {NoteKind.MEETING.value: owner.tr("Meeting"),
            NoteKind.INTERVIEW.value: owner.tr("Interview"),
            NoteKind.FOCUS_GROUP.value: owner.tr("Focus group"),
            NoteKind.OBSERVATION.value: owner.tr("Observation of practice")}


class NotesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._order = (-1, False)  # the column sorted by, and whether descending
        self._kinds = kind_labels(self)
        self._headers = (self.tr("Date"), self.tr("Kind"), self.tr("Title"),
                         self.tr("Children"), self.tr("Consent"))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        relayout(self, in_order(self._rows, self._sort_key, *self._order))

    def set_rows(self, rows: list[dict]) -> None:
        """Replace the rows; when the same notes are listed, only their cells change (so the
        view keeps its selection and scroll position while an open note autosaves)."""
        rows = in_order(rows, self._sort_key, *self._order)
        if [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, CONSENT))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, note_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row["id"] == note_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == IdRole:
            return row["id"]
        if role == KindRole:
            return row["kind"]
        if role == SearchRole:
            return f"{row['title']}\n{row['text'] or ''}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        return None

    def _display(self, row: dict, column: int):
        if column == DATE:
            return row["date"] or ""
        if column == KIND:
            return self._kinds.get(row["kind"], row["kind"])
        if column == TITLE:
            return row["title"]
        if column == CHILDREN:
            return len(row["children"] or [])
        return self._consent(row)

    def _sort_key(self, row: dict, column: int):
        return self._display(row, column)

    def _consent(self, row: dict) -> str:
        if row["consent_recorded"]:
            return self.tr("consent recorded")
        # The rules refuse to save this; it can only arrive from a damaged or foreign record.
        return self.tr("missing!") if row["children_or_families_present"] else "—"

    def _tooltip(self, row: dict, column: int):
        if column == TITLE:
            return row["title"]
        return self._consent_tip(row) if column == CONSENT else None

    def _consent_tip(self, row: dict) -> str:
        if row["children_or_families_present"] and not row["consent_recorded"]:
            return self.tr("Children or families took part but no consent is recorded.")
        if row["children_or_families_present"]:
            return self.tr("Children or families took part, with consent recorded.")
        return self.tr("No children or families took part.")


class NotesFilter(SourceSorts):
    """Shows the notes of one kind (or all) whose title or text contains the typed words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kind = ""
        self.setFilterRole(SearchRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_kind(self, kind: str) -> None:
        """"" shows every kind."""
        self.beginFilterChange()
        self._kind = kind or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kind and index.data(KindRole) != self._kind:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
