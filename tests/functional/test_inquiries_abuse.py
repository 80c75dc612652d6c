"""Abuse limits: the same text to many companies, the per-user rate limit, spam reports."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exportnet.extensions import db
from exportnet.moderation.models import ContentReport
from tests.conftest import log_in, submit
from tests.functional.test_inquiries_support import inquiries, send


def _companies(make_user, count: int) -> list[int]:
    return [make_user("exporter", company=f"Supplier {n}").company_id for n in range(count)]


@pytest.mark.parametrize("app_config", [{"RATELIMIT_INQUIRY": "100 per hour"}])
def test_same_text_to_more_than_three_companies_is_refused(app, client, make_user, login_as):
    companies = _companies(make_user, 5)
    login_as("buyer")
    text = "Dear supplier, please send your best price list for all products."
    for company_id in companies[:3]:
        assert send(client, company_id, message=text).status_code == 302
    # the same text, differently spaced and cased, to a fourth company
    response = send(
        client,
        companies[3],
        message="  DEAR supplier,\n please send your BEST price list for all products!!  ",
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "You have sent this same message to 3 companies in the last 24 hours" in html
    assert len(inquiries(app)) == 3
    # writing again to a company that already has it is fine; a different text is fine
    assert send(client, companies[0], message=text).status_code == 302
    assert send(client, companies[4], message="Do you ship robusta to Osaka?").status_code == 302
    # another buyer is not affected
    other = app.test_client()
    log_in(other, make_user("buyer").email)
    assert send(other, companies[3], message=text).status_code == 302


def test_refusal_is_translated(app, client, make_user, login_as):
    companies = _companies(make_user, 4)
    login_as("buyer")
    for company_id in companies[:3]:
        send(client, company_id, locale="ja", message="Same words")
    html = send(client, companies[3], locale="ja", message="Same words").get_data(as_text=True)
    assert '<html lang="ja"' in html
    assert len(inquiries(app)) == 3


# RATELIMIT_ENABLED: the shared Limiter keeps "disabled" from an earlier app that set it.
@pytest.mark.parametrize(
    "app_config", [{"RATELIMIT_INQUIRY": "2 per hour", "RATELIMIT_ENABLED": True}]
)
def test_rate_limit_per_user(app, client, make_user, login_as):
    companies = _companies(make_user, 4)
    login_as("buyer")
    # a refused form does not use up the limit
    assert send(client, companies[0], subject="").status_code == 200
    assert send(client, companies[0], message="First question").status_code == 302
    assert send(client, companies[1], message="Second question").status_code == 302
    response = send(client, companies[2], message="Third question")
    assert response.status_code == 429
    assert "You have sent many inquiries in a short time" in response.get_data(as_text=True)
    assert len(inquiries(app)) == 2
    # the limit is per user: another buyer from the same address still writes
    other = app.test_client()
    log_in(other, make_user("buyer").email)
    assert send(other, companies[2], message="Their own question").status_code == 302
    # reading and replying are not limited
    (first, *_rest) = inquiries(app)
    assert client.get(f"/en/inquiries/{first.id}").status_code == 200
    response = submit(
        client,
        f"/en/inquiries/{first.id}",
        {"body": "A follow-up"},
        action=f"/en/inquiries/{first.id}/reply",
        content_type="multipart/form-data",
    )
    assert response.status_code == 302


def test_exporter_reports_spam_into_the_moderation_queue(app, client, make_user, login_as):
    exporter = make_user("exporter", company="Mekong Coffee")
    buyer = make_user("buyer")
    log_in(client, buyer.email)
    send(client, exporter.company_id, message="Cheap watches, click here")
    (inquiry,) = inquiries(app)
    page = client.get(f"/en/inquiries/{inquiry.id}").get_data(as_text=True)
    assert "Report as spam" not in page  # the buyer does not report their own inquiry

    seller = app.test_client()
    log_in(seller, exporter.email)
    thread = f"/en/inquiries/{inquiry.id}"
    page = seller.get(thread).get_data(as_text=True)
    assert "Report as spam" in page and "<details" in page
    response = submit(
        seller,
        thread,
        {"reason": "Advertising, not a real inquiry"},
        action=f"{thread}/report",
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Your report was sent to the moderators" in html
    assert "This inquiry was reported as spam" in html
    # reporting twice keeps one open report
    submit(seller, thread, {"reason": ""}, action=f"{thread}/report")
    with app.app_context():
        reports = list(db.session.scalars(select(ContentReport)))
        assert [(r.target_type, r.target_id, r.reporter_id, r.reason) for r in reports] == [
            ("inquiry", inquiry.id, exporter.id, "Advertising, not a real inquiry")
        ]
        assert reports[0].resolved_at is None
