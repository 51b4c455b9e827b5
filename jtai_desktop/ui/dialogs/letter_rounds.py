"""After the draft: the letter's versions compared section by section, and the area's
factual-accuracy comments with the lead's decisions. Both read and write through
``services.versions`` and ``services.accuracy``; every decision is an undoable, synced edit."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...report.compose import wsoa_deadline
from ...report.letter_format import load_formats
from ...services import accuracy, letter, versions
from ...services.changes import ChangeSet
from ...services.report import letter_inputs
from ..errors import show_error, try_edit
from ..models.report import RowsModel, tr
from ..time_text import local_time

NOW = "current"


class VersionsModel(RowsModel):
    columns = (
        (lambda: tr("Version"), lambda v: str(v["number"])),
        (lambda: tr("For"), lambda v: versions.PURPOSES.get(v["purpose"], v["purpose"])),
        (lambda: tr("When"), lambda v: local_time(v["created_at"], with_year=True)),
        (lambda: tr("By"), lambda v: v["by"]),
        (lambda: tr("File"), lambda v: f"{v['file_name']} (SHA-256 {v['sha256'][:12]}…)"),
    )


class AccuracyModel(RowsModel):
    columns = (
        (lambda: tr("Where"), lambda i: f"{i.heading or i.section}, paragraph {i.paragraph}"),
        (lambda: tr("Comment or change"), lambda i: i.comment),
        (lambda: tr("On the words"), lambda i: i.quoted),
        (lambda: tr("From"), lambda i: i.author),
        (lambda: tr("Decision"), lambda i: _decision(i)),
    )


def _decision(item: accuracy.AccuracyItem) -> str:
    text = tr(accuracy.STATUSES[item.status])
    if item.response:
        text += f": {item.response}"
    return text + (f" ({item.decided_by})" if item.decided_by else "")


def comparison_html(comparison: versions.Comparison) -> str:
    """Changed sections with their lines marked (added, removed), then the edited findings.
    Marks are words and signs as well as colours, so colour is never the only cue."""
    parts = [f"<h3>{escape(comparison.older)} \u2192 {escape(comparison.newer)}</h3>"]
    for section in comparison.changed_sections:
        status = {"changed": tr("changed"), "added": tr("added"), "removed": tr("removed")}
        parts.append(f"<h4>{escape(section.heading)} ({status[section.status]})</h4>")
        for line in section.lines:
            sign, text = line[:2], escape(line[2:])
            if sign == "+ ":
                parts.append(f"<p style='background:#e6f4ea'>+ <b>{text}</b></p>")
            elif sign == "- ":
                parts.append(f"<p style='background:#fce8e6'>\u2212 <s>{text}</s></p>")
    if comparison.findings:
        parts.append(f"<h4>{tr('Findings changed')}</h4>")
        for finding in comparison.findings:
            parts.append(f"<p>{escape(tr(finding.status))}: {escape(finding.title)}</p>")
    if len(parts) == 1:
        parts.append(f"<p>{tr('Nothing changed.')}</p>")
    return "\n".join(parts)


class LetterRoundsDialog(QDialog):
    """Versions (with a comparison) and factual accuracy, on two tabs."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Versions and factual accuracy"))
        self.versions = VersionsModel(self)
        self.items = AccuracyModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._settings_tab(), self.tr("&Letter"))
        self.tabs.addTab(self._versions_tab(), self.tr("&Versions"))
        self.tabs.addTab(self._accuracy_tab(), self.tr("&Factual accuracy"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(width * 120, self.fontMetrics().lineSpacing() * 36)
        self.refresh()

    # --- the letter's settings and publication ----------------------------------------------
    def _settings_tab(self) -> QWidget:
        formats = load_formats()
        self.format = QComboBox()
        for key, fmt in formats.formats.items():
            self.format.addItem(fmt.name, key)
        self.letter_date = QDateEdit()
        self.letter_date.setCalendarPopup(True)
        self.letter_date.setDisplayFormat("d MMMM yyyy")
        self.principal = QLineEdit()
        self.small_counts = QSpinBox()
        self.small_counts.setRange(2, 50)
        self.small_counts.setToolTip(self.tr("Counts from 1 to this number minus 1 are hidden"))
        self.save_settings = QPushButton(self.tr("&Save the letter's settings"))
        self.publish_button = QPushButton(self.tr("&Mark published today"))
        self.publish_button.setToolTip(
            self.tr(
                "Records the latest version as published and sets the statement of action's date"
            )
        )
        self.settings_status = QLabel()
        self.settings_status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Date on the letter:"), self.letter_date)
        form.addRow(self.tr("&Principal authority:"), self.principal)
        form.addRow(self.tr("&Hide counts below:"), self.small_counts)
        row = QHBoxLayout()
        row.addWidget(self.save_settings)
        row.addWidget(self.publish_button)
        row.addStretch(1)
        self.save_settings.clicked.connect(self.save_letter_settings)
        self.publish_button.clicked.connect(self.publish)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.settings_status)
        layout.addStretch(1)
        return box

    def _show_settings(self) -> None:
        ws, iid = self.session.ws, self.session.inspection_id
        inputs = letter_inputs(ws, iid, annexes=False)
        settings = inputs.settings
        self.format.setCurrentIndex(max(self.format.findData(settings.format or "2022"), 0))
        when = inputs.letter_date
        self.letter_date.setDate(QDate(when.year, when.month, when.day))
        self.principal.setText(settings.principal_authority)
        self.principal.setPlaceholderText(f"{inputs.area} Council")
        self.small_counts.setValue(settings.small_count_below or load_formats().small_count_below)
        row = letter.letter_row(ws, iid)
        published = row.get("published_on")
        due = row.get("wsoa_due") if published else wsoa_deadline(inputs).isoformat()
        self.settings_status.setText(
            (self.tr("Published on %1.").replace("%1", published) + " " if published else "")
            + self.tr("The written statement of action is due on %1.").replace("%1", due or "")
        )

    def save_letter_settings(self) -> None:
        iid, chosen = self.session.inspection_id, self.letter_date.date()
        values = {
            "format": self.format.currentData(),
            "letter_date": date(chosen.year(), chosen.month(), chosen.day()),
            "principal_authority": self.principal.text().strip(),
            "small_count_below": self.small_counts.value(),
        }
        if (
            try_edit(self, self.session, lambda ws: letter.set_settings(ws, iid, **values))
            is not None
        ):
            self._show_settings()

    def publish(self) -> None:
        iid = self.session.inspection_id
        if try_edit(self, self.session, lambda ws: letter.publish(ws, iid)[1]) is None:
            return
        row = letter.letter_row(self.session.ws, iid)
        self._show_settings()
        self.settings_status.setText(
            self.settings_status.text()
            + " "
            + self.tr("Proposed retention date: %1.").replace("%1", row["retention_proposed"])
        )

    # --- versions --------------------------------------------------------------------------
    def _versions_tab(self) -> QWidget:
        self.versions_view = _view(self.versions, self.tr("Versions of the letter"))
        self.older = QComboBox()
        self.newer = QComboBox()
        self.older.setAccessibleName(self.tr("Compare from"))
        self.newer.setAccessibleName(self.tr("Compare with"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.diff = QTextBrowser()
        self.diff.setAccessibleName(self.tr("What changed"))
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("From:")), self.older, QLabel(self.tr("to:")), self.newer):
            row.addWidget(widget)
        row.addWidget(self.compare_button)
        row.addStretch(1)
        self.compare_button.clicked.connect(self.compare)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(self.versions_view, 1)
        layout.addLayout(row)
        layout.addWidget(self.diff, 2)
        return box

    def compare(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is None or newer is None:
            return
        ws, iid = self.session.ws, self.session.inspection_id
        try:
            self.diff.setHtml(comparison_html(versions.compare(ws, iid, older, newer)))
        except JtaiError as error:
            show_error(self, error)

    # --- factual accuracy ------------------------------------------------------------------
    def _accuracy_tab(self) -> QWidget:
        self.items_view = _view(self.items, self.tr("The area's comments and changes"))
        self.import_button = QPushButton(self.tr("&Import the area's file…"))
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.reject_button = QPushButton(self.tr("&Reject…"))
        self.query_button = QPushButton(self.tr("&Query…"))
        self.responses_button = QPushButton(self.tr("Export the &responses…"))
        self.import_button.clicked.connect(self.import_file)
        self.accept_button.clicked.connect(lambda: self.decide(accuracy.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.decide(accuracy.REJECTED))
        self.query_button.clicked.connect(lambda: self.decide(accuracy.QUERIED))
        self.responses_button.clicked.connect(self.export_responses)
        self.accuracy_status = QLabel()
        self.accuracy_status.setWordWrap(True)
        row = QHBoxLayout()
        for button in (
            self.import_button,
            self.accept_button,
            self.reject_button,
            self.query_button,
            self.responses_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.items_view, 1)
        layout.addWidget(self.accuracy_status)
        return box

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("The letter the area returned"), "", self.tr("Word (*.docx)")
            )
        if not path:
            return
        iid, imported = self.session.inspection_id, []

        def import_items(ws) -> ChangeSet:
            imported.append(accuracy.import_returned(ws, iid, path))
            return imported[-1].changes

        if try_edit(self, self.session, import_items) is None:
            return  # the file was refused: nothing imported
        self.accuracy_status.setText(
            self.tr("%1 comment(s) and change(s) imported for version %2.")
            .replace("%1", str(imported[0].added))
            .replace("%2", str(imported[0].version_number))
        )
        self.refresh()

    def current_item(self) -> accuracy.AccuracyItem | None:
        return self.items.row(self.items_view.currentIndex().row())

    def decide(self, status: str, response: str | None = None) -> None:
        item = self.current_item()
        if item is None:
            return
        if status != accuracy.ACCEPTED and response is None:
            label = (
                self.tr("Why is it rejected? (sent to the area)")
                if status == accuracy.REJECTED
                else self.tr("Your question for the area:")
            )
            response, ok = QInputDialog.getMultiLineText(self, self.tr("Response"), label)
            if not ok:
                return
        decided = try_edit(
            self, self.session, lambda ws: accuracy.decide(ws, item.id, status, response or "")
        )
        if decided is not None:
            self.refresh(keep=item.id)

    def export_responses(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Responses for the area"), "", self.tr("Word (*.docx)")
            )
        if not path:
            return
        ws, iid = self.session.ws, self.session.inspection_id
        try:
            outcome = accuracy.export_responses(ws, iid, Path(path))
        except JtaiError as error:
            show_error(self, error)
            return
        self.accuracy_status.setText(
            self.tr("Saved as %1.").replace("%1", str(outcome.path))
            if outcome.written
            else self.tr("Not saved: identifying details found in the comments (%1).").replace(
                "%1", ", ".join(h.match for h in outcome.result.hits)
            )
        )
        self.refresh()

    # --- both ----------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        ws, iid = self.session.ws, self.session.inspection_id
        self._show_settings()
        kept = versions.versions(ws, iid)
        self.versions.set_rows(kept)
        for column in range(self.versions.columnCount() - 1):
            self.versions_view.resizeColumnToContents(column)
        for combo in (self.older, self.newer):
            combo.clear()
            for v in kept:
                combo.addItem(self.tr("Version %1").replace("%1", str(v["number"])), v["id"])
            combo.addItem(self.tr("The letter now"), NOW)
        # By default: the last two versions, or the only one against the letter now.
        self.older.setCurrentIndex(max(len(kept) - 2, 0))
        self.newer.setCurrentIndex(len(kept) - 1 if len(kept) >= 2 else self.newer.count() - 1)
        self.items.set_rows(accuracy.items(ws, iid))
        rows = self.items.rows()
        at = next((n for n, i in enumerate(rows) if i.id == keep), 0)
        if rows:
            self.items_view.setCurrentIndex(self.items.index(at, 0))
        has = bool(rows)
        for button in (self.accept_button, self.reject_button, self.query_button):
            button.setEnabled(has)
        self.responses_button.setEnabled(has)


def _view(model, name: str) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setAlternatingRowColors(True)
    view.setAllColumnsShowFocus(True)
    view.setWordWrap(True)
    view.setAccessibleName(name)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view
