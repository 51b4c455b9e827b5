"""WebDAV transport (what SharePoint and Nextcloud speak), over the standard library.

Files are uploaded under a temporary name and then MOVEd into place, so other devices never
read half a file. Credentials come from a file or the environment, never the command line.
"""

from __future__ import annotations

import base64
import secrets
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from .transport import OfflineError, TransportError

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
        data: bytes | None = None,
        headers: dict | None = None,
        ok: tuple[int, ...] = (200, 201, 204, 207),
    ):
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        if self._auth:
            request.add_header("Authorization", self._auth)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return error.code, error.read()
            if error.code in (401, 403):
                raise TransportError(
                    "The WebDAV server refused the credentials; check the "
                    "user name and password in your credentials file."
                ) from None
            return error.code, b""
        except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
            raise OfflineError(
                f"The WebDAV server {urllib.parse.urlsplit(self.base).netloc} "
                f"cannot be reached ({getattr(error, 'reason', error)}). Your work "
                "is kept on this computer; sync again when back online."
            ) from None

    def _list(self, *parts: str) -> list[tuple[str, bool]]:
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
        return sorted(name for name, is_dir in self._list(inspection_id) if is_dir)

    def list_files(self, inspection_id: str, device_id: str, kind: str) -> list[str]:
        return sorted(
            name
            for name, is_dir in self._list(inspection_id, device_id, kind)
            if not is_dir and not name.startswith(".")
        )

    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes:
        status, body = self._request("GET", self._url(inspection_id, device_id, kind, name))
        if status != 200:
            raise TransportError(f"The WebDAV server answered {status} for a file it listed.")
        return body

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
        self._mkcol(inspection_id, device_id, kind)
        temp = self._url(inspection_id, device_id, kind, f".{name}.{secrets.token_hex(4)}")
        status, _ = self._request("PUT", temp, data, {"Content-Type": "application/octet-stream"})
        if status not in (200, 201, 204):
            raise TransportError(f"The WebDAV server answered {status} to an upload.")
        target = self._url(inspection_id, device_id, kind, name)
        status, _ = self._request("MOVE", temp, None, {"Destination": target, "Overwrite": "T"})
        if status not in (201, 204):
            raise TransportError(f"The WebDAV server answered {status} moving an upload.")


def _entries(body: bytes, own_path: str) -> list[tuple[str, bool]]:
    found = []
    for response in ET.fromstring(body).iter("{DAV:}response"):
        href = urllib.parse.unquote(response.findtext("{DAV:}href") or "")
        path = urllib.parse.urlsplit(href).path
        if path.rstrip("/") == own_path.rstrip("/"):
            continue
        is_dir = response.find(".//{DAV:}collection") is not None
        found.append((path.rstrip("/").rsplit("/", 1)[-1], is_dir))
    return found
