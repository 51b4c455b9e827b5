"""The navigator orients: an icon per section (a bundled, MIT-licensed set), where each
section stands in words, and the day of the inspection in the window's title."""

from datetime import date, timedelta

from jtai_desktop.resources import resources_dir
from jtai_desktop.services.children import children_overview
from jtai_desktop.services.findings import finding_summaries
from jtai_desktop.ui.navigator import SECTION_KEY_ROLE, TITLE_ROLE
from jtai_desktop.ui.page_registry import SECTIONS
from jtai_desktop.ui.shipped_files import licences_path


def test_every_section_has_a_bundled_icon_whose_licence_ships(small_demo_window):
    navigator = small_demo_window.navigator
    for row, spec in enumerate(SECTIONS):
        assert (resources_dir() / "icons" / f"{spec.icon}.svg").is_file(), spec.key
        assert not navigator.sections.item(row).icon().isNull(), spec.key
    licences = licences_path().read_text(encoding="utf-8")
    assert "| Feather icons | 4.29.2 | MIT |" in licences
    assert "Copyright (c) 2013-2023 Cole Bemis" in licences


def _texts(window) -> dict[str, str]:
    sections = window.navigator.sections
    return {
        sections.item(row).data(SECTION_KEY_ROLE): sections.item(row).text()
        for row in range(sections.rowCount())
    }


def test_counts_per_section_and_the_fieldwork_day(qtbot, small_demo_window):
    window = small_demo_window
    ws, inspection_id = window.session.ws, window.session.inspection_id
    fieldwork_day_two = date(2026, 10, 20)  # the demo's fieldwork runs 19 to 23 October
    window.update_progress(today=fieldwork_day_two)
    assert "Fieldwork day 2 of 5" in window.windowTitle()
    assert "Fieldwork day 2 of 5" in window.stage_label.text()
    texts = _texts(window)
    children = children_overview(ws, inspection_id)
    reviewed = sum(c.state == "complete" for c in children)
    assert texts["children"] == f"Children\n{reviewed} of {len(children)} reviewed"
    week = {
        n["id"]
        for n in ws.rows("note", inspection_id)
        if fieldwork_day_two - timedelta(days=6)
        <= date.fromisoformat(n["date"])
        <= fieldwork_day_two
    }
    assert texts["notes"].splitlines()[1].startswith(f"{len(week)} this week")
    missing = sum(f.cited == 0 for f in finding_summaries(ws, inspection_id))
    assert ("without evidence" in texts["findings"]) == (missing > 0)
    assert texts["review_merge"].endswith("No open conflicts")
    assert window.navigator.sections.item(0).data(TITLE_ROLE) == "Overview"

    window.update_progress(today=date(2026, 10, 8))  # before fieldwork: week 1
    assert "Week 1: fieldwork starts 19 Oct 2026" in window.windowTitle()
    window.update_progress(today=date(2026, 11, 2))
    assert "After fieldwork: the letter is due by 29 Dec 2026" in window.windowTitle()
    window.update_progress(today=date(2027, 2, 1))
    assert window.windowTitle().split(" — ")[1] == "After fieldwork"


def test_the_counts_come_after_the_first_paint(qtbot, small_demo_context):
    from jtai_desktop.ui.assemble import build_main_window

    window = build_main_window(small_demo_context)
    qtbot.addWidget(window)
    window.show()  # shown, not yet painted: the counts are not read yet
    assert _texts(window)["children"] == "Children"
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "reviewed" in _texts(window)["children"], timeout=10_000)
    window.close()


def test_counting_an_inspection_a_background_purge_removed_changes_nothing(small_demo_window):
    from jtai_desktop.services.retention import purge_inspection, purge_plan

    window = small_demo_window
    session = window.session
    inspection_id = session.inspection_id
    before = window.windowTitle()
    # The purge task has committed; its "done" has not reached the window yet.
    purge_inspection(session.ws, purge_plan(session.ws, inspection_id), session.context.connector())
    assert session.ws.get("inspection", inspection_id) is None
    window.update_progress()
    assert window.windowTitle() == before


def test_icons_are_drawn_at_the_screens_pixel_density(qtbot):
    from PySide6.QtCore import QSize

    from jtai_desktop.ui.icons import icon

    for ratio in (1.0, 1.5, 2.0):
        pixmap = icon("calendar", "#000000", ratio).pixmap(QSize(20, 20), ratio)
        assert pixmap.size() == QSize(round(20 * ratio), round(20 * ratio))
        assert pixmap.devicePixelRatio() == ratio
        assert not pixmap.toImage().isNull()


def test_the_navigator_never_scrolls_sideways(qtbot, small_demo_window):
    """A section's lines longer than the navigator is wide (its counts, a larger font, the
    splitter dragged narrower) are cut short with an ellipsis, never hidden behind a
    sideways scroll bar."""
    window = small_demo_window
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    window.update_progress(today=date(2026, 10, 20))
    window.body.setSizes([120, 904])
    navigator = window.navigator
    qtbot.wait(50)
    widest = max(
        navigator.sizeHintForIndex(navigator.sections.index(row, 0)).width()
        for row in range(navigator.sections.rowCount())
    )
    assert widest > navigator.viewport().width()  # some line is longer than the list is wide
    assert not navigator.horizontalScrollBar().isVisible()
