"""Models for the report screen: the letter's sections, the items a section may hold, and
the gate's hits, overrides and warnings. Thin adapters over ``services.report`` results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from ...report import gate
from ...report.gate import GateResult, Hit, Override, ReportWarning
from ...report.letter import Letter
from ...services.report import ItemOption, SectionInfo
from ..time_text import local_time
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex, RecordIdRole

SectionKeyRole = MODEL_ROLES


tr = translator("ReportModels")


def hit_kind_label(kind: str) -> str:
    labels = {
        gate.CHILD_NAME: tr("Child's name"),
        gate.PERSON_NAME: tr("A person's name"),
        gate.CASE_REF: tr("Case reference"),
        gate.POLICE_REF: tr("Police reference"),
        gate.COURT_REF: tr("Court reference"),
        gate.DOB: tr("Date of birth"),
        gate.SINGLING_DATE: tr("Date that singles someone out"),
        gate.ADDRESS: tr("Address"),
        gate.POSTCODE: tr("Postcode"),
        gate.NHS: tr("NHS number"),
        gate.NI_NUMBER: tr("National Insurance number"),
        gate.PUPIL_NUMBER: tr("Pupil or learner number"),
        gate.OFFICIAL_NUMBER: tr("Other official number"),
        gate.PHONE: tr("Phone number"),
        gate.EMAIL: tr("Email address"),
        gate.ONLINE: tr("Online identity"),
        gate.VEHICLE: tr("Vehicle registration"),
        gate.SCHOOL: tr("School or setting"),
        gate.SMALL_COUNT: tr("Small count of children"),
        gate.COMBINATION: tr("Combination of details"),
    }
    return labels.get(kind, kind)


def warning_kind_label(kind: str) -> str:
    labels = {
        "finding_without_evidence": tr("Finding without evidence"),
        "agency_without_finding": tr("Agency with no finding"),
        "empty_section": tr("Empty section"),
        "long_sentence": tr("Long sentence"),
    }
    return labels.get(kind, kind)


# --- sections -------------------------------------------------------------------------------
class SectionsModel(QAbstractItemModel):
    """The letter's sections as a tree: agency sections sit under "Findings for each agency".

    An index's internal id is the section's position in the letter.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sections: list[SectionInfo] = []
        self._parents: list[int] = []  # position of each section's parent; -1 at the top

    def set_sections(self, sections: Sequence[SectionInfo]) -> None:
        """Update in place when only headings or choices changed, so the current row stays."""
        sections = list(sections)
        if [s.key for s in sections] != [s.key for s in self._sections]:
            self.beginResetModel()
            self._sections, self._parents = sections, _parents_of(sections)
            self.endResetModel()
            return
        before, self._sections = self._sections, sections
        for old, new in zip(before, sections):
            if old != new:
                index = self.index_of(new.key)
                self.dataChanged.emit(index, index)

    def section(self, key: str) -> SectionInfo | None:
        return next((s for s in self._sections if s.key == key), None)

    def keys(self) -> list[str]:
        return [s.key for s in self._sections]

    def index_of(self, key: str) -> QModelIndex:
        for position, s in enumerate(self._sections):
            if s.key == key:
                return self.createIndex(self._row(position), 0, position)
        return QModelIndex()

    def _row(self, position: int) -> int:
        return self._children(self._parents[position]).index(position)

    def _children(self, parent_position: int) -> list[int]:
        return [p for p, up in enumerate(self._parents) if up == parent_position]

    # --- the model interface ------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        up = parent.internalId() if parent.isValid() else -1
        return self.createIndex(row, column, self._children(up)[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._parents[index.internalId()]
        return QModelIndex() if up < 0 else self.createIndex(self._row(up), 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent.internalId() if parent.isValid() else -1))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section == 0
        ):
            return tr("Section")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self._sections[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.heading
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return _section_description(info)
        if role == SectionKeyRole:
            return info.key
        return None


def _parents_of(sections: list[SectionInfo]) -> list[int]:
    parents, top = [], -1
    for position, s in enumerate(sections):
        if s.level <= 1:
            top = position
            parents.append(-1)
        else:
            parents.append(top)
    return parents


def _section_description(info: SectionInfo) -> str:
    if not info.takes_items:
        return tr("Text only") if info.text else tr("Standard text")
    count = len(info.items)
    chosen = tr("1 item") if count == 1 else tr("%n items", "", count)
    return chosen + " " + (tr("(chosen by you)") if info.items_chosen else tr("(default choice)"))


# --- what a section holds -------------------------------------------------------------------
class ItemOptionsModel(QAbstractListModel):
    """What may go in one section, each with a tick box. The ticked items always come first,
    numbered in the order they will appear; ``choice_changed`` says the choice was edited."""

    choice_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._options: list[ItemOption] = []

    def set_options(self, options: Sequence[ItemOption]) -> None:
        options = list(options)
        if options != self._options:
            self.beginResetModel()
            self._options = options
            self.endResetModel()

    def chosen_ids(self) -> list[str]:
        return [o.id for o in self._options if o.chosen]

    def row_of(self, item_id: str) -> int:
        return next((r for r, o in enumerate(self._options) if o.id == item_id), -1)

    def can_move(self, row: int, delta: int) -> bool:
        """Only ticked items move, and only among the ticked ones."""
        other = row + delta
        return (
            0 <= row < len(self._options)
            and 0 <= other < len(self._options)
            and self._options[row].chosen
            and self._options[other].chosen
        )

    def move(self, row: int, delta: int) -> bool:
        if not self.can_move(row, delta):
            return False
        self._move_row(row, row + delta)
        self.choice_changed.emit()
        return True

    def _move_row(self, source: int, target: int) -> None:
        if source == target:
            return
        # beginMoveRows names the row the item goes before, counted before the move.
        self.beginMoveRows(
            QModelIndex(), source, source, QModelIndex(), target + 1 if target > source else target
        )
        self._options.insert(target, self._options.pop(source))
        self.endMoveRows()
        self._numbers_changed()

    def _numbers_changed(self) -> None:
        """Only ticked items carry a number: they and the first unticked one may change."""
        last = min(len(self.chosen_ids()), len(self._options) - 1)
        if last >= 0:
            self.dataChanged.emit(self.index(0), self.index(last))

    def _set_chosen(self, row: int, chosen: bool) -> None:
        option = self._options[row]
        self._options[row] = ItemOption(option.id, option.label, chosen)
        # The ticked ones stay together at the top: a newly ticked item goes last among them,
        # an unticked one first among the rest.
        others = sum(1 for r, o in enumerate(self._options) if o.chosen and r != row)
        self._move_row(row, others)
        self._numbers_changed()

    # --- the model interface ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._options)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        option = self._options[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {option.label}" if option.chosen else option.label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if option.chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return option.label
        if role == RecordIdRole:
            return option.id
        return None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        chosen = Qt.CheckState(value) == Qt.CheckState.Checked
        if chosen == self._options[index.row()].chosen:
            return True
        self._set_chosen(index.row(), chosen)
        self.choice_changed.emit()
        return True


# --- the gate's results -----------------------------------------------------------------------
Column = tuple[Callable[[], str], Callable[[Any], str]]  # (header, cell text)


class RowsModel(QAbstractTableModel):
    """A read-only table of plain records; subclasses name the columns."""

    columns: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        rows = list(rows)
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def row(self, number: int):
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section][0]()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()][1](self._rows[index.row()])
        return self.extra_data(self._rows[index.row()], index.column(), role)

    def extra_data(self, row, column: int, role: int):
        return None


