"""The identifying-details gate on the report screen, and the loader that keeps the draft
letter (sections, preview, gate result) up to date off the UI thread.

Hits block the export: each shows what matched and where, its context, and can be fixed in
the letter or let through with a reason (an override, recorded and undoable). Warnings are
advice and are listed apart, marked as not blocking.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QListView,
                               QPushButton, QSplitter, QStyle, QTextBrowser, QTreeView,
                               QVBoxLayout, QWidget)

from ...domain.errors import JtaiError
from ...report.compose import DEFAULT_TEXTS
from ...report.gate import GateResult, Hit, Override
from ...report.letter import Letter
from ...services.report import (ItemOption, SectionInfo, add_override, build_letter,
                                check_letter, overrides, remove_override, section_options,
                                sections)
from ..dialogs.override_dialog import OverrideDialog
from ..errors import show_error
from ..models.report import (HitsModel, OverridesModel, WarningsModel, context_html,
                             hit_contexts, place)

DEBOUNCE_MS = 600


# --- loading the draft ------------------------------------------------------------------------
@dataclass(frozen=True)
class LetterState:
    """One consistent reading of the letter. ``checked`` False: only the sections, options
    and overrides were read (nothing changed since the last check)."""

    inspection_id: str
    sections: tuple[SectionInfo, ...]
    options: dict[str, list[ItemOption]]
    overrides: tuple[Override, ...]
    default_texts: dict[str, str]
    checked: bool = False
    preview: tuple[tuple[str, list[str]], ...] = ()
    levels: tuple[int, ...] = ()
    result: GateResult | None = None
    contexts: dict[tuple, str] = field(default_factory=dict)
    problem: JtaiError | None = None  # the check could not run (e.g. a broken template)
    explicit: bool = False  # asked for by the user (Check), not an update after an edit


def load_state(context, inspection_id: str, keys: list[str], internal: bool,
               template: Path | None, check: bool):
    """The task function for ``TaskRunner.start``, on its own database connection."""
    def run(progress, is_cancelled) -> LetterState:
        ws = context.worker_workspace()
        try:
            return read_state(ws, inspection_id, keys, internal, template, check)
        finally:
            ws.db.close()
    return run


def read_state(ws, inspection_id, keys, internal, template, check) -> LetterState:
    found = tuple(sections(ws, inspection_id))
    takes = {s.key for s in found if s.takes_items}
    area = (ws.require("inspection", inspection_id)["area"] or "").strip()
    state = LetterState(inspection_id, found,
                        {k: section_options(ws, inspection_id, k) for k in keys if k in takes},
                        tuple(overrides(ws, inspection_id)),
                        {k: t.format(area=area) for k, t in DEFAULT_TEXTS.items()})
    if not check:
        return state
    try:
        draft = check_letter(ws, inspection_id, internal, template=template)
    except JtaiError as problem:  # the letter can still be previewed
        letter = build_letter(ws, inspection_id, internal)[0]
        return replace(state, checked=True, problem=problem, **_preview(letter))
    return replace(state, checked=True, result=draft.result,
                   contexts=hit_contexts(draft.letter, draft.result), **_preview(draft.letter))


def _preview(letter: Letter) -> dict:
    # letter.preview() is services.report.preview() of the letter that was checked.
    return {"preview": tuple(letter.preview()), "levels": tuple(s.level for s in letter.sections)}


class DraftLoader(QObject):
    """Reads the letter in the background: debounced after edits, at once when asked.

    A reading that started before the latest edit is dropped and read again, so what is shown
    never goes back in time.
    """

    loaded = Signal(object)        # LetterState
    failed = Signal(object, bool)  # the error, and whether the user asked for the check
    busy_changed = Signal(bool)

    def __init__(self, session, params, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._params = params  # () -> (option keys, internal, template)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._task = None
        self._again = self._explicit = False
        self._dirty = True
        self._checked_with: tuple | None = None
        self._running: tuple = ()

    @property
    def busy(self) -> bool:
        return self._task is not None or self._timer.isActive()

    def invalidate(self, delay_ms: int = DEBOUNCE_MS) -> None:
        """The records changed: read and check again after a pause."""
        self._dirty = True
        self.request(delay_ms)

    def request(self, delay_ms: int = 0, explicit: bool = False) -> None:
        self._explicit = self._explicit or explicit
        if self._task is not None:
            self._again = True
        self._timer.start(delay_ms)

    def _start(self) -> None:
        inspection_id = self.session.inspection_id
        if self._task is not None:
            self._again = True
            return
        if inspection_id is None:
            return
        keys, internal, template = self._params()
        check = self._dirty or self._explicit or (internal, template) != self._checked_with
        self._running = (check, self._explicit, (internal, template))
        self._dirty = self._explicit = self._again = False
        self._task = self.session.tasks.start(
            load_state(self.session.context, inspection_id, keys, internal, template, check),
            on_finished=self._finished, on_failed=self._failed)
        self.busy_changed.emit(True)

    def _stale(self) -> bool:
        """Something changed while reading: read again rather than show the old letter."""
        self._task = None
        check, explicit, _params = self._running
        if not (self._again or self._timer.isActive()):
            return False
        self._dirty = self._dirty or check
        self._explicit = self._explicit or explicit
        if not self._timer.isActive():
            self._start()
        return True

    def _finished(self, state: LetterState) -> None:
        if self._stale():
            return
        check, explicit, params = self._running
        self.busy_changed.emit(False)
        if state.inspection_id != self.session.inspection_id:
            return
        if check:
            self._checked_with = params
        self.loaded.emit(replace(state, explicit=explicit))

    def _failed(self, error: BaseException) -> None:
        if self._stale():
            return
        check, explicit, _params = self._running
        self._dirty = self._dirty or check
        self.busy_changed.emit(False)
        self.failed.emit(error, explicit)


# --- the panel ----------------------------------------------------------------------------------
class GatePanel(QWidget):
    show_requested = Signal(object)  # a Hit: bring its place in the letter into view

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.contexts: dict[tuple, str] = {}
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
        self.override_button.setToolTip(self.tr(
            "Let the chosen detail through, with a reason that is recorded"))
        self.show_button = QPushButton(self.tr("Show in the &letter"))
        self.show_button.setToolTip(self.tr("Open the section or finding the text comes from, to fix it"))
        self.overrides_view = _list(self.overrides, self.tr("Overrides"))
        self.remove_button = QPushButton(self.tr("Re&move override"))
        self.warnings_view = _list(self.warnings, self.tr("Warnings, which do not block the export"))
        self._labels = [
            (_label(self.hits_view), self.hits,
             self.tr("&Identifying details found (these block the export):")),
            (_label(self.overrides_view), self.overrides,
             self.tr("Overri&des (let through, with a reason):")),
            (_label(self.warnings_view), self.warnings,
             self.tr("W&arnings (advice only: they do not block the export):"))]
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
        splitter.addWidget(_column(self.hits_label, self.hits_view, self.context_label,
                                   self.context, hit_buttons))
        splitter.addWidget(_column(self.overrides_label, self.overrides_view,
                                   _row(self.remove_button)))
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
        self.overrides_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.overrides.modelReset.connect(self._update_buttons)
        self.override_button.clicked.connect(self.override_current)
        self.show_button.clicked.connect(self._show_current)
        self.hits_view.activated.connect(lambda _index: self._show_current())
        self.remove_button.clicked.connect(self.remove_current)

    # --- showing -----------------------------------------------------------------------
    def set_state(self, state: LetterState) -> None:
        if state.checked:
            self.result = state.result
            self.contexts = state.contexts
            self._show_result(state)
        in_use = self.result.overridden if self.result else ()
        self.overrides.set_overrides(state.overrides, in_use)
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
            self.show_summary(self.tr("The letter could not be checked: %1").replace(
                "%1", state.problem.message), QStyle.StandardPixmap.SP_MessageBoxCritical)
            return
        self._summarise(self.result)

    def _summarise(self, result: GateResult) -> None:
        count, kept = len(result.hits), len(result.overridden)
        if count:
            text = (self.tr("1 identifying detail blocks the export.") if count == 1 else
                    self.tr("%1 identifying details block the export.").replace("%1", str(count)))
            text += " " + self.tr("Fix each one in the letter, or override it with a reason.")
            self.show_summary(text, QStyle.StandardPixmap.SP_MessageBoxCritical)
            return
        text = self.tr("No identifying details found: the letter can be exported.")
        if kept:
            text += " " + (self.tr("1 override applies.") if kept == 1 else
                           self.tr("%1 overrides apply.").replace("%1", str(kept)))
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
        self.context.setHtml(context_html(hit, self.contexts.get(place(hit))) if hit else "")
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
        dialog = OverrideDialog(hit, context_html(hit, self.contexts.get(place(hit))), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason_text()
        self._edit(lambda ws: add_override(ws, inspection_id, hit, reason))

    def remove_current(self) -> None:
        override = self.overrides.override(self.overrides_view.currentIndex().row())
        if override is not None and override.id:
            self._edit(lambda ws: remove_override(ws, override.id))

    def _edit(self, action) -> None:
        try:
            self.session.edit(action)
        except JtaiError as error:
            show_error(self, error)


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

