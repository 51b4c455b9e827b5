"""What a file really is, from its first bytes; the extension must agree, never decide.

Pure functions over bytes, streams and names (including the raw ZIP records read before
``zipfile`` is trusted with them), used by ``safe_import``. Every refusal is an
:class:`UnsafeFileError` whose message names the file by its base name only, says why,
and says what to do.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import struct
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from ..domain.errors import ValidationError

HEAD_BYTES = 8192  # how much of the start of a file the sniffers look at


class UnsafeFileError(ValidationError):
    """An evidence file refused by the import gate; the message says why and what to do."""


@dataclass(frozen=True)
class FileType:
    media_type: str
    label: str  # "PNG image"
    phrase: str  # "a PNG image": how a sentence names it
    extensions: tuple[str, ...]


def _t(media_type, label, article, *extensions) -> FileType:
    return FileType(media_type, label, f"{article} {label}".strip(), extensions)


OOXML = "application/vnd.openxmlformats-officedocument."
DOCX, XLSX, PPTX = (
    OOXML + "wordprocessingml.document",
    OOXML + "spreadsheetml.sheet",
    OOXML + "presentationml.presentation",
)
ODT = "application/vnd.oasis.opendocument.text"
TYPES = {
    t.media_type: t
    for t in (
        _t("application/pdf", "PDF document", "a", "pdf"),
        _t("image/png", "PNG image", "a", "png"),
        _t("image/jpeg", "JPEG image", "a", "jpg", "jpeg", "jpe", "jfif"),
        _t("image/gif", "GIF image", "a", "gif"),
        _t("image/webp", "WebP image", "a", "webp"),
        _t("image/tiff", "TIFF image", "a", "tif", "tiff"),
        _t("text/plain", "plain text", "", "txt", "text", "log", "md"),
        _t("text/csv", "CSV table", "a", "csv"),
        _t("message/rfc822", "email message", "an", "eml"),
        _t("application/rtf", "RTF document", "an", "rtf"),
        _t("application/zip", "ZIP archive", "a", "zip"),
        _t(DOCX, "Word document", "a", "docx"),
        _t(XLSX, "Excel workbook", "an", "xlsx"),
        _t(PPTX, "PowerPoint presentation", "a", "pptx"),
        _t(ODT, "OpenDocument text", "an", "odt"),
        _t("application/msword", "Word 97-2003 document", "a", "doc"),
        _t("application/vnd.ms-excel", "Excel 97-2003 workbook", "an", "xls"),
        _t("application/vnd.ms-powerpoint", "PowerPoint 97-2003 presentation", "a", "ppt"),
        _t("application/vnd.ms-outlook", "Outlook message", "an", "msg"),
    )
}
# What a name claims, for the "its name says X" sentence (refused kinds included).
NAME_SAYS = {ext: t.label for t in TYPES.values() for ext in t.extensions} | {
    "htm": "web page",
    "html": "web page",
    "xhtml": "web page",
    "svg": "SVG image",
    "exe": "Windows program",
    "dll": "Windows program",
    "msi": "Windows installer",
    "bat": "Windows script",
    "cmd": "Windows script",
    "ps1": "PowerShell script",
    "vbs": "script",
    "js": "script",
    "sh": "shell script",
    "app": "Mac program",
    "docm": "Word document with macros",
    "xlsm": "Excel workbook with macros",
    "pptm": "PowerPoint presentation with macros",
}

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_DOCUMENTS = (
    (b"%PDF-", "application/pdf"),
    (b"{\\rtf", "application/rtf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
)
_PROGRAMS = (
    (b"\x7fELF", "Linux program"),
    (b"\xfe\xed\xfa\xce", "Mac program"),
    (b"\xfe\xed\xfa\xcf", "Mac program"),
    (b"\xce\xfa\xed\xfe", "Mac program"),
    (b"\xcf\xfa\xed\xfe", "Mac program"),
    (b"\xca\xfe\xba\xbe", "Mac or Java program"),
    (b"\x00asm", "WebAssembly program"),
    (b"#!", "script"),
)
ARCHIVES = (
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"MSCF", "cabinet archive"),
)
_HTML_TAGS = (
    "!doctype html",
    "html",
    "head",
    "script",
    "iframe",
    "h1",
    "div",
    "font",
    "table",
    "a",
    "style",
    "title",
    "b",
    "body",
    "br",
    "p",
    "!--",
    "svg",
    "!doctype svg",
)
_HEADER_LINE = re.compile(r"[\x21-\x39\x3b-\x7e]+:")


@dataclass(frozen=True)
class Sniffed:
    kind: str  # a media type, or "zip", "ole2", "text"
    encoding: str | None = None  # for text: "utf-8-sig" or "utf-16"


def printable(text: str, limit: int = 120) -> str:
    """Control and bidi characters made visible (as "?"), and kept short."""
    shown = "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)
    return shown if len(shown) <= limit else shown[: limit - 20] + "..." + shown[-15:]


def display_name(name: str) -> str:
    """The base name only: a message never shows where the file sits on the computer."""
    return printable(re.split(r"[\\/]", str(name))[-1] or "the file")


def refuse(name: str, reason: str, action: str) -> UnsafeFileError:
    return UnsafeFileError(f"{display_name(name)} was not imported: {reason}; {action}.")


def extension(name: str) -> str:
    base = re.split(r"[\\/]", str(name))[-1]
    stem, dot, ext = base.rpartition(".")
    return ext.lower() if dot and stem.strip(".") else ""


def program_kind(head: bytes) -> str | None:
    """A label if the bytes start a program: never imported, whatever the name says."""
    if head[:2] == b"MZ" and b"\x00" in head[:64]:  # "MZ" alone may start a text
        return "Windows program"
    return next((label for magic, label in _PROGRAMS if head.startswith(magic)), None)


def archive_kind(head: bytes) -> str | None:
    return next((label for magic, label in ARCHIVES if head.startswith(magic)), None)


def sniff(head: bytes, name: str) -> Sniffed:
    """The kind of content; refuses programs, markup, other archives and unknown binary."""
    if label := program_kind(head):
        raise refuse(
            name,
            f"it is {_a(label)}, not a document",
            "programs are never imported as evidence; check where it came from",
        )
    for magic, kind in _IMAGES + _DOCUMENTS:
        if head.startswith(magic):
            return Sniffed(kind)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image/webp")
    if label := archive_kind(head):
        raise refuse(
            name,
            f"it is {_a(label)}, which the app cannot check",
            "ask for a ZIP archive or for the files themselves",
        )
    return Sniffed("text", _text_encoding(head, name))


def _a(label: str) -> str:
    return ("an " if label[0] in "AEIOUaeiou" else "a ") + label


def _text_encoding(head: bytes, name: str) -> str:
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        raise not_text(name) from None
    if "\x00" in text:
        raise not_text(name)
    _refuse_markup(text, name)
    return encoding


def not_text(name: str) -> UnsafeFileError:
    return refuse(
        name,
        "its content is not a kind of file the app accepts (neither a known "
        "document or image type nor UTF-8 or UTF-16 text)",
        "if it is text, save it as UTF-8; otherwise convert it to PDF",
    )


def _refuse_markup(text: str, name: str) -> None:
    start = text.lstrip().lower()
    if start.startswith("<?xml"):
        start = start[:2048]
        found = "svg" if "<svg" in start else "html" if "<html" in start else None
    else:
        found = next((t for t in _HTML_TAGS if re.match(f"<{re.escape(t)}[\\s>/]", start)), None)
    if found:
        label = "an SVG image" if "svg" in found else "a web page (HTML)"
        raise refuse(
            name,
            f"it is {label}, which can carry scripts",
            "print or save it as PDF (or as a PNG screenshot) and import that",
        )


def text_media_type(name: str, head_text: str) -> str:
    """Text is CSV or an email only when its name says so (and an email must look like one)."""
    ext = extension(name)
    if ext == "csv":
        return "text/csv"
    if ext == "eml" and _HEADER_LINE.match(head_text.lstrip("\ufeff")):
        return "message/rfc822"
    return "text/plain"


def ole2_media_type(name: str) -> str:
    """Office 97-2003 files share one container; only the extension tells them apart."""
    ext = extension(name)
    for media in (
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.ms-outlook",
    ):
        if ext in TYPES[media].extensions:
            return media
    if ext in ("docx", "xlsx", "pptx"):
        raise refuse(
            name,
            f"its name says {NAME_SAYS[ext]} but its content is a password-"
            "protected (encrypted) or Office 97-2003 file",
            "ask for an unencrypted copy saved in the format its name says",
        )
    if not ext:
        raise refuse(
            name,
            "it is an Office 97-2003 file but has no extension to say which kind",
            "add .doc, .xls, .ppt or .msg to its name",
        )
    raise mismatch(name, "an Office 97-2003 file")


def require_extension(name: str, media_type: str) -> FileType:
    """The file type, once the name's extension (if any) agrees with the content."""
    kind = TYPES[media_type]
    ext = extension(name)
    if ext and ext not in kind.extensions:
        raise mismatch(name, kind.phrase)
    return kind


