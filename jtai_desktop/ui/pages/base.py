"""What every page of the main window offers the window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..session import InspectionSession


class Page(QWidget):
    """A screen in the main window's stack. Subclasses fill ``key``, ``title`` and ``entities``.

    ``entities`` are the record kinds the page shows: a search hit of that kind jumps here.
    """

    key = ""
    title = ""
    entities: tuple[str, ...] = ()

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
