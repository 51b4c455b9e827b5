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
    def from_json(cls, data: dict) -> "KdfParams":
        if data.get("name") != "argon2id":
            raise ValueError(f"unknown KDF {data.get('name')!r}")
        return cls(salt=bytes.fromhex(data["salt"]), iterations=int(data["iterations"]),
                   memory_kib=int(data["memory_kib"]), lanes=int(data["lanes"]))


def derive(passphrase: str, params: KdfParams) -> bytes:
    return Argon2id(salt=params.salt, length=32, iterations=params.iterations,
                    lanes=params.lanes, memory_cost=params.memory_kib,
                    ).derive(passphrase.encode("utf-8"))


def tuned_params(target: float = TARGET_SECONDS) -> KdfParams:
    """Grow memory from the floor until one derivation takes about ``target`` seconds here."""
    memory = MIN_MEMORY_KIB
    while memory < MAX_MEMORY_KIB:
        params = KdfParams(salt=os.urandom(16), memory_kib=memory)
        started = time.perf_counter()
        derive("calibration", params)
        if time.perf_counter() - started >= target / 2:
            break
        memory *= 2
    return KdfParams(salt=os.urandom(16), memory_kib=memory)


def fast_params_for_tests() -> KdfParams:
    """Tiny parameters so a test suite can create hundreds of folders. Never used by the app."""
    return KdfParams(salt=os.urandom(16), iterations=1, memory_kib=8, lanes=1)
