"""The --smoke-test: one real edit through the real window, undone again."""

from __future__ import annotations

from datetime import date

from ..services import notes


def run_smoke_edit(window) -> int:
    session = window.session
    if session.inspection_id is None:
        print("smoke test: the main window opened; no inspection to edit in this folder")
        return 0
    before = len(session.ws.rows("note", session.inspection_id))
    session.edit(
        lambda ws: notes.add_note(
            ws, session.inspection_id, kind="meeting", date=date.today(), title="Smoke test note"
        )
    )
    added = len(session.ws.rows("note", session.inspection_id)) == before + 1
    session.undo_stack.undo()
    restored = len(session.ws.rows("note", session.inspection_id)) == before
    print(
        f"smoke test: edit {'saved' if added else 'FAILED'}, "
        f"undo {'restored' if restored else 'FAILED'}"
    )
    return 0 if added and restored else 1