class HitsModel(RowsModel):
    """The gate's hits that still block the export: what kind, where (in words the lead can
    follow: the section as the preview shows it, the paragraph's number there, the finding's
    title), and the matched text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[str, str] = {}  # section key or finding id -> its readable name
        self.columns = (
            (lambda: tr("What"), lambda h: hit_kind_label(h.kind)),
            (lambda: tr("Matched text"), lambda h: h.match),
            (lambda: tr("Where"), lambda h: where_text(h, self.names)),
            (lambda: tr("Why"), lambda h: h.why),
        )


class OverridesModel(RowsModel):
    """The lead's overrides, each in a few lines: what was let through, the reason, who and
    when, and where that text is now (or that it is no longer in the letter)."""

    columns = ((lambda: tr("Override"), lambda r: r[1]),)

    def set_overrides(
        self,
        overrides: Sequence[Override],
        in_use: Sequence[tuple[Hit, Override]],
        names: dict[str, str] | None = None,
    ) -> None:
        where: dict[tuple, list[str]] = {}
        for hit, override in in_use:
            where.setdefault(override.key, []).append(where_text(hit, names or {}))
        self.set_rows([(o, _override_text(o, where.get(o.key, []))) for o in overrides])

    def override(self, number: int) -> Override | None:
        row = self.row(number)
        return row[0] if row else None


def where_text(hit: Hit, names: dict[str, str]) -> str:
    """Where a hit is, as the lead finds it on screen: "Main findings, paragraph 3", with the
    finding's title when the words come from one. Never an internal id."""
    section = names.get(hit.section) or hit.heading or tr("The letter")
    place = (
        tr("heading")
        if hit.paragraph < 0
        else tr("paragraph %1").replace("%1", str(hit.paragraph + 1))
    )
    text = f"{section}, {place}"
    if hit.part and hit.part != "lead":
        text += f", {hit.part}"
    title = names.get(hit.finding_id or "")
    if title:
        text += " " + tr("(from the finding \u201c%1\u201d)").replace("%1", title)
    return text


