"""One window per data folder: opening the app again on a folder already open brings the
open window forward (and hands it any invitation or bundle that was double-clicked) instead
of opening a second window that would write to the same folder.

The first launch holds a lock file and listens for requests (a Unix socket, or a named pipe
on Windows); later launches find the lock held and send their request. Both live in a private
per-user folder outside the data folder, so a refused start leaves the data folder as it was,
and are named by a hash of the folder's path (which may contain a person's name). Requests
are plain lines of text, never unpickled. Commands (``jtai-desktop list`` and the rest) never
take the lock: they keep working beside the window.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, Signal

if TYPE_CHECKING:
    # Loaded when first listening or asking, not at import: multiprocessing's modules (and
    # subprocess, which they load) are a tenth of a cold start the first paint does not need.
    from multiprocessing.connection import Listener

SHOW = "show"
OPEN = "open"
MAX_REQUEST = 64 * 1024


def instance_name(folder: Path) -> str:
    # Short: a Unix socket's whole path must stay under 104 bytes (macOS).
    return "jtai-" + hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]


def _private_folder() -> Path:
    """Where the lock and the socket go: the user's runtime folder, else a folder of the
    user's own (mode 700) in the temporary folder."""
    if os.name == "nt":
        return Path(tempfile.gettempdir())  # per user on Windows
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    folder = Path(base) / f"jtai-desktop-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise OSError(f"{folder} is not private to this user")
    return folder


class SingleWindow(QObject):
    """``claim()`` once at start: True when this process is the folder's window (or when
    the system offers no private place for the lock: then nothing is enforced). The window
    then hears ``show_requested`` and ``open_requested(path)`` from later launches."""

    show_requested = Signal()
    open_requested = Signal(str)
    _received = Signal(str)  # from the listening thread; handled on the UI thread

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = instance_name(folder)
        try:
            self.place: Path | None = _private_folder()
        except OSError:
            self.place = None
        self.lock = QLockFile(str((self.place or Path(".")) / f"{self.name}.lock"))
        # Held as long as the window is open; a crashed holder is recognised by its
        # process id, never by the age of the file.
        self.lock.setStaleLockTime(0)
        self._listener: Listener | None = None
        # Queued: the public signals are then emitted on the UI thread, where their slots
        # (which raise windows) may touch widgets.
        self._received.connect(self._handle, Qt.ConnectionType.QueuedConnection)

    @property
    def address(self) -> str:
        if os.name == "nt":
            return rf"\\.\pipe\{self.name}"
        return str((self.place or Path(".")) / f"{self.name}.sock")

    def claim(self, listen: bool = True) -> bool:
        """``listen=False``: take the lock only, and ``listen()`` later (once something is on
        the screen; a later launch meanwhile is told to try again in a moment)."""
        if self.place is None:
            return True
        if not self.lock.tryLock(100):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later launches from now on (once; only while holding the lock)."""
        if self.place is None or self._listener is not None or not self.lock.isLocked():
            return
        from multiprocessing.connection import Listener

        if os.name != "nt":
            Path(self.address).unlink(missing_ok=True)  # a socket left by a crash
        self._listener = Listener(self.address)
        threading.Thread(target=self._serve, name="single-window", daemon=True).start()

    def release(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            from multiprocessing.connection import Client

            try:  # wake the thread waiting in accept(), then stop listening
                Client(self.address).close()
            except OSError:
                pass
            listener.close()
        self.lock.unlock()

    def ask_the_open_window(self, files: list[Path]) -> bool:
        """From a later launch: bring the open window forward and hand it ``files``. False
        when no window answered (it is closing, or has not started listening yet)."""
        from multiprocessing.connection import Client

        lines = [SHOW] + [f"{OPEN}\t{path}" for path in files]
        try:
            with Client(self.address) as connection:
                connection.send_bytes("\n".join(lines).encode("utf-8"))
        except OSError:
            return False
        return True

    def _serve(self) -> None:
        """On its own thread: only emits."""
        while self._listener is not None:
            try:
                connection = self._listener.accept()
            except OSError:
                return
            try:
                with connection:
                    if connection.poll(2):
                        request = connection.recv_bytes(MAX_REQUEST)
                        self._received.emit(request.decode("utf-8", "replace"))
            except (OSError, EOFError):
                continue

    def _handle(self, request: str) -> None:
        for line in request.splitlines():
            if line == SHOW:
                self.show_requested.emit()
            elif line.startswith(OPEN + "\t"):
                self.open_requested.emit(line.split("\t", 1)[1])


def bring_forward(widget) -> None:
    """Show ``widget`` (the main window, or the unlock dialog before it) above the others."""
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.show()
    widget.raise_()
    widget.activateWindow()
