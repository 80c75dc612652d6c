"""Limits against mass mailing: the same text to many companies, and too many inquiries.

The duplicate rule lives in the service (`check_not_mass_mailing`, inside the sending
transaction); the rate limit is Flask-Limiter on the sending view, per user
(`rate_limit_key`), counting only inquiries that went out (and drafts that were kept).
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import timedelta

from flask import current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.terms import Side
from exportnet.site.errors import render_error
from exportnet.timeutil import utcnow


def normalized_hash(text: str) -> str:
    """sha256 of the text's letters and digits, compatibility-folded and case-folded.

    Spacing, punctuation, line breaks and letter case do not change the hash, so small
    edits of that kind do not make a mass mailing look like different messages.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")
    return hashlib.sha256(kept.encode("utf-8")).hexdigest()


def check_not_mass_mailing(buyer: User, company_id: int, message_hash: str) -> None:
    """Refuse a text this buyer already sent to too many other companies lately.

    At most INQUIRY_DUPLICATE_MAX_COMPANIES different companies may receive the same
    text within INQUIRY_DUPLICATE_WINDOW_HOURS; writing again to one of them is fine.
    """
    config = current_app.config
    most = int(config["INQUIRY_DUPLICATE_MAX_COMPANIES"])
    hours = int(config["INQUIRY_DUPLICATE_WINDOW_HOURS"])
    since = utcnow() - timedelta(hours=hours)
    others = db.session.scalar(
        select(func.count(func.distinct(Inquiry.company_id))).where(
            Inquiry.buyer_id == buyer.id,
            Inquiry.opening_side == Side.BUYER.value,
            Inquiry.message_hash == message_hash,
            Inquiry.created_at >= since,
            Inquiry.company_id != company_id,
        )
    )
    if others >= most:
        raise InquiryError(
            _l(
                "You have sent this same message to %(count)d companies in the last "
                "%(hours)d hours, so it was not sent again. Write to each supplier about "
                "their own products, or post a buying request that every supplier can answer.",
                count=others,
                hours=hours,
            ),
            "message",
        )


def rate_limit() -> str:
    """The limit on new inquiries per user, e.g. "10 per hour;30 per day"."""
    return str(current_app.config["RATELIMIT_INQUIRY"])


def rate_limit_key() -> str:
    """Per user; visitors who are not logged in (saving a draft) per address."""
    if current_user.is_authenticated:
        return f"inquiry-user:{current_user.id}"
    return f"inquiry-addr:{get_remote_address()}"


def counts_against_limit(response: Response) -> bool:
    """Only a sent inquiry (or a kept draft) counts: both answer with a redirect."""
    return request.method == "POST" and response.status_code in (302, 303)


def limit_reached(_error: Exception) -> tuple[str, int]:
    """The 429 page of the inquiries blueprint, saying what was limited."""
    return render_error(
        429,
        _(
            "You have sent many inquiries in a short time. "
            "Please wait a while before you send more."
        ),
    )
