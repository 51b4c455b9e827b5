"""Splitters remember where the inspector left them, per data folder (each inspector's own),
in the preferences of this computer's copy: never synced, never undone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from ..services.preferences import layout_sizes, set_layout_sizes

SAVE_DELAY_MS = 600  # a drag moves a splitter many times a second: save when it rests


def remember_splitters(root: QWidget, session) -> None:
    """Every splitter under ``root`` takes its remembered sizes and saves them when moved.

    A splitter is known by its object name, or else by its page and its place among the
    page's splitters, so a page needs no code for this."""
    prefix = root.objectName() or type(root).__name__
    for number, splitter in enumerate(root.findChildren(QSplitter)):
        SplitterMemory(splitter, session, splitter.objectName() or f"{prefix}.{number}")


class SplitterMemory(QObject):
    """Restores the sizes when the splitter is first shown (before, it has no width to
    share out), and saves them once a drag rests."""

    def __init__(self, splitter: QSplitter, session, name: str):
        super().__init__(splitter)
        self.splitter, self.session, self.name = splitter, session, name
        splitter.setProperty("layout_name", name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        splitter.splitterMoved.connect(lambda *_: self._timer.start())
        splitter.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.splitter and event.type() == QEvent.Type.Show:
            self.splitter.removeEventFilter(self)
            self.restore()
        return False

    def restore(self) -> None:
        sizes = layout_sizes(self.session.ws, self.name)
        if sizes and len(sizes) == self.splitter.count() and sum(sizes) > 0:
            self.splitter.setSizes(sizes)

    def save(self) -> None:
        set_layout_sizes(self.session.ws, self.name, self.splitter.sizes())
