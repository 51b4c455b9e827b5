"""Every page fits a small laptop screen: at 1024x640 no control is squeezed below the size
it needs (its minimum size hint), unless a scroll area holds it and lets it scroll."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QSplitter,
    QTabBar,
    QWidget,
)

from jtai_desktop.ui.page_registry import SECTIONS

SIZES = [(1024, 640), (1366, 768)]
TITLE_BAR = 30  # what a window manager's title bar takes of the screen's height


def _in_scroll_area(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def squeezed(root: QWidget) -> list[str]:
    """Visible widgets under ``root`` smaller than their minimum size hint."""
    found = []
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if area.isVisible() and content is not None and area.widgetResizable():
            needs, has = content.minimumSizeHint().width(), area.viewport().width()
            if needs > has + 1:
                found.append(f"{type(content).__name__} scrolls sideways: needs {needs}, has {has}")
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea) and not isinstance(
            widget.parentWidget(), QScrollArea
        ):
            continue  # a list's own scroll bars and viewport
        if _in_scroll_area(widget, root) or isinstance(
            widget.parentWidget(), (QComboBox, QAbstractSpinBox, QTabBar)
        ):
            continue  # scrolls; or a box's own editor, or a tab bar's scroll arrows: sized
            # by their box or bar
        hint, size = widget.minimumSizeHint(), widget.size()
        if not hint.isValid():
            continue
        short_w, short_h = hint.width() - size.width(), hint.height() - size.height()
        if short_w > 1 or short_h > 1:
            name = widget.objectName() or widget.accessibleName() or ""
            text = getattr(widget, "text", lambda: "")()
            found.append(
                f"{type(widget).__name__} {name!r} {text!r}: needs {hint.width()}x"
                f"{hint.height()}, has {size.width()}x{size.height()}"
            )
    return found


def test_the_check_finds_a_squeezed_control(qtbot):
    from PySide6.QtWidgets import QLabel

    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("Observations written: 39 of 39", box)
    label.setGeometry(0, 0, 40, 20)  # narrower than its text
    box.resize(300, 100)
    box.show()
    assert any("Observations written" in problem for problem in squeezed(box))


@pytest.mark.parametrize("width,height", SIZES)
def test_every_page_fits_without_clipping(qtbot, small_demo_window, width, height):
    window = small_demo_window
    window.resize(width, height - TITLE_BAR)
    assert window.minimumSizeHint().width() <= width
    assert window.minimumSizeHint().height() <= height - TITLE_BAR
    problems = {}
    for spec in SECTIONS:
        page = window.navigate(spec.key)
        window.session.tasks.wait()
        QApplication.processEvents()
        qtbot.waitUntil(page.isVisible)
        window.session.tasks.wait()
        QApplication.processEvents()
        QApplication.processEvents()
        assert window.size().width() == width, spec.key  # nothing forced the window wider
        # Nothing squeezed, and no box cuts short the choice the page opens with (a fixed
        # word like "Organisations" or "All kinds"; a long name chosen later may elide).
        found = squeezed(window) + cut_short_choices(window)
        if found:
            problems[spec.key] = found
    assert problems == {}


def test_splitters_remember_their_sizes(qtbot, small_demo_window, small_demo_context):
    from jtai_desktop.services.preferences import layout_sizes
    from jtai_desktop.ui.assemble import build_main_window

    window = small_demo_window
    window.resize(1366, 738)
    page = window.navigate("notes")
    QApplication.processEvents()
    splitter = next(
        s
        for s in page.findChildren(QSplitter)
        if s.isVisible() and s.orientation() == Qt.Orientation.Horizontal
    )
    name = splitter.property("layout_name")
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] - 100, sizes[1] + 100])
    moved = splitter.sizes()
    assert moved != sizes
    splitter.splitterMoved.emit(moved[0], 1)  # as a drag of the handle does
    qtbot.waitUntil(lambda: layout_sizes(window.session.ws, name) is not None, timeout=3000)
    assert layout_sizes(window.session.ws, name) == moved
    window.close()

    again = build_main_window(small_demo_context)  # the next start, on the same folder
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    notes = again.navigate("notes")
    kept = next(s for s in notes.findChildren(QSplitter) if s.property("layout_name") == name)
    qtbot.waitUntil(kept.isVisible)
    assert kept.sizes() == moved
    again.close()


def test_a_cut_short_cell_shows_its_full_text_as_a_tooltip(qtbot, small_demo_window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from jtai_desktop.ui.models.notes import DATE

    window = small_demo_window
    window.resize(1024, 610)
    page = window.navigate("notes")
    table = page.view
    table.horizontalHeader().setSectionResizeMode(DATE, table.horizontalHeader().ResizeMode.Fixed)
    table.setColumnWidth(DATE, 30)
    index = table.model().index(0, DATE)
    full = index.data()
    assert len(full) > 5 and not index.data(Qt.ItemDataRole.ToolTipRole)
    centre = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.text() == full
    QToolTip.hideText()


def cut_short_choices(root: QWidget) -> list[str]:
    """Visible boxes under ``root`` whose chosen item's text is wider than the box shows."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    found = []
    boxes = [root] if isinstance(root, QComboBox) else []
    for combo in boxes + root.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable() or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        needs = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if needs > field.width():
            found.append(f"{combo.currentText()!r}: needs {needs}, shows {field.width()}")
    return found


def test_the_check_finds_a_cut_short_choice(qtbot):
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItem("Observation of practice")
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(4)
    box.show()
    assert cut_short_choices(box) != []


def test_the_notes_list_shows_every_column_without_scrolling_sideways(qtbot, small_demo_window):
    window = small_demo_window
    window.resize(1024, 640 - TITLE_BAR)
    page = window.navigate("notes")
    qtbot.waitUntil(page.view.isVisible)
    QApplication.processEvents()
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0
    assert view.horizontalHeader().length() <= view.viewport().width()
