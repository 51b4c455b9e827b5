"""A finding's sources and spread in its editor: how many sources it rests on, of how many
kinds, from how many organisations and voices, against the lead's rule; the sources listed;
coded passages and reviews linked or removed (each an undoable edit)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.triangulation import (
    candidate_sources,
    finding_spread,
    link_sources,
    source_labels,
    unlink_source,
)
from ..errors import try_edit
from ..views import on_delete_key
from .checklist import Checklist

BELOW_STYLE = "color: palette(bright-text); background: #a4262c; padding: 4px;"


class LinkSourcesDialog(QDialog):
    """Tick the coded passages and reviews a finding rests on (type to filter)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link passages and reviews"))
        self.list = Checklist(self.tr("Coded passages and reviews"))
        self.list.FILTER_FROM = 0
        self.list.set_choices(choices)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.list.filter.setFocus()


class SpreadPanel(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.finding_id: str | None = None
        self._sources: list[tuple[str, str]] = []  # (entity, id), in the list's order
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Sources the finding rests on"))
        self.view.setMaximumHeight(self.view.fontMetrics().lineSpacing() * 7)
        on_delete_key(self.view, self.remove_current)
        self.link_button = QPushButton(self.tr("&Link passages or reviews…"))
        self.unlink_button = QPushButton(self.tr("Remove so&urce"))
        self.link_button.clicked.connect(self.choose_sources)
        self.unlink_button.clicked.connect(self.remove_current)
        self.dialog: LinkSourcesDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def show_finding(self, finding_id: str | None) -> None:
        self.finding_id = finding_id
        if not finding_id or self.session.ws.get("finding", finding_id) is None:
            self.model.setStringList([])
            self.summary.setText("")
            return
        spread = finding_spread(self.session.ws, finding_id)
        self._sources = [(s.entity, s.entity_id) for s in spread.sources]
        self.model.setStringList(source_labels(self.session.ws, spread.sources))
        s = spread.spread
        words = self.tr("%1 sources · %2 kinds · %3 organisations · %4 voices")
        for n, value in enumerate((s.sources, len(s.kinds), len(s.organisations), len(s.voices))):
            words = words.replace(f"%{n + 1}", str(value))
        if spread.meets_rule:
            verdict = self.tr("Meets the rule (%1).").replace("%1", spread.rule.describe())
            self.summary.setStyleSheet("")
        else:
            verdict = self.tr("Below the rule (%1): needs %2.")
            verdict = verdict.replace("%1", spread.rule.describe())
            verdict = verdict.replace("%2", s.shortfall(spread.rule))
            self.summary.setStyleSheet(BELOW_STYLE)
        self.summary.setText(f"{words}. {verdict}")

    def choose_sources(self) -> LinkSourcesDialog | None:
        if not self.finding_id:
            return None
        finding_id = self.finding_id
        self.dialog = LinkSourcesDialog(candidate_sources(self.session.ws, finding_id), self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog = self.dialog
        dialog.accepted.connect(lambda: self._link(finding_id, dialog.list.checked_ids()))
        dialog.open()
        return dialog

    def _link(self, finding_id: str, keys: list[str]) -> None:
        if not keys:
            return

        self._run(lambda ws: link_sources(ws, finding_id, keys))

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if not self.finding_id or not 0 <= row < len(self._sources):
            return
        entity, entity_id = self._sources[row]
        if entity == "evidence":
            return  # cited evidence is removed with Remove citation
        kind, source_id = ("code", entity_id) if entity == "code" else (entity, entity_id)
        finding_id = self.finding_id
        self._run(lambda ws: unlink_source(ws, finding_id, kind, source_id))

    def _run(self, action) -> None:
        try_edit(self, self.session, action)
        self.show_finding(self.finding_id)
