"""WebDAV transport (what SharePoint and Nextcloud speak), over the standard library.

Files are uploaded under a temporary name and then MOVEd into place, so other devices never
read half a file. Evidence files are sent with their length known in advance and read back
as a stream, so neither direction holds a whole file in memory. Credentials come from a
file or the environment, never the command line.
"""

from __future__ import annotations

import base64
import secrets
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO, cast

from .transport import OfflineError, TransportError, _Guarded

TIMEOUT = 30


class WebDavTransport:
    def __init__(self, url: str, username: str | None = None, password: str | None = None):
        self.base = url.rstrip("/") + "/"
        self.name = f"webdav:{self.base}"
        self._auth = None
        if username is not None:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode()
            self._auth = f"Basic {token}"

    # --- HTTP ------------------------------------------------------------------------------
    def _url(self, *parts: str) -> str:
        return self.base + "/".join(urllib.parse.quote(p) for p in parts)

    def _request(
        self,
        method: str,
        url: str,
        data: Iterable[bytes] | bytes | None = None,
        headers: dict | None = None,
        ok: tuple[int, ...] = (200, 201, 204, 207),
    ):
        try:
            response = self._open(method, url, data, headers)
        except _Answered as answered:
            return answered.status, answered.body if answered.status in ok else b""
        with response:
            try:
                return response.status, response.read()
            except (TimeoutError, ConnectionError, OSError) as error:
                raise self._offline(error) from None

    def _open(self, method: str, url: str, data=None, headers: dict | None = None):
        """The open response of a request that succeeded; raises _Answered for an HTTP error
        status, TransportError for refused credentials, OfflineError if unreachable."""
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        if self._auth:
            request.add_header("Authorization", self._auth)
        try:
            return urllib.request.urlopen(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise TransportError(
                    "The WebDAV server refused the credentials; check the "
                    "user name and password in your credentials file."
                ) from None
            body = error.read() if error.code in (200, 201, 204, 207) else b""
            raise _Answered(error.code, body) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
            raise self._offline(error) from None

    def _offline(self, error: BaseException) -> OfflineError:
        return OfflineError(
            f"The WebDAV server {urllib.parse.urlsplit(self.base).netloc} "
            f"cannot be reached ({getattr(error, 'reason', error)}). Your work "
            "is kept on this computer; sync again when back online."
        )

    def _list(self, *parts: str) -> list[tuple[str, bool, int | None]]:
        url = self._url(*parts) + "/"
        status, body = self._request("PROPFIND", url, b"", {"Depth": "1"})
        if status == 404:
            return []
        if status != 207:
            raise TransportError(f"The WebDAV server answered {status} when listing a folder.")
        return _entries(body, urllib.parse.urlsplit(url).path)

    def _mkcol(self, *parts: str) -> None:
        for depth in range(1, len(parts) + 1):
            status, _ = self._request("MKCOL", self._url(*parts[:depth]) + "/", ok=(201, 405))
            if status not in (201, 405, 301):  # 405: it exists already
                raise TransportError(f"The WebDAV server answered {status} creating a folder.")

    # --- Transport -------------------------------------------------------------------------
    def list_devices(self, inspection_id: str) -> list[str]:
        return sorted(name for name, is_dir, _ in self._list(inspection_id) if is_dir)

    def list_files(self, inspection_id: str, device_id: str, kind: str) -> list[str]:
        return sorted(self.list_sizes(inspection_id, device_id, kind))

    def list_sizes(self, inspection_id: str, device_id: str, kind: str) -> dict[str, int]:
        """Each file's size as the server reports it (-1 where it does not say)."""
        return {
            name: -1 if size is None else size
            for name, is_dir, size in self._list(inspection_id, device_id, kind)
            if not is_dir and not name.startswith(".")
        }

    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes:
        status, body = self._request("GET", self._url(inspection_id, device_id, kind, name))
        if status != 200:
            raise TransportError(f"The WebDAV server answered {status} for a file it listed.")
        return body

    @contextmanager
    def open_read(
        self, inspection_id: str, device_id: str, kind: str, name: str
    ) -> Iterator[BinaryIO]:
        try:
            response = self._open("GET", self._url(inspection_id, device_id, kind, name))
        except _Answered as answered:
            raise TransportError(
                f"The WebDAV server answered {answered.status} for a file it listed."
            ) from None
        with response:
            yield cast(BinaryIO, _Guarded(response, self._offline))

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
        self.put_stream(inspection_id, device_id, kind, name, data, len(data))

    def put_stream(
        self,
        inspection_id: str,
        device_id: str,
        kind: str,
        name: str,
        chunks: Iterable[bytes] | bytes,
        size: int,
    ) -> None:
        """Upload under a temporary name, then move into place. ``size`` is sent as the
        Content-Length, so the body streams without chunked encoding (which some servers
        behind PHP store as an empty file)."""
        self._mkcol(inspection_id, device_id, kind)
        temp = self._url(inspection_id, device_id, kind, f".{name}.{secrets.token_hex(4)}")
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(size)}
        status, _ = self._request("PUT", temp, chunks, headers)
        if status not in (200, 201, 204):
            raise TransportError(f"The WebDAV server answered {status} to an upload.")
        target = self._url(inspection_id, device_id, kind, name)
        status, _ = self._request("MOVE", temp, None, {"Destination": target, "Overwrite": "T"})
        if status not in (201, 204):
            raise TransportError(f"The WebDAV server answered {status} moving an upload.")


class _Answered(Exception):
    """An HTTP status other than success, with whatever body came with it."""

    def __init__(self, status: int, body: bytes):
        super().__init__(status)
        self.status, self.body = status, body


def _entries(body: bytes, own_path: str) -> list[tuple[str, bool, int | None]]:
    """(name, is a folder, size) of each entry of a PROPFIND answer."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise TransportError(
            "The WebDAV server answered a folder listing with something that is not a "
            "WebDAV listing (a login page or a proxy's error page?). Check the server's "
            "address with whoever runs it; nothing was changed."
        ) from None
    found = []
    for response in root.iter("{DAV:}response"):
        href = urllib.parse.unquote(response.findtext("{DAV:}href") or "")
        path = urllib.parse.urlsplit(href).path
        if path.rstrip("/") == own_path.rstrip("/"):
            continue
        is_dir = response.find(".//{DAV:}collection") is not None
        found.append((path.rstrip("/").rsplit("/", 1)[-1], is_dir, _size(response)))
    return found


def _size(response: ET.Element) -> int | None:
    text = (response.findtext(".//{DAV:}getcontentlength") or "").strip()
    return int(text) if text.isdigit() else None
