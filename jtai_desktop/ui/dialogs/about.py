"""Help ▸ About: the version, where this computer keeps the data, and the licences of the
components the app is built from (THIRD_PARTY_LICENSES.md, shipped inside the installed
app; from packaging/ when running from source)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ..shipped_files import icon_path, licences_path


def versions_text() -> str:
    return (
        f"Qt {qVersion()} · PySide6 {pyside_version} · "
        f"Python {platform.python_version()} · {platform.system()} {platform.machine()}"
    )


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None, licences: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About jtai-desktop"))
        self.resize(720, 560)
        self.data_dir = Path(data_dir)
        self.licences = licences if licences is not None else licences_path()
        tabs = QTabWidget()
        tabs.addTab(self._about_tab(), self.tr("&About"))
        tabs.addTab(self._licences_tab(), self.tr("&Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.tabs = tabs
        # The licences are long (hundreds of KB): read them when the tab is first opened.
        tabs.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.load_licences()

    def _about_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QHBoxLayout()
        icon = icon_path()
        if icon:
            picture = QLabel()
            picture.setPixmap(QPixmap(str(icon)).scaledToWidth(64))
            picture.setAccessibleName(self.tr("App icon"))
            heading.addWidget(picture)
        title = QLabel(self.tr("<h2>JTAI inspection workspace</h2>"))
        heading.addWidget(title, 1)
        layout.addLayout(heading)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setTextInteractionFlags(
            self.version_label.textInteractionFlags() | _selectable()
        )
        layout.addWidget(self.version_label)
        built = QLabel(versions_text())
        built.setTextInteractionFlags(_selectable())
        built.setWordWrap(True)
        layout.addWidget(built)
        layout.addSpacing(12)
        layout.addWidget(self._data_folder_row())
        note = QLabel(
            self.tr(
                "Everything you record is kept, encrypted, in this folder on this computer. "
                "Keep a backup of its key.json: without it the data cannot be opened."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _data_folder_row(self) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Data folder:"))
        self.data_dir_edit = QLineEdit(str(self.data_dir))
        self.data_dir_edit.setReadOnly(True)
        self.data_dir_edit.setAccessibleName(self.tr("Data folder"))
        label.setBuddy(self.data_dir_edit)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open folder"))
        self.open_button.clicked.connect(self.open_data_folder)
        self.copy_button = QPushButton(self.tr("&Copy path"))
        self.copy_button.clicked.connect(self.copy_data_folder)
        buttons.addWidget(self.data_dir_edit, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        layout.addWidget(label)
        layout.addLayout(buttons)
        return row

    def _licences_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "jtai-desktop is free software under the MIT licence. It is built with the "
                "components below, each under its own licence. Qt is used under the GNU LGPL "
                "version 3: its libraries are separate files in the installed app, which you may "
                "replace with your own build."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.licences_view = QTextBrowser()
        self.licences_view.setAccessibleName(self.tr("Licences of the bundled components"))
        self.licences_view.setOpenExternalLinks(True)
        layout.addWidget(self.licences_view, 1)
        return page

    def load_licences(self) -> None:
        if self.licences_view.document().isEmpty():
            text = None
            if self.licences is not None:
                try:
                    text = self.licences.read_text(encoding="utf-8")
                except OSError:
                    text = None
            if text:
                self.licences_view.setMarkdown(text)
            else:
                self.licences_view.setPlainText(
                    self.tr(
                        "The licence notices (THIRD_PARTY_LICENSES.md) are missing from this "
                        "installation. Reinstall the app, or see packaging/THIRD_PARTY_LICENSES.md "
                        "in its source."
                    )
                )

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def copy_data_folder(self) -> None:
        QGuiApplication.clipboard().setText(str(self.data_dir))


def _selectable():
    from PySide6.QtCore import Qt

    return (
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )


def show_about(window) -> AboutDialog:
    """Open the About dialog over ``window`` (the MainWindow), without blocking."""
    dialog = AboutDialog(window.session.context.data_dir, window)
    dialog.open()
    return dialog
