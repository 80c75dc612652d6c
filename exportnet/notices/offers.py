"""Exporters' offers on buying requests: stored, and mailed to the requester in their language."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.catalog.reading import pick_translation
from exportnet.database import unit_of_work
from exportnet.mail.compose import absolute_url, queue_template_mail, recipient_locale
from exportnet.notices import rules
from exportnet.notices.models import Notice, NoticeOffer
from exportnet.notices.queries import today
from exportnet.notices.rules import NoticeError
from exportnet.notices.terms import OFFER_MESSAGE_MAX


@dataclass
class OfferTerms:
    price: Decimal | None
    currency: str | None
    quantity: Decimal | None
    quantity_unit: str | None = None
    lead_time_days: int | None = None
    message: str = ""


def _check_offer(terms: OfferTerms) -> dict[str, object]:
    price = rules.amount(terms.price, "price")
    if price is None:
        raise NoticeError(_l("Give your price per unit."), "price")
    currency = rules.currency(terms.currency)
    if not currency:
        raise NoticeError(_l("Give the currency of the price."), "currency")
    return {
        "price": price,
        "currency": currency,
        "quantity": rules.quantity(terms.quantity),
        "quantity_unit": rules.unit(terms.quantity_unit),
        "lead_time_days": rules.days(terms.lead_time_days),
        "message": rules.short_text(terms.message, OFFER_MESSAGE_MAX, "message"),
    }


def make_offer(sender: User, notice: Notice, terms: OfferTerms) -> NoticeOffer:
    """Store an exporter's offer on a live buying request and mail it to the requester."""
    if not permissions.answer_buying_request(sender, notice):
        raise NoticeError(_l("This buying request cannot be answered."), None)
    if notice.deadline is not None and notice.deadline < today():
        raise NoticeError(_l("The deadline for offers on this request has passed."), None)
    values = _check_offer(terms)
    with unit_of_work() as session:
        notice = session.get(Notice, notice.id)
        sender = session.get(User, sender.id)
        if notice is None or sender is None or sender.company_id is None:
            raise LookupError("the notice or the sender is gone")
        offer = NoticeOffer(notice=notice, company_id=sender.company_id, sender=sender, **values)
        session.add(offer)
        session.flush()
        _queue_offer_mail(offer, notice, sender)
    return offer


def _queue_offer_mail(offer: NoticeOffer, notice: Notice, sender: User) -> None:
    requester = notice.author
    with recipient_locale(requester.preferred_locale) as locale:
        reading = pick_translation(notice.translations, locale.code, notice.original_language)
        title = reading.translation.title if reading.translation else ""
        queue_template_mail(
            requester.email,
            _("New offer for your buying request: %(title)s", title=title),
            "notice_offer",
            requester=requester,
            sender=sender,
            offer=offer,
            company=offer.company,
            title=title,
            notice_link=absolute_url(
                "notices.detail", notice_id=notice.id, lang_code=locale.segment
            ),
            company_link=absolute_url(
                "companies.detail", company_id=offer.company_id, lang_code=locale.segment
            ),
        )
