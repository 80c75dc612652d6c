"""A visitor's inquiry, kept while they log in or register, and given back afterwards.

Logging in starts a fresh session (nothing from before survives it), and a message of
5,000 characters in Thai or Japanese is larger than a cookie may be. So the filled-in
form is kept in `inquiry_drafts` for INQUIRY_DRAFT_MAX_AGE_HOURS under a random token,
and only the token travels, in its own cookie. The form for the same company (and
product) fills itself from it; sending the inquiry discards it. Attachments are not
kept: the visitor attaches the file again.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, select

from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.inquiries.models import InquiryDraft
from exportnet.timeutil import utcnow

COOKIE = "inquiry_draft"
FIELDS = (
    "subject",
    "quantity",
    "quantity_unit",
    "target_price",
    "currency",
    "destination_economy",
    "message",
)
TOKEN_MAX = 100


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def max_age() -> timedelta:
    return timedelta(hours=int(current_app.config["INQUIRY_DRAFT_MAX_AGE_HOURS"]))


def _cutoff() -> datetime:
    return utcnow() - max_age()


def _clean(values: dict[str, Any]) -> dict[str, str]:
    return {name: str(values[name]) for name in FIELDS if values.get(name) not in (None, "")}


def save_draft(
    company_id: int, product_id: int | None, values: dict[str, Any], old_token: str | None = None
) -> str:
    """Keep the form's values; return the token that gives them back. Expired drafts
    (and the visitor's previous draft) are removed in the same transaction."""
    token = secrets.token_urlsafe(32)
    with unit_of_work() as session:
        session.execute(delete(InquiryDraft).where(InquiryDraft.created_at < _cutoff()))
        if old_token and len(old_token) <= TOKEN_MAX:
            session.execute(
                delete(InquiryDraft).where(InquiryDraft.token_hash == _digest(old_token))
            )
        session.add(
            InquiryDraft(
                token_hash=_digest(token),
                company_id=company_id,
                product_id=product_id,
                payload=json.dumps(_clean(values), ensure_ascii=False),
            )
        )
    return token


def load_draft(token: str | None, company_id: int, product_id: int | None) -> dict[str, str] | None:
    """The kept values for this company (and product), if the token is current."""
    if not token or len(token) > TOKEN_MAX:
        return None
    draft = db.session.scalar(
        select(InquiryDraft).where(
            InquiryDraft.token_hash == _digest(token), InquiryDraft.created_at >= _cutoff()
        )
    )
    if draft is None or draft.company_id != company_id or draft.product_id != product_id:
        return None
    try:
        payload = json.loads(draft.payload)
    except ValueError:
        return None
    return _clean(payload) if isinstance(payload, dict) else None


def discard_draft(token: str | None) -> None:
    if not token or len(token) > TOKEN_MAX:
        return
    with unit_of_work() as session:
        session.execute(delete(InquiryDraft).where(InquiryDraft.token_hash == _digest(token)))
