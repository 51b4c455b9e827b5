"""A finding's sources and spread on the findings page: the flag in the list, the spread in
the editor, and a finding crossing the rule when a second kind of source is linked from
the keyboard (and back below it when undone)."""

import pytest
from PySide6.QtCore import Qt

from jtai_desktop.services.triangulation import candidate_sources, findings_spread
from jtai_desktop.ui.models.roles import RecordIdRole as FindingIdRole

from .sync_team import no_modal_boxes  # noqa: F401 (autouse: a modal box fails the test)


def another_kind(ws, spread) -> list[str]:
    """Sources the finding could rest on of a kind it has none of."""
    wanted = ("review:", "area_review:") if "review" not in spread.spread.kinds else ("code:",)
    return [
        key
        for key, _label in candidate_sources(ws, spread.finding["id"])
        if key.startswith(wanted)
        and (not key.startswith("code:") or ws.get("code", key[5:])["source_kind"] == "note")
    ]


@pytest.fixture
def page(small_demo_window):
    return small_demo_window.navigate("findings")


def test_a_finding_crosses_the_rule_when_a_review_is_linked(qtbot, small_demo_window, page):
    ws, inspection_id = page.session.ws, page.session.inspection_id
    below, key = next(  # short of the rule (3 sources of 2 kinds) only by a kind of source
        (s, keys[0])
        for s in findings_spread(ws, inspection_id)
        if not s.meets_rule and len(s.spread.kinds) == 1 and s.spread.sources >= 2
        for keys in [another_kind(ws, s)]
        if keys
    )
    page.show_record("finding", below.finding["id"])
    spread = page.editor.spread
    assert "Below the rule" in spread.summary.text()
    flagged = [
        index
        for index in page.model.indexes_of(below.finding["id"])
        if index.siblingAtColumn(2).data() == "below the rule"
    ]
    assert flagged and flagged[0].data(FindingIdRole) == below.finding["id"]

    dialog = spread.choose_sources()
    dialog.list.set_checked([key])
    qtbot.keyClick(dialog.list.view, Qt.Key_Return)  # Link is the default button
    assert not dialog.isVisible()
    assert "Meets the rule" in spread.summary.text()
    assert spread.model.rowCount() == len(below.sources) + 1

    small_demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: "Below the rule" in spread.summary.text())
