"""The safe-import gate: an evidence file is checked before it is hashed and kept.

Nothing is executed or extracted to disk; the type is sniffed from the content (sniff.py)
and the extension, when there is one, must agree. Every refusal is an UnsafeFileError
naming the file by its base name, saying why and what to do. Decisions:

* PDF must start with ``%PDF-``; one with no ``%%EOF`` in its last 2 KB is accepted with a
  note in ``CheckedFile.notes`` (viewers open many such files).
* ZIP-based files: only stored and deflated members (bzip2/LZMA inflate without an output
  bound); each is inflated by our own bounded loop, and one that expands past its declared
  size + 1 KB, or past the total limit, is a zip bomb, as are overlapping members and a
  central directory bigger than the member limit needs (checked before zipfile parses it).
  Ratios are judged only above 1 MiB expanded: small XML parts compress very well.
* A plain ZIP may not hold programs or other archives; Office/ODF files are not scanned
  inside (media and embedded packages are fine) but macros are refused. No empty archives.
* Images are decoded once (JPEG at 1/8 scale via ``Image.draft``; first frame only) so that
  truncation is caught; Pillow's global limits are set under a lock and restored.
* ``check_file`` follows a symlink to its target and refuses folders and special files. For
  strict time-of-check/time-of-use safety, read the bytes once and use ``check_bytes``.
"""

from __future__ import annotations

import io
import stat
import struct
import threading
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from PIL import Image

from .sniff import (
    DOCX,
    HEAD_BYTES,
    MACROS,
    ODT,
    PPTX,
    XLSX,
    UnsafeFileError,
    central_directory,
    check_member_content,
    check_member_mode,
    check_member_path,
    check_text,
    damaged_zip,
    local_data_span,
    ole2_media_type,
    pdf_notes,
    printable,
    refuse,
    require_extension,
    sniff,
    text_media_type,
)

__all__ = [
    "CheckedFile",
    "ImportLimits",
    "UnsafeFileError",
    "check_bytes",
    "check_file",
    "make_thumbnail",
]

MB = 1024 * 1024
_CHUNK = 64 * 1024
_RATIO_FLOOR = MB  # ratios are judged only above this many expanded bytes
_SLACK = 1024  # bytes a member may expand past its declared size before it is a bomb
_CD_ENTRY_MAX = 1024  # generous average size of one central-directory entry
_PIL_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/tiff": "TIFF",
}
_PIL_LOCK = threading.Lock()
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    struct.error,
    NotImplementedError,
    OverflowError,
    zlib.error,
    KeyError,
    IndexError,
)


@dataclass(frozen=True)
class ImportLimits:
    max_bytes: int = 200 * MB  # any single file
    max_archive_members: int = 2000
    max_archive_uncompressed: int = 1024 * MB
    max_compression_ratio: float = 100.0  # per member and overall
    max_image_pixels: int = 80_000_000  # used with Pillow's decompression-bomb guard
    thumbnail_size: tuple[int, int] = (256, 256)


@dataclass(frozen=True)
class CheckedFile:
    media_type: str
    label: str  # "PDF document", "PNG image", ...
    size: int
    width: int | None = None
    height: int | None = None
    archive_members: int | None = None
    notes: tuple[str, ...] = ()  # accepted, but worth telling the inspector


@dataclass(frozen=True)
class _Source:
    name: str
    size: int
    opener: Callable[[], BinaryIO]


def check_file(path: Path | str, limits: ImportLimits = ImportLimits()) -> CheckedFile:
    return _check(_file_source(Path(path)), limits)


def check_bytes(data: bytes, name: str, limits: ImportLimits = ImportLimits()) -> CheckedFile:
    data = bytes(data)
    return _check(_Source(name, len(data), lambda: io.BytesIO(data)), limits)


def make_thumbnail(
    path_or_bytes: Path | str | bytes,
    limits: ImportLimits = ImportLimits(),
    *,
    name: str | None = None,
) -> bytes:
    """PNG bytes of a thumbnail within ``limits.thumbnail_size``; refuses bombs and non-images."""
    src = _thumbnail_source(path_or_bytes, name)
    _check_size(src.name, src.size, limits)
    with _reading(src) as fh:
        media = sniff(fh.read(HEAD_BYTES), src.name).kind
        if media not in _PIL_FORMATS:
            raise refuse(
                src.name,
                "it is not an image, so it has no thumbnail",
                "import it without a thumbnail",
            )
        fh.seek(0)
        return _thumbnail(fh, src.name, media, limits)


