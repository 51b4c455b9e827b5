"""Evidence dates come from the file itself, or are left unknown: never made up."""

from datetime import date, datetime

import docx

from jtai_desktop.services.file_dates import own_date


def test_a_word_documents_creation_date(tmp_path):
    path = tmp_path / "audit.docx"
    document = docx.Document()
    document.core_properties.created = datetime(2026, 9, 30, 11, 0)
    document.save(path)
    assert own_date(path) == date(2026, 9, 30)


def test_a_pdfs_creation_date(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /CreationDate (D:20260912083000Z) >> endobj\n%%EOF")
    assert own_date(path) == date(2026, 9, 12)


def test_no_date_a_future_date_or_an_unreadable_file_give_none(tmp_path):
    plain = tmp_path / "minutes.txt"
    plain.write_text("no date here")
    future = tmp_path / "later.pdf"
    future.write_bytes(b"%PDF-1.4\n<< /CreationDate (D:20991231000000Z) >>\n%%EOF")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    assert own_date(plain) is None
    assert own_date(future) is None
    assert own_date(broken) is None
