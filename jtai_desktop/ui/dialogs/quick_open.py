"""Quick open (Ctrl+K): type a pseudonym, an evidence reference or a title and press Enter.

The arrow keys move through the results while the cursor stays in the box, so typing and
choosing never need the mouse. The search runs off the UI thread, like the search page's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ...services.search import quick_open_search
from ..errors import show_error
from ..models.roles import RecordIdRole, RecordKindRole
from ..models.search import BackgroundSearch, SearchResultsModel
from ..widgets.snippet_delegate import SnippetDelegate

DEBOUNCE_MS = 120
LIMIT = 20
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}


class QuickOpenDialog(QDialog):
    chosen = Signal(str, str)  # entity kind, record id
    finished_search = Signal(int)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(self.tr("Quick open"))
        self.setAccessibleName(self.tr("Quick open"))
        self.model = SearchResultsModel(self, with_snippet=False)
        self.searcher = BackgroundSearch(
            session, self, delay_ms=DEBOUNCE_MS, limit=LIMIT, search_fn=quick_open_search
        )
        self._choose_when_ready = False
        self._build()
        self.query.textChanged.connect(self.searcher.request)
        self.query.installEventFilter(self)
        self.results.activated.connect(self._choose)
        self.searcher.results.connect(self._on_results)
        self.searcher.failed.connect(lambda error: show_error(self, error))

    def _build(self) -> None:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Pseudonym, evidence reference, note or finding title")
        )
        label = QLabel(self.tr("&Go to:"))
        label.setBuddy(self.query)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setAccessibleName(self.tr("Matching records"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the box
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        inner = QVBoxLayout(frame)
        for widget in (label, self.query, self.results, self.status):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.resize(560, 380)

    def popup(self) -> None:
        """Show, centred near the top of the parent window, with an empty box."""
        self._choose_when_ready = False
        self.query.clear()
        self.model.set_hits([])
        self.status.setText(self.tr("Type to find a record."))
        parent = self.parentWidget()
        if parent is not None:
            top_left = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top_left.x() + (parent.width() - self.width()) // 2, top_left.y() + 60)
        self.show()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_results(self, text: str, hits: list) -> None:
        self.model.set_hits(hits, text)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.status.setText(self.tr("No matches.") if text.strip() and not hits else "")
        self.finished_search.emit(len(hits))
        if self._choose_when_ready:
            self._choose_when_ready = False
            self._choose(self.model.index(0, 0))

    def _enter(self) -> None:
        if self.searcher.pending():  # typed faster than the search: take its first result
            self._choose_when_ready = True
            self.searcher.run_now(self.query.text())
            return
        index = self.results.currentIndex()
        self._choose(index if index.isValid() else self.model.index(0, 0))

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            entity, record_id = index.data(RecordKindRole), index.data(RecordIdRole)
            self.accept()
            self.chosen.emit(entity, record_id)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            current = self.results.currentIndex().row()
            row = min(rows - 1, max(0, (current if current >= 0 else -1) + step))
            self.results.setCurrentIndex(self.model.index(row, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _MOVES:
                self._move(_MOVES[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return False
