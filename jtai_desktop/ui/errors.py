"""One place that turns errors into dialogs and log entries.

Expected errors (``JtaiError``) carry a message a person can act on and are shown as is.
Anything else is a defect: the user gets a short apology with the details in an expandable
box and a Copy button, and the traceback goes to the log file. Neither ever includes the
content of records, so no child's details reach the log.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from ..domain.errors import JtaiError
from ..logs import log
from ..services.changes import ChangeSet
from ..services.workspace import Workspace
from .translate import translator

if TYPE_CHECKING:  # made at the first message: Qt builds its class (and enums) when first named
    from PySide6.QtWidgets import QMessageBox

tr = translator("errors")


def try_edit(
    parent: QWidget,
    session,
    action: Callable[[Workspace], ChangeSet],
    on_refused: Callable[[str], None] | None = None,
) -> ChangeSet | None:
    """Run one edit through the session (``InspectionSession.edit``). An edit the services
    refuse changes nothing: its message is shown (in a dialog over ``parent``, or by
    ``on_refused`` where the editor says it inline) and None is returned."""
    try:
        return session.edit(action)
    except JtaiError as error:
        if on_refused is None:
            show_error(parent, error)
        else:
            on_refused(error.message)
        return None


def try_delete(
    parent: QWidget, session, what: str, action: Callable[[Workspace], ChangeSet]
) -> ChangeSet | None:
    """Delete at once, undoably, and say so with an Undo button in the status bar
    (``session.removed``): the one way every delete is confirmed. ``what`` names what went,
    in words ("Deleted the note “Strategy meeting”.")."""
    changes = try_edit(parent, session, action)
    if changes is not None and changes.has_effect:
        session.removed.emit(what)
    return changes


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    if isinstance(error, JtaiError):
        log.info("refused: %s", type(error).__name__)
        QMessageBox.warning(parent, title or tr("Not done"), error.message)
        return
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error %s\n%s", type(error).__name__, _without_values(details))
    unexpected_error_box(parent, details).exec()


def unexpected_error_box(parent: QWidget | None, details: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        tr("Something went wrong"),
        tr(
            "The app hit an unexpected problem. "
            "What you saved before is kept. Please send the details below to "
            "the app's support contact.",
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setDetailedText(details)
    copy = QPushButton(tr("Copy details"))
    copy.setAccessibleName("Copy error details")
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    return box


def _without_values(details: str) -> str:
    """Keep file names, line numbers and the exception type; drop the message text, which
    may quote a record's content."""
    lines = details.rstrip().splitlines()
    if lines:
        lines[-1] = lines[-1].split(":", 1)[0]
    return "\n".join(lines)
