"""Dark and high-contrast palettes follow the system; the navigator's icons follow them."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from jtai_desktop.ui.theme import apply_scheme, is_dark


def test_dark_and_high_contrast_follow_the_system_and_come_back(qtbot, small_demo_window):
    app = QApplication.instance()
    window = small_demo_window
    before = window.navigator.sections.item(0).icon().pixmap(24).toImage()
    try:
        assert apply_scheme(app, Qt.ColorScheme.Dark, high_contrast=False) == "dark"
        assert is_dark(app.palette())
        QApplication.processEvents()
        assert is_dark(window.palette())
        after = window.navigator.sections.item(0).icon().pixmap(24).toImage()
        assert after != before  # the icons are drawn again in the palette's text colour
        assert apply_scheme(app, Qt.ColorScheme.Light, high_contrast=True) == "contrast"
        palette = app.palette()
        assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
        assert palette.color(QPalette.ColorRole.Text).name() == "#ffffff"
    finally:
        assert apply_scheme(app, Qt.ColorScheme.Light, high_contrast=False) == "light"
    assert not is_dark(app.palette())
