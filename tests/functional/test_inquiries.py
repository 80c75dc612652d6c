"""Inquiries: contacting a supplier, the inboxes, threads, replies, closing, unread counts."""

from __future__ import annotations

import re

import pytest

from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry
from tests.conftest import log_in, submit
from tests.functional.test_inquiries_support import (
    events,
    inquiries,
    make_product,
    new_url,
    send,
    supplier,
)


def test_product_and_company_pages_offer_contact_supplier(app, client, make_user):
    exporter, product_id = supplier(app, make_user)
    for page in (f"/en/products/{product_id}", f"/en/companies/{exporter.company_id}"):
        html = client.get(page).get_data(as_text=True)
        assert "Contact supplier" in html
        assert f"/en/inquiries/new/{exporter.company_id}" in html
    product_page = client.get(f"/en/products/{product_id}").get_data(as_text=True)
    assert f"/en/inquiries/new/{exporter.company_id}?product={product_id}" in product_page

    log_in(client, exporter.email)
    own = client.get(f"/en/products/{product_id}").get_data(as_text=True)
    assert "/inquiries/new/" not in own
    assert "This is your company" in own


def test_buyer_sends_an_inquiry_and_every_member_gets_mail_in_their_language(
    app, client, make_user, login_as, mailbox
):
    exporter, product_id = supplier(app, make_user, preferred_locale="ja")
    colleague = make_user("exporter", company="Mekong Coffee", preferred_locale="ko")
    unconfirmed = make_user("exporter", company="Mekong Coffee", verified=False)
    buyer = login_as("buyer")

    form = client.get(new_url(exporter.company_id, product_id)).get_data(as_text=True)
    assert 'value="Inquiry about Robusta coffee beans, grade 1"' in form
    assert 'enctype="multipart/form-data"' in form

    response = send(client, exporter.company_id, product_id)
    assert response.status_code == 302
    (inquiry,) = inquiries(app)
    assert response.headers["Location"].endswith(f"/en/inquiries/{inquiry.id}")
    assert (inquiry.buyer_id, inquiry.company_id, inquiry.product_id) == (
        buyer.id,
        exporter.company_id,
        product_id,
    )
    assert inquiry.status == "new"
    assert str(inquiry.quantity) == "20.000" and inquiry.currency == "USD"
    assert inquiry.destination_economy == "JP"

    (to_exporter,) = mailbox.to(exporter.email)
    assert to_exporter["Content-Language"] == "ja"
    assert "Robusta for our roastery" in to_exporter["Subject"]
    body = mailbox.body(to_exporter)
    assert "We roast in Osaka" in body
    assert f"/ja/inquiries/{inquiry.id}" in body
    (to_colleague,) = mailbox.to(colleague.email)
    assert to_colleague["Content-Language"] == "ko"
    assert f"/ko/inquiries/{inquiry.id}" in mailbox.body(to_colleague)
    assert mailbox.to(unconfirmed.email) == []
    assert mailbox.to(buyer.email) == []
    assert events(app) == [("sent", "buyer", buyer.id)]


