"""Search results as a list model, and searching off the UI thread as you type.

Snippets come from the service with matches marked ``[word]``. Everything else in them is
the user's own text, so it is escaped before it becomes rich text: a note that says
``<b>`` shows those characters, it never turns bold.
"""

from __future__ import annotations

import html
import re
import threading

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, QTimer, Signal

from ...services.search import SearchHit, described_search
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex, RecordIdRole, RecordKindRole

TitleRole = MODEL_ROLES
KindLabelRole = MODEL_ROLES + 1
SnippetHtmlRole = MODEL_ROLES + 2  # the snippet with matches in <b>
RichTextRole = MODEL_ROLES + 3  # what the delegate draws

tr = translator("SearchResultsModel")
_MARK = re.compile(r"\[([^\[\]]*)\]")
_WORD = re.compile(r"\w+", re.UNICODE)


def entity_label(entity: str) -> str:
    labels = {
        "note": "Note",
        "review": "Case review",
        "finding": "Finding",
        "evidence": "Evidence",
        "child": "Child",
        "audit_eval": "Audit evaluation",
        "front_door_sample": "Front door sample",
        "timetable_entry": "Session",
        "area_review": "Judged for the area",
    }
    return tr(labels.get(entity, entity.title()))


def snippet_html(snippet: str) -> str:
    """Escaped text with each ``[match]`` in bold."""
    parts, last = [], 0
    for match in _MARK.finditer(snippet or ""):
        parts.append(html.escape(snippet[last : match.start()]))
        parts.append(f"<b>{html.escape(match.group(1))}</b>")
        last = match.end()
    parts.append(html.escape((snippet or "")[last:]))
    return "".join(parts).replace("\n", " ")


def title_html(title: str, query: str) -> str:
    """Escaped title with the query's words in bold (the last word may be a prefix), as the
    service matches them; titles come without match marks."""
    words = [w.casefold() for w in _WORD.findall(query or "")]
    if not words:
        return html.escape(title or "")

    def matches(word: str) -> bool:
        folded = word.casefold()
        return folded in words[:-1] or folded.startswith(words[-1])

    parts, last = [], 0
    for match in _WORD.finditer(title or ""):
        if matches(match.group()):
            parts.append(html.escape(title[last : match.start()]))
            parts.append(f"<b>{html.escape(match.group())}</b>")
            last = match.end()
    parts.append(html.escape((title or "")[last:]))
    return "".join(parts)


def plain_snippet(snippet: str) -> str:
    return _MARK.sub(r"\1", snippet or "").replace("\n", " ")


class SearchResultsModel(QAbstractListModel):
    """Hits in the order the service ranked them."""

    def __init__(self, parent: QObject | None = None, with_snippet: bool = True):
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._rich: list[str] = []
        self._plain: list[str] = []
        self._query = ""
        self._with_snippet = with_snippet

    def set_hits(self, hits: list[SearchHit], query: str = "") -> None:
        self.beginResetModel()
        self._hits, self._query = list(hits), query
        # Worked out once: views ask for these many times while laying out and painting.
        self._rich = [self._rich_text(hit) for hit in self._hits]
        self._plain = [self._plain_text(hit) for hit in self._hits]
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._plain[row]
        if role == RichTextRole:
            return self._rich[row]
        hit = self._hits[row]
        if role == RecordKindRole:
            return hit.entity
        if role == RecordIdRole:
            return hit.entity_id
        if role == TitleRole:
            return hit.title
        if role == KindLabelRole:
            return entity_label(hit.entity)
        if role == SnippetHtmlRole:
            return snippet_html(hit.snippet)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit.snippet) or None
        return None

    def _plain_text(self, hit: SearchHit) -> str:
        head = f"{entity_label(hit.entity)}: {hit.title or entity_label(hit.entity)}"
        snippet = plain_snippet(hit.snippet)
        return f"{head} — {snippet}" if self._with_snippet and snippet else head

    def _rich_text(self, hit: SearchHit) -> str:
        head = (
            f"<i>{html.escape(entity_label(hit.entity))}</i>&nbsp;&nbsp;"
            f"{title_html(hit.title, self._query)}"
        )
        if not self._with_snippet or not hit.snippet:
            return head
        return f"{head}<br/>{snippet_html(hit.snippet)}"


class _WorkerConnection:
    """One database connection for background searches, opened on first use in the worker
    and used by one search at a time."""

    def __init__(self, context):
        self._context = context
        self._ws = None
        self._lock = threading.Lock()
        self._closed = False

    def run(self, fn):
        with self._lock:
            if self._closed:
                return []
            if self._ws is None:
                self._ws = self._context.worker_workspace()
            return fn(self._ws)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._ws is not None:
                self._ws.db.close()
                self._ws = None


class BackgroundSearch(QObject):
    """Searches a moment after the last keystroke; only the newest query's results arrive."""

    started = Signal(str)
    results = Signal(str, list)  # the query, its hits (described for display)
    failed = Signal(object)
    _done = Signal(object)  # emitted by the worker; delivered on the UI thread

    def __init__(
        self,
        session,
        parent: QObject | None = None,
        *,
        delay_ms: int = 250,
        limit: int = 50,
        search_fn=described_search,
    ):
        super().__init__(parent)
        self.session = session
        self.limit, self.search_fn = limit, search_fn
        self._connection = _WorkerConnection(session.context)
        self.destroyed.connect(self._connection.close)
        self._generation = 0
        self._task = None
        self._text = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(lambda: self.run_now(self._text))
        self._done.connect(self._on_finished)

    def request(self, text: str) -> None:
        self._text = text
        self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive() or self._task is not None

    def run_now(self, text: str) -> None:
        self.timer.stop()
        self._text = text
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        inspection_id = self.session.inspection_id
        if not text.strip() or inspection_id is None:
            self.results.emit(text, [])
            return
        self.started.emit(text)
        self._start(self._generation, text, inspection_id)

    def _start(self, generation: int, text: str, inspection_id: str) -> None:
        connection, limit, search_fn, done = (
            self._connection,
            self.limit,
            self.search_fn,
            self._done,
        )

        def work(_progress, is_cancelled):
            # The worker reports through this object's own signal, connected before the task
            # starts, so a search that ends at once is never missed.
            if is_cancelled():
                return
            try:
                hits = connection.run(lambda ws: search_fn(ws, inspection_id, text, limit))
            except Exception as error:  # handed to the UI thread with its query's number
                hits = error
            done.emit((generation, text, hits))

        self._task = self.session.tasks.start(work)

    def _on_finished(self, result) -> None:
        generation, text, hits = result
        if generation != self._generation:
            return  # an older query; a newer one is on its way
        self._task = None
        if isinstance(hits, BaseException):
            self.failed.emit(hits)
        else:
            self.results.emit(text, hits)

    def close(self) -> None:
        self.timer.stop()
        self._connection.close()
