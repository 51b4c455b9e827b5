"""The findings as a tree: kind (priority actions first) → agency → finding.

A finding that names several agencies appears under each of them, because the letter has a
section of findings for each agency and an inspector checks one agency's list at a time.
Every copy carries the same finding id, so selecting either opens the same finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.record_types import EvidenceRow
from ...domain.records import PARTNERSHIP, FindingKind
from ...services.findings import FindingSummary
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex, KindRole, RecordIdRole

NoEvidenceRole = MODEL_ROLES  # True on a finding that cites nothing
AgencyRole = MODEL_ROLES + 1  # on agency groups and findings
IsFindingRole = MODEL_ROLES + 2
GroupLabelRole = MODEL_ROLES + 3  # a group's name without its count

TITLE, EVIDENCE, SPREAD = 0, 1, 2


tr = translator("FindingsTreeModel")


def kind_labels() -> dict[str, str]:
    return {
        FindingKind.PRIORITY_ACTION.value: tr("Areas for priority action"),
        FindingKind.AREA_FOR_IMPROVEMENT.value: tr("Areas for improvement"),
        FindingKind.STRENGTH.value: tr("Strengths"),
    }


def partnership_label() -> str:
    return tr("The partnership")


@dataclass
class _Node:
    parent: int  # node number of the parent; -1 for the root
    row: int
    label: str = ""
    kind: str = ""
    agency: str = ""
    finding: FindingSummary | None = None
    children: list[int] = field(default_factory=list)

    def shape(self) -> tuple:
        return (self.label, self.finding.id if self.finding else "", len(self.children))


class FindingsTreeModel(QAbstractItemModel):
    """Nodes live in one flat list; an index's internal id is its node's number."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node(-1, 0)]

    # --- loading -----------------------------------------------------------------------
    def set_findings(self, findings: list[FindingSummary], agency_names: dict[str, str]) -> None:
        """Show these findings. When only their titles or citations changed, rows are
        updated in place so the selection and the expanded groups stay as they were."""
        nodes = _build(findings, agency_names)
        if [n.shape() for n in nodes] != [n.shape() for n in self._nodes]:
            self.beginResetModel()
            self._nodes = nodes
            self.endResetModel()
            return
        before, self._nodes = self._nodes, nodes
        for number, (old, new) in enumerate(zip(before, nodes)):
            if old.finding != new.finding:
                self.dataChanged.emit(
                    self.createIndex(new.row, 0, number), self.createIndex(new.row, 1, number)
                )

    # --- lookups -------------------------------------------------------------------------
    def indexes_of(self, finding_id: str) -> list[QModelIndex]:
        return [
            self.createIndex(n.row, 0, number)
            for number, n in enumerate(self._nodes)
            if n.finding is not None and n.finding.id == finding_id
        ]

    def group_indexes(self) -> list[QModelIndex]:
        return [
            self.createIndex(n.row, 0, number)
            for number, n in enumerate(self._nodes)
            if number and n.finding is None
        ]

    def finding(self, finding_id: str) -> FindingSummary | None:
        return next(
            (
                n.finding
                for n in self._nodes
                if n.finding is not None and n.finding.id == finding_id
            ),
            None,
        )

    def without_evidence(self) -> int:
        return len({n.finding.id for n in self._nodes if n.finding and not n.finding.cited})

    # --- the model interface ------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        number = self._nodes[parent.internalId() if parent.isValid() else 0].children[row]
        return self.createIndex(row, column, number)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        if up <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId() if parent.isValid() else 0].children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headings = (tr("Finding"), tr("Evidence cited"), tr("Lead's rule"))
            return headings[section] if section in (0, 1, 2) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if node.finding is None:
            return self._group_data(node, index.column(), role)
        return self._finding_data(node, node.finding, index.column(), role)

    def _group_data(self, node: _Node, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole and column == TITLE:
            return f"{node.label} ({len(node.children) if node.agency else self._count(node)})"
        if role == GroupLabelRole:
            return node.label
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return self._common(node, role)

    def _count(self, node: _Node) -> int:
        """Findings under a kind, each counted once even when it names several agencies."""
        findings = (self._nodes[f].finding for a in node.children for f in self._nodes[a].children)
        return len({finding.id for finding in findings if finding is not None})

    def _finding_data(self, node: _Node, finding: FindingSummary, column: int, role: int):
        missing = finding.cited == 0
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SPREAD:
                return tr("below the rule") if finding.short_of else tr("met")
            return finding.title if column == TITLE else self._evidence_text(finding.cited)
        flagged = missing if column == TITLE else column == SPREAD and bool(finding.short_of)
        if role == Qt.ItemDataRole.DecorationRole and flagged:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            status = (
                tr("No evidence cited: every finding must cite evidence.")
                if missing
                else tr("Evidence cited: %1").replace("%1", self._evidence_text(finding.cited))
            )
            if finding.short_of:
                status += "\n" + tr("Below the lead's rule: needs %1.").replace(
                    "%1", finding.short_of
                )
            return f"{finding.title}\n{status}" if role == Qt.ItemDataRole.ToolTipRole else status
        if role == Qt.ItemDataRole.FontRole and column == EVIDENCE and missing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == RecordIdRole:
            return finding.id
        if role == NoEvidenceRole:
            return missing
        return self._common(node, role)

    @staticmethod
    def _evidence_text(count: int) -> str:
        if count == 0:
            return tr("no evidence cited")
        # Spelled out for English; a translation supplies its own plural forms for %n.
        return tr("1 item") if count == 1 else tr("%n items", "", count)

    @staticmethod
    def _common(node: _Node, role: int):
        if role == KindRole:
            return node.kind
        if role == AgencyRole:
            return node.agency
        if role == IsFindingRole:
            return node.finding is not None
        return None


def _build(findings: list[FindingSummary], agency_names: dict[str, str]) -> list[_Node]:
    nodes = [_Node(-1, 0)]

    def add(parent: int, **values) -> int:
        nodes.append(_Node(parent, len(nodes[parent].children), **values))
        nodes[parent].children.append(len(nodes) - 1)
        return len(nodes) - 1

    order = [PARTNERSHIP, *agency_names]
    names = {PARTNERSHIP: partnership_label(), **agency_names}
    for kind, label in kind_labels().items():
        group = add(0, label=label, kind=kind)
        of_kind = [f for f in findings if f.kind == kind]
        named = {a for f in of_kind for a in f.agencies}
        for agency in [a for a in order if a in named] + sorted(named - set(order)):
            sub = add(
                group, label=names.get(agency, tr("Unknown agency")), kind=kind, agency=agency
            )
            for finding in (f for f in of_kind if agency in f.agencies):
                add(sub, kind=kind, agency=agency, finding=finding)
    return nodes


class WithoutEvidenceFilter(QSortFilterProxyModel):
    """When on, only findings that cite no evidence (and the groups they are in)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._only_missing = False

    def set_only_without_evidence(self, on: bool) -> None:
        self.beginFilterChange()
        self._only_missing = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def only_without_evidence(self) -> bool:
        return self._only_missing

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            self._only_missing
            and role == Qt.ItemDataRole.DisplayRole
            and index.column() == TITLE
            and not index.data(IsFindingRole)
        ):
            return f"{index.data(GroupLabelRole)} ({len(self._shown_findings(index))})"
        return super().data(index, role)

    def _shown_findings(self, group: AnyIndex) -> set:
        """Findings left under a group by the filter (each once), so its count matches."""
        found: set[str] = set()
        for row in range(self.rowCount(group)):
            child = self.index(row, 0, group)
            found |= (
                {child.data(RecordIdRole)}
                if child.data(IsFindingRole)
                else self._shown_findings(child)
            )
        return found

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:  # noqa: N802
        if not self._only_missing:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return bool(index.data(IsFindingRole)) and bool(index.data(NoEvidenceRole))


class CitedEvidenceModel(QAbstractListModel):
    """The evidence one finding cites, as "E-1001  Title" lines; the id is in UserRole."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[EvidenceRow] = []

    def set_items(self, items: list[EvidenceRow]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def ids(self) -> list[str]:
        return [item["id"] for item in self._items]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item['ref']}  {item['title'] or ''}"
        if role == RecordIdRole:
            return item["id"]
        return None
