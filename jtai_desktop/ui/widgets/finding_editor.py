"""Editing one finding: kind, agencies, title, text (saved as you type) and cited evidence.

Every save is one undoable edit through the session. The new-finding dialog is built in code
because its agency list is the open inspection's, not a fixed form.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QWidget,
)

from ...domain.errors import JtaiError
from ...domain.records import PARTNERSHIP, FindingKind
from ...domain.rules import parse_evidence_ref
from ...services.evidence import evidence_choices
from ...services.findings import cite_all, cited_evidence, uncite_all, update_finding
from ..dialogs.evidence_picker import pick_evidence
from ..errors import try_delete, try_edit
from ..models.findings import CitedEvidenceModel, partnership_label
from ..models.roles import RecordIdRole
from .autosave import Autosave
from .finding_spread import SpreadPanel


def kind_choices(widget: QWidget) -> list[tuple[str, str]]:
    return [
        (FindingKind.PRIORITY_ACTION.value, widget.tr("Area for priority action")),
        (FindingKind.AREA_FOR_IMPROVEMENT.value, widget.tr("Area for improvement")),
        (FindingKind.STRENGTH.value, widget.tr("Strength")),
    ]


def kind_combo(widget: QWidget) -> QComboBox:
    combo = QComboBox()
    for value, label in kind_choices(widget):
        combo.addItem(label, value)
    return combo


class AgencyChecklist(QListView):
    """The partnership and the inspection's agencies, each with a tick box (Space toggles)."""

    checked_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setAccessibleName(self.tr("Agencies the finding concerns"))
        self._model.itemChanged.connect(lambda _item: self.checked_changed.emit(self.checked()))

    def set_agencies(self, agencies: list[tuple[str, str]]) -> None:
        """``agencies``: (id, name) pairs; the partnership is added first."""
        with _Blocked(self._model):
            self._model.clear()
            for agency_id, name in [(PARTNERSHIP, partnership_label()), *agencies]:
                item = QStandardItem(name)
                item.setData(agency_id, RecordIdRole)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
                self._model.appendRow(item)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(8, self._model.rowCount() + 1) + 8)
        self.setCurrentIndex(self._model.index(0, 0))
        self.reset()

    def checked(self) -> list[str]:
        return [
            item.data(RecordIdRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, agency_ids) -> None:
        wanted = set(agency_ids)
        with _Blocked(self._model):
            for item in self._items():
                on = item.data(RecordIdRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.viewport().update()

    def _items(self) -> list[QStandardItem]:
        return [self._model.item(row) for row in range(self._model.rowCount())]


class _Blocked:
    def __init__(self, obj: QObject):
        self._obj = obj

    def __enter__(self):
        self._was = self._obj.blockSignals(True)

    def __exit__(self, *exc):
        self._obj.blockSignals(self._was)


class NewFindingDialog(QDialog):
    """Kind, agencies and title: what a finding needs before it can exist."""

    def __init__(
        self,
        agencies: list[tuple[str, str]],
        parent: QWidget | None = None,
        kind: str = "",
        agency: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New finding"))
        self.kind = kind_combo(self)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.agencies = AgencyChecklist()
        self.agencies.set_agencies(agencies)
        self.agencies.set_checked([agency] if agency else [])
        self.title = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create finding"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Agencies:"), self.agencies)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._update_ok)
        self.agencies.checked_changed.connect(self._update_ok)
        self._update_ok()
        self.title.setFocus()
        self.resize(460, self.sizeHint().height())

    def _update_ok(self, *_args) -> None:
        ready = bool(self.title.text().strip()) and bool(self.agencies.checked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(),
            "agencies": self.agencies.checked(),
            "title": self.title.text().strip(),
        }


