"""Icons of the navigator: Feather icons (MIT licence; resources/icons/LICENSE-feather.txt),
drawn in the palette's text colour so they read on light, dark and high-contrast themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from ..resources import resources_dir

SIZE = 20  # the navigator's icon size, in device-independent pixels
FALLBACK = "circle"


def icons_dir():
    return resources_dir() / "icons"


@cache
def _svg(name: str) -> bytes:
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        path = icons_dir() / f"{FALLBACK}.svg"
    return path.read_bytes()


def icon(name: str, color: str, pixel_ratio: float = 1.0) -> QIcon:
    """The icon ``name`` (a file name in resources/icons without .svg) in ``color`` ("#rrggbb"),
    drawn from the vector at the screen's pixel density (``pixel_ratio``: 2 at 200 %
    scaling): once, not at every density in case, since drawing them is part of every start."""
    ratio = max(1.0, pixel_ratio)
    pixels = round(SIZE * ratio)
    drawn = _svg(name).replace(b"currentColor", color.encode())
    sized = drawn.replace(b'width="24" height="24"', f'width="{pixels}" height="{pixels}"'.encode())
    pixmap = QPixmap()
    if not pixmap.loadFromData(sized, "SVG"):
        return QIcon()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)
