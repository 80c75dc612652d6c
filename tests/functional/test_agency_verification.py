"""Exporters submit evidence; an officer of an agency covering their economy decides."""

from __future__ import annotations

from io import BytesIO

from exportnet.agency.models import VerificationRequest
from exportnet.companies.models import Company
from tests.conftest import csrf_token_from, submit
from tests.functional.test_agency_support import (
    add_product,
    audit_entries,
    client_for,
    colleague_of,
    get,
    officer_of,
    pdf_upload,
    requests_of,
)


def ask_for_verification(client, number="0105561234567", document=True):
    data = {"registration_number": number}
    if document:
        data["document"] = pdf_upload()
    return submit(client, "/en/my/verification", data, content_type="multipart/form-data")


def test_exporter_asks_and_an_officer_of_that_economy_approves(
    app, client, login_as, make_user, mailbox
):
    exporter = login_as("exporter", company="Siam Rice Export", economy="TH")
    colleague = colleague_of(app, exporter)
    product_id = add_product(app, exporter.company_id, title="Jasmine rice", hs_code="1006")
    response = ask_for_verification(client)
    assert response.status_code == 302
    (request,) = requests_of(app, exporter.company_id)
    assert request.status == "pending"
    assert request.registration_number == "0105561234567"
    assert request.document_name == "registration.pdf"
    page = client.get("/en/my/verification").get_data(as_text=True)
    assert "Waiting for a decision" in page
    assert 'name="registration_number"' not in page  # no second request while one waits

    officer = officer_of(app, make_user, ["TH", "LA"], name="Thai Trade Promotion")
    browser = client_for(app, officer)
    queue = browser.get("/en/agency/verifications").get_data(as_text=True)
    assert "Siam Rice Export" in queue
    document = browser.get(f"/en/agency/verifications/{request.id}/document")
    assert document.status_code == 200
    assert document.data.startswith(b"%PDF-")
    assert "attachment" in document.headers["Content-Disposition"]

    mailbox.clear()
    response = submit(
        browser,
        f"/en/agency/verifications/{request.id}",
        {"reason": "Registration checked with the DBD.", "approve": "Approve"},
        action=f"/en/agency/verifications/{request.id}/decide",
    )
    assert response.status_code == 302
    company = get(app, Company, exporter.company_id)
    assert company.verified_at is not None
    assert company.verification_note == "Registration checked with the DBD."
    (decided,) = requests_of(app, exporter.company_id)
    assert decided.status == "approved" and decided.decided_by_id == officer.id

    badge = f"Verified by Thai Trade Promotion on {company.verified_at.strftime('%b')}"
    assert badge in client.get(f"/en/companies/{company.id}").get_data(as_text=True)
    assert badge in client.get(f"/en/products/{product_id}").get_data(as_text=True)
    listing = client.get("/en/companies?economy=TH").get_data(as_text=True)
    assert "Verified" in listing

    assert {m["To"] for m in mailbox.messages} == {exporter.email, colleague.email}
    assert "is now verified" in mailbox.messages[0]["Subject"]
    (entry,) = audit_entries(app)
    assert (entry.actor_id, entry.action, entry.target_type, entry.target_id) == (
        officer.id,
        "verification_approved",
        "company",
        company.id,
    )


def test_search_results_show_the_verified_badge_and_filter(app, client, login_as, make_user):
    exporter = login_as("exporter", company="Hanoi Lacquerware", economy="VN")
    product_id = add_product(
        app, exporter.company_id, title="Lacquered bamboo bowls", hs_code="4419"
    )
    link = f'href="/en/products/{product_id}"'
    ask_for_verification(client, document=False)
    officer = officer_of(app, make_user, ["VN"])
    (request,) = requests_of(app, exporter.company_id)
    before = client.get("/en/search?q=bamboo+bowls&verified=1").get_data(as_text=True)
    assert link not in before
    submit(
        client_for(app, officer),
        f"/en/agency/verifications/{request.id}",
        {"reason": "", "approve": "Approve"},
        action=f"/en/agency/verifications/{request.id}/decide",
    )
    page = client.get("/en/search?q=bamboo+bowls&verified=1").get_data(as_text=True)
    assert link in page
    assert '<span class="badge">Verified</span>' in page
    assert link not in client.get("/en/search?q=bamboo+bowls&verified=0").get_data(as_text=True)


