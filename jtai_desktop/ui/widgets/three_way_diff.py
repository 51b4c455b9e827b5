"""Competing values side by side; for long text, a three-way diff against their ancestor.

Each side is compared word by word with the common ancestor (the text both authors started
from): what a side added is underlined on a green ground, what it removed is struck through
on a red ground, so the marks do not rely on colour alone. All text is escaped before it is
marked up.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

INSERTED = "background-color:#d4f4dc; color:#0b3d1a; text-decoration:underline;"
REMOVED = "background-color:#fadadd; color:#5c0b12; text-decoration:line-through;"
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
FIRST_CHANGE = '<a name="first-change"></a>'


class _Pane(QFrame):
    """One value's column: its heading, its text, and its pick button."""

    def __init__(self) -> None:
        super().__init__()
        self.column = QVBoxLayout(self)


@dataclass(frozen=True)
class Side:
    heading: str  # e.g. "Alice, 14:05"
    text: str  # the value as text
    name: str = ""  # who wrote it, for the pick button and accessible names


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _span(style: str, text: str) -> str:
    return f'<span style="{style}">{_escape(text)}</span>' if text else ""


def marked_html(base: str, text: str) -> str:
    """``text`` as HTML with its differences from ``base`` marked (insertions and removals)."""
    old, new = tokens(base), tokens(text)
    parts = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(_escape("".join(new[j1:j2])))
            continue
        if FIRST_CHANGE not in parts:  # where the view opens
            parts.append(FIRST_CHANGE)
        parts.append(_span(REMOVED, "".join(old[i1:i2])))
        parts.append(_span(INSERTED, "".join(new[j1:j2])))
    return _wrap("".join(parts))


def plain_html(text: str) -> str:
    return _wrap(_escape(text))


def _wrap(body: str) -> str:
    return f'<div style="white-space:pre-wrap">{body}</div>'


def changed_words(base: str, text: str) -> tuple[int, int]:
    """(words added, words removed) from ``base`` to ``text``, for a short summary."""
    added = removed = 0
    old, new = tokens(base), tokens(text)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += sum(1 for t in old[i1:i2] if not t.isspace())
            added += sum(1 for t in new[j1:j2] if not t.isspace())
    return added, removed


class ThreeWayDiff(QWidget):
    """One column per competing value (and one for the ancestor when there is one), each with
    a heading and, when picking is offered, a button that emits ``picked(column)``."""

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.legend = QLabel(
            self.tr(
                "Compared with the common ancestor: underlined on green is what that side added, "
                "struck through on red is what it removed."
            )
        )
        self.legend.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.splitter, 1)
        self.browsers: list[QTextBrowser] = []
        self.pick_buttons: list[QPushButton] = []
        self.ancestor_browser: QTextBrowser | None = None

    def show_values(
        self,
        sides: list[Side],
        ancestor: Side | None = None,
        can_pick: bool = True,
        pick_texts: list[str] | None = None,
    ) -> None:
        self._clear()
        self.legend.setVisible(ancestor is not None)
        if ancestor is not None:
            frame, self.ancestor_browser = self._pane(
                ancestor.heading, plain_html(ancestor.text), self.tr("Common ancestor")
            )
            self.splitter.addWidget(frame)
        for number, side in enumerate(sides):
            body = marked_html(ancestor.text, side.text) if ancestor else plain_html(side.text)
            frame, browser = self._pane(
                side.heading, body, self.tr("%1's value").replace("%1", side.name)
            )
            if ancestor is not None:  # open where this side differs (applied once shown)
                browser.scrollToAnchor("first-change")
            self.browsers.append(browser)
            if pick_texts is not None:
                button = QPushButton(pick_texts[number])
                button.setEnabled(can_pick)
                button.clicked.connect(lambda _=False, n=number: self.picked.emit(n))
                frame.column.addWidget(button)
                self.pick_buttons.append(button)
            self.splitter.addWidget(frame)
        for column in range(self.splitter.count()):
            self.splitter.setStretchFactor(column, 1)

    def _pane(self, heading: str, body: str, accessible: str) -> tuple[_Pane, QTextBrowser]:
        frame = _Pane()
        column = frame.column
        column.setContentsMargins(0, 0, 4, 0)
        title = QLabel(heading)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        browser = QTextBrowser()
        browser.setOpenLinks(False)
        browser.setTabChangesFocus(True)
        browser.setHtml(body)
        browser.setAccessibleName(accessible)
        title.setBuddy(browser)
        column.addWidget(title)
        column.addWidget(browser, 1)
        return frame, browser

    def _clear(self) -> None:
        while self.splitter.count():
            widget = self.splitter.widget(0)
            if widget is None:
                break
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.browsers, self.pick_buttons, self.ancestor_browser = [], [], None
