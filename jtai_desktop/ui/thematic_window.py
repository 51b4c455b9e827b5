"""The thematic overview: one theme's areas drawn together, in a window of its own (a thematic
workspace is a data folder of its own kind, see services.thematic).

Tabs show the areas (with the fingerprint of the key each extract was signed with, to check
with its lead), the strengths and concerns that recur in most areas, the findings by
criterion and agency kind, the evidence matrix summed or per area, the front door's timeliness
across the areas, and search across every extract's text. Importing and exporting run off the
UI thread; the summary itself is quick (a few milliseconds for six areas).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import JtaiError
from ..services import thematic
from .errors import show_error
from .models import thematic as rows
from .shortcuts import bind
from .tasks import TaskRunner
from .views import fit_to_screen


class ThematicWindow(QMainWindow):
    opens_files = False  # an invitation or a bundle belongs to a folder of inspections

    def __init__(self, context):
        super().__init__()
        self.context = context
        self.tasks = TaskRunner(self)
        self.summary = thematic.summary(context.workspace)
        self.setWindowTitle(self.tr("JTAI thematic workspace"))
        fit_to_screen(self, 1280, 820)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Thematic overview"))
        self.models: dict[str, rows.TextTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self._tab("areas", self.tr("&Areas"))
        self._tab("recurring", self.tr("&Recurring"))
        self._tab("findings", self.tr("&Findings"))
        self.matrix_area = QComboBox()
        self.matrix_area.setAccessibleName(self.tr("Evidence matrix of"))
        self.matrix_area.currentIndexChanged.connect(self._fill_matrix)
        self.matrix_note = QLabel()
        self.matrix_note.setWordWrap(True)
        self._tab(
            "matrix",
            self.tr("Evidence &matrix"),
            self._stacked(self._labelled(self.tr("Show:"), self.matrix_area), self.matrix_note),
        )
        self.step = QComboBox()
        self.step.setAccessibleName(self.tr("Front door step"))
        self.step.currentIndexChanged.connect(self._fill_timeliness)
        self._tab("timeliness", self.tr("&Timeliness"), self._labelled(self.tr("Step:"), self.step))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words to find in every area's text"))
        self.query.setAccessibleName(self.tr("Search the extracts"))
        self.query.returnPressed.connect(self._search)
        self._tab("search", self.tr("&Search"), self._labelled(self.tr("Find:"), self.query))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)
        self.setCentralWidget(body)
        self._menus()
        self.refresh()

    # --- layout ------------------------------------------------------------------------------
    def _labelled(self, text: str, field: QWidget) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setBuddy(field)
        line.addWidget(label)
        line.addWidget(field, 1)
        return row

    def _stacked(self, *parts: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            column.addWidget(part)
        return box

    def _tab(self, key: str, title: str, above: QWidget | None = None) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        if above is not None:
            layout.addWidget(above)
        model = rows.TextTableModel(parent=self)
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(title.replace("&", ""))
        view.setWordWrap(False)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(view)
        self.models[key], self.views[key] = model, view
        self.tabs.addTab(page, title)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import extracts…"), self)
        bind(self.import_action, "thematic.import")
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("&Export the report's draft…"), self)
        bind(self.export_action, "thematic.export")
        self.export_action.triggered.connect(self.ask_export)
        self.confirm_action = QAction(self.tr("&Confirm the chosen area's key…"), self)
        self.confirm_action.triggered.connect(self.ask_confirm)
        quit_action = QAction(self.tr("&Quit"), self)
        bind(quit_action, "file.quit")
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.export_action, self.confirm_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    # --- content -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.summary = s = thematic.summary(self.context.workspace)
        theme = s.theme
        self.heading.setText(
            self.tr("%1 (%2): %3 areas")
            .replace("%1", theme.get("title", ""))
            .replace("%2", theme.get("version", ""))
            .replace("%3", str(len(s.areas)))
            if s.areas
            else self.tr("No extracts yet: File › Import extracts… (Ctrl+I)")
        )
        self._fill("areas", *rows.area_rows(s))
        self._fill("recurring", *rows.recurring_rows(s))
        self._fill("findings", *rows.finding_rows(s))
        self._choices(
            self.matrix_area, [self.tr("All areas (summed)"), *(a.label for a in s.areas)]
        )
        self._choices(self.step, list(s.timeliness))
        self._fill_matrix()
        self._fill_timeliness()
        self.export_action.setEnabled(bool(s.areas))

    def _fill(self, key: str, headers, found, numeric=()) -> None:
        self.models[key].set_rows(headers, found, numeric)
        view = self.views[key]
        # A column of figures keeps its width: stretched, its numbers would drift to the far edge.
        view.horizontalHeader().setStretchLastSection(len(headers) - 1 not in numeric)
        view.resizeColumnsToContents()

    def _choices(self, combo: QComboBox, items: list[str]) -> None:
        keep = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(items)
        combo.setCurrentIndex(keep if 0 <= keep < len(items) else 0)
        combo.blockSignals(False)

    def _fill_matrix(self, *_args) -> None:
        index = self.matrix_area.currentIndex()
        area = None if index <= 0 else self.summary.areas[index - 1].label
        headers, found = rows.matrix_rows(self.summary, area)
        self._fill("matrix", headers, found, numeric=rows.MATRIX_NUMBERS[: len(headers) - 2])
        self.matrix_note.setText(rows.matrix_note(self.summary, area))

    def _fill_timeliness(self, *_args) -> None:
        headers, found = rows.timeliness_rows(self.summary, self.step.currentText())
        self._fill("timeliness", headers, found, numeric=(1, 2, 3, 4, 5))

    def _search(self) -> None:
        hits = self.summary.search(self.query.text())
        self._fill(
            "search",
            (self.tr("Area"), self.tr("Where"), self.tr("Text")),
            [(h.area, h.place, h.snippet) for h in hits],
        )

    # --- trusting a lead's key -------------------------------------------------------------
    def ask_confirm(self) -> None:
        """Show the chosen area's key fingerprint; confirm it once the lead has read out the
        same one (by phone, say: never from the file itself)."""
        row = self.views["areas"].currentIndex().row()
        if not 0 <= row < len(self.summary.areas):
            self.tabs.setCurrentIndex(0)
            self.statusBar().showMessage(self.tr("Choose an area on the Areas tab first."), 10_000)
            return
        area = self.summary.areas[row]
        answer = QMessageBox.question(
            self,
            self.tr("Confirm a lead's key"),
            self.tr(
                "Ask the lead of %1 to read out the fingerprint of their key. Does it match?\n\n%2"
            )
            .replace("%1", area.label)
            .replace("%2", area.fingerprint),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            thematic.confirm_key(self.context.workspace, area.fingerprint)
        except JtaiError as error:
            show_error(self, error)
            return
        self.refresh()
        self.statusBar().showMessage(
            self.tr("The key of %1 is confirmed.").replace("%1", area.label), 10_000
        )

    # --- import and export ---------------------------------------------------------------
    def ask_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import extracts"),
            "",
            self.tr("Thematic extracts (*.json);;All files (*)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]):
        context = self.context

        def work(_progress, _cancelled):
            incoming = thematic.read_files(files)
            ws = context.worker_workspace()
            try:
                return thematic.import_extracts(ws, incoming)
            finally:
                ws.db.close()

        return self.tasks.start(work, on_finished=self._imported, on_failed=self._failed)

    def _imported(self, imported) -> None:
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Imported %1 extract(s). Check each key's fingerprint with its lead.").replace(
                "%1", str(len(imported))
            ),
            15_000,
        )

    def ask_export(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the report's draft"),
            "thematic-report.docx",
            self.tr("Word documents (*.docx)"),
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path):
        from ..services.thematic_export import export_report

        context = self.context

        def work(_progress, _cancelled):
            ws = context.worker_workspace()
            try:
                return export_report(ws, target)
            finally:
                ws.db.close()

        return self.tasks.start(work, on_finished=self._exported, on_failed=self._failed)

    def _exported(self, outcome) -> None:
        if outcome.status == "blocked":
            kinds = ", ".join(sorted({h.kind for h in outcome.hits}))
            self.statusBar().showMessage(
                self.tr("Not exported: identifying details found (%1).").replace("%1", kinds)
            )
            return
        self.statusBar().showMessage(
            self.tr("Exported %1.").replace("%1", str(outcome.path)), 15_000
        )

    def _failed(self, error) -> None:
        show_error(self, error)

    # --- what the launcher asks of a window --------------------------------------------------
    def build_pages_when_idle(self) -> None:
        """Every tab is built at once (the summary is small)."""

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.tasks.wait()
        super().closeEvent(event)


def build_thematic_window(context) -> ThematicWindow:
    return ThematicWindow(context)
