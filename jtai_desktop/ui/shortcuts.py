"""Every keyboard shortcut of the desktop, named in one table.

A page or the window never writes a key itself: it names an entry here and calls ``bind``
(for a ``QAction``) or ``shortcut`` (for a key with no menu entry). The shortcut sheet
(Help › Keyboard shortcuts) is generated from this table, and a test checks that no two
entries share a key, so a new key cannot silently shadow another ("Ambiguous shortcut
overload": neither fires).

To add one: an entry in ``SHORTCUTS`` (a dotted name, its keys, what it does and where it
works), then ``bind(action, "name")``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from .translate import translator

tr = translator("Shortcuts")
StandardKey = QKeySequence.StandardKey
Key = str | QKeySequence.StandardKey

# Where a shortcut works, as the sheet says it; the first is the whole window.
EVERYWHERE = "Everywhere"


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[Key, ...]
    what: str  # what it does, as the sheet and tooltips say it
    where: str = EVERYWHERE  # a page or a list; a key may be reused only where they differ


def _go(number: int) -> Shortcut:
    """Alt+1 to Alt+9, then Alt+0 for the tenth section; later ones are in the Go menu."""
    return Shortcut(
        f"go.{number}", (f"Alt+{number % 10}",), f"Go to section {number} in the navigator"
    )


SHORTCUTS: dict[str, Shortcut] = {
    s.name: s
    for s in (
        Shortcut("file.new_inspection", ("Ctrl+Shift+I",), "Start a new inspection"),
        Shortcut("file.lock", ("Ctrl+L",), "Lock the window"),
        Shortcut("file.sync", ("Ctrl+Shift+S",), "Sync with the team"),
        Shortcut("file.quit", (StandardKey.Quit,), "Quit"),
        Shortcut("edit.undo", (StandardKey.Undo,), "Undo the last change"),
        # Ctrl+Y and Ctrl+Shift+Z on every system (Qt's standard Redo key differs by system).
        Shortcut("edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo the change undone last"),
        Shortcut("edit.cut", (StandardKey.Cut,), "Cut the selected text"),
        Shortcut("edit.copy", (StandardKey.Copy,), "Copy the selected text"),
        Shortcut("edit.paste", (StandardKey.Paste,), "Paste"),
        Shortcut("edit.find", (StandardKey.Find,), "Search the inspection"),
        Shortcut("edit.quick_open", ("Ctrl+K",), "Quick open: jump to a child, note or finding"),
        Shortcut("edit.history", ("Ctrl+H",), "History of the record on screen"),
        *(_go(number) for number in range(1, 11)),
        Shortcut("help.shortcuts", ("F1", "Ctrl+/"), "This list of keyboard shortcuts"),
        Shortcut("help.guide", ("Shift+F1",), "The user guide"),
        Shortcut(
            "list.delete",
            (StandardKey.Delete,),
            "Delete the chosen item (Undo brings it back)",
            "A list of notes, evidence or events",
        ),
        Shortcut("children.add", ("Ctrl+Shift+C",), "Add a child", "Children"),
        Shortcut(
            "front_door.add",
            ("Ctrl+Shift+D",),
            "Record a sampled contact or referral",
            "Front door",
        ),
        Shortcut(
            "fieldwork.new_session",
            ("Ctrl+Shift+T",),
            "Add a session to the timetable",
            "Fieldwork plan",
        ),
        Shortcut(
            "reviews.journey",
            ("Ctrl+J",),
            "The child's journey: everything, in date order",
            "Case reviews",
        ),
        Shortcut(
            "journey.moderate",
            ("Space",),
            "Mark the chosen case review moderated",
            "A child's journey (Case reviews)",
        ),
        Shortcut("notes.new", ("Ctrl+Shift+N",), "New meeting or interview note", "Meetings"),
        Shortcut("evidence.add", ("Ctrl+Shift+E",), "Add evidence files", "Evidence"),
        Shortcut("findings.new", ("Ctrl+Shift+F",), "New finding", "Findings"),
        Shortcut(
            "coding.code",
            ("Ctrl+M",),
            "Code the selected words against a criterion",
            "A note, a case or area review's observation, an evidence description",
        ),
        Shortcut("report.check", ("Ctrl+Shift+K",), "Check the letter", "Report"),
        Shortcut("report.export", ("Ctrl+E",), "Export the draft letter", "Report"),
        Shortcut("thematic.import", ("Ctrl+I",), "Import extracts", "Thematic workspace"),
        Shortcut("thematic.export", ("Ctrl+E",), "Export the report's draft", "Thematic workspace"),
        Shortcut(
            "report.move_up",
            ("Alt+Up", "Ctrl+Up"),
            "Move the ticked item up",
            "A section's items (Report)",
        ),
        Shortcut(
            "report.move_down",
            ("Alt+Down", "Ctrl+Down"),
            "Move the ticked item down",
            "A section's items (Report)",
        ),
    )
}


def register(*entries: Shortcut) -> None:
    """Add entries from a module of its own (a new page); the duplicate-key test sees them."""
    for entry in entries:
        if entry.name in SHORTCUTS:
            raise ValueError(f"shortcut {entry.name!r} is registered twice")
        SHORTCUTS[entry.name] = entry


def sequences(name: str) -> list[QKeySequence]:
    """The entry's key sequences on this system, each once (a standard key can expand to
    several, and two of them must never be the same: Qt then fires neither)."""
    found: list[QKeySequence] = []
    for key in SHORTCUTS[name].keys:
        expanded = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in expanded:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def key_text(name: str) -> str:
    """The keys as this system writes them ("Ctrl+Shift+N"; "F1 or Ctrl+/")."""
    return tr(" or ").join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences(name)
    )


def bind(action: QAction, name: str, context: Qt.ShortcutContext | None = None) -> QAction:
    """Give ``action`` the entry's keys (and, in ``context``, where they work)."""
    action.setShortcuts(sequences(name))
    if context is not None:
        action.setShortcutContext(context)
    action.setProperty("shortcut_name", name)
    return action


def shortcut(
    name: str,
    parent: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QShortcut:
    """A key with no menu entry, working while ``parent`` (or, by default, a child of it)
    has the focus."""
    keys = sequences(name)
    found = QShortcut(keys[0], parent)
    found.setContext(context)
    found.activated.connect(slot)
    found.setProperty("shortcut_name", name)
    for extra in keys[1:]:
        more = QShortcut(extra, parent)
        more.setContext(context)
        more.activated.connect(slot)
        more.setProperty("shortcut_name", name)
    return found


def clashes() -> list[tuple[str, str, str]]:
    """(key, entry, entry) for two entries sharing a key where both work: the same place, or
    one of them everywhere. Empty when the table is sound."""
    seen: dict[str, list[Shortcut]] = {}
    found = []
    for entry in SHORTCUTS.values():
        for sequence in sequences(entry.name):
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            for other in seen.get(text, []):
                if EVERYWHERE in (entry.where, other.where) or entry.where == other.where:
                    found.append((text, other.name, entry.name))
            seen.setdefault(text, []).append(entry)
    return found


def sheet_rows() -> list[tuple[str, str, str]]:
    """(where, keys, what) for every entry, in table order: what the shortcut sheet lists."""
    return [(tr(entry.where), key_text(entry.name), tr(entry.what)) for entry in SHORTCUTS.values()]
