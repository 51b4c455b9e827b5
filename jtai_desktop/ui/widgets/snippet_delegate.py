"""Draws a result as rich text (kind, title, and a snippet with the matches in bold).

The model hands over HTML it has already escaped (see ``models.search``); this delegate
only lays it out in the view's font and colours, selected or not.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.search import RichTextRole


class SnippetDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, role: int = RichTextRole):
        super().__init__(parent)
        self._role = role
        self._sizes: dict[tuple, QSize] = {}

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: float
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(index.data(self._role) or "")
        document.setTextWidth(max(width, 50.0))
        return document

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""  # the style draws background, selection and focus; we draw the text
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        document = self._document(opt, index, area.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        painter.save()
        painter.translate(area.topLeft())
        painter.setClipRect(area.translated(-area.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt naming)
        view = option.widget
        width = view.viewport().width() - 8 if view is not None else 400
        html = index.data(self._role) or ""
        key = (html, width, option.font.key())
        size = self._sizes.get(key)
        if size is None:  # laying out rich text is slow; a list is laid out often
            document = self._document(option, index, width)
            size = QSize(int(document.idealWidth()), int(document.size().height()) + 4)
            if len(self._sizes) > 5000:
                self._sizes.clear()
            self._sizes[key] = size
        return size
