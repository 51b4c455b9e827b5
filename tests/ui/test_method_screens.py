"""The method's screens on the demo, from the keyboard: a child's journey, the criteria judged
once for the area, sampled children's criteria looked at, and organisations on the overview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jtai_desktop.domain.theme_model import AREA
from jtai_desktop.services import reviews
from jtai_desktop.services.inspections import theme_pack
from jtai_desktop.ui.dialogs.organisation_dialog import OrganisationDialog
from jtai_desktop.ui.models.journey import CONCERN_ROLE, JourneyModel
from jtai_desktop.ui.models.roles import RecordRole
from jtai_desktop.ui.widgets.area_grid import AreaOrganisationPanel
from jtai_desktop.ui.widgets.review_grid import AgencyReview

from .keyboard import focused, press, shortcut, show_active, type_text


def child_named(session, pseudonym):
    return next(
        c for c in session.ws.rows("child", session.inspection_id) if c["pseudonym"] == pseudonym
    )


def rows_of(view) -> list[int]:
    return list(range(view.proxy.rowCount()))


# --- the journey ----------------------------------------------------------------------------


def test_the_journey_shows_a_tracked_childs_case_side_by_side_in_date_order(
    qtbot, small_demo_window
):
    page = small_demo_window.navigate("reviews")
    session = page.session
    child = child_named(session, "Child A")
    page.show_child(child["id"])
    page.tabs.tabBar().setFocus()
    shortcut(qtbot, "Ctrl+J")
    journey = page.journey
    assert page.tabs.currentWidget() is page.journey_tab and journey.table.hasFocus()
    model = journey.model
    shown = model.journey
    assert [o["id"] for o in shown.organisations] == [
        o["id"] for o in shown.organisations if o["id"] in child["agencies"]
    ]
    assert model.columnCount() == len(child["agencies"]) + 3
    days = [e.day for e in shown.entries]
    assert days == sorted(days)
    reviews = session.ws.rows("review", session.inspection_id, "child_id = ?", (child["id"],))
    events = session.ws.rows("event", session.inspection_id, "child_id = ?", (child["id"],))
    audits = session.ws.rows("audit_eval", session.inspection_id, "child_id = ?", (child["id"],))
    kinds = [e.kind for e in shown.entries]
    assert kinds.count("review") == len(reviews) and kinds.count("event") == len(events)
    assert kinds.count("audit") == len(audits) > 0
    # Each review sits under its own organisation's column, and nowhere else.
    row = kinds.index("review")
    entry = shown.entries[row]
    column = next(
        c for c in range(2, model.columnCount()) if model.index(row, c).data() is not None
    )
    assert (
        model.headerData(column, Qt.Orientation.Horizontal)
        == session.ws.get("agency", entry.organisation_id)["name"]
    )
    assert entry.title.split()[0] in model.index(row, column).data()
    assert any(model.index(r, 0).data(CONCERN_ROLE) for r in range(model.rowCount()))


def test_the_journey_filters_opens_moderates_and_copies_from_the_keyboard(qtbot, small_demo_window):
    page = small_demo_window.navigate("reviews")
    session = page.session
    page.show_child(child_named(session, "Child B")["id"])
    page.tabs.tabBar().setFocus()
    shortcut(qtbot, "Ctrl+J")
    journey = page.journey
    total = journey.proxy.rowCount()
    # Alt+V: only case reviews stay when the others are cleared.
    for box in journey.filters.values():
        box.setChecked(False)
    shortcut(qtbot, "Alt+V")
    qtbot.waitUntil(journey.filters["review"].isChecked)  # a mnemonic clicks, animated
    assert 0 < journey.proxy.rowCount() < total
    assert {journey.proxy.index(r, 0).data(RecordRole)[0] for r in rows_of(journey)} == {"review"}
    journey.table.setFocus()
    journey.table.setCurrentIndex(journey.proxy.index(0, 0))
    entity, review_id = journey.table.currentIndex().data(RecordRole)
    assert not session.ws.get("review", review_id)["moderated"]
    press(qtbot, Qt.Key.Key_Space)  # the lead marks it moderated
    assert session.ws.get("review", review_id)["moderated"] == 1
    assert "moderated" in journey.current_entry().flags  # shown at once
    shortcut(qtbot, "Ctrl+Z")
    assert not session.ws.get("review", review_id)["moderated"]
    text_before = journey.as_text()
    assert text_before.startswith("Journey of Child B\n")
    assert len(text_before.splitlines()) == journey.proxy.rowCount() + 1
    shortcut(qtbot, "Alt+Y")
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == text_before)
    # Enter opens the review in its organisation's tab, at its criterion.
    journey.table.setFocus()
    journey.table.setCurrentIndex(journey.proxy.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    review = session.ws.get("review", review_id)
    panel = page.tabs.currentWidget()
    assert isinstance(panel, AgencyReview) and panel.agency["id"] == review["agency_id"]
    qtbot.waitUntil(lambda: review["criterion_id"] in panel.editors)
    qtbot.waitUntil(lambda: panel.editors[review["criterion_id"]].observation.hasFocus())


def test_a_journey_entry_of_another_kind_opens_on_its_own_page(qtbot, small_demo_window):
    page = small_demo_window.navigate("reviews")
    page.show_child(child_named(page.session, "Child A")["id"])
    page.show_journey()
    journey = page.journey
    for kind, box in journey.filters.items():
        box.setChecked(kind == "note")
    if journey.proxy.rowCount() == 0:  # no note discussed this child: try the evidence
        for kind, box in journey.filters.items():
            box.setChecked(kind == "evidence")
    entity, record_id = journey.proxy.index(0, 0).data(RecordRole)
    journey.table.setFocus()
    journey.table.setCurrentIndex(journey.proxy.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    owner = {"note": "notes", "evidence": "evidence"}[entity]
    assert small_demo_window.current_page() is small_demo_window.pages[owner]


def test_the_journey_model_passes_the_model_tester(qtmodeltester, small_demo_window):
    from jtai_desktop.services.journey import journey

    session = small_demo_window.session
    model = JourneyModel()
    model.set_journey(journey(session.ws, child_named(session, "Child A")["id"]))
    qtmodeltester.check(model)


# --- the area as a whole ---------------------------------------------------------------------


def test_area_criteria_are_evaluated_per_organisation_on_their_own_page(qtbot, small_demo_window):
    page = small_demo_window.navigate("area")
    session = page.session
    pack = theme_pack(session.ws, session.inspection_id)
    area_ids = {c.id for c in pack.criteria_in(AREA)}
    panels = page.panels()
    assert panels and all(isinstance(p, AreaOrganisationPanel) for p in panels)
    assert all(set(p.editors) <= area_ids for p in panels)
    police = next(p for p in panels if p.agency["kind"] == "police")
    page.tabs.setCurrentWidget(police)
    editor = police.editors["DA-17"]
    editor.observation.setFocus()
    editor.observation.selectAll()
    type_text(qtbot, "Training on the harm to babies has reached the response teams.")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the text saves it
    rows = session.ws.rows("area_review", session.inspection_id)
    mine = next(
        r for r in rows if r["agency_id"] == police.agency["id"] and r["criterion_id"] == "DA-17"
    )
    assert mine["observation"] == "Training on the harm to babies has reached the response teams."
    assert "child_id" not in mine
    assert focused() is editor.strength
    # ... and never asked in a child's case: no case review tab offers it.
    reviews = small_demo_window.navigate("reviews")
    reviews.show_child(child_named(session, "Child A")["id"])
    for index in range(reviews.tabs.count()):
        tab = reviews.tabs.widget(index)
        if isinstance(tab, AgencyReview):
            assert not {c.id for c in tab.criteria} & area_ids


def test_an_evaluation_saved_reloads_only_its_organisations_tab(
    qtbot, small_demo_window, monkeypatch
):
    """Every pause while typing an evaluation saves it: only that organisation's tab reads
    its evaluations again (all fourteen tabs took ~50 ms a save on the reference demo), and
    every tab's count is still brought up to date."""
    from jtai_desktop.services.area_reviews import AreaReviewInput, set_area_review

    page = small_demo_window.navigate("area")
    session = page.session
    panels = page.panels()
    police = next(p for p in panels if p.agency["kind"] == "police")
    reloaded = []
    for panel in panels:
        monkeypatch.setattr(
            panel,
            "reload",
            lambda reviews, p=panel, real=panel.reload: reloaded.append(p) or real(reviews),
        )
    session.edit(
        lambda ws: set_area_review(
            ws,
            session.inspection_id,
            "DA-17",
            police.agency["id"],
            AreaReviewInput(observation="Seen"),
        )
    )
    assert reloaded == [police]
    assert police.editors["DA-17"].observation.toPlainText() == "Seen"
    assert page.overall.text().startswith("Written for the area:")


