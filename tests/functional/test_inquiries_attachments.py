"""Attachments: PDFs checked by content, pictures cleaned, files only for the two parties."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from exportnet.extensions import db
from exportnet.inquiries.models import InquiryMessage
from tests.conftest import log_in, submit
from tests.functional.test_inquiries_support import (
    SMALL_PDF,
    inquiries,
    png_bytes,
    send,
    supplier,
)

HTML_AS_PDF = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def _message(app) -> InquiryMessage:
    with app.app_context():
        message = db.session.scalars(select(InquiryMessage).order_by(InquiryMessage.id)).first()
        db.session.expunge(message)
        return message


def test_html_renamed_pdf_is_refused(app, client, make_user, login_as):
    exporter, product_id = supplier(app, make_user)
    login_as("buyer")
    for data, name in (
        (HTML_AS_PDF, "invoice.pdf"),
        (b"%PDF-1.4\n<html><script>", "x.pdf"),
        (b"MZ\x90\x00 not a picture", "photo.jpg"),
    ):
        response = send(client, exporter.company_id, product_id, attachment=(BytesIO(data), name))
        assert response.status_code == 200, name
        html = response.get_data(as_text=True)
        assert (
            "This file is not a PDF document." in html
            or "Attach a PDF document or a picture" in html
        ), name
    assert inquiries(app) == []
    attachment_dir = Path(app.config["INQUIRY_ATTACHMENT_DIR"])
    assert not attachment_dir.exists() or not any(attachment_dir.rglob("*.*"))


def test_too_large_attachment_is_refused(app, client, make_user, login_as):
    exporter, _product_id = supplier(app, make_user)
    app.config["INQUIRY_ATTACHMENT_MAX_BYTES"] = 1024 * 1024
    login_as("buyer")
    big = SMALL_PDF[:-7] + b"0" * (1024 * 1024) + b"\n%%EOF\n"
    response = send(client, exporter.company_id, attachment=(BytesIO(big), "big.pdf"))
    assert "An attachment can be at most 1 MB." in response.get_data(as_text=True)
    assert inquiries(app) == []


def test_real_pdf_is_accepted_and_downloadable_only_by_the_parties(app, client, make_user, mailbox):
    exporter, product_id = supplier(app, make_user)
    buyer = make_user("buyer")
    log_in(client, buyer.email)
    response = send(
        client,
        exporter.company_id,
        product_id,
        attachment=(BytesIO(SMALL_PDF), "../../etc/Spec sheet.pdf"),
    )
    assert response.status_code == 302
    message = _message(app)
    assert message.attachment_name == "Spec sheet.pdf"
    assert message.attachment_type == "application/pdf"
    stored = Path(app.config["INQUIRY_ATTACHMENT_DIR"]) / message.attachment_key[:2]
    assert (stored / message.attachment_key).read_bytes() == SMALL_PDF
    assert "Spec sheet.pdf" in mailbox.body(mailbox.to(exporter.email)[0])

    url = f"/en/inquiries/{message.inquiry_id}/files/{message.id}"
    for user in (buyer, exporter):
        party = app.test_client()
        log_in(party, user.email)
        assert "Spec sheet.pdf" in party.get(f"/en/inquiries/{message.inquiry_id}").get_data(
            as_text=True
        )
        download = party.get(url)
        assert download.status_code == 200
        assert download.data == SMALL_PDF
        assert download.mimetype == "application/pdf"
        assert download.headers["X-Content-Type-Options"] == "nosniff"
        assert download.headers["Content-Disposition"].startswith("attachment;")
        assert "Spec sheet.pdf" in download.headers["Content-Disposition"]
        assert "no-store" in download.headers["Cache-Control"]
    for role in ("buyer", "exporter"):
        stranger = app.test_client()
        log_in(stranger, make_user(role).email)
        assert stranger.get(url).status_code == 404
    assert app.test_client().get(url).status_code == 404


def test_picture_is_cleaned_through_the_media_pipeline(app, client, make_user, login_as):
    exporter, product_id = supplier(app, make_user)
    buyer = login_as("buyer")
    picture = png_bytes((2400, 1600)) + b"<script>appended</script>"
    response = send(
        client, exporter.company_id, product_id, attachment=(BytesIO(picture), "label.png")
    )
    assert response.status_code == 302
    message = _message(app)
    assert (message.attachment_name, message.attachment_type) == ("label.jpg", "image/jpeg")
    download = client.get(f"/en/inquiries/{message.inquiry_id}/files/{message.id}")
    assert download.mimetype == "image/jpeg"
    assert b"<script>" not in download.data
    assert Image.open(BytesIO(download.data)).size == (1600, 1067)
    assert buyer.id == inquiries(app)[0].buyer_id


def test_replies_carry_attachments_too(app, client, make_user, login_as, mailbox):
    exporter, product_id = supplier(app, make_user)
    login_as("buyer")
    send(client, exporter.company_id, product_id)
    (inquiry,) = inquiries(app)
    seller = app.test_client()
    log_in(seller, exporter.email)
    thread = f"/en/inquiries/{inquiry.id}"
    response = submit(
        seller,
        thread,
        {"body": "Our offer.", "attachment": (BytesIO(HTML_AS_PDF), "offer.pdf")},
        action=f"{thread}/reply",
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Attach a PDF document or a picture" in response.get_data(as_text=True)
    response = submit(
        seller,
        thread,
        {"body": "Our offer.", "attachment": (BytesIO(SMALL_PDF), "offer.pdf")},
        action=f"{thread}/reply",
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    page = client.get(thread).get_data(as_text=True)
    assert "offer.pdf" in page