class FindingEditor(QWidget):
    """Shows and edits one finding; ``load(None)`` shows nothing."""

    evidence_activated = Signal(str)  # an evidence id the user opened from the cited list
    loaded = Signal(str)  # the finding shown now; "" when none

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.finding_id: str | None = None
        self._build()
        self._connect()
        self.setEnabled(False)

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind = kind_combo(self)
        self.agencies = AgencyChecklist()
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Text of the finding"))
        self.cited_model = CitedEvidenceModel(self)
        self.cited = QListView()
        self.cited.setModel(self.cited_model)
        self.cited.setAccessibleName(self.tr("Cited evidence"))
        self.cited.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.cited.setMaximumHeight(self.cited.fontMetrics().lineSpacing() * 8)
        self.cite_button = QPushButton(self.tr("&Cite evidence…"))
        self.remove_button = QPushButton(self.tr("&Remove citation"))
        self.warning = WarningLine(self.tr("No evidence cited: a finding must cite evidence."))
        self.title_message = QLabel()
        self.title_message.setWordWrap(True)
        self.title_message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.cite_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("A&gencies:"), self.agencies)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow("", self.title_message)
        form.addRow(self.tr("Te&xt:"), self.text)
        form.addRow(self.tr("Cited &evidence:"), self.cited)
        form.addRow("", self.warning)
        form.addRow("", buttons)
        self.spread = SpreadPanel(self.session)
        form.addRow(self.tr("&Sources:"), self.spread)

    def _connect(self) -> None:
        self.text_autosave = Autosave(self.text, self._save_text, self)
        self.title_autosave = Autosave(self.title, self._save_title, self)
        self.text.textChanged.connect(self.text_autosave.poke)
        self.title.textEdited.connect(lambda _t: self.title_autosave.poke())
        self.title.returnPressed.connect(self.title_autosave.flush)
        self.kind.currentIndexChanged.connect(lambda _i: self._save(kind=self.kind.currentData()))
        self.agencies.checked_changed.connect(lambda ids: self._save(agencies=ids))
        self.cite_button.clicked.connect(self.cite_evidence)
        self.remove_button.clicked.connect(self.remove_citations)
        self.cited.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.cited.activated.connect(
            lambda index: self.evidence_activated.emit(index.data(RecordIdRole))
        )

    def set_agencies(self, agencies: list[tuple[str, str]]) -> None:
        self.agencies.set_agencies(agencies)
        self.sync()

    # --- showing -----------------------------------------------------------------------
    def load(self, finding_id: str | None) -> None:
        if finding_id != self.finding_id:
            self.flush()
            self.text_autosave.cancel()
            self.title_autosave.cancel()
            self.finding_id = finding_id
            self.title_message.hide()
        self.sync()

    def sync(self) -> None:
        """Show the stored finding, leaving alone a field whose typing is not yet saved."""
        row = self.session.ws.get("finding", self.finding_id) if self.finding_id else None
        if row is None:
            self.finding_id = None
            self._clear()
            self.loaded.emit("")
            return
        self.setEnabled(True)
        with _Blocked(self.kind):
            self.kind.setCurrentIndex(max(0, self.kind.findData(row["kind"])))
        self.agencies.set_checked(row["agencies"] or [])
        if not self.title_autosave.pending() and self.title.text() != (row["title"] or ""):
            self.title.setText(row["title"] or "")
            self.title.setCursorPosition(0)  # show how the title starts, not how it ends
        if not self.text_autosave.pending() and self.text.toPlainText() != (row["text"] or ""):
            with _Blocked(self.text):
                self.text.setPlainText(row["text"] or "")
        cited = cited_evidence(self.session.ws, row["id"])
        self.cited_model.set_items(sorted(cited, key=lambda item: _ref_number(item["ref"])))
        self.warning.setVisible(self.cited_model.rowCount() == 0)
        self.spread.show_finding(self.finding_id)
        self._update_buttons()
        self.loaded.emit(self.finding_id)

    def _clear(self) -> None:
        self.setEnabled(False)
        self.title.clear()
        with _Blocked(self.text):
            self.text.clear()
        self.agencies.set_checked([])
        self.cited_model.set_items([])
        self.warning.hide()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.cited.selectionModel().hasSelection())

    # --- saving ------------------------------------------------------------------------
    def flush(self) -> None:
        """Save typing not yet saved (before switching finding or leaving the page)."""
        self.title_autosave.flush()
        self.text_autosave.flush()

    def _save_text(self) -> None:
        self._save(text=self.text.toPlainText())

    def _save_title(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.title_message.setText(self.tr("A finding needs a title; the last one is kept."))
            self.title_message.show()
            return
        self.title_message.hide()
        self._save(title=title)

    def _save(self, **values) -> None:
        if "kind" in values or "agencies" in values:
            self.flush()  # typing comes first, as its own step, before the regrouping
        finding_id = self.finding_id
        row = self.session.ws.get("finding", finding_id) if finding_id else None
        if finding_id is None or row is None or all(row.get(k) == v for k, v in values.items()):
            return  # nothing changed: no empty step on the undo stack
        self._run(lambda ws: update_finding(ws, finding_id, **values))

    def _run(self, action) -> None:
        try_edit(self, self.session, action)
        self.sync()

    # --- citations ---------------------------------------------------------------------
    def cite_evidence(self) -> None:
        if not self.finding_id:
            return
        finding_id, ws = self.finding_id, self.session.ws
        items = evidence_choices(ws, self.session.inspection_id, set(self.cited_model.ids()))
        chosen = pick_evidence(self, items, self.tr("Cite evidence"))
        if chosen:
            self._run(lambda ws: cite_all(ws, finding_id, chosen))

    def remove_citations(self) -> None:
        rows = self.cited.selectionModel().selectedIndexes()
        ids = [index.data(RecordIdRole) for index in rows]
        if self.finding_id and ids:
            finding_id = self.finding_id
            what = (
                self.tr("Removed 1 citation.")
                if len(ids) == 1
                else self.tr("Removed %1 citations.").replace("%1", str(len(ids)))
            )
            try_delete(self, self.session, what, lambda ws: uncite_all(ws, finding_id, ids))
            self.sync()


def _ref_number(ref: str) -> int:
    """E-6076 before E-10005: references sort by number, not as text."""
    try:
        return parse_evidence_ref(ref)
    except JtaiError:
        return 0


class WarningLine(QWidget):
    """An icon and words, so the warning does not rely on colour."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(text)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
