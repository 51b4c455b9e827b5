"""Icons of the navigator: Feather icons (MIT licence; resources/icons/LICENSE-feather.txt),
drawn in the palette's text colour so they read on light, dark and high-contrast themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from ..resources import resources_dir

SIZES = (20, 40)  # the navigator's size, and twice it for 200 % scaling (Qt scales between)
FALLBACK = "circle"


def icons_dir():
    return resources_dir() / "icons"


@cache
def _svg(name: str) -> bytes:
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        path = icons_dir() / f"{FALLBACK}.svg"
    return path.read_bytes()


def icon(name: str, color: str) -> QIcon:
    """The icon ``name`` (a file name in resources/icons without .svg) in ``color`` ("#rrggbb")."""
    drawn = _svg(name).replace(b"currentColor", color.encode())
    found = QIcon()
    for size in SIZES:
        pixmap = QPixmap()
        # Drawn at each size from the vector, not scaled from a small picture.
        sized = drawn.replace(b'width="24" height="24"', f'width="{size}" height="{size}"'.encode())
        if pixmap.loadFromData(sized, "SVG"):
            found.addPixmap(pixmap)
    return found
