"""Where this computer syncs an inspection: a shared folder or a WebDAV server.

Kept in the data folder's local settings (never synced: each laptop may reach the share by
another path). A password is never stored here: a WebDAV remote names a credentials file
(user name on the first line, password on the second), or the password sits in the system
keyring where one exists.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..domain.errors import JtaiError, ValidationError
from ..store import settings
from ..sync.transport import FolderTransport, Transport
from ..sync.webdav import WebDavTransport
from .workspace import Workspace

FOLDER, WEBDAV = "folder", "webdav"
KEYRING_SERVICE = "jtai-desktop webdav"


@dataclass(frozen=True)
class Remote:
    kind: str  # FOLDER or WEBDAV
    location: str  # the folder's path, or the server's URL
    credentials_file: str = ""  # WebDAV: a file with the user name and password
    username: str = ""  # WebDAV with the password in the system keyring

    def describe(self) -> str:
        if self.kind == FOLDER:
            return self.location
        return urlsplit(self.location).netloc or self.location


def _key(inspection_id: str) -> str:
    return f"sync_remote:{inspection_id}"


def remote(ws: Workspace, inspection_id: str) -> Remote | None:
    stored = settings.get(ws.db, _key(inspection_id))
    if not stored:
        return None
    try:
        values = json.loads(stored)
        return Remote(
            **{k: values.get(k, "") for k in ("kind", "location", "credentials_file", "username")}
        )
    except (ValueError, TypeError):
        return None  # a damaged entry: the app simply asks again


def set_folder(ws: Workspace, inspection_id: str, folder: str) -> Remote:
    folder = (folder or "").strip()
    if not folder:
        raise ValidationError("Choose the shared folder the team syncs through.")
    if not Path(folder).is_absolute():
        raise ValidationError(
            "Give the sync folder's full path (for example a network share "
            "or a synced cloud folder)."
        )
    return _store(ws, inspection_id, Remote(FOLDER, str(Path(folder))))


def set_webdav(
    ws: Workspace,
    inspection_id: str,
    url: str,
    credentials_file: str = "",
    username: str = "",
    password: str | None = None,
) -> Remote:
    """A WebDAV remote. With a password, it goes to the system keyring (refused where there
    is none); otherwise the credentials file's path is remembered, never its content."""
    url = (url or "").strip()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ValidationError("Give the WebDAV server's full address, starting with https://.")
    credentials_file = (credentials_file or "").strip()
    if password:
        ring = keyring_module()
        if ring is None or not username:
            raise ValidationError(
                "This computer has no system keyring to keep the password "
                "in: use a credentials file instead."
            )
        ring.set_password(KEYRING_SERVICE, f"{username}@{url}", password)
        return _store(ws, inspection_id, Remote(WEBDAV, url, "", username))
    if credentials_file and not Path(credentials_file).is_absolute():
        raise ValidationError("Give the credentials file's full path.")
    return _store(ws, inspection_id, Remote(WEBDAV, url, credentials_file))


def _store(ws: Workspace, inspection_id: str, chosen: Remote) -> Remote:
    settings.put(ws.db, _key(inspection_id), json.dumps(asdict(chosen), sort_keys=True))
    return chosen


def forget(ws: Workspace, inspection_id: str) -> None:
    settings.put(ws.db, _key(inspection_id), "")


def transport_for(chosen: Remote) -> Transport:
    """The transport for a remote, credentials read now (so a missing file is said at once)."""
    if chosen.kind == FOLDER:
        return FolderTransport(Path(chosen.location))
    user, password = None, None
    if chosen.credentials_file:
        user, password = read_credentials(Path(chosen.credentials_file))
    elif chosen.username:
        ring = keyring_module()
        user = chosen.username
        password = ring.get_password(KEYRING_SERVICE, f"{user}@{chosen.location}") if ring else None
    return WebDavTransport(chosen.location, user, password)


def read_credentials(path: Path) -> tuple[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise JtaiError(
            f"Cannot read the WebDAV credentials file {path}: "
            f"{error.strerror or error}. Choose it again in Sync settings."
        ) from None
    user, password = (lines + ["", ""])[:2]
    return user.strip(), password


def keyring_module():
    """The keyring module where the system has a real keyring, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    return None if isinstance(keyring.get_keyring(), fail.Keyring) else keyring
