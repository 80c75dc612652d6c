"""An exporter's offer on a buying request opens an inquiry thread with the requester."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale, gettext

from exportnet.analytics.queries import seller_analytics
from exportnet.reports.queries import inquiries as report_inquiries
from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_inquiries_support import events, inquiries
from tests.functional.test_notices_offers import OFFER
from tests.functional.test_notices_support import buying_request_form, the_notices


def _client(app, user):
    browser = app.test_client()
    log_in(browser, user.email)
    return browser


def _unread_badge(browser) -> str | None:
    html = browser.get("/en/notices").get_data(as_text=True)
    match = re.search(r'Inquiries <span class="badge"><span aria-hidden="true">(\d+)</span>', html)
    return match.group(1) if match else None


def _request_and_offer(app, make_user, requester_role="buyer", **requester_options):
    """The requester posts a buying request; an exporter answers it through the pages."""
    requester = make_user(requester_role, **requester_options)
    assert (
        submit(
            _client(app, requester), "/en/notices/new/buying_request", buying_request_form()
        ).status_code
        == 302
    )
    (notice,) = the_notices(app)
    exporter = make_user("exporter", company="Highland Coffee")
    seller = _client(app, exporter)
    response = submit(seller, f"/en/notices/{notice.id}/offer", OFFER)
    assert response.status_code == 302
    (inquiry,) = inquiries(app)
    assert response.headers["Location"].endswith(f"/en/inquiries/{inquiry.id}")
    return requester, exporter, seller, notice, inquiry


def _reply(browser, inquiry_id: int, body: str):
    thread = f"/en/inquiries/{inquiry_id}"
    return submit(
        browser,
        thread,
        {"body": body},
        action=f"{thread}/reply",
        content_type="multipart/form-data",
    )


def test_offer_reaches_the_requester_as_an_inquiry_and_they_talk(app, make_user, mailbox):
    buyer, exporter, seller, notice, inquiry = _request_and_offer(
        app, make_user, preferred_locale="ja"
    )
    (offer,) = the_notices(app)[0].offers
    assert offer.inquiry_id == inquiry.id
    assert (inquiry.buyer_id, inquiry.company_id, inquiry.opening_side) == (
        buyer.id,
        exporter.company_id,
        "seller",
    )
    assert inquiry.status == "new" and inquiry.product_id is None
    assert events(app) == [("offered", "seller", exporter.id)]

    # One mail to the requester, in their language, with the offer and the thread's link.
    (mail,) = mailbox.messages
    assert mail["To"] == buyer.email and mail["Content-Language"] == "ja"
    body = mailbox.body(mail)
    assert "Highland Coffee" in body and "Samples on request" in body
    assert f"/ja/inquiries/{inquiry.id}" in body and f"/ja/notices/{notice.id}" in body

    # The exporter lands on the thread: the offer is its first message.
    page = seller.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert "Your offer was sent to the buyer." in page
    assert "Grade 1, screen 18. Samples on request." in page
    assert _unread_badge(seller) is None
    assert "Wanted: 20 tonnes of robusta" in seller.get("/en/inquiries/sent").get_data(as_text=True)
    assert "Wanted: 20 tonnes of robusta" not in seller.get("/en/inquiries/received").get_data(
        as_text=True
    )

    # The requester: the header counts it, the inbox lists it, the thread states the terms
    # in the requester's language (the words of the exporter stay theirs).
    requester = _client(app, buyer)
    assert _unread_badge(requester) == "1"
    assert requester.get("/en/inquiries").headers["Location"].endswith("/en/inquiries/sent")
    inbox = requester.get("/en/inquiries/sent").get_data(as_text=True)
    assert f"/en/inquiries/{inquiry.id}" in inbox and "Highland Coffee" in inbox
    assert "Unread" in inbox
    with app.test_request_context(), force_locale("ja"):
        price_label, lead_label = gettext("Price per unit:"), gettext("Lead time:")
        subject = gettext("Offer: %(title)s", title="Wanted: 20 tonnes of robusta")
    assert inquiry.subject == subject != "Offer: Wanted: 20 tonnes of robusta"
    page = requester.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert price_label in page and lead_label in page and "2,050" in page
    assert "Grade 1, screen 18. Samples on request." in page
    assert f"/en/inquiries/{inquiry.id}/reply" in page
    assert _unread_badge(requester) is None  # read now

    # The requester's notice page links each offer to its thread.
    notice_page = requester.get(f"/en/notices/{notice.id}").get_data(as_text=True)
    assert f'href="/en/inquiries/{inquiry.id}"' in notice_page

    # The requester replies: the exporter is mailed and sees it, the thread is answered.
    mailbox.clear()
    assert _reply(requester, inquiry.id, "Please send two samples to Osaka.").status_code == 302
    assert inquiries(app)[0].status == "replied"
    (to_exporter,) = mailbox.to(exporter.email)
    assert f"/en/inquiries/{inquiry.id}" in mailbox.body(to_exporter)
    assert _unread_badge(seller) == "1"
    page = seller.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert "Please send two samples to Osaka." in page
    assert _unread_badge(seller) is None

    # The exporter answers back; the requester is mailed.
    mailbox.clear()
    assert _reply(seller, inquiry.id, "Samples leave on Monday.").status_code == 302
    (to_buyer,) = mailbox.to(buyer.email)
    assert "Samples leave on Monday." in mailbox.body(to_buyer)
    assert [kind for kind, _side, _user in events(app)] == [
        "offered",
        "read",
        "replied",
        "read",
        "replied",
    ]

    # An offer is not an inquiry the company received: analytics and reports skip it.
    with app.app_context():
        figures = seller_analytics(exporter.company_id)
        assert figures.inquiries == {}
        assert (figures.reply.answered, figures.reply.unanswered) == (0, 0)
        assert report_inquiries() == {}


@pytest.mark.parametrize("stranger", ["buyer", "exporter", "agency", "colleague_of_requester"])
def test_only_the_two_parties_and_admins_open_the_thread(app, make_user, mailbox, stranger):
    requester, exporter, _seller, _notice, inquiry = _request_and_offer(
        app, make_user, requester_role="exporter", company="Osaka Roasters"
    )
    if stranger == "colleague_of_requester":
        user = make_user("exporter", company="Osaka Roasters")
    else:
        user = make_user(stranger)
    browser = _client(app, user)
    base = f"/en/inquiries/{inquiry.id}"
    assert browser.get(base).status_code == 404
    token = csrf_token_from(browser.get("/en/account").get_data(as_text=True))
    for action in ("reply", "close", "report"):
        response = browser.post(
            f"{base}/{action}", data={"csrf_token": token, "body": "hi", "reason": "x"}
        )
        assert response.status_code == 404, action
    assert inquiries(app)[0].status == "new"

    colleague = make_user("exporter", company="Highland Coffee")
    for party in (requester, exporter, colleague, make_user("admin")):
        assert _client(app, party).get(base).status_code == 200, party.role


def test_an_exporter_requester_finds_the_offer_among_received_inquiries(app, make_user, mailbox):
    requester, _exporter, seller, _notice, inquiry = _request_and_offer(
        app, make_user, requester_role="exporter", company="Osaka Roasters"
    )
    browser = _client(app, requester)
    assert browser.get("/en/inquiries").headers["Location"].endswith("/en/inquiries/received")
    received = browser.get("/en/inquiries/received").get_data(as_text=True)
    assert f"/en/inquiries/{inquiry.id}" in received and "Highland Coffee" in received
    assert f"/en/inquiries/{inquiry.id}" not in browser.get("/en/inquiries/sent").get_data(
        as_text=True
    )
    # The requester received the thread: they may report it; its sender may not.
    page = browser.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert f"/en/inquiries/{inquiry.id}/report" in page
    assert 'href="/en/inquiries/received"' in page
    page = seller.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert f"/en/inquiries/{inquiry.id}/report" not in page
    assert 'href="/en/inquiries/sent"' in page
