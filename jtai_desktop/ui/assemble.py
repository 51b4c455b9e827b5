"""Builds the main window from an unlocked data folder: pages, welcome, lock, wiring."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ..app import AppContext
from ..services.inspections import most_recent_inspection
from .dialogs.repair_dialog import open_or_repair
from .errors import show_error
from .extract_actions import add_extract_actions
from .key_change import add_passphrase_action
from .lock import LockController
from .main_window import MainWindow
from .page_registry import SECTIONS, PageSpec
from .pages.base import Page
from .session import InspectionSession
from .tasks import TaskRunner

# Pages whose links open a record on its own page. The report page shows a finding's hit in
# the letter itself, where the inspector fixes it, unless nothing else is listening.
JUMPS_TO_RECORDS = ("findings", "search", "review_merge", "reviews")


def build_main_window(context: AppContext, open_latest: bool = True) -> MainWindow:
    session = InspectionSession(context)
    session.tasks = TaskRunner(session)
    window = MainWindow(
        session, SECTIONS, lambda spec: _create_page(window, spec), lambda: _create_welcome(window)
    )
    _add_inspection_actions(window)
    _add_search_actions(window)
    window.lock_controller = LockController(window, session)
    add_passphrase_action(window)
    add_extract_actions(window)
    _add_help(window)
    _add_sync(window)
    if open_latest:
        latest = most_recent_inspection(context.workspace)
        if latest:
            open_or_repair(window, latest)
    if session.inspection_id is None:
        window.show_welcome()
    return window


def _create_page(window: MainWindow, spec: PageSpec) -> Page:
    """Build one page on first use and connect what it asks of the window."""
    page = spec.page_type()(window.session)
    if spec.key in JUMPS_TO_RECORDS:
        page.jump_requested.connect(window.jump_to)
    if hasattr(page, "review_requested"):  # children: open the case review of a child
        page.review_requested.connect(
            lambda child_id: window.navigate("reviews").show_child(child_id)
        )
    return page


def _create_welcome(window: MainWindow):
    """The welcome screen, built the first time it is shown (at start-up only when there is
    no inspection to open)."""
    from .pages.welcome import WelcomePage

    session = window.session
    welcome = WelcomePage(session)
    welcome.open_inspection.connect(lambda inspection_id: open_or_repair(window, inspection_id))
    welcome.create_inspection.connect(lambda: _create_inspection(window))
    welcome.open_demo.connect(lambda: _open_demo(window))
    welcome.offer_join()
    welcome.join_inspection.connect(lambda: window.sync_controller.join())
    return welcome


def _create_inspection(window: MainWindow) -> None:
    from .dialogs.new_inspection import run_new_inspection_wizard

    new_id = run_new_inspection_wizard(window, window.session)
    if new_id:
        window.session.open_inspection(new_id)


def _add_inspection_actions(window: MainWindow) -> None:
    new_action = QAction(window.tr("&New inspection…"), window)
    new_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    new_action.triggered.connect(lambda: _create_inspection(window))
    window.menuBar().actions()[0].menu().insertAction(window.lock_action, new_action)
    home = QAction(window.tr("&Inspections…"), window)
    home.triggered.connect(lambda: window.show_welcome())
    window.menuBar().actions()[0].menu().insertAction(window.lock_action, home)


def _open_demo(window: MainWindow) -> None:
    """Build (or find) the demo inspection off the UI thread, then open it."""
    from ..services.demo import build_demo

    session = window.session

    def work(progress, is_cancelled):
        ws = session.context.worker_workspace()
        try:
            return build_demo(ws, "small", 1, progress=progress)
        finally:
            ws.db.close()

    session.tasks.start(
        work, on_finished=session.open_inspection, on_failed=lambda error: show_error(window, error)
    )


def _add_search_actions(window: MainWindow) -> None:
    find = QAction(window.tr("&Find…"), window)
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(lambda: window.navigate("search").focus_query())
    window.quick_open = None  # built on the first Ctrl+K

    def quick_open() -> None:
        if window.session.inspection_id is None:
            return
        if window.quick_open is None:
            from .dialogs.quick_open import QuickOpenDialog

            window.quick_open = QuickOpenDialog(window.session, window)
            window.quick_open.chosen.connect(window.jump_to)
        window.quick_open.popup()

    go = QAction(window.tr("&Quick open…"), window)
    go.setShortcut(QKeySequence("Ctrl+K"))
    go.triggered.connect(quick_open)
    edit_menu = window.menuBar().actions()[1].menu()
    edit_menu.addSeparator()
    edit_menu.addAction(find)
    edit_menu.addAction(go)


def _add_sync(window: MainWindow) -> None:
    """Team sync: the Sync action and status, invitations, and record history (joining is
    offered on the welcome screen)."""
    from .sync_controller import SyncController

    window.sync_controller = SyncController(window)
    history = QAction(window.tr("&History of this record…"), window)
    history.setShortcut(QKeySequence("Ctrl+H"))

    def show_current_history() -> None:
        from .dialogs.history_dialog import show_history

        page = window.current_page()
        record = page.current_record() if hasattr(page, "current_record") else None
        if record and window.session.inspection_id:
            window.history_dialog = show_history(window.session, record[0], record[1], window)

    history.triggered.connect(show_current_history)
    window.history_action = history
    window.menuBar().actions()[1].menu().addAction(history)


def _add_help(window: MainWindow) -> None:
    def about() -> None:
        from .dialogs.about import show_about

        show_about(window)

    window.help_menu.addAction(window.tr("&About jtai-desktop"), about)
