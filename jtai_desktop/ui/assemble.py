"""Builds the main window from an unlocked data folder: pages, welcome, lock, wiring."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ..app import AppContext
from ..services.inspections import most_recent_inspection
from .errors import show_error
from .lock import LockController
from .main_window import MainWindow
from .pages.children import ChildrenPage
from .pages.evidence import EvidencePage
from .pages.findings import FindingsPage
from .pages.merge_review import MergeReviewPage
from .pages.notes import NotesPage
from .pages.overview import OverviewPage
from .pages.report import ReportPage
from .pages.reviews import CaseReviewPage
from .pages.search import SearchPage
from .pages.welcome import WelcomePage
from .session import InspectionSession
from .tasks import TaskRunner

PAGE_TYPES = (OverviewPage, ChildrenPage, CaseReviewPage, NotesPage, EvidencePage,
              FindingsPage, SearchPage, ReportPage, MergeReviewPage)


def build_main_window(context: AppContext, open_latest: bool = True) -> MainWindow:
    session = InspectionSession(context)
    session.tasks = TaskRunner(session)
    pages = [page_type(session) for page_type in PAGE_TYPES]
    welcome = WelcomePage(session)
    window = MainWindow(session, pages, welcome)
    _connect_pages(window)
    _connect_welcome(window, welcome)
    _add_search_actions(window)
    window.lock_controller = LockController(window, session)
    _add_help(window)
    _add_sync(window, welcome)
    if open_latest:
        latest = most_recent_inspection(context.workspace)
        if latest:
            session.open_inspection(latest)
    return window


def _connect_pages(window: MainWindow) -> None:
    pages = window.pages
    pages["children"].review_requested.connect(
        lambda child_id: window.navigate("reviews").show_child(child_id))
    for key in ("findings", "search", "review_merge"):
        pages[key].jump_requested.connect(window.jump_to)


def _connect_welcome(window: MainWindow, welcome: WelcomePage) -> None:
    from .dialogs.new_inspection import run_new_inspection_wizard

    session = window.session
    welcome.open_inspection.connect(session.open_inspection)

    def create() -> None:
        new_id = run_new_inspection_wizard(window, session)
        if new_id:
            session.open_inspection(new_id)

    welcome.create_inspection.connect(create)
    welcome.open_demo.connect(lambda: _open_demo(window))
    new_action = QAction(window.tr("&New inspection…"), window)
    new_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    new_action.triggered.connect(create)
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

    session.tasks.start(work, on_finished=session.open_inspection,
                        on_failed=lambda error: show_error(window, error))


def _add_search_actions(window: MainWindow) -> None:
    from .dialogs.quick_open import QuickOpenDialog

    find = QAction(window.tr("&Find…"), window)
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(lambda: window.navigate("search").focus_query())
    quick = QuickOpenDialog(window.session, window)
    quick.chosen.connect(window.jump_to)
    window.quick_open = quick
    go = QAction(window.tr("&Quick open…"), window)
    go.setShortcut(QKeySequence("Ctrl+K"))
    go.triggered.connect(lambda: quick.popup() if window.session.inspection_id else None)
    edit_menu = window.menuBar().actions()[1].menu()
    edit_menu.addSeparator()
    edit_menu.addAction(find)
    edit_menu.addAction(go)


def _add_sync(window: MainWindow, welcome: WelcomePage) -> None:
    """Team sync: the Sync action and status, invitations, joining, and record history."""
    from .dialogs.history_dialog import show_history
    from .sync_controller import SyncController

    window.sync_controller = SyncController(window)
    welcome.offer_join()
    welcome.join_inspection.connect(window.sync_controller.join)
    history = QAction(window.tr("&History of this record…"), window)
    history.setShortcut(QKeySequence("Ctrl+H"))

    def show_current_history() -> None:
        page = window.current_page()
        record = page.current_record() if hasattr(page, "current_record") else None
        if record and window.session.inspection_id:
            window.history_dialog = show_history(window.session, record[0], record[1], window)

    history.triggered.connect(show_current_history)
    window.history_action = history
    window.menuBar().actions()[1].menu().addAction(history)


def _add_help(window: MainWindow) -> None:
    from .dialogs.about import show_about

    window.help_menu.addAction(window.tr("&About jtai-desktop"), lambda: show_about(window))
