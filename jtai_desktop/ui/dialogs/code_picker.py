"""The code picker: what a selected passage is evidence of.

Opened on a selection by keyboard (Ctrl+M in a coded text) or from the margin list to edit a
code. The filter line has the focus: typing narrows the criteria (by id or words of the
title), the arrow keys move in the list while the focus stays in the filter, and Enter codes
the passage. The organisations the passage speaks of are ticked in a list (those the record
itself names are ticked already), then strength or concern and, optionally, whose voice it
carries.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
)

from ...domain.coding import CONCERN, STRENGTH, VOICES
from ..widgets.checklist import Checklist

ALERT_STYLE = "color: palette(bright-text); background: #a4262c; padding: 4px;"
NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class CodePicker(QDialog):
    def __init__(
        self,
        quote: str,
        criteria: Iterable[tuple[str, str]],  # (id, "DA-01  Title")
        organisations: Iterable[tuple[str, str]],  # (id, name)
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Code the passage"))
        self._criteria = list(criteria)
        self.quote = QLabel(_shortened(quote))
        self.quote.setWordWrap(True)
        self.quote.setToolTip(quote)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter criteria, e.g. DA-03 or voice"))
        self.filter.setClearButtonEnabled(True)
        self.criteria = QListView()
        self.criteria.setAccessibleName(self.tr("Criteria"))
        self.criteria.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        model = QStringListModel([label for _cid, label in self._criteria], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.criteria.setModel(self.proxy)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.organisations = Checklist(self.tr("Organisations the passage speaks of"))
        self.organisations.set_choices(organisations)
        self.strength = QRadioButton(self.tr("&Strength"))
        self.concern = QRadioButton(self.tr("C&oncern"))
        self.strength.setChecked(True)
        self.voice = QComboBox()
        self.voice.addItem(self.tr("No particular voice"), None)
        for key, label in VOICES.items():
            self.voice.addItem(self.tr(label), key)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ALERT_STYLE)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Code"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        self._filter("")
        self.filter.setFocus()

    def _layout(self, buttons: QDialogButtonBox) -> None:
        marks = QHBoxLayout()
        marks.addWidget(self.strength)
        marks.addWidget(self.concern)
        marks.addStretch(1)
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("C&riterion:"), self.filter), self.filter)
        form.addRow(self.criteria)
        form.addRow(self._buddy(self.tr("Or&ganisations:"), self.organisations), self.organisations)
        form.addRow(self.tr("Mark:"), marks)
        form.addRow(self._buddy(self.tr("&Voice:"), self.voice), self.voice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def _buddy(self, text: str, widget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # --- filtering ---------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount():
            self.criteria.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        # Arrow keys in the filter move in the list, so the hands stay on the keyboard.
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and event.key() in NAVIGATION_KEYS
        ):
            QApplication.sendEvent(self.criteria, event)
            return True
        return super().eventFilter(watched, event)

    # --- the choice --------------------------------------------------------------------------
    def preset(self, criterion_id: str | None, agencies: Iterable[str], mark: str, voice) -> None:
        self.organisations.set_checked(agencies)
        (self.concern if mark == CONCERN else self.strength).setChecked(True)
        self.voice.setCurrentIndex(max(self.voice.findData(voice), 0))
        if criterion_id:
            for row, (cid, _title) in enumerate(self._criteria):
                if cid == criterion_id:
                    source = self.proxy.sourceModel().index(row, 0)
                    self.criteria.setCurrentIndex(self.proxy.mapFromSource(source))

    def criterion_id(self) -> str | None:
        index = self.criteria.currentIndex()
        if not index.isValid():
            return None
        return self._criteria[self.proxy.mapToSource(index).row()][0]

    def choice(self) -> dict:
        return {
            "criterion_id": self.criterion_id(),
            "agencies": self.organisations.checked_ids(),
            "mark": CONCERN if self.concern.isChecked() else STRENGTH,
            "voice": self.voice.currentData(),
        }

    def accept(self) -> None:
        problem = ""
        if self.criterion_id() is None:
            problem = self.tr("Choose a criterion: no criterion matches the filter.")
        elif not self.organisations.checked_ids():
            problem = self.tr("Tick at least one organisation the passage speaks of.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()


def _shortened(quote: str, limit: int = 240) -> str:
    quote = " ".join(quote.split())
    return f"“{quote if len(quote) <= limit else quote[: limit - 1] + '…'}”"
