"""The screen shown while the window is locked: no records, just a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LockScreen(QWidget):
    """Asks for the passphrase (or, for a demo folder, just a click) to unlock.

    ``unlock_requested`` carries what was typed; the controller checks it and calls
    ``refuse(message)`` or hides the screen.
    """

    unlock_requested = Signal(str)

    def __init__(self, demo: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock-screen")
        self.demo = demo
        heading = QLabel(self.tr("The inspection is locked"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)  # relative: follows the system font
        font.setBold(True)
        heading.setFont(font)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.returnPressed.connect(self._request)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        bold = self.error_label.font()
        bold.setBold(True)
        self.error_label.setFont(bold)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._request)
        self._lay_out(heading)

    def _explanation(self) -> str:
        if self.demo:
            return self.tr(
                "Nothing is shown while the window is locked. The demo inspection "
                "holds only made-up records, so it opens without a passphrase."
            )
        return self.tr(
            "Nothing is shown while the window is locked, and copies of evidence "
            "opened in other programs have been removed. Type the data folder's "
            "passphrase to carry on where you left off."
        )

    def _lay_out(self, heading: QLabel) -> None:
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(self.explanation)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        column.addLayout(form)
        self.passphrase_edit.setVisible(not self.demo)
        form.labelForField(self.passphrase_edit).setVisible(not self.demo)
        column.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        column.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(560)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # --- behaviour ---------------------------------------------------------------------------
    def _request(self) -> None:
        if self.demo:
            self.unlock_requested.emit("")
            return
        if not self.passphrase_edit.text():
            self.refuse(self.tr("Type the passphrase to unlock."))
            return
        self.unlock_requested.emit(self.passphrase_edit.text())

    def reset(self) -> None:
        """Ready for a new lock: nothing typed, no message."""
        self.passphrase_edit.clear()
        self.error_label.hide()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.passphrase_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Checking…") if busy else self.tr("&Unlock"))

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.focus_first()
        self.passphrase_edit.selectAll()

    def focus_first(self) -> None:
        target = self.unlock_button if self.demo else self.passphrase_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)
