"""Builds the main window from an unlocked data folder: pages, welcome, lock, wiring."""

from __future__ import annotations

from ..app import AppContext
from ..services.inspections import most_recent_inspection
from .main_window import MainWindow
from .pages.children import ChildrenPage
from .pages.evidence import EvidencePage
from .pages.findings import FindingsPage
from .pages.notes import NotesPage
from .pages.overview import OverviewPage
from .pages.report import ReportPage
from .pages.reviews import CaseReviewPage
from .pages.search import SearchPage
from .pages.welcome import WelcomePage
from .session import InspectionSession
from .tasks import TaskRunner

PAGE_TYPES = (OverviewPage, ChildrenPage, CaseReviewPage, NotesPage, EvidencePage,
              FindingsPage, SearchPage, ReportPage)


def build_main_window(context: AppContext, open_latest: bool = True) -> MainWindow:
    session = InspectionSession(context)
    session.tasks = TaskRunner(session)
    pages = [page_type(session) for page_type in PAGE_TYPES]
    welcome = WelcomePage(session)
    window = MainWindow(session, pages, welcome)
    if open_latest:
        latest = most_recent_inspection(context.workspace)
        if latest:
            session.open_inspection(latest)
    return window
