"""Inquiry rules, the message fingerprint, attachment checks and drafts."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image

from exportnet.inquiries import rules
from exportnet.inquiries.abuse import normalized_hash
from exportnet.inquiries.attachments import (
    AttachmentStore,
    check_attachment,
    display_name,
)
from exportnet.inquiries.drafts import discard_draft, load_draft, save_draft
from exportnet.inquiries.rules import InquiryError

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_fingerprint_ignores_case_spacing_and_punctuation_but_not_words():
    base = normalized_hash("Please send your price list.")
    assert normalized_hash("  PLEASE send\nyour price-list!! ") == base
    assert normalized_hash("Ｐｌｅａｓｅ send your price list") == base  # full-width letters
    assert normalized_hash("Please send your price list for tea") != base
    assert normalized_hash("กรุณาส่งราคา") != normalized_hash("กรุณาส่งรายการ")


def test_text_rules(app):
    with app.test_request_context():
        assert rules.subject("  Robusta   for  roasting ") == "Robusta for roasting"
        assert rules.message("Hello\r\nWorld  ") == "Hello\nWorld"
        assert rules.message("あ" * 5000) == "あ" * 5000
        for check, value, field in (
            (rules.subject, "", "subject"),
            (rules.subject, "x" * 201, "subject"),
            (rules.message, "   ", "message"),
            (rules.message, "x" * 5001, "message"),
        ):
            with pytest.raises(InquiryError) as refused:
                check(value)
            assert refused.value.field == field


def test_terms_rules(app):
    with app.test_request_context():
        assert rules.quantity(Decimal("2.5")) == Decimal("2.5")
        assert rules.unit("tonne") == "tonne"
        assert rules.economy("pe") == "PE"  # any ISO 3166 code, not only the member economies
        assert rules.price_and_currency(Decimal("10"), "jpy") == (Decimal("10"), "JPY")
        assert rules.price_and_currency(None, "EUR") == (None, None)
        for check, args, field in (
            (rules.quantity, (None,), "quantity"),
            (rules.quantity, (Decimal(0),), "quantity"),
            (rules.quantity, (Decimal(-1),), "quantity"),
            (rules.unit, ("furlong",), "quantity_unit"),
            (rules.unit, (None,), "quantity_unit"),
            (rules.economy, ("EU",), "destination_economy"),
            (rules.price_and_currency, (Decimal(5), None), "currency"),
            (rules.price_and_currency, (Decimal(5), "XYZ1"), "currency"),
        ):
            with pytest.raises(InquiryError) as refused:
                check(*args)
            assert refused.value.field == field


def test_attachments_are_checked_by_content(app):
    with app.test_request_context():
        pdf = check_attachment(PDF, "offer.PDF")
        assert (pdf.mimetype, pdf.filename, pdf.data) == ("application/pdf", "offer.pdf", PDF)
        out = BytesIO()
        Image.new("RGB", (30, 20), "red").save(out, "GIF")
        picture = check_attachment(out.getvalue(), "logo.gif.exe")
        assert picture.mimetype == "image/jpeg" and picture.filename == "logo.gif.jpg"
        assert picture.data.startswith(b"\xff\xd8")
        refused = [
            (b"", "The file is empty."),
            (b"<html>%PDF-1.4", "Attach a PDF document or a picture"),
            (b"%PDF-1.4\n<script>", "This file is not a PDF document."),
            (b"%PDF-1.4\nno end marker", "incomplete or damaged"),
            (b"%PDF-" + b"0" * (5 * 1024 * 1024), "at most 5 MB"),
        ]
        for data, message in refused:
            with pytest.raises(InquiryError) as error:
                check_attachment(data, "x.pdf")
            assert message in str(error.value.message)
            assert error.value.field == "attachment"


def test_display_names_and_stored_names(tmp_path):
    assert display_name("C:\\Users\\me\\quote 2024.pdf", "pdf") == "quote 2024.pdf"
    assert display_name("../../\x00evil", "pdf") == "evil.pdf"
    assert display_name("", "jpg") == "attachment.jpg"
    assert len(display_name("x" * 500 + ".pdf", "pdf")) <= 120
    store = AttachmentStore(tmp_path)
    for bad in ("../x.pdf", "abc.pdf", "0" * 32 + ".html", None):
        with pytest.raises(ValueError):
            store.path_for(bad)  # type: ignore[arg-type]


def test_drafts_round_trip_and_are_bound_to_their_form(app, make_user):
    exporter = make_user("exporter")
    other = make_user("exporter", company="Other")
    with app.test_request_context():
        values = {"subject": "S", "message": "ข้อความ" * 1000, "quantity": Decimal("5")}
        token = save_draft(exporter.company_id, None, values)
        assert load_draft(token, exporter.company_id, None) == {
            "subject": "S",
            "message": "ข้อความ" * 1000,
            "quantity": "5",
        }
        assert load_draft(token, other.company_id, None) is None
        assert load_draft(token, exporter.company_id, 123) is None
        assert load_draft("not-a-token", exporter.company_id, None) is None
        assert load_draft("x" * 5000, exporter.company_id, None) is None
        replacement = save_draft(exporter.company_id, None, {"subject": "T"}, token)
        assert load_draft(token, exporter.company_id, None) is None  # replaced
        discard_draft(replacement)
        assert load_draft(replacement, exporter.company_id, None) is None


def test_drafts_expire(app, make_user):
    exporter = make_user("exporter")
    app.config["INQUIRY_DRAFT_MAX_AGE_HOURS"] = 0
    with app.test_request_context():
        token = save_draft(exporter.company_id, None, {"subject": "S"})
        assert load_draft(token, exporter.company_id, None) is None
