"""The first edit of a session: its clock is resumed before it, off the UI thread."""

from PySide6.QtWidgets import QApplication

from jtai_desktop.services.notes import update_note


def test_the_first_edit_of_a_session_does_not_scan_the_change_log(qtbot, small_demo_window):
    """Resuming the clock reads the newest stamps by scanning the change log (about 0.4 s on
    a large inspection). The window reads them on a worker's connection after its first
    paint, so the first save while typing does not freeze it."""
    session = small_demo_window.session
    ws = session.ws
    qtbot.waitUntil(lambda: ws.clock_resumed, timeout=5000)
    note_id = ws.rows("note", session.inspection_id)[0]["id"]
    scans: list[str] = []
    ws.db.conn.set_trace_callback(lambda sql: scans.append(sql) if "max(hlc)" in sql else None)
    try:
        session.edit(lambda w: update_note(w, note_id, title="Strategy meeting, first edit"))
    finally:
        ws.db.conn.set_trace_callback(None)
    QApplication.processEvents()
    assert ws.get("note", note_id)["title"] == "Strategy meeting, first edit"
    assert scans == []
