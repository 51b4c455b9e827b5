"""File › Thematic extract… and File › Purge this inspection…, which offers the extract first
(the main window declares both actions and calls ``ask_extract`` and ``ask_purge``).

After publication the lead keeps an anonymised extract for the national thematic report; a
purge destroys everything else, so before it the window asks "Keep a thematic extract
first?". The extract and the purge run off the UI thread; a purge never follows an extract
that could not be written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..services.extract import is_published, write_extract
from ..services.retention import purge_inspection, purge_plan
from ..services.team import is_lead
from .errors import show_error


def ask_extract(window, then=None) -> None:
    """Ask where to save the extract, write it off the UI thread, then call ``then()``."""
    session = window.session
    inspection_id = session.inspection_id
    if inspection_id is None:
        return
    if not is_lead(session.ws, inspection_id) or not is_published(session.ws, inspection_id):
        QMessageBox.information(
            window,
            window.tr("Thematic extract"),
            window.tr(
                "A thematic extract is made by the lead inspector once the letter is "
                "published (Versions and accuracy › Letter on the report screen)."
            ),
        )
        return
    area = session.ws.require("inspection", inspection_id)["area"] or "area"
    target, _ = QFileDialog.getSaveFileName(
        window,
        window.tr("Save the thematic extract"),
        f"{area.lower().replace(' ', '-')}-thematic-extract.json",
        window.tr("Thematic extracts (*.json)"),
    )
    if not target:
        return
    context = session.context

    def work(_progress, _cancelled):
        ws = context.worker_workspace()
        try:
            return write_extract(ws, inspection_id, Path(target))
        finally:
            ws.db.close()

    def done(outcome) -> None:
        window.statusBar().showMessage(
            window.tr("Thematic extract saved, signed with the key %1.").replace(
                "%1", outcome.fingerprint
            ),
            20_000,
        )
        if then is not None:
            then()

    window.extract_task = session.tasks.start(
        work, on_finished=done, on_failed=lambda error: show_error(window, error)
    )


def ask_purge(window) -> None:
    session = window.session
    inspection_id = session.inspection_id
    if inspection_id is None:
        return
    if is_published(session.ws, inspection_id) and is_lead(session.ws, inspection_id):
        answer = QMessageBox.question(
            window,
            window.tr("Purge this inspection"),
            window.tr(
                "Keep a thematic extract first? It holds the published findings, the counts "
                "(small ones left out) and the letter's text for the national report, and "
                "nothing that identifies a child."
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return
        if answer == QMessageBox.StandardButton.Yes:
            ask_extract(window, then=lambda: confirm_purge(window, inspection_id))
            return
    confirm_purge(window, inspection_id)


def confirm_purge(window, inspection_id: str) -> None:
    session = window.session
    plan = purge_plan(session.ws, inspection_id)
    if not confirmed(window, plan):
        return
    context = session.context

    def work(_progress, _cancelled):
        ws = context.worker_workspace()
        try:
            return purge_inspection(ws, plan, context.connector())
        finally:
            ws.db.close()

    def done(_compacted) -> None:
        session.inspection_id = None
        session.undo_stack.clear()
        window.navigator.setEnabled(False)
        window.show_welcome()
        window.statusBar().showMessage(window.tr("Purged. The purge is in the audit log."), 20_000)

    window.purge_task = session.tasks.start(
        work, on_finished=done, on_failed=lambda error: show_error(window, error)
    )


def confirmed(window, plan) -> bool:
    """What will be destroyed, and a Purge button (Cancel is the default)."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(window.tr("Purge this inspection"))
    box.setText(window.tr("This permanently destroys the inspection:"))
    box.setInformativeText("\n".join(plan.describe()))
    purge = box.addButton(window.tr("&Purge"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is purge
