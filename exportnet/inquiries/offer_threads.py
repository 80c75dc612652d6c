"""Threads a company opens: an exporter's offer on a buying request reaches the requester.

A buyer usually writes first (services.send_inquiry). Here the company does: the thread
is between the requester (its buyer) and the offering company (its seller), with
`opening_side` "seller". It lands in the requester's inbox, unread, and in the
company's sent box; either side replies as in any thread. The first message states the
offer's terms in the requester's language.

`open_offer_thread` runs inside the caller's transaction (notices.offers.make_offer):
it adds and flushes, never commits, and queues no mail, since the caller's offer mail
links to the thread. It records an "offered" event, not "sent": seller analytics and
the economy report count the inquiries a company received, not the offers it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask import render_template
from flask_babel import gettext as _

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.inquiries.abuse import normalized_hash
from exportnet.inquiries.events import record_event
from exportnet.inquiries.models import Inquiry
from exportnet.inquiries.services import add_message
from exportnet.inquiries.terms import SUBJECT_MAX, EventKind, Side, Status
from exportnet.mail.compose import recipient_locale

__all__ = ["OfferOpening", "open_offer_thread"]


@dataclass(frozen=True)
class OfferOpening:
    """An offer the caller has checked. `title` names what it answers (the buying
    request), in the requester's language."""

    title: str
    price: Decimal
    currency: str
    quantity: Decimal
    quantity_unit: str | None
    lead_time_days: int | None
    message: str
    destination_economy: str


def _subject(title: str) -> str:
    subject = " ".join(_("Offer: %(title)s", title=title).split())
    return subject[:SUBJECT_MAX]


def open_offer_thread(seller: User, buyer: User, offer: OfferOpening) -> Inquiry:
    """Open a thread from `seller`'s company to `buyer`, its first message the offer.

    Both users must belong to the caller's open session. The caller checks
    `permissions.offer_inquiry` first; LookupError if the seller may not write first.
    """
    if not permissions.offer_inquiry(seller, buyer):
        raise LookupError("only a company's member writes first, to someone outside it")
    with recipient_locale(buyer.preferred_locale):
        subject = _subject(offer.title)
        body = render_template("inquiries/offer_message.txt", offer=offer).strip()
    inquiry = Inquiry(
        buyer=buyer,
        company_id=seller.company_id,
        subject=subject,
        quantity=offer.quantity,
        quantity_unit=offer.quantity_unit or "",
        destination_economy=offer.destination_economy,
        status=Status.NEW.value,
        opening_side=Side.SELLER.value,
        message_hash=normalized_hash(body),
    )
    db.session.add(inquiry)
    add_message(db.session, inquiry, seller, Side.SELLER.value, body, {})
    record_event(EventKind.OFFERED, inquiry, seller, Side.SELLER.value)
    return inquiry
