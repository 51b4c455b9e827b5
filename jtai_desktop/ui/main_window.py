"""The main window: a navigator of sections, the pages, menus, and the status bar.

Everything the window has is made here and named here: its menus and actions, the lock and
sync controllers, and the dialogs it keeps (built the first time they are asked for). Pages
and the welcome screen are built on first use too (see ``page_registry``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ..crypto.keyfile import is_demo_folder
from ..services.inspections import unsynced_count
from ..services.team import team_keys
from .errors import show_error
from .lock import LockController
from .page_registry import SECTIONS, LazyPages, PageSpec, spec_for_entity
from .pages.base import Page
from .session import InspectionSession
from .sync_controller import SyncController

if TYPE_CHECKING:
    from .dialogs.about import AboutDialog
    from .dialogs.history_dialog import HistoryDialog
    from .dialogs.join_dialog import JoinDialog
    from .dialogs.passphrase_dialog import PassphraseDialog
    from .dialogs.quick_open import QuickOpenDialog
    from .dialogs.repair_dialog import RepairDialog
    from .pages.welcome import WelcomePage
    from .tasks import Task

SECTION_KEY_ROLE = Qt.ItemDataRole.UserRole  # the page key of a navigator row


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, session: InspectionSession):
        super().__init__()
        self.session = session
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
        # The thematic extract and the purge in progress (File › Purge this inspection…).
        self.extract_task: Task | None = None
        self.purge_task: Task | None = None
        self.setWindowTitle(self.tr("JTAI inspection workspace"))
        self.resize(1280, 820)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.lock_controller = LockController(self, session)
        self.sync_controller = SyncController(self)
        session.inspection_opened.connect(self._on_inspection_opened)
        session.saved.connect(self._on_saved)
        session.failed.connect(lambda error: show_error(self, error))
        self.navigator.setEnabled(False)

    # --- layout ----------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.sections = QStandardItemModel(self)
        for spec in SECTIONS:
            item = QStandardItem(spec.title)
            item.setData(spec.key, SECTION_KEY_ROLE)
            item.setEditable(False)
            self.sections.appendRow(item)
        self.navigator = QListView()
        self.navigator.setModel(self.sections)
        self.navigator.setAccessibleName(self.tr("Sections"))
        self.navigator.setMaximumWidth(200)
        self.navigator.selectionModel().currentChanged.connect(self._on_section)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_inspection_action = self._action(
            self.file_menu, self.tr("&New inspection…"), "Ctrl+Shift+I", self.create_inspection
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
            self.file_menu, self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit
        )
        self.file_menu.addSeparator()
        self.quit_action = self._action(
            self.file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close
        )
        self.edit_menu = self._build_edit_menu()
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, key in enumerate(self.pages, start=1):
            self._action(
                self.go_menu,
                self.pages.spec(key).title,
                _go_shortcut(number),
                lambda _=False, k=key: self.navigate(k),
            )
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(
            self.help_menu, self.tr("&About jtai-desktop"), None, self.show_about
        )

    def _build_edit_menu(self) -> QMenu:
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        self.find_action = self._action(
            menu, self.tr("&Find…"), QKeySequence.StandardKey.Find, self.search
        )
        self.quick_open_action = self._action(
            menu, self.tr("&Quick open…"), "Ctrl+K", self.show_quick_open
        )
        self.history_action = self._action(
            menu, self.tr("&History of this record…"), "Ctrl+H", self.show_history
        )
        return menu

    def _action(self, menu: QMenu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
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
        return page

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
        from .dialogs.repair_dialog import open_or_repair

        self.repair_dialog = open_or_repair(self, inspection_id)

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

    def _on_inspection_opened(self, inspection_id: str) -> None:
        row = self.session.ws.require("inspection", inspection_id)
        self.setWindowTitle(f"{row['title']} - {self.tr('JTAI inspection workspace')}")
        self.navigator.setEnabled(True)
        self.navigate(next(iter(self.pages)))
        self.update_pending()

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
        if team_keys(self.session.ws, inspection_id) is None:
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


def _go_shortcut(number: int) -> str:
    """Alt+1 to Alt+9, then Alt+0 for the tenth section; later ones are reached from the Go
    menu and the navigator."""
    return f"Alt+{number}" if number < 10 else "Alt+0" if number == 10 else ""