def test_thread_reply_close_and_statuses(app, client, make_user, mailbox):
    exporter, product_id = supplier(app, make_user)
    buyer = make_user("buyer", preferred_locale="th")
    log_in(client, buyer.email)
    send(client, exporter.company_id, product_id)
    (inquiry,) = inquiries(app)
    thread = f"/en/inquiries/{inquiry.id}"

    client.post("/en/logout", data={"csrf_token": _token(client, "/en/")})
    log_in(client, exporter.email)
    page = client.get(thread).get_data(as_text=True)
    assert "We roast in Osaka" in page and "Robusta for our roastery" in page

    mailbox.clear()
    response = submit(
        client,
        thread,
        {"body": "We can ship from Quy Nhon in March."},
        action=f"{thread}/reply",
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert inquiries(app)[0].status == "replied"
    (to_buyer,) = mailbox.to(buyer.email)
    assert to_buyer["Content-Language"] == "th"
    assert "We can ship from Quy Nhon in March." in mailbox.body(to_buyer)
    assert f"/th/inquiries/{inquiry.id}" in mailbox.body(to_buyer)

    client.post("/en/logout", data={"csrf_token": _token(client, "/en/")})
    log_in(client, buyer.email)
    page = client.get(thread).get_data(as_text=True)
    assert "We can ship from Quy Nhon in March." in page
    response = submit(client, thread, {}, action=f"{thread}/close")
    assert response.status_code == 302
    closed = inquiries(app)[0]
    assert closed.status == "closed" and closed.closed_by_id == buyer.id
    page = client.get(thread).get_data(as_text=True)
    assert f"{thread}/reply" not in page
    assert "This inquiry was closed" in page
    response = client.post(
        f"{thread}/reply",
        data={"csrf_token": _token(client, thread), "body": "One more thing"},
        follow_redirects=True,
    )
    assert "This inquiry is closed: no more messages can be sent." in response.get_data(
        as_text=True
    )
    assert len(_messages(app)) == 2
    kinds = [kind for kind, _side, _user in events(app)]
    assert kinds == ["sent", "read", "replied", "read", "closed"]


def test_unread_counts_are_per_user(app, client, make_user, mailbox):
    exporter, product_id = supplier(app, make_user)
    colleague = make_user("exporter", company="Mekong Coffee")
    buyer = make_user("buyer")
    log_in(client, buyer.email)
    send(client, exporter.company_id, product_id)
    (inquiry,) = inquiries(app)
    assert _unread_badge(client) is None  # the buyer's own message is not news to them

    other = app.test_client()
    log_in(other, exporter.email)
    assert _unread_badge(other) == "1"
    html = other.get("/en/inquiries/received").get_data(as_text=True)
    assert "Unread" in html
    other.get(f"/en/inquiries/{inquiry.id}")
    assert _unread_badge(other) is None

    third = app.test_client()
    log_in(third, colleague.email)
    assert _unread_badge(third) == "1"  # each member reads for themselves

    submit(
        other,
        f"/en/inquiries/{inquiry.id}",
        {"body": "Yes, we can."},
        action=f"/en/inquiries/{inquiry.id}/reply",
        content_type="multipart/form-data",
    )
    assert _unread_badge(client) == "1"
    assert _unread_badge(third) == "1"  # a colleague's reply is not unread for the company
    client.get(f"/en/inquiries/{inquiry.id}")
    assert _unread_badge(client) is None


@pytest.mark.parametrize("app_config", [{"RATELIMIT_INQUIRY": "100 per hour"}])
def test_inboxes_list_newest_first_with_paging(app, client, make_user, login_as):
    companies = []
    for number in range(3):
        exporter = make_user("exporter", company=f"Supplier {number}")
        companies.append(exporter.company_id)
    buyer = login_as("buyer")
    for number in range(23):
        company_id = companies[number % 3]
        response = send(
            client,
            company_id,
            subject=f"Question number {number:02d}",
            message=f"Distinct question {number}",
        )
        assert response.status_code == 302
    html = client.get("/en/inquiries/sent").get_data(as_text=True)
    subjects = re.findall(r"Question number (\d\d)", html)
    assert subjects == [f"{n:02d}" for n in range(22, 2, -1)]
    assert 'rel="next"' in html
    second = client.get("/en/inquiries/sent?page=2").get_data(as_text=True)
    assert re.findall(r"Question number (\d\d)", second) == ["02", "01", "00"]
    assert client.get("/en/inquiries").headers["Location"].endswith("/en/inquiries/sent")
    # a reply moves a thread to the top
    first = min(i.id for i in inquiries(app))
    with app.app_context():
        assert db.session.get(Inquiry, first).buyer_id == buyer.id
    submit(
        client,
        f"/en/inquiries/{first}",
        {"body": "Any news?"},
        action=f"/en/inquiries/{first}/reply",
        content_type="multipart/form-data",
    )
    html = client.get("/en/inquiries/sent").get_data(as_text=True)
    assert re.findall(r"Question number (\d\d)", html)[0] == "00"
    closed = client.get("/en/inquiries/sent?status=closed").get_data(as_text=True)
    assert "Question number" not in closed


def test_exporters_see_their_company_inbox_and_may_inquire_elsewhere(
    app, client, make_user, mailbox
):
    seller, product_id = supplier(app, make_user)
    other_exporter = make_user("exporter", company="Siam Rice")
    log_in(client, other_exporter.email)
    assert client.get(new_url(seller.company_id, product_id)).status_code == 200
    assert send(client, seller.company_id, product_id).status_code == 302
    assert client.get(new_url(other_exporter.company_id)).status_code == 404
    assert client.get("/en/inquiries").headers["Location"].endswith("/en/inquiries/received")
    assert "Robusta for our roastery" in client.get("/en/inquiries/sent").get_data(as_text=True)
    received = client.get("/en/inquiries/received").get_data(as_text=True)
    assert "Robusta for our roastery" not in received


def test_form_validation_messages(app, client, make_user, login_as):
    exporter, product_id = supplier(app, make_user)
    login_as("buyer")
    response = send(
        client,
        exporter.company_id,
        product_id,
        subject="",
        quantity="",
        quantity_unit="",
        destination_economy="XX",
        currency="ZZZ",
        message="x" * 5001,
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for text in (
        "Give your inquiry a subject.",
        "Give the quantity you need.",
        "Choose a unit from the list.",
        "Choose the destination economy from the list.",
        "Unknown currency.",
        "A message can have at most 5000 characters.",
    ):
        assert text in html
    response = send(client, exporter.company_id, product_id, currency="")
    assert "Give the currency of the price." in response.get_data(as_text=True)
    assert inquiries(app) == []
    other_company = make_user("exporter", company="Other Co").company_id
    assert client.get(new_url(other_company, product_id)).status_code == 404
    hidden_product = make_product(app, exporter.company_id, "Secret")
    with app.app_context():
        from exportnet.catalog.models import Product

        with db.session.begin():
            db.session.get(Product, hidden_product).status = "draft"
    assert client.get(new_url(exporter.company_id, hidden_product)).status_code == 404


def _messages(app):
    from sqlalchemy import select

    from exportnet.inquiries.models import InquiryMessage

    with app.app_context():
        return list(db.session.scalars(select(InquiryMessage.body)))


def _token(client, url):
    from tests.conftest import csrf_token_from

    return csrf_token_from(client.get(url, follow_redirects=True).get_data(as_text=True))


def _unread_badge(client) -> str | None:
    html = client.get("/en/products").get_data(as_text=True)
    match = re.search(r'Inquiries <span class="badge"><span aria-hidden="true">(\d+)</span>', html)
    return match.group(1) if match else None
