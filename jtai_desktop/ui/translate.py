"""``tr`` for code outside a widget (table models, label tables): Qt's ``translate`` in one
named context per module, so every string still goes through the translation files."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

Translate = Callable[..., str]


def translator(context: str) -> Translate:
    """``tr(text, disambiguation=None, n=-1)`` in ``context``."""

    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, disambiguation, n)

    return tr
