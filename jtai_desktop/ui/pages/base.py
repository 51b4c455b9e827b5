"""What every page of the main window offers the window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..page_registry import BY_KEY
from ..session import InspectionSession


class Page(QWidget):
    """A screen in the main window's stack. Subclasses set ``key``; their ``title`` and
    ``entities`` (the record kinds a search hit jumps to) come from the page registry, which
    the navigator reads without importing the page.
    """

    key = ""
    title = ""
    entities: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        spec = BY_KEY[cls.key]  # a page missing from the registry could never be shown
        cls.title, cls.entities = spec.title, spec.entities

    def __init__(self, session: InspectionSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"page-{self.key}")
        session.inspection_opened.connect(self._on_inspection_opened)
        session.changed.connect(self.on_changed)

    def _on_inspection_opened(self, _inspection_id: str) -> None:
        # Hidden pages load when first shown: opening a large inspection must not build
        # every page's list up front.
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload everything shown from the services."""

    def on_changed(self, entity: str, record_id: str) -> None:
        """A record changed (an edit, an undo, a sync). Default: reload if visible."""
        if self.isVisible():
            self.refresh()

    def show_record(self, entity: str, record_id: str) -> None:
        """Bring one record into view (after a search or a link was followed)."""

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.refresh()