def _override_text(override: Override, places: list[str]) -> str:
    lines = [
        f"{hit_kind_label(override.kind)} \u201c{override.match}\u201d: {override.reason}",
        tr("Let through by %1, %2")
        .replace("%1", override.by or tr("unknown"))
        .replace("%2", local_time(override.at, with_year=True)),
        "; ".join(places) if places else tr("No longer in the letter"),
    ]
    return "\n".join(lines)


class WarningsModel(RowsModel):
    """Advice that never blocks the export, marked with an information icon."""

    columns = ((lambda: tr("Warning"), lambda w: w.message),)

    def extra_data(self, row: ReportWarning, column: int, role: int):
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return warning_kind_label(row.kind) + ": " + tr("advice, does not block the export")
        return None


# --- the preview --------------------------------------------------------------------------------
def preview_html(sections: Sequence[tuple[str, list[str]]], levels: Sequence[int] = ()) -> str:
    """The letter as simple HTML: bold headings (smaller for sub-sections), then paragraphs.
    Sizes are relative, so the text follows the system font."""
    parts = []
    for number, (heading, paragraphs) in enumerate(sections):
        level = levels[number] if number < len(levels) else 1
        tag = "h2" if level == 0 else "h3" if level == 1 else "h4"
        if heading:
            parts.append(f"<{tag}>{escape(heading)}</{tag}>")
        # Each paragraph carries its number in its section, as the check's results name it.
        parts += [
            f"<p><span style='color:gray'>{n}&nbsp;</span>{escape(p).replace(chr(10), '<br>')}</p>"
            for n, p in enumerate(paragraphs, 1)
            if p.strip()
        ]
    return "\n".join(parts)


# --- a hit in its context -----------------------------------------------------------------
CONTEXT_CHARS = 160  # shown either side of a match


def place(hit: Hit) -> tuple:
    """Where a hit is: (section, paragraph, part), as the letter's pieces say it."""
    return (hit.section, hit.paragraph, hit.part)


def hit_contexts(letter: Letter, result: GateResult) -> dict[tuple, str]:
    """The text each hit was found in, by (section, paragraph, part)."""
    wanted = {place(h) for h in (*result.hits, *(h for h, _o in result.overridden))}
    found: dict[tuple, str] = {}
    for piece in letter.pieces():
        where = (piece.section, piece.paragraph, piece.part)
        if where in wanted and where not in found:
            found[where] = piece.text
    return found


def context_html(hit: Hit | None, text: str | None, names: dict[str, str] | None = None) -> str:
    """Where the hit is and why it was taken for one, then the words around it with the
    match in bold."""
    if hit is None:
        return ""
    where = f"<p><i>{escape(where_text(hit, names or {}))}</i></p>"
    if hit.why:
        where += f"<p>{escape(hit_kind_label(hit.kind))}: {escape(hit.why)}</p>"
    if not text:
        return where
    at, end = _match_span(hit, text)
    if at < 0:
        return where + f"<p>{escape(text)}</p>"
    before, after = text[max(0, at - CONTEXT_CHARS) : at], text[end : end + CONTEXT_CHARS]
    before = ("…" if at > CONTEXT_CHARS else "") + before
    after = after + ("…" if end + CONTEXT_CHARS < len(text) else "")
    return where + (f"<p>{escape(before)}<b><u>{escape(text[at:end])}</u></b>{escape(after)}</p>")


def _match_span(hit: Hit, text: str) -> tuple[int, int]:
    """Where the match is in its piece: the gate's own offsets, or a search for it."""
    if 0 <= hit.start < hit.end <= len(text) and text[hit.start : hit.end] == hit.match:
        return hit.start, hit.end
    at = text.find(hit.match)
    if at < 0:
        at = text.lower().find(hit.match.lower())
    return at, (at + len(hit.match) if at >= 0 else -1)
