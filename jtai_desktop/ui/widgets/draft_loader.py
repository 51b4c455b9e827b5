"""The draft letter on the report screen (sections, item options, overrides, preview and the
gate's result), read and checked off the UI thread and kept up to date after edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.errors import JtaiError
from ...report.compose import default_texts
from ...report.gate import GateResult, Override
from ...report.inputs import STUDIES
from ...report.letter import Letter
from ...services.journey import practice_study_lines
from ...services.report import (
    ItemOption,
    SectionInfo,
    build_letter,
    check_letter,
    letter_inputs,
    overrides,
    section_options,
    sections,
)
from ..models.report import hit_contexts

DEBOUNCE_MS = 600


@dataclass(frozen=True)
class LetterState:
    """One consistent reading of the letter. ``checked`` False: only the sections, options
    and overrides were read (nothing changed since the last check)."""

    inspection_id: str
    sections: tuple[SectionInfo, ...]
    options: dict[str, list[ItemOption]]
    overrides: tuple[Override, ...]
    default_texts: dict[str, str]
    checked: bool = False
    preview: tuple[tuple[str, list[str]], ...] = ()
    levels: tuple[int, ...] = ()
    result: GateResult | None = None
    contexts: dict[tuple, str] = field(default_factory=dict)
    problem: JtaiError | None = None  # the check could not run (e.g. a broken template)
    explicit: bool = False  # asked for by the user (Check), not an update after an edit
    names: dict[str, str] = field(default_factory=dict)  # section keys, finding ids: names
    journeys: dict[str, list[str]] = field(default_factory=dict)  # practice study: its child's


def load_state(
    context, inspection_id: str, keys: list[str], internal: bool, template: Path | None, check: bool
):
    """The task function for ``TaskRunner.start``, on its own database connection."""

    def run(progress, is_cancelled) -> LetterState:
        ws = context.worker_workspace()
        try:
            return read_state(ws, inspection_id, keys, internal, template, check)
        finally:
            ws.db.close()

    return run


def read_state(ws, inspection_id, keys, internal, template, check) -> LetterState:
    found = tuple(sections(ws, inspection_id))
    takes = {s.key for s in found if s.takes_items}
    inputs = letter_inputs(ws, inspection_id)
    names = {
        "template": "The template's headers and footers",
        **{s.key: s.heading for s in found},
        **{f.id: f.title for f in inputs.findings},
    }
    state = LetterState(
        inspection_id,
        found,
        {k: section_options(ws, inspection_id, k) for k in keys if k in takes},
        tuple(overrides(ws, inspection_id)),
        default_texts(inputs),
        names=names,
        journeys={
            s.key: practice_study_lines(ws, inspection_id, s.items[0])
            for s in found
            if s.key in keys and s.key in STUDIES and s.items
        },
    )
    if not check:
        return state
    try:
        draft = check_letter(ws, inspection_id, internal, template=template)
    except JtaiError as problem:  # the letter can still be previewed
        letter = build_letter(ws, inspection_id, internal)[0]
        return replace(state, checked=True, problem=problem, **_preview(letter))
    return replace(
        state,
        checked=True,
        result=draft.result,
        contexts=hit_contexts(draft.letter, draft.result),
        **_preview(draft.letter),
    )


def _preview(letter: Letter) -> dict:
    # letter.preview() is services.report.preview() of the letter that was checked.
    return {"preview": tuple(letter.preview()), "levels": tuple(s.level for s in letter.sections)}


class DraftLoader(QObject):
    """Reads the letter in the background: debounced after edits, at once when asked.

    A reading that started before the latest edit is dropped and read again, so what is shown
    never goes back in time.
    """

    loaded = Signal(object)  # LetterState
    failed = Signal(object, bool)  # the error, and whether the user asked for the check
    busy_changed = Signal(bool)

    def __init__(self, session, params, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._params = params  # () -> (option keys, internal, template)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._task = None
        self._again = self._explicit = False
        self._dirty = True
        self._checked_with: tuple | None = None
        self._running: tuple = ()

    @property
    def busy(self) -> bool:
        return self._task is not None or self._timer.isActive()

    def invalidate(self, delay_ms: int = DEBOUNCE_MS) -> None:
        """The records changed: read and check again after a pause."""
        self._dirty = True
        self.request(delay_ms)

    def request(self, delay_ms: int = 0, explicit: bool = False) -> None:
        self._explicit = self._explicit or explicit
        if self._task is not None:
            self._again = True
        self._timer.start(delay_ms)

    def _start(self) -> None:
        inspection_id = self.session.inspection_id
        if self._task is not None:
            self._again = True
            return
        if inspection_id is None:
            return
        keys, internal, template = self._params()
        check = self._dirty or self._explicit or (internal, template) != self._checked_with
        self._running = (check, self._explicit, (internal, template))
        self._dirty = self._explicit = self._again = False
        self._task = self.session.tasks.start(
            load_state(self.session.context, inspection_id, keys, internal, template, check),
            on_finished=self._finished,
            on_failed=self._failed,
        )
        self.busy_changed.emit(True)

    def _stale(self) -> bool:
        """Something changed while reading: read again rather than show the old letter."""
        self._task = None
        check, explicit, _params = self._running
        if not (self._again or self._timer.isActive()):
            return False
        self._dirty = self._dirty or check
        self._explicit = self._explicit or explicit
        if not self._timer.isActive():
            self._start()
        return True

    def _finished(self, state: LetterState) -> None:
        if self._stale():
            return
        check, explicit, params = self._running
        self.busy_changed.emit(False)
        if state.inspection_id != self.session.inspection_id:
            return
        if check:
            self._checked_with = params
        self.loaded.emit(replace(state, explicit=explicit))

    def _failed(self, error: BaseException) -> None:
        if self._stale():
            return
        check, explicit, _params = self._running
        self._dirty = self._dirty or check
        self.busy_changed.emit(False)
        self.failed.emit(error, explicit)
