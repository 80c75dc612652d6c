"""The PDF check and the attachment store."""

from __future__ import annotations

import pytest

from exportnet.board.attachments import (
    AttachmentRejected,
    AttachmentStore,
    check_pdf,
    clean_filename,
)
from tests.functional.test_board_support import MINIMAL_PDF


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def test_a_pdf_is_accepted(ctx):
    checked = check_pdf(MINIMAL_PDF, "report.pdf")
    assert checked.filename == "report.pdf" and checked.data == MINIMAL_PDF


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "not a PDF"),
        (b"<script>alert(1)</script>", "not a PDF"),
        (b"  %PDF-1.4\n%%EOF", "not a PDF"),
        (b"%PDF-1.4\n<html><script>x</script></html>\n%%EOF", "not a PDF"),
        (b"%PDF-1.4\n<?xml version='1.0'?><svg/>\n%%EOF", "not a PDF"),
        (b"%PDF-x\n%%EOF", "not a PDF"),
        (b"GIF89a%PDF-1.4\n%%EOF", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n", "incomplete"),
        (b"%PDF-1.7\n1 0 obj <</S /JavaScript /JS (app.alert(1))>> endobj\n%%EOF", "scripts"),
        (b"%PDF-1.7\n1 0 obj <</S /Launch /F (cmd.exe)>> endobj\n%%EOF", "scripts"),
    ],
)
def test_what_is_refused(ctx, data, message):
    with pytest.raises(AttachmentRejected, match=message):
        check_pdf(data, "x.pdf")


def test_size_limit(ctx):
    ctx.config["BOARD_ATTACHMENT_MAX_BYTES"] = len(MINIMAL_PDF) - 1
    with pytest.raises(AttachmentRejected, match="at most"):
        check_pdf(MINIMAL_PDF, "x.pdf")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\me\\Report 2025.PDF", "Report 2025.pdf"),
        ("evil\r\nheader.pdf", "evilheader.pdf"),
        ("", "document.pdf"),
        (None, "document.pdf"),
        ("...", "document.pdf"),
        (".pdf", "document.pdf"),
        ("市場レポート.pdf", "市場レポート.pdf"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_clean_filename(name, expected):
    assert clean_filename(name) == expected


def test_store_uses_random_names_inside_its_root(tmp_path):
    store = AttachmentStore(tmp_path)
    first, second = store.save(b"one"), store.save(b"one")
    assert first != second
    assert store.path_for(first).read_bytes() == b"one"
    assert store.path_for(first).is_relative_to(tmp_path)
    for bad in ("../x.pdf", "x" * 32 + ".pdf", first.upper(), first + "/..", ""):
        with pytest.raises(ValueError):
            store.path_for(bad)
    store.delete(first)
    assert not store.path_for(first).exists()
