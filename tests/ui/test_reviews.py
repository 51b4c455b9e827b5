"""The case review page: per-criterion observations, ticks, rating, evidence links, undo."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from jtai_desktop.domain.review_scope import criteria_offered
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children, evidence, inspections, reviews
from jtai_desktop.services.inspections import theme_pack
from jtai_desktop.ui.widgets import review_grid
from jtai_desktop.ui.widgets.review_grid import AgencyReview


@pytest.fixture
def context(small_demo_context):
    return small_demo_context


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


@pytest.fixture
def page(window):
    return window.navigate("reviews")


def child_named(page, pseudonym):
    return next(
        c
        for c in page.session.ws.rows("child", page.session.inspection_id)
        if c["pseudonym"] == pseudonym
    )


def review(page, editor):
    return page.session.ws.get("review", editor.review_id)


def panels(page):
    return [
        page.tabs.widget(i)
        for i in range(page.tabs.count())
        if isinstance(page.tabs.widget(i), AgencyReview)
    ]


def blank_editor(qtbot, page, pseudonym="Child H"):
    """An editor of the open tab whose criterion has no observation yet (sampled children
    have only a few criteria reviewed)."""
    page.show_child(child_named(page, pseudonym)["id"])
    panel = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: panel.complete)
    return next(e for e in panel.editors.values() if not (review(page, e) or {}).get("observation"))


def test_type_to_find_a_child_builds_only_the_visible_tab(qtbot, page):
    target = child_named(page, "Child K")
    qtbot.keyClick(page.picker.lineEdit(), Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(page.picker.lineEdit(), "Child K")
    qtbot.keyClick(page.picker.lineEdit(), Qt.Key_Return)
    assert page.child_id == target["id"]
    tabs = panels(page)
    assert sorted(p.agency["id"] for p in tabs) == sorted(target["agencies"])  # one per agency
    assert [p.built for p in tabs] == [True] + [False] * (len(tabs) - 1)
    page.tabs.setCurrentIndex(1)
    assert tabs[1].built
    assert page.tabs.tabText(page.tabs.count() - 2) == "The area's own audits"
    assert page.tabs.tabText(page.tabs.count() - 1) == "Journey"


def test_observation_is_saved_and_completeness_follows(qtbot, page):
    editor = blank_editor(qtbot, page)
    child_id = page.child_id
    before = reviews.review_completeness(page.session.ws, child_id)[editor.agency["id"]]
    tab_before = page.tabs.tabText(page.tabs.currentIndex())
    assert tab_before.endswith(f"({before.done} of {before.expected})")
    qtbot.keyClicks(editor.observation, "Strategy discussion held without health.")
    qtbot.waitUntil(
        lambda: any(
            r["criterion_id"] == editor.criterion.id
            and r["agency_id"] == editor.agency["id"]
            and r["observation"] == "Strategy discussion held without health."
            for r in reviews.reviews_for(page.session.ws, child_id)
        ),
        timeout=3000,
    )
    # A sampled child: writing about a criterion marks it looked at, so it counts.
    assert editor.looked_at.isVisibleTo(page) and editor.looked_at.isChecked()
    assert page.tabs.tabText(page.tabs.currentIndex()).endswith(
        f"({before.done + 1} of {before.expected + 1})"
    )
    total = reviews.review_completeness(page.session.ws, child_id).values()
    assert page.overall.text() == (
        f"Observations written: {sum(c.done for c in total)} of {sum(c.expected for c in total)}"
    )


def test_strength_concern_and_rating_are_saved(qtbot, page):
    editor = blank_editor(qtbot, page)
    qtbot.mouseClick(editor.strength, Qt.LeftButton)
    assert review(page, editor)["strength"] == 1
    qtbot.keyClick(editor.concern, Qt.Key_Space)
    assert review(page, editor)["concern"] == 1
    qtbot.mouseClick(editor.strength, Qt.LeftButton)
    assert review(page, editor)["strength"] == 0
    assert editor.rating.isVisibleTo(page) and editor.rating.currentIndex() == -1
    qtbot.keyClick(editor.rating, Qt.Key_Down)
    assert review(page, editor)["rating"] == editor.rating.itemText(0) == "Strong"


def test_rating_is_hidden_when_the_pack_has_no_scale(qtbot, window, context):
    ws = context.workspace
    pack = load_pack(default_themes_dir() / "childrens-mental-health.toml")
    assert pack.rating_scale is None
    created = inspections.create_inspection(
        ws,
        pack,
        area="Eastmoor",
        notification=date(2026, 11, 2),
        lead=inspections.MemberInput("Lead Inspector", "ofsted"),
    )
    inspection_id = created.entity_id
    agencies = [a["id"] for a in ws.rows("agency", inspection_id)]
    children.add_child(
        ws, inspection_id, pseudonym="Child A", selection="tracked", agencies=agencies[:2]
    )
    window.session.open_inspection(inspection_id)
    page = window.navigate("reviews")
    qtbot.waitUntil(lambda: page.child_id is not None)  # the first child opens by itself
    panel = page.tabs.currentWidget()
    editor = next(iter(panel.editors.values()))
    assert editor.rating.isHidden() and editor.rating_label.isHidden()
    assert editor.observation.isVisibleTo(page)


def test_link_and_unlink_evidence(qtbot, page, monkeypatch):
    editor = blank_editor(qtbot, page)
    item = page.session.ws.rows("evidence", page.session.inspection_id, order_by="ref")[3]
    offered = []
    monkeypatch.setattr(
        review_grid,
        "pick_evidence",
        lambda parent, items, title="": offered.append(items) or [item["id"]],
    )
    assert review(page, editor) is None  # linking creates the review
    qtbot.mouseClick(editor.link_button, Qt.LeftButton)
    assert item["ref"] in editor.evidence_label.text()
    linked = evidence.evidence_for(
        page.session.ws, page.session.inspection_id, "review", editor.review_id
    )
    assert [e["id"] for e in linked] == [item["id"]]
    assert len(offered[0]) == 30
    page.session.undo_stack.undo()  # one undo takes back the link and the review
    assert editor.evidence_label.text() == "No evidence linked"
    assert review(page, editor) is None
    page.session.undo_stack.redo()
    assert item["ref"] in editor.evidence_label.text()
    assert editor.unlink_button.isEnabled()
    editor.unlink_menu.actions()[0].trigger()
    assert editor.evidence_label.text() == "No evidence linked"
    assert not evidence.evidence_for(
        page.session.ws, page.session.inspection_id, "review", editor.review_id
    )


def test_undo_of_an_observation_edit_restores_the_text(qtbot, page):
    editor = blank_editor(qtbot, page)
    editor.observation.setFocus()
    qtbot.keyClicks(editor.observation, "First look")
    qtbot.waitUntil(
        lambda: (review(page, editor) or {}).get("observation") == "First look", timeout=3000
    )
    qtbot.keyClicks(editor.observation, ", then a second")
    qtbot.keyClick(editor.observation, Qt.Key_Tab)  # leaving the field saves at once
    assert review(page, editor)["observation"] == "First look, then a second"
    page.session.undo_stack.undo()
    assert editor.observation.toPlainText() == "First look"
    assert review(page, editor)["observation"] == "First look"


def test_show_record_opens_the_child_tab_and_criterion(qtbot, window, page):
    child = child_named(page, "Child C")
    written = reviews.reviews_for(page.session.ws, child["id"])
    busiest = max(
        {r["agency_id"] for r in written},
        key=lambda agency: sum(r["agency_id"] == agency for r in written),
    )
    last = [r for r in written if r["agency_id"] == busiest][-1]  # far enough down to scroll
    window.jump_to("review", last["id"])
    assert page.child_id == child["id"]
    panel = page.tabs.currentWidget()
    assert panel.agency["id"] == last["agency_id"]
    # The tab is built a few criteria per turn of the event loop; the last comes later.
    qtbot.waitUntil(
        lambda: (
            last["criterion_id"] in panel.editors
            and panel.editors[last["criterion_id"]].observation.hasFocus()
        )
    )
    assert panel.verticalScrollBar().value() > 0  # scrolled down to the last criterion
    assert panel.editors[last["criterion_id"]].observation.toPlainText() == last["observation"]


def test_the_areas_audits_are_shown_per_organisation_that_audited(qtbot, page):
    child = child_named(page, "Child B")
    page.show_child(child["id"])
    page.tabs.setCurrentIndex(page.tabs.count() - 2)
    stored = page.session.ws.rows("audit_eval", page.session.inspection_id)
    rows = [r for r in stored if r["child_id"] == child["id"]]
    assert len([r for r in rows if r["agency_id"]]) >= 2  # organisations' own audits
    for row in rows:  # and the partnership's multi-agency audit (agency_id None)
        widget = page.audit.widgets[row["agency_id"]]
        assert widget.area_summary.toPlainText() == row["area_summary"]
        assert widget.agreement.currentData() == row["agreement"]
    assert page.audit.widgets[None].title() == "The multi-agency audit"


def test_children_page_asks_to_review_a_case(qtbot, window):
    children_page = window.navigate("children")
    reviews_page = window.pages["reviews"]
    children_page.review_requested.connect(
        lambda child_id: (window.navigate("reviews"), reviews_page.show_child(child_id))
    )
    children_page.table.selectRow(4)
    child_id = children_page.detail.child_id
    qtbot.mouseClick(children_page.detail.review_button, Qt.LeftButton)
    assert window.current_page() is reviews_page and reviews_page.child_id == child_id
    assert reviews_page.picker.currentText() == children_page.detail.pseudonym.text()


def test_the_children_list_catches_up_with_reviews_written_meanwhile(qtbot, window):
    children_page = window.navigate("children")
    page = window.navigate("reviews")
    editor = blank_editor(qtbot, page)
    child_id = page.child_id
    row = children_page.model.row_of(child_id)
    before = children_page.model.child_at(row)
    editor.observation.setFocus()
    qtbot.keyClicks(editor.observation, "Seen in the police log.")
    window.navigate("children")  # leaving the page saves what was typed
    after = children_page.model.child_at(children_page.model.row_of(child_id))
    # A sampled child: the criterion written about is now looked at, and counts for each
    # organisation of the child's that it applies to.
    ws = page.session.ws
    applies = sum(
        editor.criterion
        in criteria_offered(theme_pack(ws, page.session.inspection_id), ws.get("agency", a))
        for a in ws.get("child", child_id)["agencies"]
    )
    assert (after.done, after.expected) == (before.done + 1, before.expected + applies)


def test_tab_moves_from_the_agency_tabs_through_each_criterion_in_turn(qtbot, page):
    qtbot.waitUntil(lambda: page.child_id is not None)
    panel = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: panel.complete)  # editors built after the window still chain
    first, second = list(panel.editors.values())[:2]
    page.tabs.tabBar().setFocus()
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key_Tab)
    assert first.observation.hasFocus()
    first.link_button.setFocus()  # the last enabled control of a criterion (no links yet)
    qtbot.keyClick(first.link_button, Qt.Key_Tab)
    assert second.observation.hasFocus()