def test_an_agency_of_another_economy_cannot_verify(app, client, login_as, make_user):
    exporter = login_as("exporter", company="Busan Marine Foods", economy="KR")
    ask_for_verification(client)
    (request,) = requests_of(app, exporter.company_id)
    thai = client_for(app, officer_of(app, make_user, ["TH"]))

    assert "Busan Marine Foods" not in thai.get("/en/agency/verifications").get_data(as_text=True)
    assert thai.get(f"/en/agency/verifications/{request.id}").status_code == 404
    assert thai.get(f"/en/agency/verifications/{request.id}/document").status_code == 404
    token = csrf_token_from(thai.get("/en/agency/verifications").get_data(as_text=True))
    for action in ("decide", "revoke"):
        response = thai.post(
            f"/en/agency/verifications/{request.id}/{action}",
            data={"csrf_token": token, "reason": "x", "approve": "Approve"},
        )
        assert response.status_code == 404
    assert get(app, VerificationRequest, request.id).status == "pending"
    assert get(app, Company, exporter.company_id).verified_at is None
    assert audit_entries(app) == []


def test_buyers_and_other_members_cannot_reach_verification(app, client, login_as, make_user):
    exporter = make_user("exporter", economy="VN")
    other = make_user("exporter", economy="VN")
    browser = client_for(app, exporter)
    ask_for_verification(browser)
    (request,) = requests_of(app, exporter.company_id)

    login_as("buyer")
    assert client.get("/en/my/verification").status_code == 404
    assert client.get("/en/agency/verifications").status_code == 404
    assert client.get(f"/en/agency/verifications/{request.id}").status_code == 404
    outsider = client_for(app, other)
    assert outsider.get(f"/en/agency/verifications/{request.id}").status_code == 404
    # An agency account that is no officer of any agency has no queue.
    lone = client_for(app, make_user("agency"))
    assert lone.get("/en/agency/verifications").status_code == 404
    # The exporter follows their own request.
    assert browser.get(f"/en/agency/verifications/{request.id}").status_code == 200


def test_reject_needs_a_reason_and_mails_it(app, client, login_as, make_user, mailbox):
    exporter = login_as("exporter", economy="ID")
    ask_for_verification(client, document=False)
    (request,) = requests_of(app, exporter.company_id)
    officer = client_for(app, officer_of(app, make_user, ["ID", "MY"]))
    url = f"/en/agency/verifications/{request.id}"
    response = submit(officer, url, {"reason": "", "reject": "Reject"}, action=f"{url}/decide")
    assert response.status_code == 200
    assert "Give the reason for this decision." in response.get_data(as_text=True)
    assert requests_of(app, exporter.company_id)[0].status == "pending"

    mailbox.clear()
    response = submit(
        officer,
        url,
        {"reason": "The number does not match the company name.", "reject": "Reject"},
        action=f"{url}/decide",
    )
    assert response.status_code == 302
    assert requests_of(app, exporter.company_id)[0].status == "rejected"
    (mail,) = mailbox.to(exporter.email)
    assert "The number does not match the company name." in mailbox.body(mail)
    # The exporter may ask again with better evidence.
    page = client.get("/en/my/verification").get_data(as_text=True)
    assert "The number does not match the company name." in page
    assert ask_for_verification(client, number="AHU-0012345").status_code == 302
    assert [r.status for r in requests_of(app, exporter.company_id)] == ["rejected", "pending"]


def test_an_officer_revokes_a_verification(app, client, login_as, make_user, mailbox):
    exporter = login_as("exporter", company="Phnom Penh Silk", economy="KH")
    ask_for_verification(client, document=False)
    (request,) = requests_of(app, exporter.company_id)
    officer = client_for(app, officer_of(app, make_user, ["KH"]))
    url = f"/en/agency/verifications/{request.id}"
    submit(officer, url, {"reason": "", "approve": "Approve"}, action=f"{url}/decide")
    assert get(app, Company, exporter.company_id).verified_at is not None

    response = submit(officer, url, {"reason": ""}, action=f"{url}/revoke")
    assert response.status_code == 200  # a reason is required
    mailbox.clear()
    response = submit(
        officer, url, {"reason": "The company was dissolved."}, action=f"{url}/revoke"
    )
    assert response.status_code == 302
    company = get(app, Company, exporter.company_id)
    assert company.verified_at is None and company.verified_by_agency_id is None
    assert requests_of(app, exporter.company_id)[0].status == "revoked"
    assert "Verified by" not in client.get(f"/en/companies/{company.id}").get_data(as_text=True)
    (mail,) = mailbox.to(exporter.email)
    assert "revoked" in mail["Subject"]
    assert [e.action for e in audit_entries(app)] == [
        "verification_approved",
        "verification_revoked",
    ]


def test_a_document_that_is_not_a_pdf_or_picture_is_refused(app, client, login_as):
    exporter = login_as("exporter", economy="PH")
    response = submit(
        client,
        "/en/my/verification",
        {"registration_number": "CS201912345", "document": (BytesIO(b"<html>hi</html>"), "a.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Attach a PDF document or a picture" in response.get_data(as_text=True)
    assert requests_of(app, exporter.company_id) == []
