"""Findings page: the findings grouped by kind and agency, and an editor for the chosen one.

Findings that cite no evidence carry a warning icon and the words "no evidence cited"; a
filter shows only those, so the team can close the gaps before the letter is written.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...services.findings import add_finding, finding_summaries
from ...services.inspections import agencies_in_order
from ..errors import try_edit
from ..models.findings import AgencyRole, FindingsTreeModel, WithoutEvidenceFilter
from ..models.roles import KindRole, RecordIdRole
from ..shortcuts import bind, key_text
from ..views import empty_hint, placeholder_label
from ..widgets.finding_editor import FindingEditor, NewFindingDialog, WarningLine
from .base import Page

REFRESH_ON = ("finding", "link", "evidence", "agency", "finding_source", "code", "evidence_rule")


class FindingsPage(Page):
    key = "findings"

    def __init__(self, session, parent=None):
        self._agencies: list[tuple[str, str]] = []
        self._collapsed: set[tuple[str, str]] = set()
        super().__init__(session, parent)
        self.model = FindingsTreeModel(self)
        self.proxy = WithoutEvidenceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.editor = FindingEditor(session)
        self._build()
        self._connect()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.empty_hint = empty_hint(
            self.tree,
            self.tr(
                "No findings yet. Press New finding… (%1) for a strength, an area for "
                "improvement or an area for priority action."
            ).replace("%1", key_text("findings.new")),
            self.tr("Every finding cites evidence."),
        )
        self.tree.setAccessibleName(self.tr("Findings by kind and agency"))
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Size columns from the visible rows only: measuring all of a large list on every
        # scroll stalls the UI.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(self.tr("&New finding…"))
        self.new_button.setToolTip(
            self.tr("New finding (%1)").replace(
                "%1",
                key_text("findings.new"),
            )
        )
        self.new_action = QAction(self.tr("New finding"), self)
        bind(self.new_action, "findings.new")
        # Also from the section list, as on the notes and evidence pages; the action belongs
        # to this page, so the shortcut only works while the page is shown.
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.new_action)
        self.only_missing = QCheckBox(self.tr("&Only findings without evidence"))
        self.summary = WarningLine()
        self.placeholder = placeholder_label(
            self.tr("Choose a finding in the list to edit it, or create one with New finding.")
        )
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.editor)
        self.setLayout(self._layout())
        self._set_tab_order()

    def _layout(self) -> QVBoxLayout:
        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addWidget(self.only_missing)
        tools.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.summary)
        column.addWidget(self.tree, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout()
        outer.addWidget(splitter)
        return outer

    def _set_tab_order(self) -> None:
        editor = self.editor
        chain = (
            self.new_button,
            self.only_missing,
            self.tree,
            editor.kind,
            editor.agencies,
            editor.title,
            editor.text,
            editor.cited,
            editor.cite_button,
            editor.remove_button,
        )
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_finding)
        self.new_action.triggered.connect(self.new_finding)
        self.only_missing.toggled.connect(self._filter)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.expanded.connect(lambda index: self._collapsed.discard(_group_key(index)))
        self.tree.collapsed.connect(lambda index: self._collapsed.add(_group_key(index)))
        self.model.modelReset.connect(self._restore_view)
        self.editor.evidence_activated.connect(
            lambda eid: self.jump_requested.emit("evidence", eid)
        )
        self.editor.loaded.connect(
            lambda finding_id: self.right.setCurrentWidget(
                self.editor if finding_id else self.placeholder
            )
        )

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        agencies = [(a["id"], a["name"]) for a in agencies_in_order(ws, inspection_id)]
        self.model.set_findings(finding_summaries(ws, inspection_id), dict(agencies))
        if agencies != self._agencies:  # rebuilding the list would lose the user's place in it
            self._agencies = agencies
            self.editor.set_agencies(agencies)
        # A finding deleted (or undone) or from the inspection open before is not shown.
        shown = self.editor.finding_id
        self.editor.load(shown if shown and self.model.finding(shown) else None)
        self._update_summary()

    def on_changed(self, entity: str, record_id: str) -> None:
        if entity in REFRESH_ON and self.isVisible():
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.editor.flush()
        super().hideEvent(event)

    def _update_summary(self) -> None:
        missing = self.model.without_evidence()
        self.summary.set_text(
            self.tr("1 finding cites no evidence.")
            if missing == 1
            else self.tr("%n findings cite no evidence.", "", missing)
        )
        self.summary.setVisible(missing > 0)

    def _restore_view(self) -> None:
        """After the tree was rebuilt: the same groups open, the same finding chosen."""
        for source in self.model.group_indexes():
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                self.tree.setExpanded(index, _group_key(index) not in self._collapsed)
        if self.editor.finding_id:
            self._select(self.editor.finding_id)

    def _filter(self, on: bool) -> None:
        self.proxy.set_only_without_evidence(on)
        self._restore_view()

    # --- choosing ----------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.editor.load(current.data(RecordIdRole))

    def _select(self, finding_id: str) -> bool:
        for source in self.model.indexes_of(finding_id):
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.tree.selectionModel().setCurrentIndex(index, flags)
                self.tree.scrollTo(index)
                return True
        return False

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of: the finding open in the editor."""
        return ("finding", self.editor.finding_id) if self.editor.finding_id else None

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()
        if self.model.finding(record_id) is None:
            return
        if not self._select(record_id):  # hidden by the filter
            self.only_missing.setChecked(False)
            self._select(record_id)
        self.editor.load(record_id)
        self.tree.setFocus()

    # --- creating ----------------------------------------------------------------------
    def new_finding(self) -> None:
        if self.session.inspection_id is None:
            return
        self.editor.flush()
        current = self.tree.currentIndex()
        dialog = NewFindingDialog(
            self._agencies,
            self,
            kind=current.data(KindRole) or "",
            agency=current.data(AgencyRole) or "",
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, inspection_id = dialog.values(), self.session.inspection_id
        changes = try_edit(
            self, self.session, lambda ws: add_finding(ws, inspection_id, text="", **values)
        )
        if changes is None:
            return
        self.refresh()
        self.show_record("finding", changes.entity_id)
        self.editor.text.setFocus()


def _group_key(index: QModelIndex) -> tuple[str, str]:
    return (index.data(KindRole) or "", index.data(AgencyRole) or "")