# -- the file, its size and its type ---------------------------------------------------


def _file_source(path: Path) -> _Source:
    try:
        st = path.stat()
    except OSError:
        raise _unreadable(path.name) from None
    if stat.S_ISDIR(st.st_mode):
        raise refuse(path.name, "it is a folder, not a file", "import the files inside it")
    if not stat.S_ISREG(st.st_mode):
        raise refuse(
            path.name,
            "it is not a regular file (a device, pipe or socket)",
            "copy the document itself into a folder and import the copy",
        )
    return _Source(path.name, st.st_size, lambda: open(path, "rb"))


def _thumbnail_source(path_or_bytes, name: str | None) -> _Source:
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(path_or_bytes)
        return _Source(name or "the image", len(data), lambda: io.BytesIO(data))
    source = _file_source(Path(path_or_bytes))
    return source if name is None else replace(source, name=name)


def _unreadable(name: str) -> UnsafeFileError:
    return refuse(
        name,
        "it could not be found or read",
        "check that it is still there and that you may open it, then try again",
    )


@contextmanager
def _reading(src: _Source) -> Iterator[BinaryIO]:
    try:
        with src.opener() as fh:
            yield fh
    except OSError:  # refusals are not OSErrors; damage is reported where it is found
        raise _unreadable(src.name) from None


def _mb(n: int) -> str:
    return f"{n / MB:,.1f}".removesuffix(".0") + " MB" if n >= MB // 10 else f"{n:,} bytes"


def _check_size(name: str, size: int, limits: ImportLimits) -> None:
    if size == 0:
        raise refuse(
            name,
            "it is empty (0 bytes)",
            "check that it was copied completely, or ask for it again",
        )
    if size > limits.max_bytes:
        raise refuse(
            name,
            f"it is {_mb(size)}, over the {_mb(limits.max_bytes)} limit for one file",
            "ask for a smaller copy, or for it split into parts",
        )


def _check(src: _Source, limits: ImportLimits) -> CheckedFile:
    _check_size(src.name, src.size, limits)
    with _reading(src) as fh:
        head = fh.read(HEAD_BYTES)
        sniffed = sniff(head, src.name)
        fh.seek(0)
        if sniffed.kind == "zip":
            return _check_zip(fh, src, limits)
        return _check_single(fh, src, limits, sniffed.kind, head, sniffed.encoding)


def _check_single(
    fh, src: _Source, limits: ImportLimits, kind: str, head: bytes, encoding: str | None
) -> CheckedFile:
    if kind == "text":
        kind = text_media_type(src.name, head.decode(encoding or "utf-8", "replace"))
    elif kind == "ole2":
        kind = ole2_media_type(src.name)
    file_type = require_extension(src.name, kind)
    checked = CheckedFile(kind, file_type.label, src.size)
    if encoding:
        check_text(fh, src.name, encoding)
    elif kind in _PIL_FORMATS:
        width, height = _check_image(fh, src.name, kind, limits)
        return replace(checked, width=width, height=height)
    elif kind == "application/pdf":
        return replace(checked, notes=pdf_notes(fh, src.size))
    return checked


# -- images ------------------------------------------------------------------------------


@contextmanager
def _pillow_guard(name: str, max_pixels: int) -> Iterator[None]:
    """Pillow with the pixel limit (warning = refusal) and no truncated loads, then restored.

    Pillow is loaded here, at the first image, not with the module: it is a twentieth of the
    desktop's cold start, and the first screen checks no image."""
    from PIL import Image, ImageFile

    with _PIL_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's notes on odd metadata are not refusals
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        saved = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise refuse(
                name,
                f"the image has more than {max_pixels:,} pixels (it could be a decompression bomb)",
                "ask for a smaller copy or a screenshot",
            ) from None
        except UnsafeFileError:
            raise
        except Exception:  # whatever Pillow raises on a hostile or broken file
            raise refuse(
                name,
                "the image is damaged (truncated or corrupt)",
                "ask for the file again, or export it afresh",
            ) from None
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved


