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


def _luminance(color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a, b) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_warning_text_reads_on_light_dark_and_high_contrast_palettes(qtbot):
    from jtai_desktop.ui.theme import warning_brush, warning_color

    app = QApplication.instance()
    try:
        for scheme, high_contrast in (
            (Qt.ColorScheme.Light, False),
            (Qt.ColorScheme.Dark, False),
            (Qt.ColorScheme.Light, True),
        ):
            apply_scheme(app, scheme, high_contrast=high_contrast)
            palette = app.palette()
            base = palette.color(QPalette.ColorRole.Base)
            assert contrast(warning_color(palette), base) >= 4.5, (scheme, high_contrast)
            assert warning_brush().color() == warning_color(palette)
    finally:
        apply_scheme(app, Qt.ColorScheme.Light, high_contrast=False)
