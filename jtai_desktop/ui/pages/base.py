"""What every page of the main window offers the window, and asks of it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..page_registry import BY_KEY
from ..session import InspectionSession

Record = tuple[str, str]  # (record kind, record id)


class Page(QWidget):
    """A screen in the main window's stack. Subclasses set ``key``; their ``title`` and
    ``entities`` (the record kinds a search hit jumps to) come from the page registry, which
    the navigator reads without importing the page.

    The window connects every page's ``jump_requested`` (show a record on the page that owns
    its kind) and ``show_requested`` (show a record on a named page), and asks each for the
    record on screen (``current_record``, for its history) and to show one (``show_record``).
    """

    jump_requested = Signal(str, str)  # record kind, record id
    show_requested = Signal(str, str, str)  # page key, record kind, record id

    key = ""
    title = ""
    entities: tuple[str, ...] = ()
    # Pages whose lists are slow to read on a large inspection say which record kinds they
    # show (``watches``): they then reload on being shown only if one of those changed while
    # they were hidden, not every time the inspector comes back to them.
    watches: tuple[str, ...] | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        spec = BY_KEY[cls.key]  # a page missing from the registry could never be shown
        cls.title, cls.entities = spec.title, spec.entities

    def __init__(self, session: InspectionSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"page-{self.key}")
        self._stale = True  # nothing read yet
        self._refresh_due = False  # see refresh_after_changes
        session.inspection_opened.connect(self._on_inspection_opened)
        session.changed.connect(self.on_changed)
        session.changes_announced.connect(self._after_changes)

    def _on_inspection_opened(self, _inspection_id: str) -> None:
        # Hidden pages load when first shown: opening a large inspection must not build
        # every page's list up front.
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def refresh(self) -> None:
        """Reload everything shown from the services."""

    def on_changed(self, entity: str, record_id: str) -> None:
        """A record changed (an edit, an undo, a sync). Default: reload if visible."""
        if self.isVisible():
            self.refresh_after_changes()

    def refresh_after_changes(self) -> None:
        """Reload once the edit (or undo, or sync) being announced has announced every record
        it changed: one reading, however many records (one click in the fieldwork plan's
        allocation changes three; a reading of it on the reference demo is over 100 ms)."""
        self._refresh_due = True

    def _after_changes(self) -> None:
        if self._refresh_due:
            self._refresh_due = False
            self.refresh()

    def show_record(self, entity: str, record_id: str) -> None:
        """Bring one record into view (after a search or a link was followed)."""

    def current_record(self) -> Record | None:
        """The record the inspector is on, if any (Ctrl+H shows its history)."""
        return None

    def prepare(self) -> None:
        """Read ahead while hidden (the window calls it when idle), so the first show is quick.
        Only pages that reload on being shown just after a change (``watches``) can: any
        other page reads again when shown anyway."""
        if self.watches is not None and self._stale and self.session.inspection_id:
            self._refresh_now()

    def note_hidden_change(self, entity: str) -> None:
        """Called by ``on_changed`` for a change made while the page is hidden."""
        if self.watches is None or entity in self.watches:
            self._stale = True

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._stale or self.watches is None:
            self._refresh_now()
