"""What one sync did and found, for the command line (JSON and exit code), the desktop's
status bar and the sync problems dialog, and the local sync log."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SyncReport:
    pushed_ops: int = 0
    applied_ops: int = 0
    applied_bundles: int = 0
    files_sent: int = 0
    files_received: int = 0
    refused: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # whose changes are missing or damaged
    waiting_for: list[dict] = field(default_factory=list)  # the same: device, owner, range
    healed: list[str] = field(default_factory=list)  # own files written again
    healed_ops: int = 0
    clock: list[str] = field(default_factory=list)  # computers whose clock is wrong
    identity: list[str] = field(default_factory=list)  # an invitation used on two computers
    fresh_invitations: list[dict] = field(default_factory=list)  # (lead) who needs one
    duplicate: bool = False  # this computer shares its identity: it sent nothing
    offline: bool = False
    cancelled: bool = False
    recovered_ops: int = 0  # this device's own work fetched back (a folder restored from backup)
    renumbered_ops: int = 0  # changes made since such a restore, numbered after that work

    @property
    def exit_code(self) -> int:
        """0; 6 when work was refused (or this computer may not send); 7 while waiting for
        a colleague's missing or damaged changes."""
        if self.refused or self.duplicate:
            return 6
        return 7 if self.waiting else 0
