"""The main window: a navigator of sections, the pages, menus, and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QSplitter, QStackedWidget, QWidget

from .errors import show_error
from .page_registry import LazyPages, PageSpec, spec_for_entity
from .pages.base import Page
from .session import InspectionSession


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(
        self,
        session: InspectionSession,
        specs: tuple[PageSpec, ...],
        create_page: Callable[[PageSpec], Page],
        create_welcome: Callable[[], QWidget],
    ):
        """``create_page(spec)`` and ``create_welcome()`` build a page, and the welcome screen,
        the first time they are needed (see page_registry)."""
        super().__init__()
        self.session = session
        self._create_page = create_page
        self._create_welcome = create_welcome
        self._welcome: QWidget | None = None
        self.pages = LazyPages(specs, self._build_page)
        self.setWindowTitle(self.tr("JTAI inspection workspace"))
        self.resize(1280, 820)
        self._build_body(specs)
        self._build_menus()
        self._build_status_bar()
        session.inspection_opened.connect(self._on_inspection_opened)
        session.saved.connect(
            lambda at: self.saved_label.setText(self.tr("Saved at %1").replace("%1", at))
        )
        session.failed.connect(lambda error: show_error(self, error))
        self.navigator.setEnabled(False)

    # --- layout ----------------------------------------------------------------------------
    def _build_body(self, specs) -> None:
        self.sections = QStandardItemModel(self)
        for spec in specs:
            item = QStandardItem(spec.title)
            item.setData(spec.key, Qt.ItemDataRole.UserRole)
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

    def _build_page(self, spec: PageSpec) -> Page:
        page = self._create_page(spec)
        self.stack.addWidget(page)
        return page

    def _build_menus(self) -> None:
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = self._action(
            file_menu, self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, key in enumerate(self.pages, start=1):
            self._action(
                self.go_menu,
                self.pages.spec(key).title,
                _go_shortcut(number),
                lambda _=False, k=key: self.navigate(k),
            )
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut:
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
        self.session.saved.connect(lambda _at: self.update_pending())

    # --- behaviour ---------------------------------------------------------------------------
    def update_pending(self) -> None:
        from ..services.inspections import unsynced_count
        from ..services.team import team_keys

        if (
            self.session.inspection_id
            and team_keys(self.session.ws, self.session.inspection_id) is None
        ):
            self.pending_label.setText("")  # not shared: there is nothing to sync yet
        elif self.session.inspection_id:
            count = unsynced_count(self.session.ws, self.session.inspection_id)
            self.pending_label.setText(
                self.tr("All changes synced")
                if count == 0
                else self.tr("1 change not yet synced")
                if count == 1
                else self.tr("%1 changes not yet synced").replace("%1", str(count))
            )

    def _on_inspection_opened(self, inspection_id: str) -> None:
        row = self.session.ws.get("inspection", inspection_id)
        self.setWindowTitle(f"{row['title']} - {self.tr('JTAI inspection workspace')}")
        self.navigator.setEnabled(True)
        self.navigate(next(iter(self.pages)))
        self.update_pending()

    def _on_section(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.stack.setCurrentWidget(self.pages[current.data(Qt.ItemDataRole.UserRole)])

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
            self.navigate(spec.key).show_record(entity, record_id)

    @property
    def welcome(self) -> QWidget:
        if self._welcome is None:
            self._welcome = self._create_welcome()
            self.stack.addWidget(self._welcome)
        return self._welcome

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()


def _go_shortcut(number: int) -> str:
    """Alt+1 to Alt+9, then Alt+0 for the tenth section; later ones are in the Go menu."""
    return f"Alt+{number}" if number < 10 else "Alt+0" if number == 10 else ""
