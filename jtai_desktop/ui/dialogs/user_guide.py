"""Help › User guide: the short guide shipped with the app (resources/guide), shown in the
app itself so it opens without a network or a browser."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...resources import resources_dir

GUIDE = "guide.html"


def guide_path():
    return resources_dir() / "guide" / GUIDE


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: only the guide's own anchors
        self.browser.setAccessibleName(self.tr("User guide"))
        path = guide_path()
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(
                self.tr("The user guide is missing from this installation: install it again.")
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def show_user_guide(parent: QWidget) -> UserGuide:
    guide = UserGuide(parent)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.open()
    return guide
