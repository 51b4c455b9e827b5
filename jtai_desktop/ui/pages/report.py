"""Report page: the lead shapes the draft letter, checks it for identifying details and
exports it to Word.

Left, the letter's sections; in the middle, the chosen section's heading, text and items;
right, a preview and the gate's results. Reading the letter and exporting it run off the UI
thread (``DraftLoader`` and ``session.tasks``), each on its own database connection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...report.gate import Hit
from ...report.inputs import STUDIES
from ...services.preferences import export_folder, set_export_folder
from ...services.report import ExportOutcome, export_letter
from ..dialogs.export_messages import (
    blocked_box,
    choose_target,
    documents_folder,
    suggested_name,
    written_box,
)
from ..errors import show_error
from ..models.report import SectionKeyRole, SectionsModel, preview_html
from ..time_text import clock_now
from ..widgets.draft_loader import DraftLoader, LetterState
from ..widgets.gate_panel import GatePanel
from ..widgets.section_editor import SectionEditor
from .base import Page

EXPORT_SHORTCUT, CHECK_SHORTCUT = "Ctrl+E", "Ctrl+Shift+K"
NOT_IN_LETTER = ("note", "event", "audit_eval", "device")  # records the letter never reads


def native(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class ReportPage(Page):
    key = "report"

    export_progress = Signal(int, int, str)  # done, total, what
    export_finished = Signal(object)  # the ExportOutcome

    def __init__(self, session, parent=None):
        self.template: Path | None = None
        self.state: LetterState | None = None
        self.export_task = None
        self.export_message: QMessageBox | None = None
        self._last_folder = ""
        self._template_just_chosen = False
        self._export_after_check = False
        super().__init__(session, parent)
        self.sections_model = SectionsModel(self)
        self.editor = SectionEditor(session)
        self.gate = GatePanel(session)
        self.loader = DraftLoader(session, self._load_params, self)
        self._build()
        self._connect()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.check_button = QPushButton(self.tr("Chec&k letter"))
        self.check_button.setToolTip(
            self.tr("Check the letter for identifying details (%1)").replace(
                "%1", native(CHECK_SHORTCUT)
            )
        )
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(
            self.tr("Export the draft letter to Word (%1)").replace("%1", native(EXPORT_SHORTCUT))
        )
        self.internal = QCheckBox(self.tr("I&nternal draft"))
        self.internal.setToolTip(
            self.tr("For the team's QA: adds the annexes of counts and the evidence index")
        )
        self.for_area = QCheckBox(self.tr("For the &area"))
        self.for_area.setToolTip(
            self.tr("The version the area checks for factual accuracy (kept as a version)")
        )
        self.rounds_button = QPushButton(self.tr("Versions and accurac&y…"))
        self.rounds_button.setToolTip(
            self.tr("Compare versions of the letter; import and answer the area's comments")
        )
        self.use_template = QCheckBox(self.tr("Use my own tem&plate…"))
        self.use_template.setToolTip(
            self.tr("A Word template (.docx) with the same style names as the built-in one")
        )
        self.template_label = QLabel()
        self.sections_view = QTreeView()
        self.sections_view.setModel(self.sections_model)
        self.sections_view.setHeaderHidden(True)
        self.sections_view.setAccessibleName(self.tr("Sections of the letter"))
        self.sections_label = QLabel(self.tr("&Sections:"))
        self.sections_label.setBuddy(self.sections_view)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview of the letter"))
        self.preview.setPlaceholderText(self.tr("The preview appears here."))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Pre&view"))
        self.tabs.addTab(self.gate, self.tr("Check &results"))
        self._build_progress()
        self._add_actions()
        self.setLayout(self._layout())
        self._set_tab_order()

    def _build_progress(self) -> None:
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _add_actions(self) -> None:
        self.export_action = self._action(self.tr("Export the draft letter"), EXPORT_SHORTCUT)
        self.check_action = self._action(self.tr("Check the letter"), CHECK_SHORTCUT)

    def _action(self, text: str, shortcut: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _layout(self) -> QVBoxLayout:
        tools = QHBoxLayout()
        for widget in (
            self.check_button,
            self.export_button,
            self.internal,
            self.for_area,
            self.use_template,
            self.template_label,
            self.rounds_button,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sections_label)
        column.addWidget(self.sections_view, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        panes: tuple[tuple[QWidget, int], ...] = ((left, 2), (self.editor, 3), (self.tabs, 4))
        for number, (pane, stretch) in enumerate(panes):
            splitter.addWidget(pane)
            splitter.setStretchFactor(number, stretch)
        width = self.fontMetrics().averageCharWidth()
        splitter.setSizes([width * 34, width * 50, width * 72])
        progress = QHBoxLayout()
        progress.addWidget(self.export_status, 2)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        outer = QVBoxLayout()
        outer.addLayout(tools)
        outer.addWidget(splitter, 1)
        outer.addLayout(progress)
        return outer

    def _set_tab_order(self) -> None:
        editor, gate = self.editor, self.gate
        chain = (
            self.check_button,
            self.export_button,
            self.internal,
            self.for_area,
            self.use_template,
            self.rounds_button,
            self.sections_view,
            editor.heading,
            editor.text,
            editor.items_view,
            editor.move_up,
            editor.move_down,
            editor.reset_button,
            self.tabs,
            self.preview,
            gate.hits_view,
            gate.context,
            gate.override_button,
            gate.show_button,
            gate.overrides_view,
            gate.remove_button,
            gate.warnings_view,
            self.cancel_button,
        )
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.check_button.clicked.connect(self.check)
        self.check_action.triggered.connect(self.check)
        self.export_button.clicked.connect(self.export)
        self.export_action.triggered.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.internal.toggled.connect(self._on_internal)
        self.for_area.toggled.connect(self._on_for_area)
        self.rounds_button.clicked.connect(self.show_rounds)
        self.use_template.toggled.connect(self._on_use_template)
        self.sections_view.selectionModel().currentChanged.connect(lambda *_: self._on_section())
        self.sections_model.modelReset.connect(self._restore_section)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.busy_changed.connect(self._on_busy)
        self.gate.show_requested.connect(self.show_hit)
        self.session.inspection_opened.connect(self._reset)

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.inspection_id is not None:
            self.loader.invalidate(0)

    def on_changed(self, entity: str, record_id: str) -> None:
        if entity not in NOT_IN_LETTER and self.isVisible():
            self.loader.invalidate()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.editor.flush()
        super().hideEvent(event)

    def _reset(self, _inspection_id: str) -> None:
        self.editor.show_section(None)
        self.state = None
        self.sections_model.set_sections([])
        self.preview.clear()

    def _load_params(self) -> tuple[list[str], bool, Path | None]:
        key = self.editor.key
        return ([key] if key else []), self.internal.isChecked(), self.template

    def _on_loaded(self, state: LetterState) -> None:
        self.state = state
        self.sections_model.set_sections(state.sections)
        self._show_section(self.editor.key or (state.sections[0].key if state.sections else None))
        if state.checked:
            self._show_preview(state)
        self.gate.set_state(state)
        self._update_tab_title()
        if state.problem is not None and (state.explicit or self._template_just_chosen):
            self._refuse_template(state.problem)
        elif state.explicit:
            self.tabs.setCurrentWidget(self.gate)
        self._template_just_chosen = False
        if self._export_after_check and state.explicit and state.checked:
            self._continue_export(state)

    def _on_load_failed(self, error: BaseException, explicit: bool) -> None:
        self._export_after_check = False
        self.gate.show_summary(
            self.tr("The letter could not be read: %1").replace(
                "%1", error.message if isinstance(error, JtaiError) else type(error).__name__
            )
        )
        if explicit:
            show_error(self, error)

    def _on_busy(self, busy: bool) -> None:
        if busy and self.gate.result is None:
            self.gate.show_checking()

    def _show_preview(self, state: LetterState) -> None:
        bar = self.preview.verticalScrollBar()
        at = bar.value()  # an update after an edit keeps the reader's place
        self.preview.setHtml(preview_html(state.preview, state.levels))
        bar.setValue(at)

    def _update_tab_title(self) -> None:
        count = self.gate.hits.rowCount()
        title = self.tr("Check &results")
        if count:
            title += " " + self.tr("(%1 to fix)").replace("%1", str(count))
        self.tabs.setTabText(self.tabs.indexOf(self.gate), title)

    # --- sections ----------------------------------------------------------------------
    def _show_section(self, key: str | None) -> None:
        index = self.sections_model.index_of(key) if key else self.sections_model.index(0, 0)
        if not index.isValid():
            index = self.sections_model.index(0, 0)
        if self.sections_view.currentIndex() != index:
            self.sections_view.setCurrentIndex(index)  # shows it through _on_section
        else:
            self._on_section()

    def _restore_section(self) -> None:
        self.sections_view.expandAll()
        if self.editor.key:
            self._show_section(self.editor.key)

    def _on_section(self) -> None:
        key = self.sections_view.currentIndex().data(SectionKeyRole)
        info = self.sections_model.section(key) if key else None
        state = self.state
        options = state.options.get(key) if state and info else None
        self.editor.show_section(info, options, state.default_texts.get(key, "") if state else "")
        self.editor.show_journey(
            state.journeys.get(key, [])
            if state and key in STUDIES and info is not None and info.items
            else None
        )
        if info is not None and info.takes_items and options is None:
            self.loader.request()  # this section's items are read in the background

    def show_hit(self, hit: Hit) -> None:
        """Bring the place a hit was found into view, to fix it there, in the letter itself:
        the finding it comes from, or the words themselves selected in the section's text."""
        known = set(self.sections_model.keys())
        key = hit.section if hit.section in known else None
        if key is None:
            return  # in the template's or the file's own parts: fixed in the template
        self._show_section(key)
        if hit.finding_id:
            self.editor.focus_on(hit.finding_id)
        elif not self.editor.select_words(hit.match):
            self.editor.text.setFocus()  # the standard wording: write the section to change it

    # --- checking ----------------------------------------------------------------------
    def check(self) -> None:
        if self.session.inspection_id is None:
            return
        self.editor.flush()
        self.gate.show_checking()
        self.tabs.setCurrentWidget(self.gate)
        self.loader.request(0, explicit=True)

    def _on_internal(self, on: bool) -> None:
        if on:
            self.for_area.setChecked(False)  # the team's annexes never go to the area
        self.loader.request()

    def _on_for_area(self, on: bool) -> None:
        if on:
            self.internal.setChecked(False)  # the version for the area is never the internal one

    def show_rounds(self) -> None:
        from ..dialogs.letter_rounds import LetterRoundsDialog

        if self.session.inspection_id is None:
            return
        self.rounds_dialog = LetterRoundsDialog(self.session, self)
        self.rounds_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rounds_dialog.open()

    def _on_use_template(self, on: bool) -> None:
        if on:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose a Word template"),
                self._start_folder(),
                self.tr("Word documents (*.docx)"),
            )
            if not path:
                self._set_template(None)
                return
            self._template_just_chosen = True
            self._set_template(Path(path))
        else:
            self._set_template(None)
        self.loader.request()

    def _set_template(self, path: Path | None) -> None:
        self.template = path
        self.template_label.setText(path.name if path else "")
        self.template_label.setToolTip(str(path) if path else "")
        was = self.use_template.blockSignals(True)
        self.use_template.setChecked(path is not None)
        self.use_template.blockSignals(was)

    def _refuse_template(self, problem: JtaiError) -> None:
        """A template that cannot be used is put aside: the built-in one is used again."""
        self._set_template(None)
        self.loader.request()
        show_error(self, problem)

    # --- exporting ---------------------------------------------------------------------
    def export(self) -> None:
        """Check the letter first: a blocked letter is said to be blocked before any file
        name is asked for."""
        if self.export_task is not None or self.session.inspection_id is None:
            return
        self.editor.flush()
        self._export_after_check = True
        self.export_status.setText(self.tr("Checking the letter before exporting it…"))
        self.loader.request(0, explicit=True)

    def _continue_export(self, state: LetterState) -> None:
        self._export_after_check = False
        self.export_status.setText("")
        if state.problem is not None:
            return  # already explained (_refuse_template)
        if state.result is not None and state.result.blocked:
            self._show_blocked(ExportOutcome("blocked", Path(), state.result))
            self.export_finished.emit(ExportOutcome("blocked", Path(), state.result))
            return
        target = self._choose_target()
        if target is not None:
            self._start_export(target)

    def _choose_target(self) -> Path | None:
        internal, inspection_id = self.internal.isChecked(), self.session.inspection_id
        inspection = self.session.ws.get("inspection", inspection_id) if inspection_id else None
        target = choose_target(
            self,
            self._start_folder(),
            suggested_name(self, inspection or {}, internal),
        )
        if target is not None:
            self._last_folder = str(target.parent)
            set_export_folder(self.session.ws, self._last_folder)
        return target

    def _start_folder(self) -> str:
        """The folder last exported to (on this computer), while it exists; else the user's
        documents. Never the program's own folder."""
        for folder in (self._last_folder, export_folder(self.session.ws)):
            if folder and Path(folder).is_dir():
                return folder
        return documents_folder()

    def _start_export(self, target: Path) -> None:
        context, inspection_id = self.session.context, self.session.inspection_id
        if inspection_id is None:
            return
        internal, template = self.internal.isChecked(), self.template
        for_area = self.for_area.isChecked() and not internal

        def run(progress, is_cancelled):
            ws = context.worker_workspace()
            try:
                return export_letter(
                    ws,
                    inspection_id,
                    target,
                    internal=internal,
                    for_area=for_area,
                    template=template,
                    progress=progress,
                    is_cancelled=is_cancelled,
                )
            finally:
                ws.db.close()

        self._show_progress(True, self.tr("Exporting to %1…").replace("%1", target.name))
        self.export_task = self.session.tasks.start(
            run,
            on_progress=self._on_export_progress,
            on_finished=self._on_exported,
            on_failed=self._on_export_failed,
            on_cancelled=self._on_export_cancelled,
        )

    def cancel_export(self) -> None:
        if self.export_task is not None:
            self.export_task.cancel()
            self.export_status.setText(self.tr("Cancelling the export…"))

    def _on_export_progress(self, done: int, total: int, label: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"{label} %p%" if label else "%p%")
        self.export_progress.emit(done, total, label)

    def _on_exported(self, outcome) -> None:
        self._show_progress(False)
        if outcome.status == "written":
            self._show_written(outcome)
        elif outcome.status == "blocked":
            self._show_blocked(outcome)
        else:
            self._show_progress(False, self.tr("Export cancelled: nothing was written."))
        self.export_finished.emit(outcome)

    def _on_export_cancelled(self) -> None:
        self._show_progress(False, self.tr("Export cancelled: nothing was written."))
        self.export_finished.emit(None)

    def _on_export_failed(self, error: BaseException) -> None:
        self._show_progress(False, self.tr("Not exported."))
        self.export_finished.emit(None)
        show_error(self, error)

    def _show_progress(self, running: bool, text: str = "") -> None:
        if not running:
            self.export_task = None
        self.export_status.setText(text)
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.export_button.setEnabled(not running)
        self.export_action.setEnabled(not running)

    def _show_written(self, outcome) -> None:
        at = clock_now(seconds=False)
        self.export_status.setText(
            self.tr("Exported at %1 to %2").replace("%1", at).replace("%2", str(outcome.path))
        )
        self._show_message(written_box(self, outcome))

    def _show_blocked(self, outcome) -> None:
        self.export_status.setText(self.tr("Not exported: nothing was written."))
        self.gate.show_blocked(outcome.result)
        self._update_tab_title()
        self.tabs.setCurrentWidget(self.gate)
        self.loader.invalidate(0)  # read again for each hit's context
        self._show_message(blocked_box(self, len(outcome.result.hits)))

    def _show_message(self, box: QMessageBox) -> None:
        """Shown without blocking: the page stays usable, and the box can be read or closed."""
        if self.export_message is not None:
            self.export_message.close()
        self.export_message = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._forget_message(b))
        box.open()

    def _forget_message(self, box: QMessageBox) -> None:
        if self.export_message is box:
            self.export_message = None
