"""Sending, replying, closing, reading and reporting inquiries: each its own transaction.

The inquiry (or reply), its event and the mail to the other party are written in one
transaction: when the mail server is down the inquiry is still there, and its mail
waits in the outbox to be retried.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.catalog.models import Product
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.inquiries import rules
from exportnet.inquiries.abuse import check_not_mass_mailing, normalized_hash
from exportnet.inquiries.attachments import Attachment, attachment_store
from exportnet.inquiries.events import record_event
from exportnet.inquiries.mails import queue_inquiry_mails
from exportnet.inquiries.models import Inquiry, InquiryMessage, InquiryRead
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.terms import REPORT_TARGET, EventKind, Side, Status
from exportnet.moderation.models import ContentReport
from exportnet.moderation.services import add_report
from exportnet.timeutil import utcnow

__all__ = [
    "InquiryError",
    "InquiryTerms",
    "close_inquiry",
    "mark_read",
    "reply_to_inquiry",
    "report_spam",
    "send_inquiry",
]


@dataclass
class InquiryTerms:
    """What a buyer asks: everything but the attachment."""

    subject: str
    message: str
    quantity: Decimal | None
    quantity_unit: str | None
    destination_economy: str | None
    target_price: Decimal | None = None
    currency: str | None = None


def check_terms(terms: InquiryTerms) -> dict[str, Any]:
    """The terms normalized, or InquiryError for the first field that is wrong."""
    price, currency = rules.price_and_currency(terms.target_price, terms.currency)
    return {
        "subject": rules.subject(terms.subject),
        "quantity": rules.quantity(terms.quantity),
        "quantity_unit": rules.unit(terms.quantity_unit),
        "target_price": price,
        "currency": currency,
        "destination_economy": rules.economy(terms.destination_economy),
        "message": rules.message(terms.message),
    }


def _attached(session: Session, model: type[Any], ident: int) -> Any:
    obj = session.get(model, ident)
    if obj is None:
        raise LookupError(f"{model.__name__} {ident} does not exist")
    return obj


def _store(attachment: Attachment | None) -> dict[str, Any]:
    """Write the file before the transaction; its columns for the message row."""
    if attachment is None:
        return {}
    return {
        "attachment_key": attachment_store().save(attachment),
        "attachment_name": attachment.filename,
        "attachment_type": attachment.mimetype,
        "attachment_size": len(attachment.data),
    }


def _forget(columns: dict[str, Any]) -> None:
    """The transaction failed: remove the file it would have referred to."""
    if columns.get("attachment_key"):
        attachment_store().delete(columns["attachment_key"])


def add_message(
    session: Session, inquiry: Inquiry, author: User, side: str, body: str, files: dict[str, Any]
) -> InquiryMessage:
    """Add a message in the caller's transaction: its side's newest, read by its author."""
    message = InquiryMessage(inquiry=inquiry, author=author, side=side, body=body, **files)
    session.add(message)
    session.flush()
    inquiry.last_message_at = message.created_at
    if side == Side.BUYER.value:
        inquiry.last_buyer_message_id = message.id
    else:
        inquiry.last_seller_message_id = message.id
    _set_read(session, inquiry.id, author.id, message.id)
    return message


def _set_read(session: Session, inquiry_id: int, user_id: int, message_id: int) -> None:
    read = session.get(InquiryRead, (inquiry_id, user_id))
    if read is None:
        read = InquiryRead(inquiry_id=inquiry_id, user_id=user_id, last_read_message_id=0)
        session.add(read)
    read.last_read_message_id = max(read.last_read_message_id or 0, message_id)
    read.read_at = utcnow()


def send_inquiry(
    buyer: User,
    company: Company,
    terms: InquiryTerms,
    product: Product | None = None,
    attachment: Attachment | None = None,
) -> Inquiry:
    """A new inquiry from `buyer` to `company` (about `product`), mailed to its members."""
    if not permissions.send_inquiry(buyer, company):
        raise InquiryError(_l("You cannot send an inquiry to this company."))
    if product is not None and product.company_id != company.id:
        raise InquiryError(_l("This product is not listed by this company."))
    values = check_terms(terms)
    text = values.pop("message")
    digest = normalized_hash(text)
    files = _store(attachment)
    try:
        with unit_of_work() as session:
            buyer = _attached(session, User, buyer.id)
            company = _attached(session, Company, company.id)
            check_not_mass_mailing(buyer, company.id, digest)
            inquiry = Inquiry(
                buyer=buyer,
                company=company,
                product_id=product.id if product is not None else None,
                message_hash=digest,
                status=Status.NEW.value,
                **values,
            )
            session.add(inquiry)
            message = add_message(session, inquiry, buyer, Side.BUYER.value, text, files)
            record_event(EventKind.SENT, inquiry, buyer, Side.BUYER.value)
            queue_inquiry_mails(inquiry, message, first=True)
    except BaseException:
        _forget(files)
        raise
    return inquiry


def reply_to_inquiry(
    user: User, inquiry: Inquiry, body: str, attachment: Attachment | None = None
) -> InquiryMessage:
    """A message from either party, mailed to the other one."""
    side = permissions.inquiry_side(user, inquiry)
    if side is None:
        raise LookupError("not a party of this inquiry")
    text = rules.message(body, "body")
    files = _store(attachment)
    try:
        with unit_of_work() as session:
            inquiry = _attached(session, Inquiry, inquiry.id)
            user = _attached(session, User, user.id)
            if not permissions.reply_inquiry(user, inquiry):
                raise InquiryError(_closed_or_unconfirmed(inquiry), "body")
            message = add_message(session, inquiry, user, side, text, files)
            if side == inquiry.receiving_side and inquiry.status == Status.NEW.value:
                inquiry.status = Status.REPLIED.value
            record_event(EventKind.REPLIED, inquiry, user, side)
            queue_inquiry_mails(inquiry, message, first=False)
    except BaseException:
        _forget(files)
        raise
    return message


def _closed_or_unconfirmed(inquiry: Inquiry) -> object:
    if inquiry.is_closed:
        return _l("This inquiry is closed: no more messages can be sent.")
    return _l("Please confirm your email address before you send messages.")


def close_inquiry(user: User, inquiry: Inquiry) -> None:
    """Either party ends the conversation; nothing more can be written to it."""
    side = permissions.inquiry_side(user, inquiry)
    if side is None:
        raise LookupError("not a party of this inquiry")
    with unit_of_work() as session:
        inquiry = _attached(session, Inquiry, inquiry.id)
        if inquiry.is_closed:
            return
        inquiry.status = Status.CLOSED.value
        inquiry.closed_at = utcnow()
        inquiry.closed_by_id = user.id
        record_event(EventKind.CLOSED, inquiry, _attached(session, User, user.id), side)


def mark_read(user: User, inquiry: Inquiry) -> bool:
    """Note that a party has seen every message; record a "read" event when this showed
    them something new from the other side. Writes nothing when there is nothing new."""
    side = permissions.inquiry_side(user, inquiry)
    newest = max(inquiry.last_buyer_message_id or 0, inquiry.last_seller_message_id or 0)
    if side is None or not newest:
        return False
    buyer_side = side == Side.BUYER.value
    theirs = inquiry.last_seller_message_id if buyer_side else inquiry.last_buyer_message_id
    try:
        with unit_of_work() as session:
            read = session.get(InquiryRead, (inquiry.id, user.id))
            before = read.last_read_message_id if read is not None else 0
            if before >= newest:
                return False
            _set_read(session, inquiry.id, user.id, newest)
            if (theirs or 0) > before:
                fresh = _attached(session, Inquiry, inquiry.id)
                record_event(EventKind.READ, fresh, _attached(session, User, user.id), side)
    except IntegrityError:  # the same user's other tab wrote the row first
        return False
    return True


def report_spam(user: User, inquiry: Inquiry, reason: str = "") -> ContentReport:
    """The receiving party (the company, or the buyer of an offer) reports an inquiry;
    it lands in the moderation queue."""
    if not permissions.report_inquiry(user, inquiry):
        raise LookupError("only the receiving party reports an inquiry")
    text = rules.report_reason(reason)
    with unit_of_work() as session:
        reporter = _attached(session, User, user.id)
        report = add_report(reporter, REPORT_TARGET, inquiry.id, text)
    return report
