"""Cells cut short show their whole text as a tooltip, in every list of every page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QToolTip, QWidget


class FullTextTooltips(QStyledItemDelegate):
    """A cell whose text is cut short ("Children's social care, Po…") shows all of it as
    its tooltip, where the model offers no tooltip of its own."""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 (Qt naming)
        own_tip = index.isValid() and index.data(Qt.ItemDataRole.ToolTipRole)
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not own_tip:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            width = view.visualRect(index).width() - 8
            if isinstance(text, str) and option.fontMetrics.horizontalAdvance(text) > width:
                QToolTip.showText(event.globalPos(), text, view)
                return True
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


def full_text_tooltips(root: QWidget) -> None:
    """Every list under ``root`` with Qt's plain delegate shows cut-short text in full as a
    tooltip (a page needs no code for this)."""
    for view in root.findChildren(QAbstractItemView):
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(FullTextTooltips(view))
