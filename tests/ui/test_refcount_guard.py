"""Guard against the PySide6 defect that lowers None's reference count on model data() calls
(seen in 6.12.0): a long session would then abort the interpreter. Repaint model-backed
views a few hundred times and prove sys.getrefcount(None) did not fall."""

import sys

import PySide6
import pytest

from jtai_desktop.services.demo import build_demo
from jtai_desktop.ui.assemble import build_main_window


def test_pyside6_version_is_below_the_broken_release():
    major, minor, *_ = (int(part) for part in PySide6.__version__.split(".")[:3])
    assert (major, minor) < (6, 12), "PySide6 6.12 has the None refcount defect: keep the pin"


@pytest.mark.parametrize(
    "page_key, view_name",
    [("children", "table"), ("notes", "view"), ("evidence", "view"), ("findings", "tree")],
)
def test_repainting_views_does_not_leak_none_references(qtbot, context, page_key, view_name):
    build_demo(context.workspace, "small", 1)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    page = window.navigate(page_key)
    view = getattr(page, view_name)
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    for _ in range(20):  # warm up caches so only a leak can move the count
        view.viewport().repaint()
    before = sys.getrefcount(None)
    for _ in range(300):
        view.viewport().repaint()
    assert sys.getrefcount(None) >= before - 5
