"""The thematic overview on six demo extracts: the areas with their keys' fingerprints, what
recurs, the findings by criterion and agency, the matrix summed and per area, timeliness and
search; importing and exporting off the UI thread; a thematic folder opens on this screen."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.thematic import Count
from jtai_desktop.services import thematic
from jtai_desktop.ui import thematic_window as tw
from jtai_desktop.ui.models import thematic as rows

from ..conftest import PASSPHRASE
from ..e2e.test_extract_coding import per_area_expected
from ..thematic_extracts import AREAS, UNCODED


@pytest.fixture(scope="module")
def six_workspace(tmp_path_factory, six_extracts):
    root = tmp_path_factory.mktemp("thematic-ui")
    _folder, _ids, files = six_extracts
    workspace = root / "workspace"
    context = open_context(workspace, PASSPHRASE, kdf_params=fast_params_for_tests())
    try:
        thematic.import_extracts(context.workspace, thematic.read_files(files[:5]))
    finally:
        context.close()
    return workspace, files


@pytest.fixture
def window(qtbot, six_workspace, tmp_path, open_folder):
    workspace, files = six_workspace
    context = open_folder(shutil.copytree(workspace, tmp_path / "workspace"))
    window = tw.ThematicWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tasks.wait()
    window.close()


def column(model, n):
    return [model.cell(r, n) for r in range(model.rowCount())]


def test_the_overview_shows_the_areas_and_what_recurs(window, qtmodeltester):
    areas = window.models["areas"]
    qtmodeltester.check(areas)
    assert sorted(column(areas, 0)) == sorted(AREAS[:5])
    assert all(len(key.split()) == 8 for key in column(areas, 6))  # each signer's fingerprint
    assert set(column(areas, 5)) == {"Not yet"}  # no key confirmed by a person yet
    sources = dict(zip(column(areas, 0), column(areas, 4)))
    assert sources == {
        a: "Reviews and findings" if a in UNCODED else "Coded passages" for a in AREAS[:5]
    }
    recurring = window.models["recurring"]
    qtmodeltester.check(recurring)
    assert recurring.rowCount() == len(window.summary.recurring) > 0
    assert column(recurring, 3)[0].endswith("of 5")
    findings = window.models["findings"]
    assert findings.rowCount() >= len(window.summary.findings)
    assert "5 areas" in window.heading.text()


def test_the_matrix_shows_all_areas_summed_or_one(window, qtbot):
    matrix = window.models["matrix"]
    summed = column(matrix, 2)
    window.matrix_area.setCurrentIndex(1)  # the first area alone
    one = column(matrix, 2)
    assert window.matrix_area.currentText() == window.summary.areas[0].label
    assert summed != one and matrix.rowCount() > 0


def headers(model) -> list[str]:
    return [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]


def test_the_matrix_shows_coded_counts_summed_over_the_areas_that_coded_only(
    window, six_extracts, qtmodeltester
):
    folder, ids, _files = six_extracts
    matrix = window.models["matrix"]
    qtmodeltester.check(matrix)
    shown = [h.replace("\n", " ") for h in headers(matrix)]
    assert shown[2:6] == ["Case reviews", "Strengths (reviews)", "Concerns (reviews)", "Findings"]
    assert shown[6:] == [
        "Sources (coded)",
        "Coded notes",
        "Strengths (sources)",
        "Concerns (sources)",
        "Voices heard",
    ]
    coded = [a.label for a in window.summary.areas if a.label not in UNCODED]  # as listed
    note = window.matrix_note.text()
    assert f"over the {len(coded)} that coded passages ({', '.join(coded)})" in note
    assert "all 5 areas" in note and all(a in note for a in UNCODED if a in AREAS[:5])

    # every row's coded figures, worked out from the coded areas' own rows
    expected = per_area_expected(folder, [ids[AREAS.index(a)] for a in coded])
    agency = {v: k for k, v in rows.KINDS.items()}
    for r in range(matrix.rowCount()):
        key = (matrix.cell(r, 0), agency[matrix.cell(r, 1)])
        for n, measure in enumerate(("sources", "notes", "strengths", "concerns"), 6):
            values = [area.get(key, {}).get(measure, 0) for area in expected]
            assert matrix.cell(r, n) == added(values).shown(), (key, measure)
        heard = sorted({v for area in expected for v in area.get(key, {}).get("voices", [])})
        assert [v.split(" (")[0] for v in filter(None, matrix.cell(r, 10).split(", "))] == heard

    # an area that coded nothing shows the four measures only, and says so
    window.matrix_area.setCurrentText(UNCODED[0])
    assert matrix.columnCount() == 6
    assert "coded no passages" in window.matrix_note.text()
    window.matrix_area.setCurrentText(coded[0])
    assert matrix.columnCount() == 11 and "coded passages" in window.matrix_note.text()


def added(values: list[int]) -> Count:
    """Counts from 1 to 5 are left out of an extract: each adds 1 to 5 to a sum."""
    return sum((Count(1, 5) if 0 < v < 6 else Count(v, v) for v in values), Count())


def test_timeliness_is_compared_across_the_areas(window):
    model = window.models["timeliness"]
    assert window.step.count() == 4  # the front door's four intervals
    assert sorted(column(model, 0)) == sorted(AREAS[:5])


def test_search_finds_text_in_every_area(window, qtbot):
    window.tabs.setCurrentIndex(5)
    window.query.setText("strategy discussions")
    qtbot.keyClick(window.query, "\r")
    hits = window.models["search"]
    assert hits.rowCount() > 0
    assert set(column(hits, 0)) == set(AREAS[:5])


def test_importing_the_sixth_extract_updates_the_overview(window, qtbot, six_workspace):
    _workspace, files = six_workspace
    window.import_files([files[5]])
    qtbot.waitUntil(lambda: window.models["areas"].rowCount() == 6, timeout=30_000)
    assert "6 areas" in window.heading.text()


def test_a_tampered_file_is_refused_with_a_message(
    window, qtbot, six_workspace, tmp_path, monkeypatch
):
    _workspace, files = six_workspace
    shown = []
    monkeypatch.setattr(tw, "show_error", lambda parent, error: shown.append(error.message))
    document = json.loads(files[5].read_text(encoding="utf-8"))
    document["payload"]["area"]["name"] = "Elsewhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    window.import_files([bad])
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "changed after the lead signed it" in shown[0]
    assert window.models["areas"].rowCount() == 5


def test_the_report_draft_exports_from_the_overview(window, qtbot, tmp_path):
    target = tmp_path / "thematic.docx"
    window.export_to(target)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=60_000)
    assert target.stat().st_size > 10_000


def test_a_thematic_folder_opens_on_the_overview(qtbot, six_workspace, tmp_path):
    from jtai_desktop.app import create_app

    workspace, _files = six_workspace
    copy = shutil.copytree(workspace, tmp_path / "copy")
    window = create_app(copy, passphrase=PASSPHRASE)
    qtbot.addWidget(window)
    assert isinstance(window, tw.ThematicWindow)
    assert window.models["areas"].rowCount() == 5
    window.close()
    window.context.close()


def test_a_leads_key_is_confirmed_once_its_fingerprint_matches(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    window.views["areas"].setCurrentIndex(window.models["areas"].index(1, 0))
    area = window.summary.areas[1]
    window.confirm_action.trigger()
    assert area.fingerprint in asked[0] and area.label in asked[0]
    assert column(window.models["areas"], 5)[1] == "Yes"
    assert column(window.models["areas"], 5).count("Yes") == 1


def test_a_file_handed_to_the_workspace_window_is_set_aside_without_an_error(window, qapp):
    """A launch hands any double-clicked file to the window it opens; a workspace's window
    opens no invitation or bundle (it once failed here, with a traceback at every start)."""
    from pathlib import Path

    from jtai_desktop.ui.file_open import file_opener

    opener = file_opener(qapp)
    try:
        opener.request(Path("team.jtai-invite"))
        opener.attach(window)
        opener.flush()
        assert opener.pending == []
    finally:
        opener.remove()


def test_the_overview_fits_the_screen_it_opens_on(window):
    """At most its usual 1280x820, and never more than the screen's free area (a 1366x768
    laptop would lose the bottom of every table)."""
    free = window.screen().availableGeometry()
    assert window.width() <= min(1280, free.width())
    assert window.height() <= min(820, free.height())