def _check_image(fh: BinaryIO, name: str, media: str, limits: ImportLimits) -> tuple[int, int]:
    from PIL import Image

    formats = [_PIL_FORMATS[media]]
    with _pillow_guard(name, limits.max_image_pixels):
        with Image.open(fh, formats=formats) as img:
            img.verify()
        fh.seek(0)
        with Image.open(fh, formats=formats) as img:
            width, height = img.size
            img.draft(None, (max(1, width // 8), max(1, height // 8)))  # JPEG: decode small
            img.load()  # catches truncation that verify() does not
    return width, height


def _thumbnail(fh: BinaryIO, name: str, media: str, limits: ImportLimits) -> bytes:
    from PIL import Image, ImageOps

    out = io.BytesIO()
    with _pillow_guard(name, limits.max_image_pixels):
        with Image.open(fh, formats=[_PIL_FORMATS[media]]) as img:
            box = limits.thumbnail_size
            if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # will be turned a quarter
                box = box[::-1]
            img.draft(None, box)
            img.thumbnail(box)
            small = ImageOps.exif_transpose(img)
            _plain_png(small).save(out, "PNG")
    return out.getvalue()


def _plain_png(img: Image.Image) -> Image.Image:
    """A mode PNG can hold, without EXIF/XMP (a photo's location must not leak)."""
    if img.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.mode else "RGB")
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"):
        img.info.pop(key, None)
    return img


# -- ZIP-based files -----------------------------------------------------------------------


def _check_zip(fh: BinaryIO, src: _Source, limits: ImportLimits) -> CheckedFile:
    try:
        infos = _zip_entries(fh, src.name, limits)
        _check_entries(infos, src.name, limits)
        spans = _data_spans(fh, infos, src.name, src.size)
        media = _container_type(fh, infos, spans, src.name)
        file_type = require_extension(src.name, media)
        if media != "application/zip" and (
            macro := next((i.filename for i in infos if MACROS.search(i.filename)), None)
        ):
            raise refuse(
                src.name,
                f"it contains macros ({printable(macro, 80)})",
                "ask for a copy saved without macros, or as PDF",
            )
        _expand_all(fh, infos, spans, src.name, limits, plain=media == "application/zip")
    except _ZIP_ERRORS:
        raise damaged_zip(src.name) from None
    return CheckedFile(media, file_type.label, src.size, archive_members=len(infos))


def _bomb(name: str, member: str | None) -> UnsafeFileError:
    what = f"{printable(member, 80)} expands" if member else "its contents expand"
    return refuse(
        name,
        f"{what} far beyond the archive's size or limits (a zip bomb)",
        "do not open it; ask for the files themselves or check where it came from",
    )


def _zip_entries(fh: BinaryIO, name: str, limits: ImportLimits) -> list[zipfile.ZipInfo]:
    count, directory_size = central_directory(fh, name)
    most = limits.max_archive_members
    if count > most or directory_size > most * _CD_ENTRY_MAX:
        raise refuse(
            name,
            f"it holds more than the {most:,} files the app accepts in one archive",
            "split it into smaller archives",
        )
    with zipfile.ZipFile(fh) as archive:
        infos = archive.infolist()
    if len(infos) > most:  # the count in the end record may lie; zipfile reads them all
        raise refuse(
            name,
            f"it holds {len(infos):,} files, more than the {most:,} the app accepts in one archive",
            "split it into smaller archives",
        )
    if not infos:
        raise refuse(name, "the archive is empty", "ask for it again, with the files in it")
    return infos


def _check_entries(infos: list[zipfile.ZipInfo], name: str, limits: ImportLimits) -> None:
    seen: set[str] = set()
    for info in infos:
        member = printable(info.orig_filename, 80)
        check_member_path(info.orig_filename, name)
        check_member_mode(info.external_attr, info.orig_filename, name)
        key = unicodedata.normalize("NFC", info.filename.rstrip("/")).casefold()
        if key in seen:
            raise refuse(
                name,
                f"it contains two entries named {member} (names differ at most in case)",
                "ask for an archive made with a standard tool",
            )
        seen.add(key)
        if info.flag_bits & 0x1:
            raise refuse(
                name,
                f"it is password-protected ({member} is encrypted), so it cannot be checked",
                "ask for an unencrypted copy",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(
                name,
                f"{member} uses a compression method the app does not accept",
                "ask for it to be zipped again with standard (deflate) compression",
            )
    _check_declared_sizes(infos, name, limits)


def _check_declared_sizes(infos: list[zipfile.ZipInfo], name: str, limits: ImportLimits) -> None:
    total = sum(info.file_size for info in infos)
    if total > limits.max_archive_uncompressed:
        raise refuse(
            name,
            f"its contents would expand to {_mb(total)}, over the "
            f"{_mb(limits.max_archive_uncompressed)} limit",
            "ask for it in parts",
        )
    for info in infos:
        if _too_compressed(info.file_size, info.compress_size, limits):
            raise _bomb(name, info.filename)
    if _too_compressed(total, sum(info.compress_size for info in infos), limits):
        raise _bomb(name, None)


def _too_compressed(size: int, packed: int, limits: ImportLimits) -> bool:
    return size > _RATIO_FLOOR and size > packed * limits.max_compression_ratio


def _data_spans(
    fh: BinaryIO, infos: list[zipfile.ZipInfo], name: str, size: int
) -> list[tuple[int, int]]:
    """Where each member's data lies; refuses overlapping members (a zip-bomb technique)."""
    spans = [local_data_span(fh, info, name, size) for info in infos]
    ordered = sorted(zip((info.header_offset for info in infos), spans))
    for (_, (_, end)), (next_header, _) in zip(ordered, ordered[1:]):
        if next_header < end:
            raise refuse(
                name,
                "its entries overlap, a trick used to build zip bombs",
                "do not open it; ask for the files themselves",
            )
    return spans


def _container_type(fh: BinaryIO, infos, spans, name: str) -> str:
    names = {info.filename for info in infos}
    if "[Content_Types].xml" in names:
        for part, media in (
            ("word/document.xml", DOCX),
            ("xl/workbook.xml", XLSX),
            ("ppt/presentation.xml", PPTX),
        ):
            if part in names:
                return media
    for info, (start, _) in zip(infos, spans):
        if (
            info.filename == "mimetype"
            and info.file_size <= 256
            and _expand(fh, info, start, 256, name)[1] == ODT.encode()
        ):
            return ODT
    return "application/zip"


def _expand_all(fh: BinaryIO, infos, spans, name: str, limits: ImportLimits, plain: bool) -> None:
    """Decompress every member against a byte budget; nothing is kept but a short head."""
    left = limits.max_archive_uncompressed
    for info, (start, _) in zip(infos, spans):
        if info.file_size == 0 and info.compress_size == 0:
            continue
        size, head = _expand(fh, info, start, min(info.file_size + _SLACK, left), name)
        if size != info.file_size:
            raise damaged_zip(name)
        left -= size
        if plain and not info.is_dir():
            check_member_content(head, info.filename, name)


def _expand(
    fh: BinaryIO, info: zipfile.ZipInfo, start: int, budget: int, name: str
) -> tuple[int, bytes]:
    chunks = _raw_chunks(fh, start, info.compress_size)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        chunks = _inflate(chunks)
    total, head = 0, b""
    for chunk in chunks:
        head += chunk[: 256 - len(head)]
        total += len(chunk)
        if total > budget:
            raise _bomb(name, info.filename)
    return total, head


def _raw_chunks(fh: BinaryIO, start: int, length: int) -> Iterator[bytes]:
    fh.seek(start)
    while length > 0:
        chunk = fh.read(min(_CHUNK, length))
        if not chunk:
            raise EOFError
        length -= len(chunk)
        yield chunk


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Raw deflate, at most _CHUNK bytes out per step, so a bomb is stopped by the budget."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    for chunk in chunks:
        while chunk and not inflater.eof:
            yield inflater.decompress(chunk, _CHUNK)
            chunk = inflater.unconsumed_tail
    while not inflater.eof and (rest := inflater.decompress(b"", _CHUNK)):
        yield rest
    if not inflater.eof:
        raise EOFError  # the stream was cut short
