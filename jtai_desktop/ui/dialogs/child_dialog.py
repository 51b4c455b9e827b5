"""Adding a child, or editing one: the Designer form ``forms/child_dialog.ui``.

The identifying details (name, date of birth, address, school) stay inside the team: they
are never exported and serve only to check the letter for anything that could identify the
child.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.record_types import ChildRow
from ...domain.records import AGE_BANDS
from ...services import children
from ...services.children import next_pseudonym
from ...services.inspections import agencies_in_order
from ..errors import try_edit
from ..forms.ui_child_dialog import Ui_ChildDialog
from ..models.children import age_band_labels, selection_labels
from ..models.roles import RecordIdRole

PRIVATE = ("name", "dob", "address", "school")


class ChildDialog(QDialog):
    """Saves through the services on OK; a refused save keeps the dialog open."""

    def __init__(self, session, child: ChildRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.child = child
        self.saved_id: str | None = None
        self.ui = Ui_ChildDialog()
        self.ui.setupUi(self)
        self._fill_choices()
        if child is None:
            self.setWindowTitle(self.tr("Add a child"))
            self.ui.pseudonymEdit.setText(next_pseudonym(session.ws, session.inspection_id))
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", child["pseudonym"]))
            self._show(child)
        self.ui.pseudonymEdit.selectAll()

    def _fill_choices(self) -> None:
        for value, label in selection_labels().items():
            self.ui.selectionCombo.addItem(label, value)
        self.ui.ageBandCombo.addItem(self.tr("Not recorded"), None)
        labels = age_band_labels()
        for band in AGE_BANDS:
            self.ui.ageBandCombo.addItem(labels[band], band)
        self.agencies = QStandardItemModel(self)
        for agency in agencies_in_order(self.session.ws, self.session.inspection_id):
            item = QStandardItem(agency["name"])
            item.setData(agency["id"], RecordIdRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.agencies.appendRow(item)
        self.ui.agenciesList.setModel(self.agencies)
        rows = max(self.agencies.rowCount(), 3)
        frame = 2 * self.ui.agenciesList.frameWidth()
        self.ui.agenciesList.setFixedHeight(
            self.ui.agenciesList.sizeHintForRow(0) * rows + frame + 2
        )

    def _show(self, child: ChildRow) -> None:
        ui = self.ui
        ui.pseudonymEdit.setText(child["pseudonym"])
        ui.selectionCombo.setCurrentIndex(max(ui.selectionCombo.findData(child["selection"]), 0))
        ui.ageBandCombo.setCurrentIndex(max(ui.ageBandCombo.findData(child["age_band"]), 0))
        ui.caseRefEdit.setText(child["case_ref"] or "")
        involved = set(child["agencies"] or [])
        for row in range(self.agencies.rowCount()):
            item = self.agencies.item(row)
            checked = item.data(RecordIdRole) in involved
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        private = {
            f: child[f]
            for f in ("private_name", "private_dob", "private_address", "private_school")
        }
        for name, edit in self._private_edits().items():
            edit.setText(private[f"private_{name}"] or "")

    def _private_edits(self) -> dict:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "dob": ui.dobEdit,
            "address": ui.addressEdit,
            "school": ui.schoolEdit,
        }

    # --- what the user entered ---------------------------------------------------------------
    def values(self) -> dict:
        """The child's fields as the services take them; empty text is None."""
        ui = self.ui
        values = {
            "pseudonym": ui.pseudonymEdit.text().strip(),
            "selection": ui.selectionCombo.currentData(),
            "age_band": ui.ageBandCombo.currentData(),
            "case_ref": ui.caseRefEdit.text().strip() or None,
            "agencies": self.checked_agencies(),
        }
        for name, edit in self._private_edits().items():
            values[f"private_{name}"] = edit.text().strip() or None
        values["private_dob"] = iso_date(values["private_dob"])
        return values

    def checked_agencies(self) -> list[str]:
        return [
            self.agencies.item(row).data(RecordIdRole)
            for row in range(self.agencies.rowCount())
            if self.agencies.item(row).checkState() == Qt.CheckState.Checked
        ]

    # --- saving ------------------------------------------------------------------------------
    def accept(self) -> None:
        values = self.values()
        if self.child is None:
            private = {name: values.pop(f"private_{name}") for name in PRIVATE}
            private = {k: v for k, v in private.items() if v is not None}
            inspection_id = self.session.inspection_id
            add = lambda ws: children.add_child(ws, inspection_id, private=private, **values)  # noqa: E731
            changes = try_edit(self, self.session, add)
            if changes is None:
                return
            self.saved_id = changes.entity_id
        else:
            child_id = self.saved_id = self.child["id"]
            changed = {k: v for k, v in values.items() if v != self.child.get(k)}
            update = lambda ws: children.update_child(ws, child_id, **changed)  # noqa: E731
            if changed and try_edit(self, self.session, update) is None:
                return
        super().accept()


def iso_date(text: str | None) -> str | None:
    """A date typed as 02/08/2016 becomes 2016-08-02; anything else is left for the
    services to accept or explain."""
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date().isoformat()
    except ValueError:
        return text


def open_child_dialog(
    session, child_id: str | None, parent: QWidget, on_saved: Callable[[str], None] | None = None
) -> ChildDialog | None:
    """Open the dialog (window-modal, not blocking) to add a child (``child_id`` None) or
    edit one; ``on_saved`` gets the child's id once saved."""
    child = session.ws.get("child", child_id) if child_id else None
    if child_id and child is None:
        return None
    dialog = ChildDialog(session, child, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: dialog.saved_id and on_saved(dialog.saved_id))
    dialog.open()
    return dialog
