"""The navigator: the sections with their icons, and under each title where it stands
(children reviewed, notes this week, findings without evidence, open conflicts), so the
inspector sees what is left without opening every page. Counts are text, never colour alone.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QWidget

from ..domain.calendar import stage_on
from .icons import icon
from .models.roles import MODEL_ROLES
from .page_registry import PageSpec
from .time_text import local_date
from .translate import translator

if TYPE_CHECKING:  # the counting services load after the first paint
    from ..domain.calendar import Stage
    from ..services.progress import Progress

tr = translator("Navigator")
SECTION_KEY_ROLE = MODEL_ROLES  # the page key of a navigator row
TITLE_ROLE = MODEL_ROLES + 1  # the section's title alone


def progress_texts(progress: Progress) -> dict[str, str]:
    """What the navigator says under each section's title (page key -> text)."""

    def plural(n: int, one: str, many: str) -> str:
        return (tr(one) if n == 1 else tr(many)).replace("%n", str(n))

    findings = (
        plural(progress.findings_without_evidence, "%n without evidence", "%n without evidence")
        if progress.findings_without_evidence
        else plural(progress.findings, "%n finding, with evidence", "%n, all with evidence")
    )
    return {
        "children": tr("%1 of %2 reviewed")
        .replace("%1", str(progress.children_reviewed))
        .replace("%2", str(progress.children)),
        "notes": plural(progress.notes_this_week, "%n this week", "%n this week")
        + plural(progress.notes, ", %n in all", ", %n in all"),
        "evidence": plural(progress.evidence, "%n item", "%n items"),
        "findings": findings,
        "review_merge": plural(progress.conflicts, "%n open conflict", "%n open conflicts")
        if progress.conflicts
        else tr("No open conflicts"),
    }


def stage_text(
    stage: Stage, fieldwork_start: date | None = None, letter_due: date | None = None
) -> str:
    """The day of the inspection, for the window's title and the navigator's header
    (``letter_due``: the latest publication date, while it is still ahead)."""
    if stage.kind == "fieldwork":
        return (
            tr("Fieldwork day %1 of %2")
            .replace("%1", str(stage.day))
            .replace("%2", str(stage.days))
        )
    if stage.kind in ("week1", "week2"):
        week = tr("Week 1") if stage.kind == "week1" else tr("Week 2")
        if fieldwork_start is None:
            return week
        return (
            tr("%1: fieldwork starts %2")
            .replace("%1", week)
            .replace("%2", local_date(fieldwork_start))
        )
    if stage.kind == "after":
        if letter_due is None:
            return tr("After fieldwork")
        return tr("After fieldwork: the letter is due by %1").replace("%1", local_date(letter_due))
    return tr("Before notification")


def inspection_stage(ws, inspection_id: str, today: date | None = None) -> tuple[str, str, str]:
    """(title, area, the day in words) of an inspection, for the window's title."""
    from ..services.inspections import inspection_dates

    row = ws.require("inspection", inspection_id)
    dates = inspection_dates(ws, inspection_id)
    today = today or date.today()
    due = dates.publication_latest if today <= dates.publication_latest else None
    stage = stage_text(stage_on(dates, today), dates.fieldwork_start, due)
    return row["title"], row["area"], stage


def section_texts(ws, inspection_id: str, today: date | None = None) -> dict[str, str]:
    """What each section says under its title today (counting reads every section)."""
    from ..services.progress import inspection_progress

    return progress_texts(inspection_progress(ws, inspection_id, today or date.today()))


class Navigator(QListView):
    def __init__(self, specs: tuple[PageSpec, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.sections = QStandardItemModel(self)
        self._specs = specs
        for spec in specs:
            item = QStandardItem(spec.title)
            item.setData(spec.key, SECTION_KEY_ROLE)
            item.setData(spec.title, TITLE_ROLE)
            item.setEditable(False)
            self.sections.appendRow(item)
        self.setModel(self.sections)
        self.setAccessibleName(tr("Sections"))
        self.setSpacing(2)
        # A line longer than the list is wide (counts, a large font, the splitter dragged
        # narrower) ends in an ellipsis, with the whole text in its tooltip: a sideways
        # scroll bar would hide the counts instead.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.paint_icons()

    def paint_icons(self) -> None:
        """Icons in the palette's text colour at the screen's pixel density (again when the
        palette changes or the window moves to a screen of another density)."""
        color = self.palette().color(QPalette.ColorRole.Text).name()
        ratio = self.devicePixelRatioF()
        for row, spec in enumerate(self._specs):
            self.sections.item(row).setIcon(icon(spec.icon, color, ratio))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.DevicePixelRatioChange):
            self.paint_icons()

    def show_progress(self, texts: dict[str, str]) -> None:
        for row in range(self.sections.rowCount()):
            item = self.sections.item(row)
            title = item.data(TITLE_ROLE)
            extra = texts.get(item.data(SECTION_KEY_ROLE), "")
            item.setText(f"{title}\n{extra}" if extra else title)
            item.setToolTip(f"{title}: {extra}" if extra else title)
