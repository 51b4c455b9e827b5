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
        if data.get("name") != "argon2id":
            raise ValueError(f"unknown KDF {data.get('name')!r}")
        return cls(
            salt=bytes.fromhex(data["salt"]),
            iterations=int(data["iterations"]),
            memory_kib=int(data["memory_kib"]),
            lanes=int(data["lanes"]),
        )


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
