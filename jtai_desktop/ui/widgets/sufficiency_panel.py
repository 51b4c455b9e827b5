"""The lead's sufficiency view: cells with no source or one, criteria no child or family has
been heard on, organisations not yet heard, the findings below the rule; the rule itself;
and the one-page Word table for the evening meeting (internal, never in the letter)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...services.evidence_matrix import Matrix
from ...services.sufficiency import sufficiency
from ...services.sufficiency_export import INTERNAL, export_sufficiency
from ...services.triangulation import evidence_rule, findings_below_rule, set_evidence_rule
from ..errors import show_error, try_edit


class SufficiencyPanel(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Where the evidence is thin"))
        self.min_sources, self.min_kinds = QSpinBox(), QSpinBox()
        self.min_sources.setRange(1, 50)
        self.min_kinds.setRange(1, 4)
        self.set_rule = QPushButton(self.tr("Set the r&ule"))
        self.set_rule.setToolTip(self.tr("The lead's rule: findings below it are flagged"))
        self.set_rule.clicked.connect(self.save_rule)
        self.export_button = QPushButton(self.tr("&Export for the evening meeting…"))
        self.export_button.setToolTip(INTERNAL)
        self.export_button.clicked.connect(self.choose_and_export)
        rule = QHBoxLayout()
        for text, widget in (
            (self.tr("A finding needs at &least"), self.min_sources),
            (self.tr("sources of at least"), self.min_kinds),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            rule.addWidget(label)
            rule.addWidget(widget)
        rule.addWidget(QLabel(self.tr("kinds")))
        rule.addWidget(self.set_rule)
        rule.addStretch(1)
        rule.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(rule)
        layout.addWidget(self.view, 1)

    def show_matrix(self, matrix: Matrix) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        report = sufficiency(ws, inspection_id, matrix)
        rule = evidence_rule(ws, inspection_id)
        self.min_sources.setValue(rule.min_sources)
        self.min_kinds.setValue(rule.min_kinds)
        below = findings_below_rule(ws, inspection_id)
        self.view.setHtml(_html(self, report, below, rule.describe()))

    def save_rule(self) -> None:
        inspection_id = self.session.inspection_id
        sources, kinds = self.min_sources.value(), self.min_kinds.value()
        try_edit(
            self,
            self.session,
            lambda ws: set_evidence_rule(ws, inspection_id, min_sources=sources, min_kinds=kinds),
        )

    def choose_and_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the sufficiency table"),
            str(Path.home() / "sufficiency.docx"),
            self.tr("Word documents (*.docx)"),
        )
        if name:
            self.export(Path(name))

    def export(self, target: Path) -> Path | None:
        try:
            return export_sufficiency(self.session.ws, self.session.inspection_id, target)
        except JtaiError as error:
            show_error(self, error)
            return None


def _html(widget: QWidget, report, below, rule: str) -> str:
    tr = widget.tr
    unheard = ", ".join(
        f"{escape(c['id'])} {escape(c['title'])}" for c in report.criteria_without_child_or_family
    )
    quiet = ", ".join(escape(o["name"]) for o in report.organisations_not_heard)
    titles = "".join(
        f"<li>{escape(f.finding['title'])}: {escape(f.spread.shortfall(f.rule))}</li>"
        for f in below
    )
    rows = "".join(
        f"<tr><td>{escape(c)}</td><td>{escape(', '.join(none) or '—')}</td>"
        f"<td>{escape(', '.join(one) or '—')}</td></tr>"
        for c, none, one in report.by_criterion()
    )
    heading = tr("Cells with no source or one: %1 of %2").replace("%1", str(len(report.thin_cells)))
    return (
        f"<p><i>{escape(INTERNAL)}</i></p>"
        f"<h3>{tr('Findings below the rule')} ({escape(rule)}): {len(below)}</h3><ul>{titles}</ul>"
        f"<h3>{tr('Criteria with no child or family voice')}</h3><p>{unheard or '—'}</p>"
        f"<h3>{tr('Organisations not yet heard')}</h3><p>{quiet or '—'}</p>"
        f"<h3>{heading.replace('%2', str(report.cells_considered))}</h3>"
        "<table border='1' cellspacing='0' cellpadding='3'><tr>"
        f"<th>{tr('Criterion')}</th><th>{tr('No source yet')}</th>"
        f"<th>{tr('One source only')}</th></tr>{rows}</table>"
    )
