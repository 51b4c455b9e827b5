"""Builds the main window from an unlocked data folder and opens the latest inspection."""

from __future__ import annotations

from ..services.data_folder import AppContext
from ..services.inspections import most_recent_inspection
from .main_window import MainWindow
from .session import InspectionSession


def build_main_window(context: AppContext, open_latest: bool = True) -> MainWindow:
    session = InspectionSession(context)
    window = MainWindow(session)
    latest = most_recent_inspection(context.workspace) if open_latest else None
    if latest:
        window.open_inspection(latest)  # or offers the repair, over the welcome screen
    if session.inspection_id is None:
        window.show_welcome()
    return window
