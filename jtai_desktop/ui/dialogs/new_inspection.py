"""The new-inspection wizard: kind, theme, area and partnership, calendar, team.

The pages are the Designer form ``forms/new_inspection.ui``; this module fills them from the
theme packs, keeps the calendar preview live and only lets the user go on from a page whose
answers can be used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ...domain.calendar import CalendarSettings, add_working_days, format_date, key_dates
from ...domain.errors import JtaiError, ValidationError
from ...domain.records import Role
from ...domain.themes import (
    AGENCY_KINDS,
    INSPECTORATES,
    JUDGED,
    LEAD_INSPECTORATE,
    Catalogue,
    ThemePack,
)
from ...services import inspections, preferences
from ...services.theme_catalogue import catalogue_for
from ..errors import show_error, try_edit
from ..forms.ui_new_inspection import Ui_NewInspectionWizard
from ..models.key_dates import KeyDatesModel
from ..models.roles import AnyIndex, RecordIdRole
from ..models.team import TeamModel


class MemberDialog(QDialog):
    """Name, inspectorate and role of one team member (used by the wizard and the overview)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add team member"))
        self.name_edit = QLineEdit()
        self.inspectorate_combo = _inspectorate_combo()
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Team member"), Role.MEMBER.value)
        self.role_combo.addItem(self.tr("Lead inspector"), Role.LEAD.value)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Inspectorate:"), self.inspectorate_combo)
        form.addRow(self.tr("&Role:"), self.role_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add"))
        ok.setEnabled(False)
        self.name_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def member(self) -> inspections.MemberInput:
        return inspections.MemberInput(
            self.name_edit.text().strip(),
            self.inspectorate_combo.currentData(),
            self.role_combo.currentData(),
        )


def ask_for_member(parent: QWidget | None) -> inspections.MemberInput | None:
    dialog = MemberDialog(parent)
    return dialog.member() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _inspectorate_combo(combo: QComboBox | None = None) -> QComboBox:
    combo = combo or QComboBox()
    for key, label in INSPECTORATES.items():
        combo.addItem(label, key)
    return combo


class ThemeListModel(QAbstractListModel):
    """Theme packs of one kind, by title; the pack id is in UserRole."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._packs: list[ThemePack] = []

    def set_packs(self, packs: list[ThemePack]) -> None:
        """Newest framework first within a title, so the current version is the default."""
        self.beginResetModel()
        self._packs = sorted(
            sorted(packs, key=lambda pack: pack.version, reverse=True),
            key=lambda pack: pack.title,
        )
        self.endResetModel()

    def pack(self, row: int) -> ThemePack | None:
        return self._packs[row] if 0 <= row < len(self._packs) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._packs)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pack = self._packs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _pack_label(pack)
        if role == Qt.ItemDataRole.ToolTipRole:
            return pack.description
        if role == RecordIdRole:
            return pack.id
        return None


class NewInspectionWizard(QWizard):
    def __init__(
        self,
        session,
        packs: dict[str, ThemePack] | Catalogue,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.session = session
        catalogue = packs if isinstance(packs, Catalogue) else Catalogue(dict(packs))
        self.packs = catalogue.packs
        self.pack_problems = catalogue.problems
        self.inspection_id: str | None = None
        self._today = today
        self._calendar_problem: str | None = None
        self._notice_for: str | None = None  # the pack whose notice period the spin box shows
        self._members: list[dict] = []
        self.ui = Ui_NewInspectionWizard()
        self.ui.setupUi(self)
        self._build_theme_page()
        self._build_area_page()
        self._build_calendar_page()
        self._build_team_page()
        self.currentIdChanged.connect(lambda _id: self._update_gate())

    # --- pages -----------------------------------------------------------------------------
    def _build_theme_page(self) -> None:
        ui = self.ui
        self.theme_model = ThemeListModel(self)
        ui.themeList.setModel(self.theme_model)
        ui.themeList.selectionModel().currentChanged.connect(lambda *_: self._show_theme())
        # Return already goes on (Next is the default button); a double-click does the same.
        ui.themeList.doubleClicked.connect(lambda _index: self.next())

    def _build_area_page(self) -> None:
        ui = self.ui
        self.partner_edits = (ui.localAuthorityEdit, ui.icbEdit, ui.policeEdit)
        self._partners_typed: set[QLineEdit] = set()
        for edit in self.partner_edits:
            edit.textEdited.connect(lambda _text, e=edit: self._partners_typed.add(e))
            edit.textChanged.connect(lambda _text: self._update_gate())
        ui.areaEdit.textChanged.connect(self._follow_area)

    def _build_calendar_page(self) -> None:
        ui = self.ui
        self.dates_model = KeyDatesModel(parent=self)
        ui.previewView.setModel(self.dates_model)
        ui.previewView.verticalHeader().hide()
        ui.previewView.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        font = ui.calendarError.font()
        font.setBold(True)  # the reason Next is off must not be missed
        ui.calendarError.setFont(font)
        ui.previewView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.calendarError.setAccessibleName(self.tr("Problem with the calendar"))
        ui.notificationEdit.setDate(_qdate(add_working_days(self._today(), 0)))
        ui.notificationEdit.dateChanged.connect(lambda _d: self._update_calendar())
        ui.noticeSpin.valueChanged.connect(lambda _v: self._update_calendar())
        ui.lookbackSpin.valueChanged.connect(lambda _v: self._update_calendar())
        ui.dayOneCheck.toggled.connect(lambda _on: self._update_calendar())
        self._update_calendar()

    def _build_team_page(self) -> None:
        ui = self.ui
        _inspectorate_combo(ui.leadInspectorateCombo)
        ui.leadInspectorateCombo.setCurrentIndex(
            ui.leadInspectorateCombo.findData(LEAD_INSPECTORATE)
        )
        ui.leadNameEdit.setText(preferences.your_name(self.session.ws))
        ui.leadNameEdit.textChanged.connect(lambda _text: self._update_gate())
        self.members_model = TeamModel(parent=self)
        ui.membersView.setModel(self.members_model)
        ui.membersView.verticalHeader().hide()
        ui.membersView.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.membersView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.addMemberButton.clicked.connect(self._add_member)
        ui.removeMemberButton.clicked.connect(self._remove_member)
        ui.membersView.selectionModel().selectionChanged.connect(
            lambda *_: self._update_team_buttons()
        )
        self._update_team_buttons()

    def initializePage(self, page_id: int) -> None:  # noqa: N802 (Qt naming)
        super().initializePage(page_id)
        page = self.page(page_id)
        if page is self.ui.themePage:
            self._fill_themes()
        elif page is self.ui.calendarPage:
            self._default_notice_days()

    # --- theme -----------------------------------------------------------------------------
    def kind(self) -> str:
        return "front_door" if self.ui.frontDoorRadio.isChecked() else "thematic"

    def _fill_themes(self) -> None:
        chosen = self.chosen_pack()
        # A deep dive of 2016 to 2020 came with the front door: offered among the thematic.
        kinds = ("front_door",) if self.kind() == "front_door" else ("thematic", "combined")
        self.theme_model.set_packs([p for p in self.packs.values() if p.kind in kinds])
        self.ui.themeProblems.setText(
            self.tr("Left out, as it cannot be used:\n%1").replace(
                "%1", "\n".join(self.pack_problems)
            )
            if self.pack_problems
            else ""
        )
        self.ui.themeProblems.setVisible(bool(self.pack_problems))
        row = next(
            (
                n
                for n in range(self.theme_model.rowCount())
                if chosen is not None and _pack_id(self.theme_model.pack(n)) == chosen.id
            ),
            0,
        )
        if self.theme_model.rowCount():
            self.ui.themeList.setCurrentIndex(self.theme_model.index(row, 0))
        self._show_theme()

    def chosen_pack(self) -> ThemePack | None:
        index = self.ui.themeList.currentIndex()
        return self.theme_model.pack(index.row()) if index.isValid() else None

    def _show_theme(self) -> None:
        pack = self.chosen_pack()
        if pack is None:
            self.ui.themeDescription.setText(self.tr("No theme pack of this kind is installed."))
        else:
            self.ui.themeDescription.setText(_describe(pack, self.tr))
        self._update_gate()

    # --- area ------------------------------------------------------------------------------
    def _follow_area(self, area: str) -> None:
        defaults = inspections.default_partnership(area.strip()) if area.strip() else ["", "", ""]
        for edit, default in zip(self.partner_edits, defaults):
            if edit not in self._partners_typed:
                edit.setText(default)
        self._update_gate()

    def partnership(self) -> list[str]:
        return [edit.text().strip() for edit in self.partner_edits]

    # --- calendar --------------------------------------------------------------------------
    def _default_notice_days(self) -> None:
        pack = self.chosen_pack()
        if pack is not None and pack.id != self._notice_for:
            self._notice_for = pack.id
            self.ui.noticeSpin.setValue(pack.notice_days)

    def notification(self) -> date:
        return date.fromisoformat(self.ui.notificationEdit.date().toString(Qt.DateFormat.ISODate))

    def calendar_settings(self) -> CalendarSettings:
        ui = self.ui
        return CalendarSettings(
            notice_days=ui.noticeSpin.value(),
            notification_is_day_one=ui.dayOneCheck.isChecked(),
            lookback_months=ui.lookbackSpin.value(),
        )

    def _update_calendar(self) -> None:
        ui = self.ui
        ui.notificationReadout.setText(format_date(self.notification()))
        try:
            dates = key_dates(self.notification(), self.calendar_settings())
        except ValidationError as error:
            self._calendar_problem = _sentence(error.message)
            self.dates_model.set_milestones([])
        else:
            self._calendar_problem = None
            self.dates_model.set_milestones(dates.milestones())
        ui.calendarError.setText(self._calendar_problem or "")
        ui.calendarError.setVisible(bool(self._calendar_problem))
        self._update_gate()

    # --- team ------------------------------------------------------------------------------
    def _add_member(self) -> None:
        member = ask_for_member(self)
        if member is not None:
            self._members.append(vars(member).copy())
            self.members_model.set_rows(self._members)
            self.ui.membersView.setCurrentIndex(self.members_model.index(len(self._members) - 1, 0))
        self._update_team_buttons()

    def _remove_member(self) -> None:
        index = self.ui.membersView.currentIndex()
        if index.isValid():
            del self._members[index.row()]
            self.members_model.set_rows(self._members)
        self._update_team_buttons()

    def _update_team_buttons(self) -> None:
        has = self.ui.membersView.selectionModel().hasSelection()
        self.ui.removeMemberButton.setEnabled(has)

    def team(self) -> tuple[inspections.MemberInput, ...]:
        return tuple(
            inspections.MemberInput(m["name"], m["inspectorate"], m["role"]) for m in self._members
        )

    # --- going on --------------------------------------------------------------------------
    def _problem(self, page) -> str | None:
        """Why the user cannot go on from ``page`` yet, or None."""
        ui = self.ui
        if page is ui.themePage and self.chosen_pack() is None:
            return self.tr("Choose a theme.")
        if page is ui.areaPage and not (ui.areaEdit.text().strip() and all(self.partnership())):
            return self.tr("Name the area and its three partners.")
        if page is ui.calendarPage:
            return self._calendar_problem
        if page is ui.teamPage and not ui.leadNameEdit.text().strip():
            return self.tr("Type your name.")
        return None

    def _update_gate(self) -> None:
        # QWizard enables Next from its own notion of completeness when the page changes;
        # this runs after it (and after every edit) so a page that cannot be used blocks it.
        allowed = self._problem(self.currentPage()) is None
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            self.button(which).setEnabled(allowed)

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt naming)
        return self._problem(self.currentPage()) is None and super().validateCurrentPage()

    def accept(self) -> None:
        if self._problem(self.currentPage()) is not None:
            return
        ui = self.ui
        lead = inspections.MemberInput(
            ui.leadNameEdit.text().strip(), ui.leadInspectorateCombo.currentData(), Role.LEAD.value
        )
        pack = self.chosen_pack()
        if pack is None:
            return
        changes = try_edit(
            self,
            self.session,
            lambda ws: inspections.create_inspection(
                ws,
                pack,
                area=ui.areaEdit.text().strip(),
                notification=self.notification(),
                lead=lead,
                team=self.team(),
                settings=self.calendar_settings(),
                partnership=self.partnership(),
            ),
        )
        if changes is None:
            return
        preferences.set_your_name(self.session.ws, lead.name)
        self.inspection_id = changes.entity_id
        super().accept()


def _pack_label(pack: ThemePack) -> str:
    years = pack.version[:4] if pack.version else ""
    front_door = " (with the front door)" if pack.kind == "combined" else ""
    return f"{pack.title}{front_door}, {years}" if years else pack.title


def _describe(pack: ThemePack, tr) -> str:
    inspectorates = ", ".join(INSPECTORATES.get(key, key) for key in pack.inspectorates)
    agencies = ", ".join(AGENCY_KINDS.get(key, key) for key in pack.agencies)
    strands = "\n".join(
        f"  {strand.title} ({JUDGED[strand.judged].lower()}): "
        f"{sum(c.strand == strand.id for c in pack.criteria)}"
        for strand in pack.strands
    )
    framework = (
        tr("Framework: {guidance}, version {version}.").format(
            guidance=pack.guidance, version=pack.version
        )
        if pack.version
        else ""
    )
    return "\n\n".join(
        part
        for part in (
            pack.description,
            framework,
            tr("Inspectorates: {names}.").format(names=inspectorates),
            tr("Agencies in scope: {names}.").format(names=agencies),
            tr("Notice period: {days} working days. {count} evaluation criteria:").format(
                days=pack.notice_days, count=len(pack.criteria)
            )
            + "\n"
            + strands,
        )
        if part
    )


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


def _pack_id(pack: ThemePack | None) -> str | None:
    return pack.id if pack is not None else None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def run_new_inspection_wizard(
    parent: QWidget | None, session, today: Callable[[], date] = date.today
) -> str | None:
    """Ask for a new inspection and create it; the new inspection's id, or None if cancelled.

    The caller opens it (``session.open_inspection(id)``).
    """
    try:
        packs = catalogue_for(session.context.data_dir)
    except JtaiError as error:
        show_error(parent, error)
        return None
    wizard = NewInspectionWizard(session, packs, parent, today)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    return wizard.inspection_id