def test_a_search_hit_on_an_area_review_opens_it(qtbot, small_demo_window):
    session = small_demo_window.session
    row = session.ws.rows("area_review", session.inspection_id)[0]
    small_demo_window.jump_to("area_review", row["id"])
    page = small_demo_window.pages["area"]
    assert small_demo_window.current_page() is page
    assert page.current_organisation() == row["agency_id"]


# --- sampled children ----------------------------------------------------------------------------


def test_a_sampled_childs_criteria_are_ticked_as_looked_at(qtbot, small_demo_window):
    page = small_demo_window.navigate("reviews")
    session = page.session
    child = child_named(session, "Child H")
    assert child["selection"] == "sampled"
    page.show_child(child["id"])
    panel = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: panel.complete)
    editor = next(e for e in panel.editors.values() if not e.looked_at.isChecked())
    before = reviews.review_completeness(session.ws, child["id"])[panel.agency["id"]]
    editor.looked_at.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert editor.criterion.id in session.ws.get("child", child["id"])["looked_at"]
    after = reviews.review_completeness(session.ws, child["id"])[panel.agency["id"]]
    assert (after.done, after.expected) == (before.done, before.expected + 1)
    assert page.tabs.tabText(page.tabs.currentIndex()).endswith(
        f"({after.done} of {after.expected})"
    )
    shortcut(qtbot, "Ctrl+Z")
    assert editor.criterion.id not in (session.ws.get("child", child["id"])["looked_at"] or [])
    # A tracked child's editors have no such tick: every criterion counts.
    page.show_child(child_named(session, "Child A")["id"])
    tracked = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: tracked.complete)
    assert not any(e.looked_at.isVisibleTo(page) for e in tracked.editors.values())


