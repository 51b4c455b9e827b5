"""Meetings and interviews page (placeholder until built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from .base import Page


class NotesPage(Page):
    key = "notes"
    title = "Meetings and interviews"
    entities = ('note',)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title))
