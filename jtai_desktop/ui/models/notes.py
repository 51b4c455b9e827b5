"""The notes list: a thin table over ``services.notes.notes_list`` with a kind and text filter."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from ...domain.record_types import Row
from ...domain.records import NoteKind
from ..time_text import local_date
from .roles import MODEL_ROLES, AnyIndex, KindRole
from .row_sort import RecordRowsModel, SourceSorts

SearchRole = MODEL_ROLES  # the text the filter looks in
DATE, KIND, TITLE, CHILDREN, CONSENT = range(5)


def kind_labels(owner: QObject) -> dict[str, str]:
    return {
        NoteKind.MEETING.value: owner.tr("Meeting"),
        NoteKind.INTERVIEW.value: owner.tr("Interview"),
        NoteKind.FOCUS_GROUP.value: owner.tr("Focus group"),
        NoteKind.OBSERVATION.value: owner.tr("Observation of practice"),
    }


class NotesModel(RecordRowsModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("Children"),
            self.tr("Consent"),
        )
        self._kinds = kind_labels(self)
        # The list names a kind in a word, to leave its width to the titles; the filter and
        # the editor use the whole name, which is the cell's tooltip.
        self._short_kinds = {**self._kinds, NoteKind.OBSERVATION.value: self.tr("Observation")}

    def _role_data(self, row: Row, column: int, role: int):
        if role == KindRole:
            return row["kind"]
        if role == SearchRole:
            return f"{row['title']}\n{row['text'] or ''}"
        return None

    def _display(self, row: Row, column: int):
        if column == DATE:
            return local_date(row["date"])
        if column == KIND:
            return self._short_kinds.get(row["kind"], row["kind"])
        if column == TITLE:
            return row["title"]
        if column == CHILDREN:
            return len(row["children"] or [])
        return self._consent(row)

    def _sort_key(self, row: Row, column: int):
        if column == DATE:
            return row["date"] or ""  # ISO: sorts by date
        return self._display(row, column)

    def _consent(self, row: Row) -> str:
        if row["consent_recorded"]:
            return self.tr("recorded")  # under the heading "Consent"
        # The rules refuse to save this; it can only arrive from a damaged or foreign record.
        return self.tr("missing!") if row["children_or_families_present"] else "—"

    def _tooltip(self, row: Row, column: int):
        if column == TITLE:
            return row["title"]
        if column == KIND and self._short_kinds.get(row["kind"]) != self._kinds.get(row["kind"]):
            return self._kinds[row["kind"]]
        return self._consent_tip(row) if column == CONSENT else None

    def _consent_tip(self, row: Row) -> str:
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
        """ "" shows every kind."""
        self.beginFilterChange()
        self._kind = kind or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kind and index.data(KindRole) != self._kind:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