# --- organisations on the overview ------------------------------------------------------------


def test_an_organisation_is_added_and_edited_from_the_overview(qtbot, small_demo_window):
    page = small_demo_window.navigate("overview")
    session = page.session
    before = len(session.ws.rows("agency", session.inspection_id))
    page.add_organisation_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OrganisationDialog))
    dialog = QApplication.activeModalWidget()  # window-modal, opened with open()
    show_active(qtbot, dialog)  # no window manager offscreen to activate it
    assert focused() is dialog.ui.kindCombo
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("health"))
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.ui.serviceCombo
    dialog.ui.serviceCombo.setCurrentIndex(dialog.ui.serviceCombo.findData("camhs"))
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Northbridge CAMHS")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    rows = session.ws.rows("agency", session.inspection_id)
    assert len(rows) == before + 1
    added = next(r for r in rows if r["name"] == "Northbridge CAMHS")
    assert (added["kind"], added["service_type"], added["in_scope"]) == ("health", "camhs", 1)
    assert page.agency_view.currentIndex().data(Qt.ItemDataRole.UserRole) == added["id"]
    current = page.agency_view.currentIndex()
    assert current.data() == "Northbridge CAMHS  (Children's mental health (CAMHS))"
    assert current.data(Qt.ItemDataRole.ToolTipRole) == "Health: Children's mental health (CAMHS)"
    # Enter on it edits it: the kind stays, the name and scope change.
    show_active(qtbot, small_demo_window)  # back to the window (no window manager offscreen)
    page.agency_view.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OrganisationDialog))
    dialog = QApplication.activeModalWidget()
    show_active(qtbot, dialog)
    assert not dialog.ui.kindCombo.isEnabled() and focused() is dialog.ui.nameEdit
    dialog.ui.nameEdit.setFocus()
    dialog.ui.nameEdit.selectAll()
    type_text(qtbot, "Northbridge children's mental health service")
    dialog.ui.inScopeCheck.setChecked(False)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    edited = session.ws.get("agency", added["id"])
    assert (edited["name"], edited["in_scope"]) == (
        "Northbridge children's mental health service",
        0,
    )


