"""The date a file itself records (a photograph's EXIF date, a Word or PDF document's
creation date), for evidence imported from it. The day of the import says nothing about
the evidence, so where the file records no date the item's date is left for the inspector
(never today's date, nor the file's modified time, which a copy or a download resets)."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

EXIF_DATE_TAGS = (36867, 36868, 306)  # DateTimeOriginal, DateTimeDigitized, DateTime
EXIF_IFD = 0x8769
PDF_CREATED = re.compile(rb"/CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})")
DOCX_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4})-(\d{2})-(\d{2})")
HEAD_BYTES = 256 * 1024  # a PDF's document information is near its start or its end


def own_date(path: Path) -> date | None:
    """The file's own date, or None where it records none (or it cannot be read)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".jpg", ".jpeg", ".tif", ".tiff", ".png", ".webp"):
            return _image_date(path)
        if suffix == ".pdf":
            return _pdf_date(path)
        if suffix in (".docx", ".xlsx", ".pptx"):
            return _office_date(path)
    except (OSError, ValueError, zipfile.BadZipFile, SyntaxError):
        return None  # the import's own checks say what is wrong with the file
    return None


def _image_date(path: Path) -> date | None:
    from PIL import Image

    with Image.open(path) as image:
        exif = image.getexif()
        values = {**dict(exif.get_ifd(EXIF_IFD)), **dict(exif)}
    for tag in EXIF_DATE_TAGS:
        value = values.get(tag)
        if isinstance(value, str) and len(value) >= 10:
            return _checked(datetime.strptime(value[:10], "%Y:%m:%d").date())
    return None


def _pdf_date(path: Path) -> date | None:
    with path.open("rb") as file:
        head = file.read(HEAD_BYTES)
        file.seek(0, 2)
        size = file.tell()
        file.seek(max(size - HEAD_BYTES, 0))
        tail = file.read()
    found = PDF_CREATED.search(head) or PDF_CREATED.search(tail)
    return _checked(date(*map(int, found.groups()))) if found else None


def _office_date(path: Path) -> date | None:
    with zipfile.ZipFile(path) as archive:
        if "docProps/core.xml" not in archive.namelist():
            return None
        core = archive.read("docProps/core.xml")[:HEAD_BYTES]
    found = DOCX_CREATED.search(core)
    return _checked(date(*map(int, found.groups()))) if found else None


def _checked(day: date) -> date | None:
    """A date a file may honestly carry: not before digital cameras and not in the future."""
    return day if date(1990, 1, 1) <= day <= date.today() else None
