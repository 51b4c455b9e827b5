"""Empty lists say what to do; a filter that hides every row says so instead."""

from jtai_desktop.services.children import add_child


def test_empty_and_filtered_lists_say_what_to_do(qtbot, small_demo_window):
    window = small_demo_window
    notes = window.navigate("notes")
    assert notes.empty_hint.text() == ""  # the demo has notes: nothing to say
    notes.text_filter.setText("no note has these words zqxj")
    qtbot.waitUntil(lambda: notes.proxy.rowCount() == 0)
    assert notes.empty_hint.text().startswith("No note matches")
    notes.text_filter.clear()

    evidence = window.navigate("evidence")
    evidence.proxy.setFilterFixedString("zqxj nothing")
    assert evidence.empty_hint.text().startswith("No item matches")

    findings = window.navigate("findings")
    assert findings.empty_hint.text() == ""

    children = window.navigate("children")
    children.find_edit.setText("zqxj no such child")
    qtbot.waitUntil(lambda: children.proxy.rowCount() == 0)
    assert children.empty_hint.text().startswith("No child matches")
    assert children.empty_hint.empty.startswith("No children yet. Press Add child")
    children.find_edit.clear()
    session = window.session
    changes = session.edit(
        lambda ws: add_child(
            ws, session.inspection_id, pseudonym="Child Z", selection="sampled", agencies=[]
        )
    )
    children.show_record("child", changes.entity_id)
    timeline = children.detail
    qtbot.waitUntil(lambda: timeline.child_id == changes.entity_id)
    assert timeline.empty_hint.text().startswith("No events yet")
    assert "Add event" in timeline.empty_hint.text()
