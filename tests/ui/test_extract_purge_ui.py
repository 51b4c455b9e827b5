"""File › Purge this inspection… offers a thematic extract first; File › Thematic extract…
makes one. Both run off the UI thread; the extract is the lead's, of a published letter."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from jtai_desktop.sync import extract_file
from jtai_desktop.ui import extract_actions
from jtai_desktop.ui.assemble import build_main_window

from ..thematic_extracts import publish_demo


@pytest.fixture
def published_window(qtbot, small_demo_context, tmp_path):
    from jtai_desktop.services.inspections import most_recent_inspection

    ws = small_demo_context.workspace
    inspection_id = most_recent_inspection(ws)
    publish_demo(ws, inspection_id, tmp_path)
    window = build_main_window(small_demo_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, inspection_id
    window.session.tasks.wait()
    QApplication.processEvents()
    window.close()


def answer(monkeypatch, target, keep=QMessageBox.StandardButton.Yes, purge=True):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or keep)
    )
    monkeypatch.setattr(
        extract_actions.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "")),
    )
    monkeypatch.setattr(extract_actions, "confirmed", lambda window, plan: purge)
    return asked


def test_purge_offers_the_extract_first_and_then_purges(
    published_window, qtbot, monkeypatch, tmp_path
):
    window, inspection_id = published_window
    target = tmp_path / "kept.json"
    asked = answer(monkeypatch, target)
    window.purge_action.trigger()
    assert "Keep a thematic extract first?" in asked[0]
    qtbot.waitUntil(lambda: window.purge_task is not None, timeout=30_000)
    qtbot.waitUntil(lambda: window.session.inspection_id is None, timeout=30_000)
    assert extract_file.read(target.read_bytes()).payload["area"]["name"] == "Northbridge"
    assert window.session.ws.get("inspection", inspection_id) is None


def test_declining_the_extract_still_purges_and_cancel_does_nothing(
    published_window, qtbot, monkeypatch, tmp_path
):
    window, inspection_id = published_window
    target = tmp_path / "never.json"
    answer(monkeypatch, target, keep=QMessageBox.StandardButton.Cancel)
    window.purge_action.trigger()
    assert window.purge_task is None
    assert window.session.ws.get("inspection", inspection_id) is not None
    answer(monkeypatch, target, keep=QMessageBox.StandardButton.No)
    window.purge_action.trigger()
    qtbot.waitUntil(lambda: window.session.inspection_id is None, timeout=30_000)
    assert not target.exists()


def test_the_extract_action_saves_a_signed_extract(published_window, qtbot, monkeypatch, tmp_path):
    window, _inspection_id = published_window
    target = tmp_path / "extract.json"
    answer(monkeypatch, target, purge=False)
    window.extract_action.trigger()
    # The message comes once the task has finished (the file is in place before that).
    qtbot.waitUntil(
        lambda: "signed with the key" in window.statusBar().currentMessage(), timeout=30_000
    )
    assert extract_file.read(target.read_bytes()).payload["letter"]["sections"]