def test_a_duplicate_organisation_name_is_refused_and_the_dialog_stays(
    qtbot, small_demo_window, monkeypatch
):
    from jtai_desktop.ui import errors

    page = small_demo_window.navigate("overview")
    session = page.session
    before = len(session.ws.rows("agency", session.inspection_id))
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, error: shown.append(error.message))
    dialog = OrganisationDialog(session, page)
    qtbot.addWidget(dialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("police"))
    dialog.ui.nameEdit.setText("northbridge police")
    dialog.accept()
    assert shown and "already has an organisation called 'Northbridge Police'" in shown[0]
    assert dialog.result() == 0
    assert len(session.ws.rows("agency", session.inspection_id)) == before


# --- the new-inspection wizard ----------------------------------------------------------------


def test_the_wizard_offers_every_framework_and_names_a_team_pack_it_left_out(
    qtbot, context, tmp_path
):
    from datetime import date

    from jtai_desktop.services.theme_catalogue import catalogue_for
    from jtai_desktop.ui.dialogs.new_inspection import NewInspectionWizard
    from jtai_desktop.ui.session import InspectionSession

    folder = tmp_path / "folder"
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "broken.toml").write_text('format = 2\nid = "broken"\n', "utf-8")
    wizard = NewInspectionWizard(
        InspectionSession(context), catalogue_for(folder), today=lambda: date(2026, 10, 13)
    )
    qtbot.addWidget(wizard)
    show_active(qtbot, wizard)
    wizard.ui.thematicRadio.setChecked(True)
    wizard.next()
    labels = [wizard.theme_model.index(r, 0).data() for r in range(wizard.theme_model.rowCount())]
    assert "Children living with domestic abuse (with the front door), 2016" in labels
    assert "Children who are victims of domestic abuse (unborn to 7), 2024" in labels
    assert "Criminal exploitation of children, 2022" in labels
    assert not any(label.startswith("The front door") for label in labels)
    assert wizard.ui.themeProblems.isVisibleTo(wizard)
    assert 'broken.toml: missing key "version"' in wizard.ui.themeProblems.text()
    neglect = "Children living with neglect (deep dive: older children, 7 to 15)"
    row = labels.index(f"{neglect} (with the front door), 2017")
    wizard.ui.themeList.setCurrentIndex(wizard.theme_model.index(row, 0))
    text = wizard.ui.themeDescription.text()
    assert "version 2017-04" in text
    assert (
        "The front door: the response at the point of identification (in each child's case): 2"
        in text
    )
    assert "Leadership and management (once for the area): 3" in text


def test_every_section_up_to_the_tenth_has_an_alt_key(qtbot, small_demo_window):
    keys = [a.shortcut().toString() for a in small_demo_window.go_menu.actions()]
    assert keys[:10] == [f"Alt+{n}" for n in (*range(1, 10), 0)]
    assert keys[5] == "Alt+6" and small_demo_window.go_menu.actions()[5].text() == (
        "The area as a whole"
    )
    shortcut(qtbot, "Alt+6")
    assert small_demo_window.current_page() is small_demo_window.pages["area"]
