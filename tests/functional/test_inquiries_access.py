"""Only the buyer, the company's members and admins see an inquiry: anyone else gets a 404."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token_from, log_in
from tests.functional.test_inquiries_support import SMALL_PDF, inquiries, send, supplier


@pytest.fixture
def thread(app, make_user, mailbox):
    """An inquiry with a PDF attachment from a buyer to a company; returns the people."""
    exporter, product_id = supplier(app, make_user)
    buyer = make_user("buyer")
    client = app.test_client()
    log_in(client, buyer.email)
    response = send(
        client,
        exporter.company_id,
        product_id,
        attachment=(__import__("io").BytesIO(SMALL_PDF), "specification.pdf"),
    )
    assert response.status_code == 302
    (inquiry,) = inquiries(app)
    return {"inquiry": inquiry, "buyer": buyer, "exporter": exporter}


def _urls(inquiry_id: int, message_id: int) -> list[str]:
    base = f"/en/inquiries/{inquiry_id}"
    return [base, f"{base}/files/{message_id}"]


def _posts(inquiry_id: int) -> list[str]:
    base = f"/en/inquiries/{inquiry_id}"
    return [f"{base}/reply", f"{base}/close", f"{base}/report"]


@pytest.mark.parametrize("stranger", ["buyer", "exporter", "agency", "unverified_member"])
def test_strangers_get_404_for_everything(app, client, make_user, thread, stranger):
    inquiry = thread["inquiry"]
    if stranger == "unverified_member":
        # a member of another company, whatever their state
        user = make_user("exporter", company="Another Company", verified=False)
    else:
        user = make_user(stranger)
    log_in(client, user.email)
    message_id = _first_message_id(app, inquiry.id)
    for url in _urls(inquiry.id, message_id):
        assert client.get(url).status_code == 404, url
    token = csrf_token_from(client.get("/en/account").get_data(as_text=True))
    for url in _posts(inquiry.id):
        response = client.post(url, data={"csrf_token": token, "body": "hi", "reason": "x"})
        assert response.status_code == 404, url
    after = inquiries(app)[0]
    assert after.status == "new"


def test_guessing_ids_gives_the_same_404(app, client, make_user, thread):
    log_in(client, make_user("buyer").email)
    inquiry_id = thread["inquiry"].id
    for guess in (inquiry_id, inquiry_id + 1, 999999):
        response = client.get(f"/en/inquiries/{guess}")
        assert response.status_code == 404
        assert "Page not found" in response.get_data(as_text=True)
    # the buyer: a message id that is not of this inquiry is not found either
    buyer = _client_for(app, thread["buyer"])
    message_id = _first_message_id(app, inquiry_id)
    assert buyer.get(f"/en/inquiries/{inquiry_id}/files/{message_id}").status_code == 200
    assert buyer.get(f"/en/inquiries/{inquiry_id}/files/{message_id + 1}").status_code == 404
    assert buyer.get(f"/en/inquiries/{inquiry_id + 1}/files/{message_id}").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(app, client, thread):
    inquiry_id = thread["inquiry"].id
    response = client.get(f"/en/inquiries/{inquiry_id}")
    assert response.status_code == 302
    assert f"/en/login?next=/en/inquiries/{inquiry_id}" in response.headers["Location"]
    assert client.get("/en/inquiries/sent").status_code == 302
    message_id = _first_message_id(app, inquiry_id)
    assert client.get(f"/en/inquiries/{inquiry_id}/files/{message_id}").status_code == 404


def test_parties_and_admins_see_the_thread(app, client, make_user, thread):
    inquiry = thread["inquiry"]
    colleague = make_user("exporter", company="Mekong Coffee")
    admin = make_user("admin")
    for user in (thread["buyer"], thread["exporter"], colleague, admin):
        other = app.test_client()
        log_in(other, user.email)
        response = other.get(f"/en/inquiries/{inquiry.id}")
        assert response.status_code == 200, user.role
        assert "Robusta for our roastery" in response.get_data(as_text=True)
    # admins read, but are no party: they do not reply or close
    admin_client = app.test_client()
    log_in(admin_client, admin.email)
    page = admin_client.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert f"/en/inquiries/{inquiry.id}/reply" not in page
    assert f"/en/inquiries/{inquiry.id}/close" not in page


def test_received_box_is_only_for_company_members(app, make_user, thread):
    buyer = _client_for(app, thread["buyer"])
    assert buyer.get("/en/inquiries/received").status_code == 404
    other = _client_for(app, make_user("exporter", company="Another Company"))
    html = other.get("/en/inquiries/received").get_data(as_text=True)
    assert "Robusta for our roastery" not in html
    agency = _client_for(app, make_user("agency"))
    assert agency.get("/en/inquiries/sent").status_code == 404
    assert agency.get("/en/inquiries").status_code == 404


def _client_for(app, user):
    client = app.test_client()
    log_in(client, user.email)
    return client


def _first_message_id(app, inquiry_id: int) -> int:
    from sqlalchemy import select

    from exportnet.extensions import db
    from exportnet.inquiries.models import InquiryMessage

    with app.app_context():
        return db.session.scalar(
            select(InquiryMessage.id).where(InquiryMessage.inquiry_id == inquiry_id)
        )
