"""Exporters answer buying requests: the offer is stored and mailed to the requester."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_notices_support import (
    base_form,
    buying_request_form,
    set_dates,
    the_notices,
    today,
)

OFFER = {
    "price": "2050",
    "currency": "USD",
    "quantity": "20",
    "quantity_unit": "tonne",
    "lead_time_days": "21",
    "message": "Grade 1, screen 18. Samples on request.",
}


def post_request(app, make_user, **buyer_options):
    buyer = make_user("buyer", **buyer_options)
    browser = app.test_client()
    log_in(browser, buyer.email)
    assert (
        submit(browser, "/en/notices/new/buying_request", buying_request_form()).status_code == 302
    )
    return buyer, the_notices(app)[0]


def test_exporter_answers_and_the_requester_gets_mail_in_their_language(
    app, client, make_user, mailbox
):
    buyer, notice = post_request(app, make_user, preferred_locale="ja")
    exporter = make_user("exporter", company="Highland Coffee")
    log_in(client, exporter.email)
    page = client.get(f"/en/notices/{notice.id}").get_data(as_text=True)
    assert f"/en/notices/{notice.id}/offer" in page
    response = submit(client, f"/en/notices/{notice.id}/offer", OFFER)
    assert response.status_code == 302
    (notice,) = the_notices(app)
    (offer,) = notice.offers
    assert (offer.company_id, offer.sender_id, str(offer.price)) == (
        exporter.company_id,
        exporter.id,
        "2050.00",
    )
    (mail,) = mailbox.to(buyer.email)
    assert mail["Content-Language"] == "ja"
    body = mailbox.body(mail)
    assert "Highland Coffee" in body and "Samples on request" in body
    assert f"/ja/notices/{notice.id}" in body
    assert exporter.email in body
    # The requester sees the offer on the notice page; the public does not.
    owner = app.test_client()
    log_in(owner, buyer.email)
    assert "Highland Coffee" in owner.get(f"/en/notices/{notice.id}").get_data(as_text=True)
    assert "Offers received" not in app.test_client().get(f"/en/notices/{notice.id}").get_data(
        as_text=True
    )


def test_only_verified_exporters_answer_live_buying_requests(app, client, make_user, mailbox):
    buyer, notice = post_request(app, make_user)
    token = csrf_token_from(client.get("/en/login").get_data(as_text=True))
    for role, verified in ((None, True), ("buyer", True), ("agency", True), ("exporter", False)):
        if role:
            log_in(client, make_user(role, verified=verified).email)
            token = csrf_token_from(client.get("/en/notices").get_data(as_text=True))
        url = f"/en/notices/{notice.id}/offer"
        assert client.get(url).status_code == 404, role
        assert client.post(url, data={**OFFER, "csrf_token": token}).status_code == 404, role
        client.post("/en/logout", data={"csrf_token": token})
    assert the_notices(app)[0].offers == []
    assert mailbox.to(buyer.email) == []


def test_no_offers_on_expired_requests_or_other_kinds(app, client, make_user, login_as):
    _buyer, notice = post_request(app, make_user)
    seller = make_user("exporter", company="Seller Co")
    browser = app.test_client()
    log_in(browser, seller.email)
    submit(browser, "/en/notices/new/selling_offer", base_form())
    selling = the_notices(app)[1]
    login_as("exporter")
    assert client.get(f"/en/notices/{selling.id}/offer").status_code == 404
    set_dates(
        app,
        notice.id,
        valid_from=today() - timedelta(days=10),
        valid_until=today() - timedelta(days=1),
        deadline=None,
    )
    assert client.get(f"/en/notices/{notice.id}/offer").status_code == 404


def test_offer_validation(app, client, make_user, login_as, mailbox):
    _buyer, notice = post_request(app, make_user)
    login_as("exporter")
    url = f"/en/notices/{notice.id}/offer"
    for changes, message in (
        ({"price": ""}, "Give your price."),
        ({"currency": "XYZ"}, "Unknown currency."),
        ({"quantity": "0"}, "Give the quantity."),
        ({"quantity": "-3"}, "Enter zero or a positive number."),
    ):
        response = submit(client, url, {**OFFER, **changes})
        assert response.status_code == 200
        assert message in response.get_data(as_text=True), changes
    assert the_notices(app)[0].offers == []
    assert mailbox.messages == []
