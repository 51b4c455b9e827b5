"""Editing one section of the letter: its heading, the lead's own text (both saved as you
type), and, for sections made of findings or case reviews, which ones go in and in what order.

Every save is one undoable edit through the session (``services.report.set_section``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...report.inputs import NARRATIVE, STUDIES
from ...services.report import ItemOption, SectionInfo, set_section
from ..errors import try_edit
from ..models.report import ItemOptionsModel
from ..models.roles import RecordIdRole
from .autosave import Autosave

MOVE_UP_KEYS, MOVE_DOWN_KEYS = ("Alt+Up", "Ctrl+Up"), ("Alt+Down", "Ctrl+Down")


def native(keys: tuple[str, ...]) -> str:
    text = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
    return " or ".join(text)


class SectionEditor(QWidget):
    """Shows one section; ``show_section`` loads another (saving typing not yet saved)."""

    edited = Signal(str)  # the section key, after a save

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.info: SectionInfo | None = None
        self._inspection_id: str | None = None  # of the section shown, for a late save
        self._wanted_item: str | None = None  # to make current once the items are read
        self.options = ItemOptionsModel(self)
        self._build()
        self._connect()
        self.setEnabled(False)

    @property
    def key(self) -> str | None:
        return self.info.key if self.info else None

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.purpose = QLabel()  # what the section is for and its usual length
        self.purpose.setWordWrap(True)
        self.purpose.setTextFormat(Qt.TextFormat.PlainText)
        self.heading = QLineEdit()
        self.heading.setAccessibleName(self.tr("Section heading"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Your text for this section"))
        self.text_hint = _hint()
        self.items_label = QLabel()
        self.items_view = QListView()
        self.items_view.setModel(self.options)
        self.items_view.setWordWrap(True)
        # Rows differ in height (long titles wrap); laying them out in batches keeps a
        # section with thousands of case reviews from freezing the window.
        self.items_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.items_view.setBatchSize(60)
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setAccessibleName(self.tr("Items in this section"))
        self.items_label.setBuddy(self.items_view)
        self.items_hint = _hint()
        self.journey = QTextBrowser()  # a tracked child's journey, beside a practice study
        self.journey.setAccessibleName(self.tr("The chosen child's journey"))
        self.journey.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.journey.hide()
        self.move_up = QPushButton(self.tr("Move &up"))
        self.move_down = QPushButton(self.tr("Move do&wn"))
        self.reset_button = QPushButton(self.tr("Reset to de&fault"))
        self.move_up.setToolTip(
            self.tr("Move the ticked item up (%1)").replace("%1", native(MOVE_UP_KEYS))
        )
        self.move_down.setToolTip(
            self.tr("Move the ticked item down (%1)").replace("%1", native(MOVE_DOWN_KEYS))
        )
        self.reset_button.setToolTip(
            self.tr("Go back to the items the letter would hold by default")
        )
        self.items_view.setToolTip(
            self.tr("Space ticks or unticks the item. %1 and %2 move a ticked item.")
            .replace("%1", native(MOVE_UP_KEYS))
            .replace("%2", native(MOVE_DOWN_KEYS))
        )
        self._add_move_actions()
        self.setLayout(self._layout())

    def _add_move_actions(self) -> None:
        for keys, delta in ((MOVE_UP_KEYS, -1), (MOVE_DOWN_KEYS, 1)):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, d=delta: self.move_current(d))
            self.items_view.addAction(action)

    def _layout(self) -> QVBoxLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Heading:"), self.heading)
        form.addRow(self.tr("Your te&xt:"), self.text)
        form.addRow("", self.text_hint)
        buttons = QHBoxLayout()
        for button in (self.move_up, self.move_down, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.items_box = QWidget()
        items = QVBoxLayout(self.items_box)
        items.setContentsMargins(0, 0, 0, 0)
        items.addWidget(self.items_label)
        items.addWidget(self.items_view, 1)
        items.addWidget(self.items_hint)
        items.addWidget(self.journey)
        items.addLayout(buttons)
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.title)
        outer.addWidget(self.purpose)
        outer.addLayout(form)
        outer.addWidget(self.items_box, 1)
        return outer

    def _connect(self) -> None:
        self.heading_autosave = Autosave(self.heading, self._save_heading, self)
        self.text_autosave = Autosave(self.text, self._save_text, self)
        self.heading.textEdited.connect(lambda _t: self.heading_autosave.poke())
        self.heading.returnPressed.connect(self.heading_autosave.flush)
        self.text.textChanged.connect(self.text_autosave.poke)
        self.options.choice_changed.connect(self._save_items)
        self.move_up.clicked.connect(lambda: self.move_current(-1))
        self.move_down.clicked.connect(lambda: self.move_current(1))
        self.reset_button.clicked.connect(self.reset_items)
        self.items_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.options.modelReset.connect(self._update_buttons)
        self.options.rowsMoved.connect(lambda *_: self._update_buttons())
        self.options.dataChanged.connect(lambda *_: self._update_buttons())

    # --- showing -----------------------------------------------------------------------
    def show_section(
        self,
        info: SectionInfo | None,
        options: list[ItemOption] | None = None,
        default_text: str = "",
    ) -> None:
        """Show ``info``. For the section already shown, fields being typed in are left
        alone; ``options`` None keeps the list as it is (it is still loading)."""
        moved = info is None or info.key != self.key
        if moved:
            self._wanted_item = None
            self.flush()
            self.heading_autosave.cancel()
            self.text_autosave.cancel()
        self.info = info
        if moved:
            self._inspection_id = self.session.inspection_id
        self.setEnabled(info is not None)
        if info is None:
            return
        self.title.setText(info.heading)
        self.purpose.setText(self._purpose_text(info))
        if not self.heading_autosave.pending():
            shown = info.heading if info.heading != info.default_heading else ""
            if self.heading.text() != shown:
                self.heading.setText(shown)
                self.heading.setCursorPosition(0)
        self.heading.setPlaceholderText(info.default_heading)
        if not self.text_autosave.pending() and self.text.toPlainText() != info.text:
            was = self.text.blockSignals(True)
            self.text.setPlainText(info.text)
            self.text.blockSignals(was)
        self.text.setPlaceholderText(default_text)
        self.text_hint.setText(self._text_hint(default_text))
        self._show_items(info, options if options is not None or not moved else [])

    def _purpose_text(self, info: SectionInfo) -> str:
        if not info.purpose:
            return ""
        usual = self.tr("Usual length: %1.").replace("%1", info.usual) if info.usual else ""
        return f"{info.purpose} {usual}".strip()

    def select_words(self, words: str) -> bool:
        """Select ``words`` in the section's text and put the keyboard focus there, to fix
        them. False when the text does not hold them (the standard wording does)."""
        found = self.text.document().find(words)
        if found.isNull():
            found = self.text.document().find(words.strip())
        if found.isNull():
            return False
        self.text.setTextCursor(found)
        self.text.ensureCursorVisible()
        self.text.setFocus()
        return True

    def _text_hint(self, default_text: str) -> str:
        hint = self.tr("Separate paragraphs with a blank line.")
        if default_text:
            hint = self.tr("Leave empty to use the standard wording shown.") + " " + hint
        elif self.info is not None and self.info.key in (*STUDIES, *NARRATIVE):
            hint = self.tr("Your own words: the items below are what they draw on.") + " " + hint
        elif self.info is not None and self.info.takes_items:
            hint = self.tr("Placed before the items below.") + " " + hint
        return hint

    def _show_items(self, info: SectionInfo, options: list[ItemOption] | None) -> None:
        self.items_box.setVisible(info.takes_items)
        if not info.takes_items:
            return
        if info.key in STUDIES:
            label = self.tr("&Tick the tracked child whose journey the study tells (shown below):")
        elif info.key in NARRATIVE:
            label = self.tr(
                "&Tick the findings your text draws on (they stand in until you write it):"
            )
        else:
            label = self.tr("&Tick the findings to include, in the order they appear:")
        self.items_label.setText(label)
        self.items_hint.setText(
            self.tr("Your choice.")
            if info.items_chosen
            else self.tr("The default choice: ticking, unticking or moving an item makes it yours.")
        )
        if options is not None:
            wanted, self._wanted_item = self._wanted_item, None
            current = wanted or self.items_view.currentIndex().data(RecordIdRole)
            self.options.set_options(options)
            row = self.options.row_of(current) if current else 0
            self.items_view.setCurrentIndex(self.options.index(max(row, 0)))
            if wanted:
                self.items_view.setFocus()
        self._update_buttons()

    def show_journey(self, lines: list[str] | None) -> None:
        """The chosen child's journey (None: not a practice study, or no child chosen)."""
        self.journey.setVisible(lines is not None)
        if lines is not None:
            self.journey.setPlainText(
                "\n".join(f"\u2022 {line}" for line in lines)
                or self.tr("Nothing recorded for this child yet.")
            )

    def focus_on(self, item_id: str | None) -> None:
        """Put the keyboard focus where a detail can be fixed: on the item it comes from
        (once the items are read), or in the section's text."""
        row = self.options.row_of(item_id) if item_id else -1
        if row >= 0:
            self.items_view.setCurrentIndex(self.options.index(row))
            self.items_view.setFocus()
        elif item_id and self.info is not None and self.info.takes_items:
            self._wanted_item = item_id
        else:
            self.text.setFocus()

    def _update_buttons(self) -> None:
        row = self.items_view.currentIndex().row()
        self.move_up.setEnabled(self.options.can_move(row, -1))
        self.move_down.setEnabled(self.options.can_move(row, 1))
        self.reset_button.setEnabled(bool(self.info and self.info.items_chosen))

    # --- editing -----------------------------------------------------------------------
    def move_current(self, delta: int) -> None:
        index = self.items_view.currentIndex()
        if index.isValid() and self.options.move(index.row(), delta):
            self.items_view.scrollTo(self.items_view.currentIndex())

    def reset_items(self) -> None:
        if self.info and self.info.items_chosen:
            self._save(default_items=True)

    def flush(self) -> None:
        """Save typing not yet saved (before showing another section or leaving the page)."""
        self.heading_autosave.flush()
        self.text_autosave.flush()

    def _save_heading(self) -> None:
        if self.info is None:
            return
        heading = self.heading.text().strip()
        current = self.info.heading if self.info.heading != self.info.default_heading else ""
        if heading != current:
            self._save(heading=heading)

    def _save_text(self) -> None:
        if self.info is not None and self.text.toPlainText().strip() != self.info.text:
            self._save(text=self.text.toPlainText())

    def _save_items(self) -> None:
        self._save(items=self.options.chosen_ids())

    def _save(self, **values) -> None:
        if self.info is None or self._inspection_id is None:
            return
        inspection_id, key = self._inspection_id, self.info.key
        changes = try_edit(
            self, self.session, lambda ws: set_section(ws, inspection_id, key, **values)
        )
        if changes is None:
            return
        self._remember(values)
        self.edited.emit(key)

    def _remember(self, values: dict) -> None:
        """What was just saved, so a second flush does not save it again."""
        if self.info is None:
            return
        changes: dict = {}
        if "heading" in values:
            changes["heading"] = values["heading"].strip() or self.info.default_heading
        if "text" in values:
            changes["text"] = values["text"].strip()
        if values.get("items") is not None:
            changes.update(items=tuple(values["items"]), items_chosen=True)
        if values.get("default_items"):
            changes["items_chosen"] = False
        self.info = replace(self.info, **changes)
        self._update_buttons()


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # advice, not a control
    return label
