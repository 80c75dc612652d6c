"""Mail to the other party of an inquiry, queued in the caller's transaction.

A new inquiry and a buyer's reply go to every member of the company; a supplier's reply
goes to the buyer. Each mail is rendered in its recipient's preferred language. Nobody
is mailed at an address that is unconfirmed, disabled, or their own. (The first message
of a company's offer is mailed with the offer itself: notices/offers.py.)
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from exportnet.accounts.models import Role, User
from exportnet.catalog.reading import pick_translation
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry, InquiryMessage
from exportnet.inquiries.terms import Side
from exportnet.mail.compose import absolute_url, queue_template_mail, recipient_locale


def company_members(company_id: int) -> list[User]:
    """Members who receive the company's inquiry mail: active, with a confirmed address."""
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.company_id == company_id,
                User.role == Role.EXPORTER.value,
                User.disabled_at.is_(None),
                User.email_verified_at.is_not(None),
            )
            .order_by(User.id)
        )
    )


def recipients(inquiry: Inquiry, message: InquiryMessage) -> list[User]:
    """The other party of `message`."""
    if message.side == Side.BUYER.value:
        people = company_members(inquiry.company_id)
    else:
        buyer = inquiry.buyer
        people = [buyer] if buyer.disabled_at is None else []
    return [user for user in people if user.id != message.author_id]


def _product_title(inquiry: Inquiry, locale_code: str) -> str:
    product = inquiry.product
    if product is None:
        return ""
    reading = pick_translation(product.translations, locale_code, product.original_language)
    return reading.translation.title if reading.translation else ""


def _answers_buyer(inquiry: Inquiry, message: InquiryMessage) -> bool:
    """A supplier's reply to the buyer's own inquiry (not to the company's offer)."""
    return message.side == Side.SELLER.value and not inquiry.opened_by_seller


def queue_inquiry_mails(inquiry: Inquiry, message: InquiryMessage, *, first: bool) -> int:
    """Queue the mail about `message` (the first one or a reply); return how many."""
    author = message.author
    people = recipients(inquiry, message)
    for person in people:
        with recipient_locale(person.preferred_locale) as locale:
            link = absolute_url("inquiries.thread", inquiry_id=inquiry.id, lang_code=locale.segment)
            if first:
                subject = _("New inquiry: %(subject)s", subject=inquiry.subject)
            else:
                subject = _("New reply: %(subject)s", subject=inquiry.subject)
            queue_template_mail(
                person.email,
                subject,
                "inquiry_new" if first else "inquiry_reply",
                recipient=person,
                inquiry=inquiry,
                message=message,
                author_name=(author.display_name or author.email) if author else "",
                from_company=inquiry.company.name if _answers_buyer(inquiry, message) else "",
                product_title=_product_title(inquiry, locale.code),
                link=link,
            )
    return len(people)
