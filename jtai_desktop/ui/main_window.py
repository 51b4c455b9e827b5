"""The main window: a navigator of sections, the pages, menus, and the status bar.

Everything the window has is made here and named here: its menus and actions, the lock and
sync controllers, and the dialogs it keeps (built the first time they are asked for). Pages
and the welcome screen are built on first use too (see ``page_registry``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..crypto.keyfile import is_demo_folder
from ..services.inspections import unsynced_count
from ..services.team import is_shared
from .errors import show_error
from .first_paint import after_first_paint
from .layout_memory import SplitterMemory, remember_splitters
from .lock import LockController
from .navigator import SECTION_KEY_ROLE, Navigator, inspection_stage, section_texts
from .page_registry import SECTIONS, LazyPages, PageSpec, spec_for_entity
from .pages.base import Page
from .session import InspectionSession
from .shortcuts import bind
from .sync_controller import SyncController
from .undo_notice import UndoNotice
from .views import edit_focused, fit_scroll_areas, fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from .dialogs.about import AboutDialog
    from .dialogs.history_dialog import HistoryDialog
    from .dialogs.join_dialog import JoinDialog
    from .dialogs.passphrase_dialog import PassphraseDialog
    from .dialogs.quick_open import QuickOpenDialog
    from .dialogs.repair_dialog import RepairDialog
    from .dialogs.shortcut_sheet import ShortcutSheet
    from .dialogs.user_guide import UserGuide
    from .pages.welcome import WelcomePage
    from .tasks import Task

DEFAULT_SIZE = (1280, 820)
FINISH_DELAY_MS = 150  # after the first paint, the first page's finishing touches
PROGRESS_DELAY_MS = 400  # the navigator's counts are read again this long after the last edit
TITLE = "JTAI inspection workspace"
NAVIGATOR_WIDTH = 200  # at most, at first: long section titles elide (their tooltip is whole)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    opens_files = True  # a double-clicked invitation or bundle opens in it (ui.file_open)

    def __init__(self, session: InspectionSession):
        super().__init__()
        self.session = session
        self._unfinished: list[Page] = []  # built before the window was shown
        self.pages = LazyPages(SECTIONS, self._build_page)
        self._welcome: WelcomePage | None = None
        self.quick_open: QuickOpenDialog | None = None  # built on the first Ctrl+K
        self.history_dialog: HistoryDialog | None = None  # the last history shown (Ctrl+H)
        self.about_dialog: AboutDialog | None = None
        # Set by ui.file_open when a double-clicked invitation or bundle is opened here.
        self.join_dialog: JoinDialog | None = None
        self.file_open_message: QMessageBox | None = None
        self.passphrase_dialog: PassphraseDialog | None = None  # File › Change passphrase…
        # Offered instead of opening an inspection whose settings are unusable.
        self.repair_dialog: RepairDialog | None = None
        self.shortcut_sheet: ShortcutSheet | None = None  # Help › Keyboard shortcuts (F1)
        self.user_guide: UserGuide | None = None  # Help › User guide
        # The thematic extract and the purge in progress (File › Purge this inspection…).
        self.extract_task: Task | None = None
        self.purge_task: Task | None = None
        self.setWindowTitle(self.tr(TITLE))
        fit_to_screen(self, *DEFAULT_SIZE)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.lock_controller = LockController(self, session)
        self.sync_controller = SyncController(self)
        session.inspection_opened.connect(self._on_inspection_opened)
        session.saved.connect(self._on_saved)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self.update_progress)
        session.changed.connect(lambda *_: self._progress_timer.start())
        session.failed.connect(lambda error: show_error(self, error))
        self.navigator.setEnabled(False)

    # --- layout ----------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.navigator = Navigator(SECTIONS)
        self.sections = self.navigator.sections
        self.navigator.selectionModel().currentChanged.connect(self._on_section)
        self.stage_label = QLabel("")  # the inspection's day: "Fieldwork day 2 of 5"
        self.stage_label.setWordWrap(True)
        self.stage_label.setAccessibleName(self.tr("Day of the inspection"))
        self.stage_label.setContentsMargins(6, 4, 6, 4)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stage_label)
        column.addWidget(self.navigator)
        self.stack = QStackedWidget()
        self.body = QSplitter()
        self.body.setObjectName("window.body")
        self.body.addWidget(side)
        self.body.addWidget(self.stack)
        self.body.setStretchFactor(1, 1)
        self.body.setCollapsible(0, False)
        self.body.setSizes([min(self.navigator.sizeHintForColumn(0) + 16, NAVIGATOR_WIDTH), 10_000])
        self.setCentralWidget(self.body)
        SplitterMemory(self.body, self.session, "window.body")

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_inspection_action = self._action(
            self.file_menu,
            self.tr("&New inspection…"),
            "file.new_inspection",
            self.create_inspection,
        )
        self.inspections_action = self._action(
            self.file_menu, self.tr("&Inspections…"), None, self.show_welcome
        )
        self.passphrase_action = self._action(
            self.file_menu, self.tr("Change &passphrase…"), None, self.change_passphrase
        )
        if is_demo_folder(self.session.context.data_dir):
            self.passphrase_action.setEnabled(False)  # its passphrase is public
            self.passphrase_action.setToolTip(
                self.tr("The demo folder's data is fictional and has no passphrase.")
            )
        # After publication: the national report's extract, and the purge that offers it.
        self.extract_action = self._action(
            self.file_menu, self.tr("Thematic &extract…"), None, self.thematic_extract
        )
        self.purge_action = self._action(
            self.file_menu, self.tr("&Purge this inspection…"), None, self.purge_inspection
        )
        self.file_menu.addSeparator()
        self.lock_action = self._action(
            self.file_menu, self.tr("&Lock"), "file.lock", self.lock_requested.emit
        )
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.tr("&Quit"), "file.quit", self.close)
        self.edit_menu = self._build_edit_menu()
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, key in enumerate(self.pages, start=1):
            self._action(
                self.go_menu,
                self.pages.spec(key).title,
                f"go.{number}" if number <= 10 else None,
                lambda _=False, k=key: self.navigate(k),
            )
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.help_menu, self.tr("&Keyboard shortcuts"), "help.shortcuts", self.show_shortcuts
        )
        self.guide_action = self._action(
            self.help_menu, self.tr("&User guide"), "help.guide", self.show_guide
        )
        self.help_menu.addSeparator()
        self.about_action = self._action(
            self.help_menu, self.tr("&About jtai-desktop"), None, self.show_about
        )

    def _build_edit_menu(self) -> QMenu:
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.session.undo_stack
        self.undo_action = bind(stack.createUndoAction(self, self.tr("&Undo")), "edit.undo")
        self.redo_action = bind(stack.createRedoAction(self, self.tr("&Redo")), "edit.redo")
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        # The text boxes answer these keys themselves; the menu entries act on the one with
        # the focus, for those who look for them there.
        self.cut_action = self._action(
            menu, self.tr("Cu&t"), "edit.cut", lambda: edit_focused("cut")
        )
        self.copy_action = self._action(
            menu, self.tr("&Copy"), "edit.copy", lambda: edit_focused("copy")
        )
        self.paste_action = self._action(
            menu, self.tr("&Paste"), "edit.paste", lambda: edit_focused("paste")
        )
        menu.addSeparator()
        self.find_action = self._action(menu, self.tr("&Find…"), "edit.find", self.search)
        self.quick_open_action = self._action(
            menu, self.tr("&Quick open…"), "edit.quick_open", self.show_quick_open
        )
        self.history_action = self._action(
            menu, self.tr("&History of this record…"), "edit.history", self.show_history
        )
        return menu

    def _action(self, menu: QMenu, text: str, shortcut: str | None, slot) -> QAction:
        """A menu entry; ``shortcut`` names its keys in the registry (``ui.shortcuts``)."""
        action = QAction(text, self)
        if shortcut is not None:
            bind(action, shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.undo_notice = UndoNotice(self.session, self.undo_action)
        self.statusBar().addWidget(self.undo_notice)
        self.connection_label = QLabel(self.tr("Offline: changes are kept on this computer"))
        self.pending_label = QLabel("")
        self.saved_label = QLabel("")
        for label in (self.connection_label, self.pending_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.saved_label)

    # --- pages -----------------------------------------------------------------------------
    def _build_page(self, spec: PageSpec) -> Page:
        """Build one page on first use and connect what it asks of the window."""
        page: Page = spec.page_type()(self.session)
        page.jump_requested.connect(self.jump_to)
        page.show_requested.connect(
            lambda key, entity, record_id: self.show_on(key, entity, record_id)
        )
        self.stack.addWidget(page)
        if self.isVisible():
            self._finish_page(page)
        else:  # the page the window opens on: finished once the window has been painted
            self._unfinished.append(page)
        return page

    def _finish_pending(self) -> None:
        if self.isVisible():  # not once the window is closed (its folder may be closed too)
            while self._unfinished:
                self._finish_page(self._unfinished.pop())

    def _finish_page(self, page: Page) -> None:
        """What every page gets without code of its own: splitters that remember their
        sizes, whole text in tooltips, detail panes as wide as their content. (Walking a
        page's widgets makes Python objects of them all, which a start would pay for.)"""
        from .tooltips import full_text_tooltips

        remember_splitters(page, self.session)
        full_text_tooltips(page)
        fit_scroll_areas(page)

    def build_pages_when_idle(self, interval_ms: int = 40) -> QTimer:
        """Build the pages not built yet, one at a time with pauses between, once the window
        is up, and let each read what it can ahead (``Page.prepare``): the first visit to each
        is then as quick as the next. Input arriving meanwhile waits for one step at most."""
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        steps = [
            (key, step)
            for key in self.pages
            if not self.pages.is_built(key)
            for step in ("build", "prepare")
        ]

        def next_step() -> None:
            if steps:
                key, step = steps.pop(0)
                page = self.pages[key]
                if step == "prepare" and not page.isVisible():
                    page.prepare()
            if not steps:
                timer.stop()
                timer.deleteLater()

        timer.timeout.connect(next_step)
        timer.start()
        return timer

    def navigate(self, key: str) -> Page:
        if self.session.inspection_id is None:
            return self.pages[key]
        row = list(self.pages).index(key)
        self.navigator.setCurrentIndex(self.sections.index(row, 0))
        self.stack.setCurrentWidget(self.pages[key])
        return self.pages[key]

    def jump_to(self, entity: str, record_id: str) -> None:
        """Show a record on the page that owns its kind (after a search or a link)."""
        spec = spec_for_entity(entity)
        if spec is not None:
            self.show_on(spec.key, entity, record_id)

    def show_on(self, key: str, entity: str, record_id: str) -> None:
        self.navigate(key).show_record(entity, record_id)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _on_section(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.stack.setCurrentWidget(self.pages[current.data(SECTION_KEY_ROLE)])

    # --- the welcome screen and inspections --------------------------------------------------
    @property
    def welcome(self) -> WelcomePage:
        """The welcome screen, built the first time it is shown (at start-up only when there
        is no inspection to open)."""
        if self._welcome is None:
            from .pages.welcome import WelcomePage

            welcome = WelcomePage(self.session)
            welcome.open_inspection.connect(self.open_inspection)
            welcome.create_inspection.connect(self.create_inspection)
            welcome.open_demo.connect(self.open_demo)
            welcome.offer_join()
            welcome.join_inspection.connect(self.sync_controller.join)
            self.stack.addWidget(welcome)
            self._welcome = welcome
        return self._welcome

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def open_inspection(self, inspection_id: str) -> None:
        """Open an inspection, unless its settings are unusable: then offer the repair."""
        from ..services.repair import broken_settings

        broken = broken_settings(self.session.ws, inspection_id)
        if not broken:
            self.repair_dialog = None
            self.session.open_inspection(inspection_id)
            return
        # The dialog's module (and Qt's dialog classes) load only when a repair is needed.
        from .dialogs.repair_dialog import offer_repair

        self.repair_dialog = offer_repair(self, inspection_id, broken)

    def create_inspection(self) -> None:
        from .dialogs.new_inspection import run_new_inspection_wizard

        new_id = run_new_inspection_wizard(self, self.session)
        if new_id:
            self.session.open_inspection(new_id)

    def open_demo(self) -> None:
        """Build (or find) the demo inspection off the UI thread, then open it."""
        from ..services.demo import build_demo

        context = self.session.context

        def work(progress, is_cancelled):
            ws = context.worker_workspace()
            try:
                return build_demo(ws, "small", 1, progress=progress)
            finally:
                ws.db.close()

        self.session.tasks.start(
            work,
            on_finished=self.session.open_inspection,
            on_failed=lambda error: show_error(self, error),
        )

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        # The counts and the first page's finishing touches wait for the window's paint.
        after_first_paint(self, self._progress_timer.start)
        after_first_paint(self, self._finish_pending, FINISH_DELAY_MS)
        after_first_paint(self, self.session.resume_clock_in_background, FINISH_DELAY_MS)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self._progress_timer.stop()
        super().closeEvent(event)

    def _on_inspection_opened(self, inspection_id: str) -> None:
        self.navigator.setEnabled(True)
        self.navigate(next(iter(self.pages)))
        self.update_pending()
        self.show_stage()
        self._progress_timer.start()  # counting every section waits for the first paint

    def show_stage(self, today: date | None = None) -> None:
        """The window's title and the navigator's header: the inspection and its day."""
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        title, area, stage = inspection_stage(self.session.ws, inspection_id, today)
        self.setWindowTitle(f"{title} — {stage} — {self.tr(TITLE)}")
        self.stage_label.setText(f"<b>{area}</b><br>{stage}")

    def update_progress(self, today: date | None = None) -> None:
        """Each section's counts in the navigator (and the day, which may have turned)."""
        inspection_id = self.session.inspection_id
        if inspection_id is None or not self.isVisible():
            return  # a closed window's data folder may be closed too
        if self.session.ws.get("inspection", inspection_id) is None:
            return  # purged by a task that has not told the window yet
        self.show_stage(today)
        self.navigator.show_progress(section_texts(self.session.ws, inspection_id, today))

    # --- finding things, history, about ------------------------------------------------------
    def search(self) -> None:
        """Ctrl+F: the search page, with the cursor in its box."""
        from .pages.search import SearchPage

        search_page = self.navigate("search")
        if isinstance(search_page, SearchPage):
            search_page.focus_query()

    def show_quick_open(self) -> None:
        if self.session.inspection_id is None:
            return
        if self.quick_open is None:
            from .dialogs.quick_open import QuickOpenDialog

            self.quick_open = QuickOpenDialog(self.session, self)
            self.quick_open.chosen.connect(self.jump_to)
        self.quick_open.popup()

    def show_history(self) -> None:
        """Who changed the record on screen, what and when."""
        from .dialogs.history_dialog import show_history

        page = self.current_page()
        record = page.current_record() if isinstance(page, Page) else None
        if record and self.session.inspection_id:
            self.history_dialog = show_history(self.session, record[0], record[1], self)

    def thematic_extract(self) -> None:
        from .extract_actions import ask_extract

        ask_extract(self)

    def purge_inspection(self) -> None:
        from .extract_actions import ask_purge

        ask_purge(self)

    def change_passphrase(self) -> None:
        from .key_change import ask

        self.passphrase_dialog = ask(self)

    def show_shortcuts(self) -> None:
        from .dialogs.shortcut_sheet import show_shortcut_sheet

        self.shortcut_sheet = show_shortcut_sheet(self)

    def show_guide(self) -> None:
        from .dialogs.user_guide import show_user_guide

        self.user_guide = show_user_guide(self)

    def show_about(self) -> None:
        from .dialogs.about import show_about

        self.about_dialog = show_about(self)

    # --- the status bar ----------------------------------------------------------------------
    def _on_saved(self, at: str) -> None:
        self.saved_label.setText(self.tr("Saved at %1").replace("%1", at))
        self.update_pending()

    def update_pending(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        if not is_shared(self.session.ws, inspection_id):
            self.pending_label.setText("")  # not shared: there is nothing to sync yet
            return
        count = unsynced_count(self.session.ws, inspection_id)
        self.pending_label.setText(
            self.tr("All changes synced")
            if count == 0
            else self.tr("1 change not yet synced")
            if count == 1
            else self.tr("%1 changes not yet synced").replace("%1", str(count))
        )
