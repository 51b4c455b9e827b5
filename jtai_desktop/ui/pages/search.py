"""Search page: words typed here find notes, observations, findings, evidence and children.

The search runs off the UI thread a moment after the last keystroke; Enter or a
double-click on a result asks the window to show that record on its own page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout

from ..errors import show_error
from ..models.roles import RecordIdRole, RecordKindRole
from ..models.search import BackgroundSearch, SearchResultsModel
from ..widgets.snippet_delegate import SnippetDelegate
from .base import Page

DEBOUNCE_MS = 250
LIMIT = 50


class SearchPage(Page):
    key = "search"

    finished = Signal(int)  # results shown for the current query (for waiting on)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._open_when_ready = False
        self.model = SearchResultsModel(self)
        self.searcher = BackgroundSearch(session, self, delay_ms=DEBOUNCE_MS, limit=LIMIT)
        self._build()
        self._connect()
        self._show_status("")

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Words from notes, case reviews, findings, evidence or a child's pseudonym")
        )
        label = QLabel(self.tr("&Search for:"))
        label.setBuddy(self.query)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what the user typed
        self.status.setAccessibleName(self.tr("Search status"))
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        for widget in (label, self.query, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.results, 1)

    def _connect(self) -> None:
        self.query.textChanged.connect(self.searcher.request)
        self.query.returnPressed.connect(self._open_from_query)
        self.query.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(self._open)
        self.searcher.started.connect(lambda _text: self.status.setText(self.tr("Searching…")))
        self.searcher.results.connect(self._on_results)
        self.searcher.failed.connect(self._on_failed)

    # --- for the window ------------------------------------------------------------------
    def focus_query(self) -> None:
        """Ctrl+F: put the cursor in the search box with its words selected."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def refresh(self) -> None:
        """The data may have changed: search the same words again."""
        if self.query.text().strip():
            self.searcher.request(self.query.text())

    def on_changed(self, entity: str, record_id: str) -> None:
        if self.isVisible():
            self.refresh()

    # --- results -------------------------------------------------------------------------
    def _on_results(self, text: str, hits: list) -> None:
        current = self.results.currentIndex().data(RecordIdRole)
        self.model.set_hits(hits, text)
        self._show_status(text)
        self._reselect(current)
        self.finished.emit(len(hits))
        if self._open_when_ready:
            self._open_when_ready = False
            self._open(self.model.index(0, 0))

    def _reselect(self, record_id: str | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(RecordIdRole) == record_id:
                self.results.setCurrentIndex(self.model.index(row, 0))
                return

    def _show_status(self, text: str) -> None:
        count = self.model.rowCount()
        if not text.strip():
            message = self.tr("Type words to search this inspection.")
        elif count == 0:
            message = self.tr("No matches for “%1”.").replace("%1", text.strip())
        elif count >= LIMIT:
            message = self.tr("The %1 best matches; add words to narrow the search.").replace(
                "%1", str(count)
            )
        else:
            message = self.tr("1 match.") if count == 1 else self.tr("%n matches.", "", count)
        self.status.setText(message)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The search failed."))
        show_error(self, error)

    # --- opening -------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(index.data(RecordKindRole), index.data(RecordIdRole))

    def _open_from_query(self) -> None:
        if self.searcher.pending():  # typed faster than the search: open its first result
            self._open_when_ready = True
            self.searcher.run_now(self.query.text())
            return
        index = self.results.currentIndex()
        self._open(index if index.isValid() else self.model.index(0, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() != QEvent.Type.KeyPress:
            return False
        if watched is self.query and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if (
            watched is self.results
            and event.key() == Qt.Key.Key_Up
            and self.results.currentIndex().row() <= 0
        ):
            self.focus_query()
            return True
        return False
