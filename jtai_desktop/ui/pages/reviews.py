"""Case reviews page (placeholder until built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from .base import Page


class CaseReviewPage(Page):
    key = "reviews"
    title = "Case reviews"
    entities = ('review',)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title))
