"""Inquiry events (sent, read, replied, closed) for seller analytics and economy reports."""

from __future__ import annotations

from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry, InquiryEvent
from exportnet.inquiries.terms import EventKind


def record_event(kind: EventKind, inquiry: Inquiry, user: User | None, side: str) -> InquiryEvent:
    """Add an event row in the caller's transaction (the inquiry must have its id)."""
    event = InquiryEvent(
        kind=kind.value,
        inquiry_id=inquiry.id,
        product_id=inquiry.product_id,
        company_id=inquiry.company_id,
        user_id=user.id if user is not None else None,
        side=side,
        destination_economy=inquiry.destination_economy,
    )
    db.session.add(event)
    return event
