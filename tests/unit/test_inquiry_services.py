"""Inquiry services: the rows they write, the rules they enforce, and content reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from exportnet.accounts.models import User
from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.inquiries import queries
from exportnet.inquiries.attachments import Attachment
from exportnet.inquiries.models import Inquiry, InquiryEvent, InquiryMessage
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.services import (
    InquiryTerms,
    close_inquiry,
    mark_read,
    reply_to_inquiry,
    report_spam,
    send_inquiry,
)
from exportnet.mail.models import MailOutbox
from exportnet.moderation.models import ContentReport
from exportnet.moderation.services import (
    ReportError,
    open_reports,
    report_content,
    resolve_report,
)


def terms(**changes) -> InquiryTerms:
    values = {
        "subject": "Robusta",
        "message": "Twenty tonnes, please.",
        "quantity": Decimal(20),
        "quantity_unit": "tonne",
        "destination_economy": "JP",
    }
    values.update(changes)
    return InquiryTerms(**values)


@pytest.fixture
def people(app, make_user):
    """A buyer, two members of one company, a stranger; attached inside a request context."""
    made = {
        "buyer": make_user("buyer"),
        "seller": make_user("exporter", company="Mekong Coffee"),
        "colleague": make_user("exporter", company="Mekong Coffee"),
        "other": make_user("exporter", company="Other Co"),
        "unverified": make_user("buyer", verified=False),
    }
    with app.test_request_context():
        yield {name: db.session.get(User, user.id) for name, user in made.items()}


def company_of(user: User) -> Company:
    return db.session.get(Company, user.company_id)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_send_writes_the_inquiry_message_event_and_mail_together(people):
    company = company_of(people["seller"])
    product = create_product(company, ListingTerms(hs_code="0901"), "en", ListingText("Beans"))
    inquiry = send_inquiry(
        people["buyer"], company, terms(target_price=Decimal("2.5"), currency="usd"), product
    )
    assert inquiry.status == "new" and inquiry.currency == "USD"
    assert inquiry.product_id == product.id
    (message,) = db.session.scalars(select(InquiryMessage)).all()
    assert (message.side, message.author_id) == ("buyer", people["buyer"].id)
    assert inquiry.last_buyer_message_id == message.id and inquiry.last_seller_message_id is None
    event = db.session.scalars(select(InquiryEvent)).one()
    assert (event.kind, event.company_id, event.product_id, event.destination_economy) == (
        "sent",
        company.id,
        product.id,
        "JP",
    )
    recipients = set(db.session.scalars(select(MailOutbox.to_address)))
    assert recipients == {people["seller"].email, people["colleague"].email}


def test_who_may_send(people):
    company = company_of(people["seller"])
    for sender in (people["unverified"], people["seller"], people["colleague"]):
        with pytest.raises(InquiryError):
            send_inquiry(sender, company, terms())
    send_inquiry(people["other"], company, terms())  # an exporter of another company may
    other_product = create_product(
        company_of(people["other"]), ListingTerms(hs_code="0901"), "en", ListingText("Tea")
    )
    with pytest.raises(InquiryError):
        send_inquiry(people["buyer"], company, terms(), other_product)
    assert count(Inquiry) == 1


def test_reply_status_read_tracking_and_events(people):
    buyer, seller, colleague = people["buyer"], people["seller"], people["colleague"]
    inquiry = send_inquiry(buyer, company_of(seller), terms())
    assert queries.unread_count(seller) == 1 and queries.unread_count(colleague) == 1
    assert queries.unread_count(buyer) == 0
    assert mark_read(seller, inquiry) is True
    assert mark_read(seller, inquiry) is False  # nothing new: nothing written
    assert queries.unread_count(seller) == 0 and queries.unread_count(colleague) == 1

    reply_to_inquiry(seller, inquiry, "Yes.")
    db.session.refresh(inquiry)
    assert inquiry.status == "replied"
    assert queries.unread_count(buyer) == 1
    assert queries.unread_ids(buyer, [inquiry]) == {inquiry.id}
    reply_to_inquiry(buyer, inquiry, "Great, samples please.")
    db.session.refresh(inquiry)
    assert inquiry.status == "replied"  # stays answered when the buyer writes again
    assert queries.unread_count(seller) == 1

    close_inquiry(colleague, inquiry)
    db.session.refresh(inquiry)
    assert inquiry.is_closed and inquiry.closed_by_id == colleague.id
    with pytest.raises(InquiryError):
        reply_to_inquiry(buyer, inquiry, "Wait!")
    with pytest.raises(LookupError):
        reply_to_inquiry(people["other"], inquiry, "Hello")
    kinds = list(db.session.scalars(select(InquiryEvent.kind).order_by(InquiryEvent.id)))
    assert kinds == ["sent", "read", "replied", "replied", "closed"]


def test_attachment_file_is_removed_when_the_transaction_fails(app, people):
    company = company_of(people["seller"])
    pdf = Attachment(b"%PDF-1.4\n%%EOF\n", "application/pdf", "a.pdf")
    app.config["INQUIRY_DUPLICATE_MAX_COMPANIES"] = 0  # the transaction refuses every send
    with pytest.raises(InquiryError):
        send_inquiry(people["buyer"], company, terms(), attachment=pdf)
    root = Path(app.config["INQUIRY_ATTACHMENT_DIR"])
    assert not root.exists() or not any(root.rglob("*.pdf"))


def test_report_spam_and_the_generic_queue(people):
    buyer, seller = people["buyer"], people["seller"]
    inquiry = send_inquiry(buyer, company_of(seller), terms())
    with pytest.raises(LookupError):
        report_spam(buyer, inquiry, "mine")
    report = report_spam(seller, inquiry, "Advertising")
    assert report_spam(seller, inquiry, "again").id == report.id
    assert queries.spam_report(inquiry).id == report.id
    post_report = report_content(buyer, "board_post", 7, "Off topic")
    assert [r.id for r in open_reports()] == [report.id, post_report.id]
    assert [r.id for r in open_reports("board_post")] == [post_report.id]
    resolved = resolve_report(report.id, people["other"], "dismissed")
    assert resolved.resolved_at is not None and resolved.resolution == "dismissed"
    assert [r.id for r in open_reports()] == [post_report.id]
    assert queries.spam_report(inquiry) is None
    with pytest.raises(ReportError):
        report_content(buyer, "board_post", 8, "x" * 3000)
    with pytest.raises(ValueError):
        report_content(buyer, "Bad Type!", 1)
    assert count(ContentReport) == 2
