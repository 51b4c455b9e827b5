"""Adding an organisation to the inspection, or editing one: the Designer form
``forms/organisation_dialog.ui``. The service types offered follow the kind chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain.theme_model import AGENCY_KINDS, SERVICE_TYPES
from ...services import organisations
from ...services.inspections import theme_pack
from ..errors import try_edit
from ..forms.ui_organisation_dialog import Ui_OrganisationDialog


class OrganisationDialog(QDialog):
    """Saves through the services on OK; a refused save keeps the dialog open."""

    def __init__(self, session, parent: QWidget | None = None, organisation_id: str | None = None):
        super().__init__(parent)
        self.session = session
        self.organisation_id = organisation_id
        self.saved_id: str | None = None
        self.ui = Ui_OrganisationDialog()
        self.ui.setupUi(self)
        self.pack = theme_pack(session.ws, session.inspection_id)
        for kind, label in AGENCY_KINDS.items():
            self.ui.kindCombo.addItem(label, kind)
        self.ui.kindCombo.currentIndexChanged.connect(lambda _i: self._fill_services())
        self.ui.nameEdit.textChanged.connect(lambda _t: self._update_ok())
        if organisation_id:
            self.setWindowTitle(self.tr("Edit an organisation"))
            self._fill(session.ws.require("agency", organisation_id))
            self.ui.nameEdit.setFocus()
        else:
            self._fill_services()
            self.ui.kindCombo.setFocus()
        self._update_ok()

    def _fill(self, row: dict) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(row["kind"]))
        ui.kindCombo.setEnabled(False)  # its reviews were made against this kind's criteria
        self._fill_services()
        ui.serviceCombo.setCurrentIndex(max(ui.serviceCombo.findData(row["service_type"]), 0))
        ui.nameEdit.setText(row["name"] or "")
        ui.inScopeCheck.setChecked(bool(row["in_scope"]))

    def _fill_services(self) -> None:
        kind = self.ui.kindCombo.currentData()
        combo = self.ui.serviceCombo
        combo.clear()
        types = SERVICE_TYPES.get(kind, {})
        combo.addItem(self.tr("Not recorded") if types else self.tr("None for this kind"), None)
        for key, label in types.items():
            combo.addItem(label, key)
        combo.setEnabled(bool(types))
        in_pack = kind in self.pack.agencies
        self.ui.scopeNote.setText(
            ""
            if in_pack
            else self.tr(
                "This theme's framework does not inspect %1: the organisation can be recorded "
                "(children's timelines may name it) but nothing is reviewed for it."
            ).replace("%1", AGENCY_KINDS.get(kind, kind).lower())
        )

    def _update_ok(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.ui.nameEdit.text().strip()))

    def accept(self) -> None:
        ui = self.ui
        values = {
            "name": ui.nameEdit.text(),
            "service_type": ui.serviceCombo.currentData(),
            "in_scope": ui.inScopeCheck.isChecked(),
        }
        inspection_id, organisation_id = self.session.inspection_id, self.organisation_id
        kind = ui.kindCombo.currentData()
        changes = try_edit(
            self,
            self.session,
            (lambda ws: organisations.update_organisation(ws, organisation_id, **values))
            if organisation_id
            else (
                lambda ws: organisations.add_organisation(
                    ws,
                    inspection_id,
                    kind,
                    values["name"],
                    service_type=values["service_type"],
                    in_scope=values["in_scope"],
                )
            ),
        )
        if changes is None:
            return
        self.saved_id = changes.entity_id
        super().accept()


def open_organisation_dialog(
    session,
    parent: QWidget,
    on_saved: Callable[[str], None] | None = None,
    organisation_id: str | None = None,
) -> OrganisationDialog:
    """Open the dialog (window-modal, not blocking); ``on_saved`` gets the organisation's id."""
    dialog = OrganisationDialog(session, parent, organisation_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: on_saved(dialog.saved_id or ""))
    dialog.open()
    return dialog
