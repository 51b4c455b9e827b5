"""The identifying-details gate on the report screen (the draft it checks is read by
``draft_loader``).

Hits block the export: each shows what matched and where, its context, and can be fixed in
the letter or let through with a reason (an override, recorded and undoable). Warnings are
advice and are listed apart, marked as not blocking.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...report.gate import GateResult, Hit
from ...services.report import add_override, remove_override
from ..dialogs.override_dialog import OverrideDialog
from ..errors import try_edit
from ..models.report import HitsModel, OverridesModel, WarningsModel, context_html, place
from .draft_loader import LetterState


class GatePanel(QWidget):
    show_requested = Signal(object)  # a Hit: bring its place in the letter into view

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.contexts: dict[tuple, str] = {}
        self.names: dict[str, str] = {}  # section keys and finding ids, as the lead reads them
        self.result: GateResult | None = None
        self.hits = HitsModel(self)
        self.overrides = OverridesModel(self)
        self.warnings = WarningsModel(self)
        self._build()
        self._connect()
        self.show_summary(self.tr("Not checked yet."))

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary_icon = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.hits_view = _table(self.hits, self.tr("Identifying details that block the export"))
        self.context = QTextBrowser()
        self.context.setAccessibleName(self.tr("Context of the chosen identifying detail"))
        self.context.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.override_button = QPushButton(self.tr("&Override…"))
        self.override_button.setToolTip(
            self.tr("Let the chosen detail through, with a reason that is recorded")
        )
        self.show_button = QPushButton(self.tr("Show in the &letter"))
        self.show_button.setToolTip(
            self.tr("Open the section or finding the text comes from, to fix it")
        )
        self.overrides_view = _list(self.overrides, self.tr("Overrides"))
        self.remove_button = QPushButton(self.tr("Re&move override"))
        self.warnings_view = _list(
            self.warnings, self.tr("Warnings, which do not block the export")
        )
        self._labels = [
            (
                _label(self.hits_view),
                self.hits,
                self.tr("&Identifying details found (these block the export):"),
            ),
            (
                _label(self.overrides_view),
                self.overrides,
                self.tr("Overri&des (let through, with a reason):"),
            ),
            (
                _label(self.warnings_view),
                self.warnings,
                self.tr("W&arnings (advice only: they do not block the export):"),
            ),
        ]
        self.hits_label, self.overrides_label, self.warnings_label = (x[0] for x in self._labels)
        self.context_label = _label(self.context, self.tr("&Context:"))
        self._update_labels()
        self.setLayout(self._layout())

    def _layout(self) -> QVBoxLayout:
        summary = QHBoxLayout()
        summary.addWidget(self.summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        summary.addWidget(self.summary, 1)
        hit_buttons = _row(self.override_button, self.show_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(
            _column(self.hits_label, self.hits_view, self.context_label, self.context, hit_buttons)
        )
        splitter.addWidget(
            _column(self.overrides_label, self.overrides_view, _row(self.remove_button))
        )
        splitter.addWidget(_column(self.warnings_label, self.warnings_view))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 2)
        outer = QVBoxLayout()
        outer.addLayout(summary)
        outer.addWidget(splitter, 1)
        return outer

    def _connect(self) -> None:
        self.hits_view.selectionModel().currentChanged.connect(lambda *_: self._on_hit())
        self.hits.modelReset.connect(self._on_hit)
        self.overrides_view.selectionModel().currentChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.overrides.modelReset.connect(self._update_buttons)
        self.override_button.clicked.connect(self.override_current)
        self.show_button.clicked.connect(self._show_current)
        self.hits_view.activated.connect(lambda _index: self._show_current())
        self.remove_button.clicked.connect(self.remove_current)

    # --- showing -----------------------------------------------------------------------
    def set_state(self, state: LetterState) -> None:
        self.names = state.names
        self.hits.names = state.names
        if state.checked:
            self.result = state.result
            self.contexts = state.contexts
            self._show_result(state)
        in_use = self.result.overridden if self.result else ()
        self.overrides.set_overrides(state.overrides, in_use, state.names)
        self._update_labels()
        self._update_buttons()

    def _update_labels(self) -> None:
        """Say "none" rather than leave an empty list to be puzzled over."""
        for label, model, text in self._labels:
            empty = not model.rowCount() and (self.result is not None or model is self.overrides)
            label.setText(text + (" " + self.tr("none") if empty else ""))

    def _show_result(self, state: LetterState) -> None:
        current = self.current_hit()
        self.hits.set_rows(self.result.hits if self.result else ())
        self.warnings.set_rows(self.result.warnings if self.result else ())
        if current is not None:
            self._select_hit(current.key)
        if state.problem is not None:
            self.show_summary(
                self.tr("The letter could not be checked: %1").replace("%1", state.problem.message),
                QStyle.StandardPixmap.SP_MessageBoxCritical,
            )
            return
        if self.result is not None:
            self._summarise(self.result)

    def _summarise(self, result: GateResult) -> None:
        count, kept = len(result.hits), len(result.overridden)
        if count:
            text = (
                self.tr("1 identifying detail blocks the export.")
                if count == 1
                else self.tr("%1 identifying details block the export.").replace("%1", str(count))
            )
            text += " " + self.tr("Fix each one in the letter, or override it with a reason.")
            self.show_summary(text, QStyle.StandardPixmap.SP_MessageBoxCritical)
            return
        text = self.tr("No identifying details found: the letter can be exported.")
        if kept:
            text += " " + (
                self.tr("1 override applies.")
                if kept == 1
                else self.tr("%1 overrides apply.").replace("%1", str(kept))
            )
        self.show_summary(text, QStyle.StandardPixmap.SP_DialogApplyButton)

    def show_summary(self, text: str, icon: QStyle.StandardPixmap | None = None) -> None:
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        if icon is None:
            self.summary_icon.clear()
        else:
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.summary_icon.setPixmap(self.style().standardIcon(icon).pixmap(size))

    def show_checking(self) -> None:
        self.show_summary(self.tr("Checking the letter…"))

    def show_blocked(self, result: GateResult) -> None:
        """An export found hits: show them (their context comes with the next reading)."""
        self.result = result
        self.hits.set_rows(result.hits)
        self.warnings.set_rows(result.warnings)
        self._update_labels()
        self._summarise(result)

    def current_hit(self) -> Hit | None:
        return self.hits.row(self.hits_view.currentIndex().row())

    def _select_hit(self, key: tuple) -> None:
        for row, hit in enumerate(self.hits.rows()):
            if hit.key == key:
                self.hits_view.setCurrentIndex(self.hits.index(row, 0))
                return

    def _on_hit(self) -> None:
        hit = self.current_hit()
        self.context.setHtml(
            context_html(hit, self.contexts.get(place(hit)), self.names) if hit else ""
        )
        self._update_buttons()

    def _show_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.show_requested.emit(hit)

    def _update_buttons(self) -> None:
        self.override_button.setEnabled(self.current_hit() is not None)
        self.show_button.setEnabled(self.current_hit() is not None)
        self.remove_button.setEnabled(self.overrides_view.currentIndex().isValid())

    # --- overriding ----------------------------------------------------------------------
    def override_current(self) -> None:
        hit, inspection_id = self.current_hit(), self.session.inspection_id
        if hit is None or inspection_id is None:
            return
        dialog = OverrideDialog(
            hit, context_html(hit, self.contexts.get(place(hit)), self.names), self, self.names
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason_text()
        self._edit(lambda ws: add_override(ws, inspection_id, hit, reason))

    def remove_current(self) -> None:
        override = self.overrides.override(self.overrides_view.currentIndex().row())
        if override is not None and override.id:
            self._edit(lambda ws: remove_override(ws, override.id))

    def _edit(self, action) -> None:
        try_edit(self, self.session, action)


def _table(model, name: str) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAllColumnsShowFocus(True)
    _list_like(view, name)
    header = view.header()
    header.setResizeContentsPrecision(0)  # measure the visible rows only
    header.setStretchLastSection(True)
    model.modelReset.connect(lambda: _fit_columns(view))
    _fit_columns(view)
    return view


def _fit_columns(view: QTreeView) -> None:
    """Short columns as wide as their text (within reason); the last takes the rest."""
    limit = view.fontMetrics().averageCharWidth() * 28
    for column in range(view.model().columnCount() - 1):
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column), limit))


def _list(model, name: str) -> QListView:
    """Rows of a few wrapped lines each, for text too long for a table cell."""
    view = QListView()
    view.setModel(model)
    view.setWordWrap(True)
    view.setSpacing(1)
    view.setLayoutMode(QListView.LayoutMode.Batched)  # many wrapped rows never freeze it
    view.setBatchSize(60)
    _list_like(view, name)
    return view


def _list_like(view: QAbstractItemView, name: str) -> None:
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAccessibleName(name)


def _label(buddy: QWidget, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setWordWrap(True)
    return label


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _column(*items) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, QWidget):
            column.addWidget(item, 1 if isinstance(item, QAbstractItemView) else 0)
        else:
            column.addLayout(item)
    return box