def mismatch(name: str, content_phrase: str) -> UnsafeFileError:
    ext = extension(name)
    says = (
        f"its name says {NAME_SAYS[ext]}"
        if ext in NAME_SAYS
        else f"its name ends in .{display_name(ext)[:20]}"
    )
    return refuse(
        name, f"{says} but its content is {content_phrase}", "rename it or check where it came from"
    )


# -- streams and archive members ---------------------------------------------------------

_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_ARCHIVE_EXTS = {"zip", "7z", "rar", "gz", "tgz", "tar", "bz2", "xz", "cab", "jar", "iso"}
_PACKAGE_EXTS = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
MACROS = re.compile(r"(^|/)vbaproject\.bin$|^(basic|scripts)/", re.IGNORECASE)
_EOCD = struct.Struct("<4s4H2LH")  # ZIP end of central directory record
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # its ZIP64 form
_LOCAL = struct.Struct("<4s5H3L2H")  # ZIP local file header


def check_text(fh: BinaryIO, name: str, encoding: str) -> None:
    """The whole stream decodes, in chunks, and holds no NUL character."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := fh.read(_CHUNK):
            if "\x00" in decoder.decode(chunk):
                raise not_text(name)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise not_text(name) from None


def pdf_notes(fh: BinaryIO, size: int) -> tuple[str, ...]:
    """Lenient: a PDF without %%EOF in its last 2 KB is accepted, with a note."""
    fh.seek(max(0, size - 2048))
    if b"%%EOF" in fh.read():
        return ()
    return (
        "The PDF has no end marker (%%EOF) near its end: it may be incomplete or have "
        "data added after it; check that it opens fully.",
    )


def check_member_path(raw: str, name: str) -> None:
    """No absolute path, drive letter, backslash, '..' part or control character."""
    unsafe = (
        raw.startswith("/")
        or "\\" in raw
        or _DRIVE.match(raw)
        or ".." in raw.split("/")
        or any(unicodedata.category(c) == "Cc" for c in raw)
    )
    if unsafe:
        raise refuse(
            name,
            "it contains an entry whose path points outside the archive or is "
            f"unsafe ({printable(raw, 80)})",
            "ask for an archive made with a standard tool, or for the files themselves",
        )


def check_member_mode(external_attr: int, member: str, name: str) -> None:
    """Only regular files and folders (Unix mode in the high 16 bits, whatever the host)."""
    kind = stat.S_IFMT(external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise refuse(
            name,
            f"it contains a symbolic link ({printable(member, 80)}), which could "
            "point anywhere on the computer",
            "ask for an archive of the files themselves",
        )
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise refuse(
            name,
            f"it contains a special file ({printable(member, 80)}), not a document",
            "ask for an archive of the documents themselves",
        )


def check_member_content(head: bytes, member: str, name: str) -> None:
    """In a plain ZIP: no programs and no nested archives (Office/ODF packages are fine)."""
    shown = printable(member, 80)
    if label := program_kind(head):
        raise refuse(
            name,
            f"it contains a program ({shown}: {label})",
            "ask for an archive without programs, or for the documents themselves",
        )
    ext = extension(member)
    if ext in _ARCHIVE_EXTS or (archive_kind(head) and ext not in _PACKAGE_EXTS):
        raise refuse(
            name,
            f"it contains another archive ({shown}), which the app does not open",
            "extract the inner archive and import its files separately",
        )


def damaged_zip(name: str) -> UnsafeFileError:
    return refuse(
        name,
        "the archive is damaged or not a real ZIP file",
        "ask for it again, or for the files themselves",
    )


def central_directory(fh: BinaryIO, name: str) -> tuple[int, int]:
    """Entry count and directory size from the end record, read before zipfile parses it."""
    end = fh.seek(0, io.SEEK_END)
    fh.seek(max(0, end - _EOCD.size - 65535))
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        raise damaged_zip(name)
    fields = _EOCD.unpack_from(tail, at)
    if fields[4] != 0xFFFF and fields[5] != 0xFFFFFFFF:
        return fields[4], fields[5]
    record = at - 20 - _EOCD64.size  # zip64: the record sits before its 20-byte locator
    if record < 0 or tail[record : record + 4] != b"PK\x06\x06":
        raise damaged_zip(name)
    fields = _EOCD64.unpack_from(tail, record)
    return fields[7], fields[8]


def local_data_span(fh: BinaryIO, info, name: str, size: int) -> tuple[int, int]:
    """Where a member's data lies, once its local header agrees with the central one."""
    fh.seek(info.header_offset)
    fields = _LOCAL.unpack(fh.read(_LOCAL.size))  # struct.error when cut short
    local_name = fh.read(fields[9]).decode("utf-8" if info.flag_bits & 0x800 else "cp437")
    start = info.header_offset + _LOCAL.size + fields[9] + fields[10]
    if (
        fields[0] != b"PK\x03\x04"
        or local_name != info.orig_filename
        or start + info.compress_size > size
    ):
        raise damaged_zip(name)
    return start, start + info.compress_size
