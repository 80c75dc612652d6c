"""A visitor writes an inquiry, logs in (or registers) and finds the form still filled in."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select

from exportnet.extensions import db
from exportnet.inquiries.models import InquiryDraft
from tests.conftest import PASSWORD, submit
from tests.functional.test_accounts_support import links_in, register
from tests.functional.test_inquiries_support import SMALL_PDF, inquiries, new_url, send, supplier

LONG_THAI = "ต้องการกาแฟโรบัสต้าเกรดหนึ่ง " * 120  # far more than a cookie could hold


def _drafts(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(InquiryDraft))


def test_visitor_logs_in_and_comes_back_to_the_filled_form(app, client, make_user, mailbox):
    exporter, product_id = supplier(app, make_user)
    buyer = make_user("buyer")
    product_page = client.get(f"/ja/products/{product_id}").get_data(as_text=True)
    assert f"/ja/inquiries/new/{exporter.company_id}?product={product_id}" in product_page

    response = send(
        client,
        exporter.company_id,
        product_id,
        locale="ja",
        message=LONG_THAI,
        attachment=(BytesIO(SMALL_PDF), "spec.pdf"),
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.path == "/ja/login"
    assert parse_qs(parts.query)["next"] == [
        f"/ja/inquiries/new/{exporter.company_id}?product={product_id}"
    ]
    assert inquiries(app) == [] and _drafts(app) == 1
    assert mailbox.messages == []

    response = submit(client, location, {"email": buyer.email, "password": PASSWORD})
    assert response.status_code == 302
    form_url = response.headers["Location"]
    assert form_url.endswith(new_url(exporter.company_id, product_id, "ja"))
    html = client.get(form_url).get_data(as_text=True)
    assert LONG_THAI.strip() in html
    assert 'value="Robusta for our roastery"' in html
    assert 'value="20"' in html and 'value="2100.00"' in html and 'value="USD"' in html
    assert '<option selected value="JP">' in html
    assert '<option selected value="tonne">' in html

    response = submit(client, form_url, _form_from(html), content_type="multipart/form-data")
    assert response.status_code == 302
    (inquiry,) = inquiries(app)
    assert inquiry.buyer_id == buyer.id and inquiry.product_id == product_id
    assert _drafts(app) == 0
    assert "inquiry_draft=;" in response.headers.get("Set-Cookie", "")
    assert len(mailbox.to(exporter.email)) == 1
    # the draft is gone: the form is fresh again
    fresh = client.get(form_url).get_data(as_text=True)
    assert LONG_THAI.strip() not in fresh


def test_visitor_who_registers_finds_the_draft_and_must_confirm_first(
    app, client, make_user, mailbox
):
    exporter, product_id = supplier(app, make_user)
    response = send(client, exporter.company_id, product_id, message="Samples to Lima, please.")
    assert response.status_code == 302
    assert register(client, email="new.buyer@example.com").status_code == 302
    form_url = new_url(exporter.company_id, product_id)
    html = client.get(form_url).get_data(as_text=True)
    assert "Samples to Lima, please." in html
    assert "Welcome back" in html

    response = submit(client, form_url, _form_from(html), content_type="multipart/form-data")
    assert response.status_code == 200
    assert "Please confirm your email address before you send inquiries" in response.get_data(
        as_text=True
    )
    assert inquiries(app) == [] and _drafts(app) == 1

    (link,) = links_in(mailbox, "new.buyer@example.com", "/account/verify/")
    client.get(urlsplit(link).path)
    html = client.get(form_url).get_data(as_text=True)
    assert "Samples to Lima, please." in html
    response = submit(client, form_url, _form_from(html), content_type="multipart/form-data")
    assert response.status_code == 302
    assert len(inquiries(app)) == 1


def test_a_draft_fills_only_the_form_it_was_written_in(app, client, make_user):
    exporter, product_id = supplier(app, make_user)
    other = make_user("exporter", company="Other Co")
    send(client, exporter.company_id, product_id, message="Only for Mekong Coffee")
    assert "Only for Mekong Coffee" not in client.get(new_url(other.company_id)).get_data(
        as_text=True
    )
    assert "Only for Mekong Coffee" not in client.get(new_url(exporter.company_id)).get_data(
        as_text=True
    )
    stranger = app.test_client()  # another browser has no token
    assert "Only for Mekong Coffee" not in stranger.get(
        new_url(exporter.company_id, product_id)
    ).get_data(as_text=True)
    assert "Only for Mekong Coffee" in client.get(
        new_url(exporter.company_id, product_id)
    ).get_data(as_text=True)


def test_the_login_page_refuses_a_foreign_next(app, client, make_user):
    buyer = make_user("buyer")
    response = submit(
        client, "/en/login?next=//evil.example/x", {"email": buyer.email, "password": PASSWORD}
    )
    assert "evil.example" not in response.headers["Location"]


def _form_from(html: str) -> dict[str, str]:
    """The values a browser would send back from the restored form."""
    import re

    values = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', html))
    values.update(re.findall(r'<input[^>]*value="([^"]*)"[^>]*name="(\w+)"', html)[::-1])
    textarea = re.search(r'<textarea[^>]*name="message"[^>]*>\s*(.*?)</textarea>', html, re.S)
    selects = {
        name: value
        for name, value in re.findall(
            r'<select[^>]*name="(\w+)".*?<option selected value="([^"]*)"', html, re.S
        )
    }
    form = {
        "subject": values.get("subject", ""),
        "quantity": values.get("quantity", ""),
        "target_price": values.get("target_price", ""),
        "currency": values.get("currency", ""),
        "message": textarea.group(1) if textarea else "",
        **selects,
    }
    return form
