"""Evidence: the list of items, adding files (dialog or drag and drop) and the chosen item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...services.evidence import (
    delete_evidence,
    evidence_item,
    evidence_list,
    link_choices,
    linked_ids,
)
from ..errors import show_error, try_delete
from ..evidence_import import EvidenceImporter, ImportOutcome
from ..models.evidence import REF, TITLE, EvidenceFilter, EvidenceModel
from ..models.roles import RecordIdRole
from ..shortcuts import key_text, shortcut
from ..views import empty_hint, on_delete_key, record_list_view, select_record, show_new_values
from ..widgets.evidence_detail import EvidenceDetail
from .base import Page

CHOICE_ENTITIES = ("child", "agency", "finding", "inspection")
# More items changed at once than this (an import) and the whole list is read again.
ONE_BY_ONE = 20


class EvidencePage(Page):
    key = "evidence"
    watches = ("evidence", "link", *CHOICE_ENTITIES)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = EvidenceModel(self)
        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.detail = EvidenceDetail(session)
        self.importer = EvidenceImporter(session, self)
        self.importer.progress.connect(self._on_progress)
        self.importer.finished.connect(self._on_imported)
        self.report: QMessageBox | None = None  # the last import's refusals, if any
        self._reselecting = False
        # The items changed since the list was last read (None: read it all again); read
        # once the edit has announced them all (an import announces many).
        self._changed: set[str] | None = set()
        session.changes_announced.connect(self._apply_changes)
        splitter = QSplitter()
        splitter.addWidget(self._list_panel())
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setAcceptDrops(True)
        self._shortcuts()

    # --- layout ----------------------------------------------------------------------------
    def _list_panel(self) -> QWidget:
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setToolTip(
            self.tr("Add evidence files (%1), or drop files on this page").replace(
                "%1", key_text("evidence.add")
            )
        )
        self.add_button.clicked.connect(self.choose_files)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen item and its links (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setPlaceholderText(self.tr("Reference, title, source, type…"))
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        find = QLabel(self.tr("Fi&lter:"))
        find.setBuddy(self.text_filter)
        top = QHBoxLayout()
        for widget in (self.add_button, self.delete_button, find):
            top.addWidget(widget)
        top.addWidget(self.text_filter, 1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._view(), 1)
        layout.addLayout(self._progress_row())
        self.import_status = QLabel()
        self.import_status.setWordWrap(True)
        layout.addWidget(self.import_status)
        return panel

    def _view(self) -> QTableView:
        view = record_list_view(
            self.proxy, self.tr("Evidence items"), TITLE, REF, Qt.SortOrder.AscendingOrder
        )
        view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view = view
        self.empty_hint = empty_hint(
            view,
            self.tr(
                "No evidence yet. Press Add files… (%1), or drop files here: each gets a "
                "reference such as E-1001."
            ).replace("%1", key_text("evidence.add")),
            self.tr("No item matches the filter: clear it to see every item."),
        )
        return view

    def _progress_row(self) -> QHBoxLayout:
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Import progress"))
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.importer.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        self._show_progress(False)
        return row

    def _shortcuts(self) -> None:
        # Also from the section list.
        shortcut("evidence.add", self, self.choose_files, Qt.ShortcutContext.WindowShortcut)
        on_delete_key(self.view, self.delete_current)

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.inspection_id is None:
            return
        self.detail.set_choices(link_choices(self.session.ws, self.session.inspection_id))
        self._reload()

    def _reload(self) -> None:
        if self.session.inspection_id is None:
            return
        self._changed = set()
        current = self.detail.evidence_id
        self._reselecting = True
        try:
            self.model.set_rows(evidence_list(self.session.ws, self.session.inspection_id))
            self._select(current)
        finally:
            self._reselecting = False
        ws = self.session.ws
        row = ws.get("evidence", current) if current else None
        if row and row["inspection_id"] != self.session.inspection_id:
            row = None  # another inspection was opened
        self.detail.sync(row, linked_ids(ws, row["id"]) if row else {})

    def on_changed(self, entity: str, record_id: str) -> None:
        if not self.session.inspection_id:
            return
        if not self.isVisible():
            self.note_hidden_change(entity)  # reloaded when shown
            return
        if entity in ("evidence", "link"):
            self._note_change(entity, record_id)
        elif entity in CHOICE_ENTITIES:
            self.refresh()

    def _note_change(self, entity: str, record_id: str) -> None:
        """Remember the item to read again: the one edited, or the one a link is from."""
        if self._changed is None:
            return
        if entity == "link":
            link = self.session.ws.get("link", record_id)
            record_id = link["evidence_id"] if link else ""  # a link removed: from what?
        if not record_id or len(self._changed) >= ONE_BY_ONE:
            self._changed = None
        else:
            self._changed.add(record_id)

    def _apply_changes(self) -> None:
        """Bring the list up to date: the changed items' lines (an autosave while typing a
        description: on 1,000 items reading them all took 60-130 ms at every pause), or all
        of it after an import, a deletion or a removed link."""
        changed = self._changed
        if changed == set():
            return  # nothing of the list changed
        if changed is None or not self._reload_items(changed):
            self._reload()
        self._changed = set()

    def _reload_items(self, evidence_ids: set[str]) -> bool:
        """Each item's new values in its line; False if one is new or gone."""
        ws = self.session.ws
        for evidence_id in evidence_ids:
            row = evidence_item(ws, evidence_id)
            if not show_new_values(self.model, row, self.session.inspection_id):
                return False
        current = self.detail.evidence_id
        if current in evidence_ids:
            self.detail.sync(ws.get("evidence", current), linked_ids(ws, current))
        return True

    def show_record(self, entity: str, record_id: str) -> None:
        if entity == "link":
            link = self.session.ws.get("link", record_id)
            record_id = link["evidence_id"] if link else ""
        self.text_filter.clear()
        if self.model.row_of(record_id) < 0:
            self.refresh()
        self._select(record_id)
        self.view.setFocus()

    def _select(self, evidence_id: str | None) -> None:
        select_record(self.view, self.proxy, self.model, evidence_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reselecting:
            return
        evidence_id = current.data(RecordIdRole) if current.isValid() else None
        if evidence_id == self.detail.evidence_id:
            return
        self.detail.flush()
        ws = self.session.ws
        row = ws.get("evidence", evidence_id) if evidence_id else None
        self.detail.open_item(row, linked_ids(ws, row["id"]) if row else {})

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of: the evidence item shown."""
        return ("evidence", self.detail.evidence_id) if self.detail.evidence_id else None

    def selected_id(self) -> str | None:
        return self.detail.evidence_id

    # --- importing ---------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.importer.running or not self.session.inspection_id:
            return
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"))
        if names:
            self.import_paths(names)

    def import_paths(self, paths) -> ImportOutcome | None:
        """Import files in the background; the dialog and drops both end up here."""
        try:
            outcome = self.importer.start([Path(p) for p in paths])
        except JtaiError as error:
            show_error(self, error)
            return None
        if outcome is not None:
            self.import_status.clear()
            self._on_progress(0, outcome.total, "")
            self._show_progress(True)
        return outcome

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            self.tr("Importing %1 of %2 %3")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
            .replace("%3", name)
            if name
            else self.tr("Importing…")
        )

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self._show_progress(False)
        self._reload()
        if outcome.evidence_ids:
            self._select(outcome.evidence_ids[0])
        self.import_status.setText(self._summary(outcome))
        if outcome.error is not None:
            show_error(self, outcome.error)
        elif outcome.refused:
            self._report_refusals(outcome)

    def _summary(self, outcome: ImportOutcome) -> str:
        text = self._files(
            outcome.imported, self.tr("1 file imported."), self.tr("%1 files imported.")
        )
        if outcome.cancelled:
            text += " " + self.tr("Import cancelled: the other files were not imported.")
        if outcome.refused:
            text += " " + self._files(
                len(outcome.refused), self.tr("1 file refused."), self.tr("%1 files refused.")
            )
        return text

    @staticmethod
    def _files(count: int, one: str, many: str) -> str:
        return one if count == 1 else many.replace("%1", str(count))

    def _report_refusals(self, outcome: ImportOutcome) -> None:
        """One message listing every refused file and why; the others were imported."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Some files were not imported"),
            self._summary(outcome) + " " + self.tr("These were not imported:"),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setInformativeText("\n\n".join(outcome.refused))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = box
        box.open()  # not exec(): the page stays live behind it

    def _show_progress(self, visible: bool) -> None:
        for widget in (self.progress_bar, self.progress_label, self.cancel_button):
            widget.setVisible(visible)
        self.add_button.setEnabled(not visible)

    # --- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self._dropped_paths(event.mimeData()) and not self.importer.running:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = self._dropped_paths(event.mimeData())
        if paths and self.import_paths(paths) is not None:
            event.acceptProposedAction()

    @staticmethod
    def _dropped_paths(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    # --- deleting ----------------------------------------------------------------------------
    def delete_current(self) -> None:
        evidence_id = self.detail.evidence_id
        if not evidence_id:
            return
        row = self.session.ws.get("evidence", evidence_id)
        if row is None:
            return
        what = (
            self.tr("Deleted %1, “%2”, and its links.")
            .replace("%1", row["ref"])
            .replace("%2", row["title"])
        )
        self.detail.open_item(None, {})
        try_delete(self, self.session, what, lambda ws: delete_evidence(ws, evidence_id))
        self.view.setFocus()
