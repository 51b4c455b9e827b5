"""What a file really is, from its first bytes; the extension must agree, never decide.

Pure functions over bytes and names, used by ``safe_import``. Every refusal is an
:class:`UnsafeFileError` whose message names the file by its base name only, says why,
and says what to do.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

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
DOCX, XLSX, PPTX = (OOXML + "wordprocessingml.document", OOXML + "spreadsheetml.sheet",
                    OOXML + "presentationml.presentation")
ODT = "application/vnd.oasis.opendocument.text"
TYPES = {t.media_type: t for t in (
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
)}
# What a name claims, for the "its name says X" sentence (refused kinds included).
NAME_SAYS = {ext: t.label for t in TYPES.values() for ext in t.extensions} | {
    "htm": "web page", "html": "web page", "xhtml": "web page", "svg": "SVG image",
    "exe": "Windows program", "dll": "Windows program", "msi": "Windows installer",
    "bat": "Windows script", "cmd": "Windows script", "ps1": "PowerShell script",
    "vbs": "script", "js": "script", "sh": "shell script", "app": "Mac program",
    "docm": "Word document with macros", "xlsm": "Excel workbook with macros",
    "pptm": "PowerPoint presentation with macros"}

_IMAGES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
           (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"),
           (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))
_DOCUMENTS = ((b"%PDF-", "application/pdf"), (b"{\\rtf", "application/rtf"),
              (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"),
              (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"))
_PROGRAMS = ((b"\x7fELF", "Linux program"), (b"\xfe\xed\xfa\xce", "Mac program"),
             (b"\xfe\xed\xfa\xcf", "Mac program"), (b"\xce\xfa\xed\xfe", "Mac program"),
             (b"\xcf\xfa\xed\xfe", "Mac program"), (b"\xca\xfe\xba\xbe", "Mac or Java program"),
             (b"\x00asm", "WebAssembly program"), (b"#!", "script"))
ARCHIVES = ((b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"),
            (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"),
            (b"\x1f\x8b", "gzip archive"), (b"\xfd7zXZ\x00", "xz archive"),
            (b"BZh", "bzip2 archive"), (b"MSCF", "cabinet archive"))
_HTML_TAGS = ("!doctype html", "html", "head", "script", "iframe", "h1", "div", "font", "table",
              "a", "style", "title", "b", "body", "br", "p", "!--", "svg", "!doctype svg")
_HEADER_LINE = re.compile(r"[\x21-\x39\x3b-\x7e]+:")


@dataclass(frozen=True)
class Sniffed:
    kind: str  # a media type, or "zip", "ole2", "text"
    encoding: str | None = None  # for text: "utf-8-sig" or "utf-16"


def display_name(name: str) -> str:
    """The base name only, with control and bidi characters made visible, and kept short."""
    base = re.split(r"[\\/]", str(name))[-1] or "the file"
    shown = "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in base)
    return shown if len(shown) <= 120 else shown[:100] + "..." + shown[-15:]


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
        raise refuse(name, f"it is a program ({label}), not a document",
                     "programs are never imported as evidence; check where it came from")
    for magic, kind in _IMAGES + _DOCUMENTS:
        if head.startswith(magic):
            return Sniffed(kind)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image/webp")
    if label := archive_kind(head):
        raise refuse(name, f"it is {_a(label)}, which the app cannot check",
                     "ask for a ZIP archive or for the files themselves")
    return Sniffed("text", _text_encoding(head, name))


def _a(label: str) -> str:
    return ("an " if label[0] in "AEIOUaeiou" else "a ") + label


def _text_encoding(head: bytes, name: str) -> str:
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        raise _not_text(name) from None
    if "\x00" in text:
        raise _not_text(name)
    _refuse_markup(text, name)
    return encoding


def _not_text(name: str) -> UnsafeFileError:
    return refuse(name, "its content is not a kind of file the app accepts (neither a known "
                  "document or image type nor UTF-8 or UTF-16 text)",
                  "if it is text, save it as UTF-8; otherwise convert it to PDF")


def _refuse_markup(text: str, name: str) -> None:
    start = text.lstrip().lower()
    if start.startswith("<?xml"):
        start = start[:2048]
        found = "svg" if "<svg" in start else "html" if "<html" in start else None
    else:
        found = next((t for t in _HTML_TAGS if re.match(f"<{re.escape(t)}[\\s>/]", start)), None)
    if found:
        label = "an SVG image" if "svg" in found else "a web page (HTML)"
        raise refuse(name, f"it is {label}, which can carry scripts",
                     "print or save it as PDF (or as a PNG screenshot) and import that")


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
    for media in ("application/msword", "application/vnd.ms-excel",
                  "application/vnd.ms-powerpoint", "application/vnd.ms-outlook"):
        if ext in TYPES[media].extensions:
            return media
    if ext in ("docx", "xlsx", "pptx"):
        raise refuse(name, f"its name says {NAME_SAYS[ext]} but its content is a password-"
                     "protected (encrypted) or Office 97-2003 file",
                     "ask for an unencrypted copy saved in the format its name says")
    if not ext:
        raise refuse(name, "it is an Office 97-2003 file but has no extension to say which kind",
                     "add .doc, .xls, .ppt or .msg to its name")
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
    says = (f"its name says {NAME_SAYS[ext]}" if ext in NAME_SAYS
            else f"its name ends in .{display_name(ext)[:20]}")
    return refuse(name, f"{says} but its content is {content_phrase}",
                  "rename it or check where it came from")
