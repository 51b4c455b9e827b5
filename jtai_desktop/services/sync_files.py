"""Evidence files through sync, as streams: a file is decrypted from this computer's store,
sealed for transit and uploaded a chunk at a time; one arriving is read, checked and sealed
into the store the same way. Memory stays flat whatever the file's size: at most a few
chunks of 64 KiB are held at once. A damaged or mismatched file is never stored.
"""

from __future__ import annotations

from ..crypto.blobcipher import BlobDamagedError, sealed_size
from ..store import oplog
from ..store.blobs import ContentMismatchError
from ..sync.transport import BLOBS


def push_files(run) -> None:
    """Send this device's files, and any file the evidence names that no device offers
    (evidence from before the team existed, such as the demo's, or a lost upload)."""
    inspection_id, device, ws = run.inspection_id, run.keys.device_id, run.ws
    remote: set[str] = set()
    for other in run.transport.list_devices(inspection_id):
        remote |= set(run.transport.list_files(inspection_id, other, BLOBS))
    mine = oplog.shas_written_by(ws.db, inspection_id, device) | oplog.current_shas(
        ws.db, inspection_id
    )
    for sha in sorted(mine - remote):
        if run.is_cancelled() or not ws.blobs.exists(sha):
            continue
        size = sealed_size(ws.blobs.plain_size(sha))
        sealed = run.transit.encrypt(ws.blobs.chunks(sha))
        run.transport.put_stream(inspection_id, device, BLOBS, sha, sealed, size)
        run.report.files_sent += 1


def missing_files(run) -> set[str]:
    return {
        sha
        for sha in oplog.current_shas(run.ws.db, run.inspection_id)
        if not run.ws.blobs.exists(sha)
    }


def pull_files(run) -> None:
    missing = missing_files(run)
    if not missing:
        return
    for device in run.transport.list_devices(run.inspection_id):
        offered = set(run.transport.list_files(run.inspection_id, device, BLOBS))
        for sha in sorted(missing & offered):
            if run.is_cancelled():
                return
            if fetch(run, device, sha):
                missing.discard(sha)


def fetch(run, device: str, sha: str) -> bool:
    """Download, decrypt and check one file as a stream; a damaged copy is never stored."""
    with run.transport.open_read(run.inspection_id, device, BLOBS, sha) as stream:
        try:
            run.ws.blobs.put_chunks(run.transit.decrypt(stream), expected=sha)
        except BlobDamagedError:
            run.report.refused.append(
                f"An evidence file from device {device[:8]} was damaged "
                "in transit; it will be fetched again."
            )
            return False
        except ContentMismatchError:
            run.report.refused.append("An evidence file did not match its hash; skipped.")
            return False
    run.report.files_received += 1
    return True
