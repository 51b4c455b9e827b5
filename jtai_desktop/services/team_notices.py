"""The notices devices leave for one another on the share, read at the start of a sync and
written at its end.

Each device's ``status.notice`` says which of colleagues' bundle files it found damaged (their
owners send them again), what it concluded about clocks (see ``clock_check``) and when it was
written. A ``clash-….notice`` in a device's folder says a second computer joined with that
device's invitation; the first computer and the lead are told until the second has moved to
a fresh invitation.
"""

from __future__ import annotations

from statistics import median

from ..store import settings
from ..sync.clock import MAX_AHEAD_MS
from ..sync.notice import STATUS, NoticeError, is_clash_name, open_notice, seal_notice
from ..sync.transport import BUNDLES, TransportError
from .clock_check import (
    ClockWatch,
    fast_message,
    own_clock_message,
    own_offset,
    slow_message,
)
from .identity import told_lead_message, told_owner_message


def owner_name(ws, inspection_id: str, device_id: str) -> str:
    """Whose device it is, as people say it: the member's name, else the roster's label."""
    for member in ws.rows("member", inspection_id):
        if member["device_id"] == device_id:
            return member["name"]
    device = ws.get("device", device_id)
    if device and device.get("label"):
        return device["label"]
    return f"device {device_id[:8]}"


def clock_offset_key(inspection_id: str) -> str:
    return f"own_clock_offset:{inspection_id}"


class TeamNotices:
    def __init__(self, run):
        self.run = run
        self.clocks = ClockWatch(run.now_ms(), run.keys.device_id, run.keys.lead_device_id)
        self.asks_for_me: set[str] = set()  # my bundle files colleagues found damaged
        self.my_asks: dict[str, set[str]] = {}  # device -> its files I found damaged
        self.said_about_me: list[int] = []  # colleagues' estimates of my clock's error
        self.self_declared: dict[str, int] = {}  # device -> its own estimate of its error
        self.fast_by_others: dict[str, list[int]] = {}
        self.clashes: list[tuple[str, dict]] = []  # (device, clash notice), judged at the end

    # --- reading ---------------------------------------------------------------------------
    def read(self, device_id: str, names: list[str]) -> None:
        """The notices among a device folder's files."""
        if STATUS in names and device_id != self.run.keys.device_id:
            content = self._open(device_id, STATUS)
            if content is not None:
                self._take_status(device_id, content)
        for name in names:
            if is_clash_name(name):
                content = self._open(device_id, name)
                if content is not None:
                    self.clashes.append((device_id, content))

    def _open(self, device_id: str, name: str) -> dict | None:
        run = self.run
        device = run.ws.get("device", device_id)
        if device is None:
            return None  # not on the roster here yet: its notices are read once it is
        try:
            data = run.transport.get(run.inspection_id, device_id, BUNDLES, name)
            return open_notice(data, device["public_key"], run.keys.data_key)
        except (NoticeError, TransportError):
            return None  # a notice being rewritten, or not one of ours: it says nothing

    def _take_status(self, device_id: str, content: dict) -> None:
        me = self.run.keys.device_id
        written_at = content.get("written_at")
        if isinstance(written_at, int):
            self.clocks.saw(device_id, written_at)
        for ask in content.get("asks") or []:
            if isinstance(ask, dict) and ask.get("device") == me:
                self.asks_for_me.add(str(ask.get("name")))
        offset = content.get("self_offset_ms")
        if isinstance(offset, int) and abs(offset) > MAX_AHEAD_MS:
            self.self_declared[device_id] = offset
        for device, ms in (content.get("fast") or {}).items():
            if isinstance(ms, int):
                if device == me:
                    self.said_about_me.append(ms)
                else:
                    self.fast_by_others.setdefault(device, []).append(ms)

    def _take_clash(self, device_id: str, content: dict) -> None:
        run = self.run
        installation, name = content.get("installation"), str(content.get("name") or "")
        member = run.ws.get("member", str(content.get("member_id") or ""))
        if member is not None and member["device_id"] not in (None, device_id):
            return  # that computer has joined again with a fresh invitation: settled
        if device_id == run.keys.device_id:
            if installation != run.installation:
                run.report.identity.append(told_owner_message(name))
            return
        if run.keys.device_id == run.keys.lead_device_id:
            label = (run.ws.get("device", device_id) or {}).get("label") or device_id[:8]
            first = owner_name(run.ws, run.inspection_id, device_id)
            run.report.identity.append(told_lead_message(f"\u201c{label}\u201d", first, name))
            run.report.fresh_invitations.append(
                {"device_id": device_id, "name": name, "member_id": content.get("member_id")}
            )

    # --- concluding and writing ------------------------------------------------------------
    def ask_again(self, device_id: str, name: str) -> None:
        self.my_asks.setdefault(device_id, set()).add(name)

    def conclude(self) -> dict:
        """Messages for the report (once the team's changes are in: they say who is who),
        and what this device's notice will say about clocks."""
        for device_id, content in self.clashes:
            self._take_clash(device_id, content)
        run, verdict = self.run, self.clocks.verdict()
        offset = own_offset(verdict, self.said_about_me)
        settings.put(run.ws.db, clock_offset_key(run.inspection_id), str(offset))
        name = lambda device: owner_name(run.ws, run.inspection_id, device)  # noqa: E731
        told = set()
        for device, ms in sorted(verdict.fast.items()):
            run.report.clock.append(fast_message(name(device), ms))
            told.add(device)
        for device, ms in sorted(self.self_declared.items()):
            if device not in told and device != run.keys.device_id:
                message = slow_message if ms < 0 else fast_message
                run.report.clock.append(message(name(device), abs(ms)))
                told.add(device)
        for device, claims in sorted(self.fast_by_others.items()):
            if device not in told and device != run.keys.device_id:
                run.report.clock.append(fast_message(name(device), int(median(claims))))
        if abs(offset) > MAX_AHEAD_MS:
            run.report.clock.append(own_clock_message(offset))
        return {"self_offset_ms": offset, "fast": verdict.fast}

    def tell(self, clocks: dict) -> None:
        run = self.run
        content = {
            "device_id": run.keys.device_id,
            "installation": run.installation,
            "written_at": run.now_ms(),
            "asks": [
                {"device": device, "name": name}
                for device, names in sorted(self.my_asks.items())
                for name in sorted(names)
            ],
            **clocks,
        }
        data = seal_notice(content, run.keys.data_key, run.keys.signing_key)
        run.transport.put(run.inspection_id, run.keys.device_id, BUNDLES, STATUS, data)
