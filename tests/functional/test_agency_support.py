"""Shared helpers for the agency, moderation, report, analytics and admin tests (this
module holds no tests). Rows other features own are written directly, so these tests do
not depend on those features' forms."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO

from sqlalchemy import select

from exportnet.accounts.models import Role
from exportnet.accounts.services import create_user
from exportnet.agency.models import (
    Agency,
    AgencyEconomy,
    AgencyMember,
    AuditLog,
    VerificationRequest,
)
from exportnet.board.models import Comment, Post, PostEconomy, PostTranslation
from exportnet.catalog.models import Product
from exportnet.catalog.services import ListingTerms, ListingText, create_product, set_translation
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry, InquiryEvent, InquiryMessage
from exportnet.notices.models import Notice, NoticeTranslation
from exportnet.timeutil import utcnow
from tests.conftest import PASSWORD, log_in

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def pdf_upload(name: str = "registration.pdf"):
    return (BytesIO(MINIMAL_PDF), name)


def add_agency(app, name: str, economies: list[str], officers=()) -> int:
    with app.app_context(), unit_of_work() as session:
        agency = Agency(name=name, economies=[AgencyEconomy(economy=c) for c in economies])
        session.add(agency)
        session.flush()
        for user in officers:
            session.add(AgencyMember(user_id=user.id, agency_id=agency.id))
        return agency.id


def officer_of(app, make_user, economies: list[str], name: str | None = None):
    """A new agency user who is an officer of a new agency covering `economies`."""
    user = make_user("agency")
    add_agency(app, name or f"Trade Agency {'/'.join(economies)} {user.id}", economies, [user])
    return user


def colleague_of(app, exporter, email: str = "colleague@example.test"):
    """Another member of the exporter's company."""
    with app.app_context():
        company = db.session.get(Company, exporter.company_id)
        user = create_user(
            email,
            PASSWORD,
            Role.EXPORTER,
            company_name=company.name,
            economy=company.economy,
            verified=True,
            join_existing_company=True,
        )
        db.session.refresh(user)
        db.session.expunge(user)
        assert user.company_id == exporter.company_id
        return user


def client_for(app, user):
    browser = app.test_client()
    log_in(browser, user.email)
    return browser


def get(app, model, ident):
    with app.app_context():
        row = db.session.get(model, ident)
        if row is not None:
            db.session.expunge(row)
        return row


def all_rows(app, model, order=None):
    with app.app_context():
        rows = list(db.session.scalars(select(model).order_by(order or model.id)))
        db.session.expunge_all()
        return rows


def audit_entries(app) -> list[AuditLog]:
    return all_rows(app, AuditLog)


def requests_of(app, company_id: int) -> list[VerificationRequest]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                select(VerificationRequest)
                .where(VerificationRequest.company_id == company_id)
                .order_by(VerificationRequest.id)
            )
        )
        db.session.expunge_all()
        return rows


def add_product(
    app,
    company_id: int,
    title="Robusta coffee",
    hs_code="0901",
    lang="en",
    status="published",
    translations=None,
    origin=None,
) -> int:
    with app.app_context():
        company = db.session.get(Company, company_id)
        product = create_product(
            company,
            ListingTerms(hs_code=hs_code, status=status, origin_economy=origin),
            lang,
            ListingText(title),
        )
        for code, text in (translations or {}).items():
            set_translation(product, code, ListingText(text))
        return product.id


def set_product(app, product_id: int, **values) -> None:
    with app.app_context(), unit_of_work() as session:
        product = session.get(Product, product_id)
        for key, value in values.items():
            setattr(product, key, value)


def set_company(app, company_id: int, **values) -> None:
    with app.app_context(), unit_of_work() as session:
        company = session.get(Company, company_id)
        for key, value in values.items():
            setattr(company, key, value)


def add_notice(
    app,
    author,
    economy: str,
    kind="selling_offer",
    valid_until=None,
    status="published",
    company_id=None,
    title="Offer",
) -> int:
    today = utcnow().date()
    with app.app_context(), unit_of_work() as session:
        notice = Notice(
            kind=kind,
            status=status,
            author_id=author.id,
            company_id=company_id,
            original_language="en",
            economy=economy,
            valid_from=today - timedelta(days=10),
            valid_until=valid_until or today + timedelta(days=30),
            published_at=utcnow(),
            translations=[NoticeTranslation(lang="en", title=title, body="Details")],
        )
        session.add(notice)
        session.flush()
        return notice.id


def add_post(
    app, author, economies: list[str], status="published", publish_on=None, title="Market report"
) -> int:
    with app.app_context(), unit_of_work() as session:
        post = Post(
            topic="market_report",
            status=status,
            author_id=author.id,
            original_language="en",
            publish_on=publish_on or utcnow().date(),
            translations=[PostTranslation(lang="en", title=title, body="Body")],
            economies=[PostEconomy(economy=c) for c in economies],
        )
        session.add(post)
        session.flush()
        return post.id


def add_comment(app, post_id: int, author, body="Cheap watches! Visit spam.example") -> int:
    with app.app_context(), unit_of_work() as session:
        comment = Comment(post_id=post_id, author_id=author.id, body=body)
        session.add(comment)
        session.flush()
        return comment.id


def add_inquiry(
    app,
    buyer,
    company_id: int,
    product_id=None,
    sent_at=None,
    reply_after: timedelta | None = None,
    subject="Price for 1 t",
) -> int:
    """An inquiry with its first message and events; a seller reply after `reply_after`."""
    sent_at = sent_at or utcnow() - timedelta(days=1)
    with app.app_context(), unit_of_work() as session:
        inquiry = Inquiry(
            buyer_id=buyer.id,
            company_id=company_id,
            product_id=product_id,
            subject=subject,
            quantity=Decimal(1),
            quantity_unit="tonne",
            destination_economy="JP",
            status="new",
            message_hash="x" * 64,
            created_at=sent_at,
            last_message_at=sent_at,
        )
        session.add(inquiry)
        session.flush()
        first = InquiryMessage(
            inquiry_id=inquiry.id,
            author_id=buyer.id,
            side="buyer",
            body="Please quote 1 tonne.",
            created_at=sent_at,
        )
        session.add(first)
        session.flush()
        inquiry.last_buyer_message_id = first.id
        session.add(_event("sent", inquiry, buyer.id, "buyer", sent_at))
        if reply_after is not None:
            replied_at = sent_at + reply_after
            reply = InquiryMessage(
                inquiry_id=inquiry.id,
                author_id=None,
                side="seller",
                body="Our price is ...",
                created_at=replied_at,
            )
            session.add(reply)
            session.flush()
            inquiry.last_seller_message_id = reply.id
            inquiry.status = "replied"
            session.add(_event("replied", inquiry, None, "seller", replied_at))
        return inquiry.id


def _event(kind, inquiry, user_id, side, when) -> InquiryEvent:
    return InquiryEvent(
        kind=kind,
        inquiry_id=inquiry.id,
        product_id=inquiry.product_id,
        company_id=inquiry.company_id,
        user_id=user_id,
        side=side,
        destination_economy="JP",
        created_at=when,
    )


def month_start(day: date) -> datetime:
    return datetime(day.year, day.month, 1, 12, 0)
