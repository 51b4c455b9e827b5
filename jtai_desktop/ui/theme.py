"""Light, dark and high-contrast palettes, following the operating system.

Where the system's own style already draws the scheme the system asks for (macOS, KDE,
GNOME, Windows 11's style) nothing is changed. Where it does not (the classic Windows style
keeps a light palette in dark mode), the app switches to Qt's Fusion style with a palette of
its own. A request for more contrast gets black and white with a yellow highlight. Colours
never carry meaning alone: marks also have words or a shape.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#eeeeee",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#2f2f2f",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#eeeeee",
    Role.PlaceholderText: "#a0a0a0",
    Role.Text: "#eeeeee",
    Role.Button: "#353535",
    Role.ButtonText: "#eeeeee",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#3d7bd9",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab4f8",
    Role.Mid: "#4a4a4a",
    Role.Dark: "#1a1a1a",
    Role.Light: "#505050",
}
HIGH_CONTRAST = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#101010",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffffff",
    Role.PlaceholderText: "#d0d0d0",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#ffff00",
    Role.HighlightedText: "#000000",
    Role.Link: "#00ffff",
    Role.Mid: "#ffffff",
    Role.Dark: "#ffffff",
    Role.Light: "#ffffff",
}
DISABLED_TEXT = {"dark": "#7a7a7a", "contrast": "#00ff00"}


def palette_from(colours: dict, disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(disabled_text))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


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
        app.setPalette(palette_from(HIGH_CONTRAST, DISABLED_TEXT["contrast"]))
        return "contrast"
    system = app.style().standardPalette()
    if scheme == Qt.ColorScheme.Dark and not is_dark(system):
        _use_fusion(app)
        app.setPalette(palette_from(DARK, DISABLED_TEXT["dark"]))
        return "dark"
    if app.property("own_palette"):  # back from our dark or high-contrast palette
        app.setPalette(system)
        app.setProperty("own_palette", False)
    return "dark" if is_dark(app.palette()) else "light"


def _use_fusion(app: QApplication) -> None:
    styles = [name.lower() for name in QStyleFactory.keys()]  # noqa: SIM118 (a list)
    if app.style().name().lower() != "fusion" and "fusion" in styles:
        app.setStyle("Fusion")
    app.setProperty("own_palette", True)
