"""Light, dark and high-contrast palettes, following the operating system.

Where the system's own style already draws the scheme the system asks for (macOS, KDE,
GNOME, Windows 11's style) nothing is changed. Where it does not (the classic Windows style
keeps a light palette in dark mode), the app switches to Qt's Fusion style with a palette of
its own. A request for more contrast gets black and white with a yellow highlight. Colours
never carry meaning alone: marks also have words or a shape.

The palettes are named by role and read only when used: a light start pays for none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:  # the palette's classes load only when a palette is made
    from PySide6.QtGui import QBrush, QColor, QPalette
    from PySide6.QtWidgets import QApplication

# Window, WindowText, Base, AlternateBase, ToolTipBase, ToolTipText, PlaceholderText, Text,
# Button, ButtonText, BrightText, Highlight, HighlightedText, Link, Mid, Dark, Light; then the
# disabled text.
ROLES = [
    "Window",
    "WindowText",
    "Base",
    "AlternateBase",
    "ToolTipBase",
    "ToolTipText",
    "PlaceholderText",
    "Text",
    "Button",
    "ButtonText",
    "BrightText",
    "Highlight",
    "HighlightedText",
    "Link",
    "Mid",
    "Dark",
    "Light",
]
DARK = [
    "#2b2b2b",
    "#eeeeee",
    "#1e1e1e",
    "#2f2f2f",
    "#3a3a3a",
    "#eeeeee",
    "#a0a0a0",
    "#eeeeee",
    "#353535",
    "#eeeeee",
    "#ffffff",
    "#3d7bd9",
    "#ffffff",
    "#8ab4f8",
    "#4a4a4a",
    "#1a1a1a",
    "#505050",
    "#7a7a7a",
]
HIGH_CONTRAST = [
    "#000000",
    "#ffffff",
    "#000000",
    "#101010",
    "#000000",
    "#ffffff",
    "#d0d0d0",
    "#ffffff",
    "#000000",
    "#ffffff",
    "#ffffff",
    "#ffff00",
    "#000000",
    "#00ffff",
    "#ffffff",
    "#ffffff",
    "#ffffff",
    "#00ff00",
]


def palette_from(colours: list[str]) -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    roles = {member.name: member for member in role}  # ROLES names them
    for name, colour in zip(ROLES, colours):
        palette.setColor(roles[name], QColor(colour))
    disabled = QColor(colours[len(ROLES)])
    for member in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, member, disabled)
    return palette


def is_dark(palette: QPalette) -> bool:
    from PySide6.QtGui import QPalette

    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_color(palette: QPalette) -> QColor:
    """Text that warns (a decision over its target, a gap in the plan): a dark red on light
    palettes, a light red on dark and high-contrast ones, so it reads at 4.5:1 or better on
    the palette's base either way. (Words always say it too: never colour alone.)"""
    from PySide6.QtGui import QColor

    return QColor("#ff9e9e") if is_dark_base(palette) else QColor(160, 30, 30)


def warning_brush() -> QBrush:
    """``warning_color`` of the application's palette now, for a model's ForegroundRole."""
    from PySide6.QtGui import QBrush, QGuiApplication

    return QBrush(warning_color(QGuiApplication.palette()))


def is_dark_base(palette: QPalette) -> bool:
    from PySide6.QtGui import QPalette

    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def follow_system(app: QApplication) -> None:
    """Apply the palette the system asks for now, and again whenever it changes."""
    hints = app.styleHints()
    apply_scheme(app)
    hints.colorSchemeChanged.connect(lambda _scheme: apply_scheme(app))
    hints.accessibility().contrastPreferenceChanged.connect(lambda _pref: apply_scheme(app))


def apply_scheme(
    app: QApplication,
    scheme: Qt.ColorScheme | None = None,
    high_contrast: bool | None = None,
) -> str:
    """Set the palette for ``scheme`` (the system's by default): returns "light", "dark"
    or "contrast", what was chosen."""
    hints = app.styleHints()
    scheme = hints.colorScheme() if scheme is None else scheme
    if high_contrast is None:
        high_contrast = (
            hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
        )
    if high_contrast:
        _use_fusion(app)
        app.setPalette(palette_from(HIGH_CONTRAST))
        return "contrast"
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.style().standardPalette()):
        _use_fusion(app)
        app.setPalette(palette_from(DARK))
        return "dark"
    if app.property("own_palette"):  # back from our dark or high-contrast palette
        app.setPalette(app.style().standardPalette())
        app.setProperty("own_palette", False)
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def _use_fusion(app: QApplication) -> None:
    from PySide6.QtWidgets import QStyleFactory

    styles = [name.lower() for name in QStyleFactory.keys()]  # noqa: SIM118 (a list)
    if app.style().name().lower() != "fusion" and "fusion" in styles:
        app.setStyle("Fusion")
    app.setProperty("own_palette", True)
