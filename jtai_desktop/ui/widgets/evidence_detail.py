"""The detail of one evidence item: what the inspector says about it, its file, and its links.

Title, source, date and description save themselves (after a short pause in typing, or on
leaving the field). The file itself never changes: its SHA-256 is shown so a copy can be
checked against it. Ticking a child, agency, criterion or finding links the item to it.
Ctrl+M codes the selected words of the description (highlighted, listed beside it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import JtaiError
from ...domain.record_types import EvidenceRow
from ...services.evidence import link, linked_ids, text_preview, unlink, update_evidence
from ...services.open_copies import open_copy
from ...services.safe_import import make_thumbnail
from ..errors import show_error, try_edit
from ..evidence_import import start_task
from ..models.evidence import human_size, source_labels
from ..time_text import allow_unknown_date, edited_date, setup_date_edit, show_date
from ..views import AlertLabel, buddy_label
from .autosave import Autosave
from .checklist import Checklist
from .coded_text import CodedText

PREVIEW_IMAGE_LIMIT = 50 * 1024 * 1024  # bigger images are opened, not decrypted here
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/tiff")


class EvidenceDetail(QScrollArea):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.evidence_id: str | None = None
        self._stored: dict = {}
        self._loading = False
        self._choices: dict = {}
        self.autosave = Autosave(None, self.save, self)  # the title, the date, the description
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take focus, not the frame
        self.setAccessibleName(self.tr("Evidence item"))
        body = self.body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._header())
        layout.addWidget(self._form())
        layout.addWidget(self._preview_box())
        layout.addWidget(self._links(), 1)
        self.setWidget(body)
        self._connect()
        self.open_item(None, {})

    # --- layout ----------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        self.ref = QLabel()
        font = QFont(self.ref.font())
        font.setBold(True)
        self.ref.setFont(font)
        self.ref.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open file"))
        self.open_button.setToolTip(
            self.tr(
                "Open a read-only copy in the program your computer "
                "uses for this type; the copy is removed on lock"
            )
        )
        self.open_button.clicked.connect(self.open_file)
        row = QHBoxLayout()
        row.addWidget(self.ref, 1)
        row.addWidget(self.open_button)
        return row

    def _form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.source = QComboBox()
        for value, label in source_labels(self).items():
            self.source.addItem(label, value)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        setup_date_edit(self.date)
        # An imported file that records no date leaves it for the inspector to fill in.
        allow_unknown_date(self.date, self.tr("Not known: set it"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What this shows, and where it came from"))
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.codes = CodedText(
            self.session,
            self.description,
            source=lambda: ("evidence", self.evidence_id) if self.evidence_id else None,
            choices=self._coding_choices,
            save_first=self._save_description,
        )
        self.codes.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        # The margin list goes under the description: the detail panel is too narrow for both
        # side by side.
        described = QWidget()
        under = QVBoxLayout(described)
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(self.description)
        under.addWidget(self.codes)
        for text, widget in (
            (self.tr("T&itle:"), self.title),
            (self.tr("So&urce:"), self.source),
            (self.tr("Da&te:"), self.date),
            (self.tr("Descri&ption:"), self.description),
        ):
            shown = described if widget is self.description else widget
            form.addRow(buddy_label(text, widget), shown)
        self._file_facts(form)
        self.error = AlertLabel()
        form.addRow(self.error)
        return box

    def _file_facts(self, form: QFormLayout) -> None:
        self.file_name, self.media_type, self.size_label = QLabel(), QLabel(), QLabel()
        self.file_name.setWordWrap(True)
        # A read-only line: selectable and copyable by keyboard, and it scrolls rather than
        # widening the panel (a hash has nowhere to wrap).
        self.sha = QLineEdit(readOnly=True)
        self.sha.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for label in (self.file_name, self.media_type, self.size_label):
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        for text, widget in (
            (self.tr("Original file name:"), self.file_name),
            (self.tr("Type:"), self.media_type),
            (self.tr("Size:"), self.size_label),
            (self.tr("SHA-256:"), self.sha),
        ):
            form.addRow(buddy_label(text, widget), widget)
        self.sha.setAccessibleName(self.tr("SHA-256 of the file"))

    def _preview_box(self) -> QGroupBox:
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Image preview"))
        self.text_view = QPlainTextEdit(readOnly=True)
        self.text_view.setAccessibleName(self.tr("Text preview"))
        self.text_view.setTabChangesFocus(True)
        self.no_preview = QLabel()
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_preview.setWordWrap(True)
        self.preview = QStackedWidget()
        for widget in (self.no_preview, self.image, self.text_view):
            self.preview.addWidget(widget)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(box).addWidget(self.preview)
        return box

    def _links(self) -> QGroupBox:
        self.link_lists = {
            "child": Checklist(self.tr("Children this evidence supports")),
            "agency": Checklist(self.tr("Agencies this evidence concerns")),
            "criterion": Checklist(self.tr("Criteria this evidence supports")),
            "finding": Checklist(self.tr("Findings citing this evidence")),
        }
        tabs = QTabWidget()
        for kind, text in (
            ("child", self.tr("Child&ren")),
            ("agency", self.tr("Age&ncies")),
            ("criterion", self.tr("&Criteria")),
            ("finding", self.tr("Finding&s")),
        ):
            tabs.addTab(self.link_lists[kind], text)
            self.link_lists[kind].toggled.connect(
                lambda target_id, on, k=kind: self.toggle_link(k, target_id, on)
            )
            self.link_lists[kind].setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.link_tabs = tabs
        box = QGroupBox(self.tr("Linked to"))
        QVBoxLayout(box).addWidget(tabs)
        return box

    def _connect(self) -> None:
        self.title.textEdited.connect(self.schedule)
        self.title.editingFinished.connect(self.save)
        self.description.textChanged.connect(self.schedule)
        self.autosave.watch(self.description)
        self.source.activated.connect(self.save)
        self.date.dateChanged.connect(self.schedule)
        self.date.editingFinished.connect(self.save)

    # --- what the page calls -----------------------------------------------------------------
    def set_choices(self, choices: dict) -> None:
        self._choices = choices
        for kind, checklist in self.link_lists.items():
            checklist.set_choices(choices.get(kind, []))

    def open_item(self, row: EvidenceRow | None, links: dict) -> None:
        self.autosave.cancel()
        self.evidence_id = row["id"] if row else None
        self.body.setEnabled(row is not None)
        self.error.say("")
        if row is None:
            self._clear()
            return
        self._load(row, links, everything=True)
        self.codes.reload()
        self._show_preview(row)

    def sync(self, row: EvidenceRow | None, links: dict) -> None:
        """The item changed elsewhere (undo, a link from another page, a sync)."""
        if row is None:
            self.open_item(None, {})
        elif not self.autosave.pending():
            self._load(row, links, everything=False)
            self.codes.reload()

    def flush(self) -> bool:
        return self.save()

    def schedule(self, *_args) -> None:
        if not self._loading and self.evidence_id:
            self.autosave.poke()

    # --- saving ------------------------------------------------------------------------------
    def values(self) -> dict:
        return {
            "title": self.title.text().strip(),
            "source": self.source.currentData(),
            "date": edited_date(self.date),
            "description": self.description.toPlainText(),
        }

    def save(self, *_args) -> bool:
        self.autosave.cancel()
        if self._loading or not self.evidence_id:
            return True
        changes = {k: v for k, v in self.values().items() if v != self._stored.get(k)}
        if not changes:
            return True
        evidence_id = self.evidence_id
        saved = try_edit(
            self,
            self.session,
            lambda ws: update_evidence(ws, evidence_id, **changes),
            self.error.say,
        )
        if saved is None:
            return False
        self._stored.update(changes)
        self.error.say("")
        return True

    def _save_description(self) -> bool:
        """Save what was typed, so a passage is coded in the description as stored."""
        if not self.save() or not self.evidence_id:
            return False
        row = self.session.ws.get("evidence", self.evidence_id) or {}
        return self.description.toPlainText() == (row.get("description") or "")

    def _coding_choices(self):
        """Criteria and organisations to code with; the agencies the item is linked to are
        ticked first."""
        linked = self.link_lists["agency"].checked_ids() if self.evidence_id else []
        return self._choices.get("criterion", []), self._choices.get("agency", []), linked

    def toggle_link(self, kind: str, target_id: str, on: bool) -> None:
        evidence_id = self.evidence_id
        action = link if on else unlink
        if evidence_id is None:
            return
        changes = try_edit(self, self.session, lambda ws: action(ws, evidence_id, kind, target_id))
        if changes is None:
            self.sync(self.session.ws.get("evidence", evidence_id), self._links_now())

    def _links_now(self) -> dict:
        return linked_ids(self.session.ws, self.evidence_id) if self.evidence_id else {}

    def open_file(self) -> None:
        if not self.evidence_id:
            return
        try:
            path = open_copy(self.session.ws, self.session.context.data_dir, self.evidence_id)
        except JtaiError as error:
            show_error(self, error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- loading -----------------------------------------------------------------------------
    def _load(self, row: EvidenceRow, links: dict, everything: bool) -> None:
        stored = {
            "title": row["title"] or "",
            "source": row["source"],
            "date": row["date"] or "",
            "description": row["description"] or "",
        }
        self._loading = True
        try:
            shown = self.values()
            for name, value in stored.items():
                if everything or shown[name] != value:
                    self._set(name, value)
            for kind, checklist in self.link_lists.items():
                checklist.set_checked(links.get(kind, set()))
        finally:
            self._loading = False
        self._stored = stored
        self._show_file(row)

    def _set(self, name: str, value) -> None:
        if name == "title":
            self.title.setText(value)
            self.title.setCursorPosition(0)
        elif name == "source":
            self.source.setCurrentIndex(max(self.source.findData(value), 0))
        elif name == "date":
            show_date(self.date, value)
        else:
            self.description.setPlainText(value)

    def _show_file(self, row: EvidenceRow) -> None:
        self.ref.setText(row["ref"] or "")
        self.file_name.setText(row["file_name"] or self.tr("(no file)"))
        self.media_type.setText(row["media_type"] or "")
        self.size_label.setText(human_size(row["size"]))
        self.sha.setText(row["sha256"] or "")
        self.sha.setCursorPosition(0)
        self.open_button.setEnabled(bool(row["sha256"]))

    def _clear(self) -> None:
        self.ref.setText(self.tr("No evidence item chosen"))
        for label in (self.file_name, self.media_type, self.size_label, self.sha):
            label.clear()
        self._loading = True
        self.title.clear()
        self.description.clear()
        show_date(self.date, None)  # not a made-up date while nothing is chosen
        self._loading = False
        self.codes.reload()
        for checklist in self.link_lists.values():
            checklist.set_checked(())
        self._no_preview(self.tr("Choose an item in the list to see it here."))

    # --- preview -----------------------------------------------------------------------------
    def _show_preview(self, row: EvidenceRow) -> None:
        sha, media = row["sha256"], row["media_type"] or ""
        if not sha:
            self._no_preview(self.tr("No file is attached to this item."))
        elif media in IMAGE_TYPES and (row["size"] or 0) <= PREVIEW_IMAGE_LIMIT:
            self._image_preview(sha, row["file_name"] or row["ref"])
        elif media.startswith("text/"):
            self._text_preview(sha)
        else:
            self._no_preview(self.tr("No preview for this type. Use Open file to see it."))

    def _image_preview(self, sha: str, name: str) -> None:
        """Decrypting and scaling a photo can take a moment: it happens off the UI thread."""
        self._no_preview(self.tr("Loading the preview…"))
        blobs, wanted = self.session.ws.blobs, self.evidence_id
        start_task(
            self.session,
            lambda _progress, _cancelled: make_thumbnail(blobs.read_bytes(sha), name=name),
            finished=lambda png: self._show_thumbnail(wanted, png),
            failed=lambda error: self._thumbnail_failed(wanted, error),
        )

    def _show_thumbnail(self, wanted: str | None, png: bytes) -> None:
        if wanted != self.evidence_id:
            return  # the user moved on to another item
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.image.setPixmap(pixmap)
        self.preview.setCurrentWidget(self.image)

    def _thumbnail_failed(self, wanted: str | None, error: BaseException) -> None:
        if wanted == self.evidence_id:
            self._no_preview(
                error.message
                if isinstance(error, JtaiError)
                else self.tr("This image cannot be previewed. Use Open file.")
            )

    def _text_preview(self, sha: str) -> None:
        try:
            text = text_preview(self.session.ws, sha)
        except JtaiError as error:
            self._no_preview(error.message)
            return
        self.text_view.setPlainText(text)
        self.preview.setCurrentWidget(self.text_view)

    def _no_preview(self, message: str) -> None:
        self.image.clear()
        self.text_view.clear()
        self.no_preview.setText(message)
        self.preview.setCurrentWidget(self.no_preview)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().hideEvent(event)
