"""Welcome screen: shown when no inspection is open (placeholder until built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    open_demo = Signal()
    create_inspection = Signal()
    open_inspection = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Welcome")))
        self.demo_button = QPushButton(self.tr("Open the &demo inspection"))
        self.demo_button.clicked.connect(self.open_demo.emit)
        self.create_button = QPushButton(self.tr("&Create an inspection…"))
        self.create_button.clicked.connect(self.create_inspection.emit)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.create_button)
