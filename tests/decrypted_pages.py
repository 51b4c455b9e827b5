"""Every page of an encrypted database file and its WAL, decrypted with the folder's key:
live pages, free pages and old frames alike, as someone holding the key and the file would
read them. SQLCipher 4 defaults: 4096-byte pages, each ending in an 80-byte reserve whose
first 16 bytes are the page's AES-256-CBC IV; page 1 starts with a 16-byte salt."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE, RESERVE, SALT = 4096, 80, 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[SALT if first else 0 : PAGE - RESERVE]) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> list[bytes]:
    data = Path(path).read_bytes()
    return [_decrypt(data[at : at + PAGE], key, at == 0) for at in range(0, len(data), PAGE)]


def wal_pages(path: Path, key: bytes) -> list[bytes]:
    if not Path(path).exists():
        return []
    data = Path(path).read_bytes()[WAL_HEADER:]
    pages = []
    for at in range(0, len(data) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        number = int.from_bytes(data[at : at + 4], "big")
        frame = data[at + FRAME_HEADER : at + FRAME_HEADER + PAGE]
        pages.append(_decrypt(frame, key, number == 1))
    return pages


def all_pages(database: Path, key: bytes) -> list[bytes]:
    """The database file's pages and its WAL's frames."""
    database = Path(database)
    return database_pages(database, key) + wal_pages(Path(f"{database}-wal"), key)


def words_found(pages: list[bytes], words) -> set[str]:
    """The words found in any page, as written or in lower case (as the full-text index
    keeps them)."""
    return {
        word
        for word in words
        if any(form.encode() in page for page in pages for form in {word, word.lower()})
    }


def readable(pages: list[bytes]) -> bool:
    """True when the key really decrypted the file: page 1 goes on after the salt with the
    SQLite header's page size and its 80-byte reserve per page."""
    return bool(pages) and pages[0][:2] == PAGE.to_bytes(2, "big") and pages[0][4] == RESERVE
