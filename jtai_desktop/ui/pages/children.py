"""Children page (placeholder until built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from .base import Page


class ChildrenPage(Page):
    key = "children"
    title = "Children"
    entities = ('child', 'event', 'audit_eval')

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title))
