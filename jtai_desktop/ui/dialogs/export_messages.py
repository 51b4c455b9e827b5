"""What the report page asks and tells around an export: where to write the letter, and
the messages after it was written or blocked by the identifying-details gate.

The messages are opened without blocking (the page keeps them in ``export_message``). Text is
translated in the report page's context (``parent.tr``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from ...domain.record_types import Row


def choose_target(parent: QWidget, last_folder: str, suggested: str) -> Path | None:
    """Ask where to save; a name without ``.docx`` gets it. None if the user cancelled."""
    start = Path(last_folder or documents_folder()) / suggested
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Export the draft letter"),
        str(start),
        parent.tr("Word documents (*.docx)"),
    )
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == ".docx" else target.with_name(target.name + ".docx")


def suggested_name(parent: QWidget, inspection: Row, internal: bool) -> str:
    """The area and the kind of draft, without characters file systems refuse. (No child is
    ever named in it: the area is the only record text used.)"""
    area = re.sub(r'[\\/:*?"<>|]+', " ", inspection.get("area") or "").strip()
    kind = parent.tr("internal draft") if internal else parent.tr("draft letter")
    return f"{area} {kind}.docx".strip()


def documents_folder() -> str:
    """The user's documents folder, or their home folder when there is none: a file dialog
    given a folder that does not exist opens in the program's working folder instead."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


class WrittenBox(QMessageBox):
    """The letter was written: where it is, and a button that opens it."""

    open_button: QPushButton


def written_box(parent: QWidget, outcome) -> WrittenBox:
    kept = len(outcome.result.overridden)
    text = parent.tr("The draft letter was saved as:") + f"\n{outcome.path}"
    if kept:
        text += "\n\n" + parent.tr("Overrides recorded with the export: %1").replace(
            "%1", str(kept)
        )
    box = WrittenBox(
        QMessageBox.Icon.Information,
        parent.tr("Draft letter exported"),
        text,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.open_button = box.addButton(parent.tr("&Open"), QMessageBox.ButtonRole.ActionRole)
    box.open_button.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.path)))
    )
    box.setDefaultButton(box.open_button)
    return box


def blocked_box(parent: QWidget, hit_count: int) -> QMessageBox:
    text = (
        parent.tr("1 identifying detail was found")
        if hit_count == 1
        else parent.tr("%1 identifying details were found").replace("%1", str(hit_count))
    )
    text += parent.tr(
        ", so nothing was written. Fix each one in the letter, or override it "
        "with a reason, then export again."
    )
    return QMessageBox(
        QMessageBox.Icon.Warning,
        parent.tr("Not exported"),
        text,
        QMessageBox.StandardButton.Close,
        parent,
    )
