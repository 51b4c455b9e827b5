"""The safe-import gate: hostile files are made here, at test time, in tmp_path."""

import io
import stat
import struct
import warnings
import zipfile
import zlib

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.services.safe_import import (
    CheckedFile,
    ImportLimits,
    UnsafeFileError,
    check_bytes,
    check_file,
    make_thumbnail,
)

MB = 1024 * 1024
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"


# -- helpers -------------------------------------------------------------------------------


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(tmp_path, path, *keywords, limits=ImportLimits()):
    """Check a refusal: base name and reason in the message, never the folder."""
    with pytest.raises(UnsafeFileError) as caught:
        check_file(path, limits)
    message = str(caught.value)
    assert path.name in message
    assert str(tmp_path) not in message and str(path.parent) not in message
    for keyword in keywords:
        assert keyword.lower() in message.lower(), message
    return message


def image_bytes(fmt, size=(40, 30), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size, "teal").save(out, fmt)
    return out.getvalue()


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    """members: (name or ZipInfo, bytes) pairs."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", compression) as archive:
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def patch(data, signature, offset, fmt, value, which=0):
    """Overwrite a field of the which-th local header (PK\\3\\4) or central entry (PK\\1\\2)."""
    at = -1
    for _ in range(which + 1):
        at = data.index(signature, at + 1)
    data = bytearray(data)
    struct.pack_into(fmt, data, at + offset, value)
    return bytes(data)


def png_with_size(width, height):
    """A real 1x1 PNG whose IHDR claims another size, with a correct CRC."""
    data = bytearray(image_bytes("PNG", (1, 1)))
    struct.pack_into(">II", data, 16, width, height)  # after signature, length and "IHDR"
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))
    return bytes(data)


# -- accepted ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, name, media",
    [
        ("PNG", "photo.png", "image/png"),
        ("JPEG", "photo.jpg", "image/jpeg"),
        ("JPEG", "PHOTO.JPEG", "image/jpeg"),
        ("GIF", "anim.gif", "image/gif"),
        ("WEBP", "pic.webp", "image/webp"),
        ("TIFF", "scan.tif", "image/tiff"),
        ("PNG", "scan-without-extension", "image/png"),
    ],
)
def test_images_are_accepted_with_their_size(tmp_path, fmt, name, media):
    checked = check_file(write(tmp_path, name, image_bytes(fmt, (40, 30))))
    assert (checked.media_type, checked.width, checked.height) == (media, 40, 30)
    assert checked.label.endswith("image")


@pytest.mark.parametrize(
    "name, data, media",
    [
        ("notes.txt", "Visit to the MASH, 3 October: caf\u00e9 meeting.\n".encode(), "text/plain"),
        ("notes.md", b"# Notes\n\n- one\n", "text/plain"),
        ("bom.txt", "\ufeffwith a BOM\n".encode("utf-8"), "text/plain"),
        ("wide.txt", "UTF-16 text \u00e9\n".encode("utf-16"), "text/plain"),
        ("README", b"no extension at all\n", "text/plain"),
        ("cases.csv", "id,name\n1,\u00c9va\n".encode(), "text/csv"),
        ("mail.eml", b"From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n", "message/rfc822"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}", "application/rtf"),
        ("old.doc", OLE2 + b"\x00" * 504, "application/msword"),
        ("old.xls", OLE2 + b"\x00" * 504, "application/vnd.ms-excel"),
    ],
)
def test_documents_and_text_are_accepted(tmp_path, name, data, media):
    assert check_file(write(tmp_path, name, data)).media_type == media


def test_a_pdf_is_accepted_and_a_missing_end_marker_is_noted(tmp_path):
    whole = check_file(write(tmp_path, "a.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"))
    cut = check_file(write(tmp_path, "b.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\n"))
    assert (whole.media_type, whole.label, whole.notes) == ("application/pdf", "PDF document", ())
    assert cut.media_type == "application/pdf" and "%%EOF" in cut.notes[0]


def test_a_docx_made_by_python_docx_is_accepted(tmp_path):
    document = Document()
    document.add_paragraph("Chronology of contacts with the family.")
    document.save(tmp_path / "chronology.docx")
    checked = check_file(tmp_path / "chronology.docx")
    assert checked.media_type.endswith("wordprocessingml.document")
    assert checked.label == "Word document" and checked.archive_members > 5


@pytest.mark.parametrize(
    "name, members, label",
    [
        (
            "book.xlsx",
            [("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"<w/>")],
            "Excel workbook",
        ),
        (
            "deck.pptx",
            [("[Content_Types].xml", b"<x/>"), ("ppt/presentation.xml", b"<p/>")],
            "PowerPoint presentation",
        ),
        (
            "text.odt",
            [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<c/>")],
            "OpenDocument text",
        ),
        (
            "bundle.zip",
            [
                ("minutes/", b""),
                ("minutes/a.txt", b"a" * 5000),
                ("report.docx", zip_bytes([("[Content_Types].xml", b"<x/>")])),
            ],
            "ZIP archive",
        ),
    ],
)
def test_zip_based_files_are_typed_by_their_members(tmp_path, name, members, label):
    checked = check_file(write(tmp_path, name, zip_bytes(members)))
    assert checked.label == label and checked.archive_members == len(members)


def test_check_bytes_agrees_with_check_file(tmp_path):
    data = image_bytes("PNG")
    assert check_bytes(data, "x.png") == check_file(write(tmp_path, "x.png", data))
    assert isinstance(check_bytes(bytearray(b"text\n"), "t.txt"), CheckedFile)


# -- refused: size, type and name ----------------------------------------------------------


def test_an_empty_file_is_refused(tmp_path):
    refused(tmp_path, write(tmp_path, "blank.pdf", b""), "is empty")


def test_an_oversized_file_is_refused_with_sizes_in_mb(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as sparse:
        sparse.truncate(201 * MB)  # sparse: nothing is written, nothing is read
    refused(tmp_path, path, "201 MB", "200 MB", "limit")
    small = write(tmp_path, "small.pdf", b"%PDF-1.4\n" + b"x" * 200)
    refused(tmp_path, small, "limit", limits=ImportLimits(max_bytes=100))


def test_a_png_named_pdf_is_refused_with_what_its_name_and_content_say(tmp_path):
    message = refused(tmp_path, write(tmp_path, "report.pdf", image_bytes("PNG")))
    assert message == (
        "report.pdf was not imported: its name says PDF document but its "
        "content is a PNG image; rename it or check where it came from."
    )


@pytest.mark.parametrize(
    "name, data, keyword",
    [
        ("minutes.docx", EXE, "program"),
        ("photo.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 57, "program"),
        ("notes.txt", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 56, "program"),
        ("notes.txt", b"#!/bin/sh\nrm -rf ~\n", "program"),
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "web page"),
        ("page.txt", b"  <html><body onload='x()'>hi</body></html>", "web page"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "SVG"),
        ("logo.txt", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        ("data.bin", bytes(range(256)) * 4, "not a kind of file"),
        ("legacy.txt", "caf\u00e9 cr\u00e8me\n".encode("latin-1"), "UTF-8"),
        ("nul.txt", b"text with a NUL \x00 inside", "UTF-8"),
        ("files.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 24, "7-Zip"),
        ("photo.png", b"plain words\n", "its name says PNG image but its content is plain text"),
        ("notes.exe", b"plain words\n", "its name says Windows program"),
        ("notes.xyz", b"plain words\n", "its name ends in .xyz"),
        (
            "macro.docm",
            zip_bytes([("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<d/>")]),
            "its name says Word document with macros but its content is a Word document",
        ),
        (
            "fake.docx",
            zip_bytes([("a.txt", b"hello")]),
            "its name says Word document but its content is a ZIP archive",
        ),
        ("secret.docx", OLE2 + b"\x00" * 504, "unencrypted"),
        ("old", OLE2 + b"\x00" * 504, "no extension"),
    ],
)
def test_programs_markup_unknown_content_and_lying_names_are_refused(tmp_path, name, data, keyword):
    refused(tmp_path, write(tmp_path, name, data), keyword)


def test_a_name_that_hides_its_extension_is_shown_harmlessly(tmp_path):
    with pytest.raises(UnsafeFileError) as caught:
        check_file(write(tmp_path, "invoice\u202egpj.exe", image_bytes("PNG")))
    assert str(caught.value).startswith(
        "invoice?gpj.exe was not imported: its name says "
        "Windows program but its content is a PNG image"
    )


def test_check_bytes_names_the_file_by_its_base_name_only():
    with pytest.raises(UnsafeFileError) as caught:
        check_bytes(image_bytes("PNG"), "C:\\Users\\lead\\Evidence\\report.pdf")
    assert str(caught.value).startswith("report.pdf was not imported")
    assert "Users" not in str(caught.value)
    assert isinstance(caught.value, ValidationError)


def test_folders_and_missing_files_are_refused(tmp_path):
    (tmp_path / "box").mkdir()
    refused(tmp_path, tmp_path / "box", "folder")
    refused(tmp_path, tmp_path / "gone.pdf", "could not be found")


# -- refused: archives ---------------------------------------------------------------------


def zip_of_zeros(path, megabytes, name="zeros.bin"):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w") as member:
            for _ in range(megabytes):
                member.write(bytes(MB))
    return path


def test_a_zip_bomb_is_refused_from_its_declared_ratio(tmp_path):
    path = zip_of_zeros(tmp_path / "bomb.zip", 200)
    assert path.stat().st_size < MB
    refused(tmp_path, path, "zip bomb", "zeros.bin")


def test_a_zip_whose_header_lies_about_its_size_is_stopped_while_inflating(tmp_path):
    data = zip_of_zeros(tmp_path / "src.zip", 20).read_bytes()
    data = patch(data, b"PK\x03\x04", 22, "<L", 30_000)  # local header: uncompressed size
    data = patch(data, b"PK\x01\x02", 24, "<L", 30_000)  # central directory: same
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].file_size == 30_000
    refused(tmp_path, write(tmp_path, "liar.zip", data), "zip bomb", "zeros.bin")


def test_many_small_well_compressed_members_are_a_bomb_overall(tmp_path):
    members = [(f"part{i}.txt", bytes(20_000)) for i in range(100)]
    refused(tmp_path, write(tmp_path, "many.zip", zip_bytes(members)), "zip bomb")


def test_archive_limits_on_members_and_total_size(tmp_path):
    five = write(tmp_path, "five.zip", zip_bytes([(f"{i}.txt", b"x") for i in range(5)]))
    refused(tmp_path, five, "more than the 4", limits=ImportLimits(max_archive_members=4))
    big = write(tmp_path, "big.zip", zip_bytes([("a.txt", b"abc" * 1000)]))
    refused(tmp_path, big, "over the", limits=ImportLimits(max_archive_uncompressed=2000))


@pytest.mark.parametrize(
    "member", ["../../etc/passwd", "/abs", "C:\\x", "a\\..\\b", "ok/../../x", "D:/win.ini"]
)
def test_path_traversal_members_are_refused(tmp_path, member):
    path = write(tmp_path, "evil.zip", zip_bytes([("fine.txt", b"x"), (member, b"owned")]))
    refused(tmp_path, path, "outside the archive")


@pytest.mark.parametrize(
    "mode, keyword",
    [
        (stat.S_IFLNK | 0o777, "symbolic link"),
        (stat.S_IFCHR | 0o644, "special file"),
        (stat.S_IFIFO | 0o644, "special file"),
    ],
)
def test_links_and_special_members_are_refused(tmp_path, mode, keyword):
    info = zipfile.ZipInfo("link")
    info.create_system, info.external_attr = 3, mode << 16
    refused(tmp_path, write(tmp_path, "links.zip", zip_bytes([(info, b"/etc/shadow")])), keyword)


@pytest.mark.parametrize("second", ["a.txt", "A.TXT", "A.txt/"])
def test_duplicate_member_names_are_refused(tmp_path, second):
    path = write(tmp_path, "dupes.zip", zip_bytes([("a.txt", b"1"), (second, b"")]))
    refused(tmp_path, path, "two entries")


def test_an_encrypted_member_is_refused_asking_for_an_unencrypted_copy(tmp_path):
    data = zip_bytes([("a.txt", b"fine"), ("secret.txt", b"hidden")])
    data = patch(data, b"PK\x03\x04", 6, "<H", 0x1, which=1)
    data = patch(data, b"PK\x01\x02", 8, "<H", 0x1, which=1)
    refused(tmp_path, write(tmp_path, "locked.zip", data), "password", "unencrypted copy")


def test_an_unbounded_compression_method_is_refused(tmp_path):
    data = zip_bytes([("a.txt", b"text" * 100)], compression=zipfile.ZIP_BZIP2)
    refused(tmp_path, write(tmp_path, "bz.zip", data), "compression method")


@pytest.mark.parametrize(
    "member, data, keyword",
    [
        ("inner.zip", zip_bytes([("a.txt", b"a")]), "another archive"),
        ("inner.bin", zip_bytes([("a.txt", b"a")]), "another archive"),
        ("setup.txt", EXE, "program"),
    ],
)
def test_a_plain_zip_may_not_hold_archives_or_programs(tmp_path, member, data, keyword):
    path = write(tmp_path, "outer.zip", zip_bytes([("readme.txt", b"hi"), (member, data)]))
    refused(tmp_path, path, keyword, member)


def test_media_inside_a_docx_is_fine_but_macros_are_not(tmp_path):
    parts = [
        ("[Content_Types].xml", b"<x/>"),
        ("word/document.xml", b"<d/>"),
        ("word/media/image1.png", image_bytes("PNG")),
        ("word/embeddings/x.zip", b"PK"),
    ]
    assert check_file(write(tmp_path, "ok.docx", zip_bytes(parts))).label == "Word document"
    macro = parts + [("word/vbaProject.bin", OLE2 + b"\x00" * 100)]
    refused(tmp_path, write(tmp_path, "macro.docx", zip_bytes(macro)), "macros")


def test_overlapping_members_are_refused(tmp_path):
    data = zip_bytes([("a.txt", b"a" * 100), ("b.txt", b"b" * 100)], zipfile.ZIP_STORED)
    data = patch(data, b"PK\x01\x02", 20, "<L", 150)  # a's stored data now reaches into b
    data = patch(data, b"PK\x01\x02", 24, "<L", 150)
    refused(tmp_path, write(tmp_path, "overlap.zip", data), "zip bomb")


@pytest.mark.parametrize(
    "data",
    [
        zip_bytes([("a.txt", b"hello " * 100)])[:-30],  # end record cut
        zip_bytes([("a.txt", b"hello " * 100)])[:40] + b"\x00" * 40,
        b"PK\x05\x06" + b"\x00" * 18,  # a valid but empty archive
    ],
)
def test_damaged_and_empty_archives_are_refused(tmp_path, data):
    message = refused(tmp_path, write(tmp_path, "broken.zip", data))
    assert "damaged" in message or "empty" in message


def test_a_central_directory_bigger_than_the_member_limit_is_refused_before_parsing(tmp_path):
    data = zip_bytes([("a.txt", b"x")])
    data = patch(data, b"PK\x05\x06", 12, "<L", 10 * 2000 * 1024)  # directory size
    refused(tmp_path, write(tmp_path, "index.zip", data), "more than the 2,000")


# -- refused: images -----------------------------------------------------------------------


def test_a_png_declaring_too_many_pixels_is_refused(tmp_path):
    refused(tmp_path, write(tmp_path, "bomb.png", png_with_size(100_000, 100_000)), "pixels")


def test_an_image_just_over_a_small_pixel_limit_is_refused(tmp_path):
    path = write(tmp_path, "photo.png", image_bytes("PNG", (100, 100)))  # warning, not error
    refused(tmp_path, path, "pixels", limits=ImportLimits(max_image_pixels=6000))
    assert check_file(path, ImportLimits(max_image_pixels=10_000)).width == 100


@pytest.mark.parametrize("fmt, name", [("JPEG", "cut.jpg"), ("PNG", "cut.png"), ("GIF", "cut.gif")])
def test_a_truncated_image_is_refused_as_damaged(tmp_path, fmt, name):
    data = image_bytes(fmt, (300, 200), "RGB" if fmt != "GIF" else "P")
    refused(tmp_path, write(tmp_path, name, data[: len(data) // 2]), "damaged")


def test_pillow_limits_are_restored_after_checks_and_refusals(tmp_path):
    before = Image.MAX_IMAGE_PIXELS
    check_file(write(tmp_path, "ok.png", image_bytes("PNG")))
    refused(tmp_path, write(tmp_path, "bomb.png", png_with_size(50_000, 50_000)), "pixels")
    assert before == Image.MAX_IMAGE_PIXELS


# -- thumbnails ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, size, box, expected",
    [
        ("JPEG", (2000, 1000), (256, 256), (256, 128)),
        ("PNG", (300, 900), (256, 256), (85, 256)),
        ("GIF", (64, 32), (256, 256), (64, 32)),
        ("WEBP", (1200, 1200), (100, 50), (50, 50)),
    ],
)
def test_thumbnails_are_png_and_bounded(tmp_path, fmt, size, box, expected):
    path = write(tmp_path, "pic", image_bytes(fmt, size, "P" if fmt == "GIF" else "RGB"))
    limits = ImportLimits(thumbnail_size=box)
    for source in (path, path.read_bytes()):
        thumb = Image.open(io.BytesIO(make_thumbnail(source, limits)))
        assert thumb.format == "PNG" and thumb.size == expected


def test_a_thumbnail_of_a_rotated_photo_is_upright_and_bounded(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees when shown
    out = io.BytesIO()
    Image.new("RGB", (400, 100), "red").save(out, "JPEG", exif=exif)
    thumb = Image.open(
        io.BytesIO(make_thumbnail(out.getvalue(), ImportLimits(thumbnail_size=(200, 100))))
    )
    assert thumb.size == (25, 100) and "exif" not in thumb.info


def test_a_thumbnail_is_refused_for_a_bomb_and_for_a_non_image(tmp_path):
    for name, data, keyword in [
        ("bomb.png", png_with_size(100_000, 100_000), "pixels"),
        ("note.txt", b"just text\n", "not an image"),
        ("cut.jpg", image_bytes("JPEG", (300, 300))[:400], "damaged"),
    ]:
        with pytest.raises(UnsafeFileError) as caught:
            make_thumbnail(write(tmp_path, name, data))
        assert name in str(caught.value) and keyword in str(caught.value)
        assert str(tmp_path) not in str(caught.value)


# -- fuzzing: hostile bytes give a refusal, never a crash ----------------------------------

SEEDS = [
    zip_bytes([("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<d/>" * 50)]),
    image_bytes("PNG", (20, 20)),
    image_bytes("JPEG", (20, 20)),
    image_bytes("GIF"),
    b"%PDF-1.4\n%%EOF\n",
    "text \u00e9\n".encode("utf-16"),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
    cut=st.integers(1, 10**6),
    name=st.sampled_from(["x.docx", "x.zip", "x.png", "x.jpg", "x.gif", "x.pdf", "x"]),
)
def test_mutated_files_are_accepted_or_refused_but_never_crash(seed, flips, cut, name):
    data = bytearray(seed)
    for at, value in flips:
        data[at % len(data)] = value
    try:
        checked = check_bytes(bytes(data[:cut]), name)
    except UnsafeFileError as refusal:
        assert str(refusal).startswith(name)
    else:
        assert checked.size == min(cut, len(data))
