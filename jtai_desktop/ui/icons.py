"""Icons of the navigator: Feather icons (MIT licence; resources/icons/LICENSE-feather.txt),
drawn in the palette's text colour so they read on light, dark and high-contrast themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

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
    data = QByteArray(_svg(name).replace(b"currentColor", color.encode()))
    found = QIcon()
    for size in SIZES:
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if not image.isNull():
            found.addPixmap(QPixmap.fromImage(image))
    return found
