"""Passphrase stretching with Argon2id, a memory-hard KDF, tuned to about half a second."""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

TARGET_SECONDS = 0.5
MIN_MEMORY_KIB = 64 * 1024  # the floor keeps even a fast laptop's key expensive to guess
MAX_MEMORY_KIB = 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    iterations: int = 3
    memory_kib: int = MIN_MEMORY_KIB
    lanes: int = 4

    def to_json(self) -> dict:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        return {"name": "argon2id", **data}

    @classmethod
    def from_json(cls, data: dict) -> KdfParams:
        """Parameters read from a file (a key file, an invitation), each bounded before any
        work is done: a hostile file cannot make unlocking run for minutes or exhaust memory.
        Raises ValueError naming what is wrong."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("the key derivation is not Argon2id")
        try:
            salt = bytes.fromhex(_text(data, "salt"))
        except ValueError:
            raise ValueError("the key derivation's salt is missing or not hexadecimal") from None
        params = cls(
            salt=salt,
            iterations=_whole(data, "iterations", *BOUNDS["iterations"]),
            memory_kib=_whole(data, "memory_kib", *BOUNDS["memory_kib"]),
            lanes=_whole(data, "lanes", *BOUNDS["lanes"]),
        )
        if not 8 <= len(params.salt) <= 64:
            raise ValueError("the key derivation's salt has an impossible length")
        if params.memory_kib < 8 * params.lanes:
            raise ValueError("the key derivation's memory is too small for its lanes")
        return params


# What this version ever writes, with room to spare; anything beyond is refused unread.
BOUNDS = {"iterations": (1, 4), "memory_kib": (8, MAX_MEMORY_KIB), "lanes": (1, 8)}


def _text(data: dict, name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise ValueError(f"the key derivation's {name} is missing")
    return value


def _whole(data: dict, name: str, low: int, high: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"the key derivation's {name} is outside {low}..{high}")
    return value


def derive(passphrase: str, params: KdfParams) -> bytes:
    return Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def tuned_params(target: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target`` seconds here: Argon2id's time grows in step with
    its memory, so one timed run at the floor tells how much memory hits the target."""
    probe = KdfParams(salt=os.urandom(16), memory_kib=MIN_MEMORY_KIB)
    started = time.perf_counter()
    derive("calibration", probe)
    elapsed = max(time.perf_counter() - started, 1e-3)
    memory = int(MIN_MEMORY_KIB * target / elapsed) // 8192 * 8192  # whole multiples of 8 MiB
    return KdfParams(
        salt=os.urandom(16), memory_kib=min(MAX_MEMORY_KIB, max(MIN_MEMORY_KIB, memory))
    )


def fast_params_for_tests() -> KdfParams:
    """Tiny parameters so a test suite can create hundreds of folders. Never used by the app."""
    return KdfParams(salt=os.urandom(16), iterations=1, memory_kib=8, lanes=1)
