"""Exporters' offers on buying requests: stored, opened as an inquiry thread with the
requester, and mailed to the requester in their language (one mail, linking the thread)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.catalog.reading import pick_translation
from exportnet.database import unit_of_work
from exportnet.inquiries.offer_threads import OfferOpening, open_offer_thread
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
    """Store an exporter's offer on a live buying request, open the inquiry thread in
    which the requester answers it (`offer.inquiry_id`), and mail the requester."""
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
        if not permissions.offer_inquiry(sender, notice.author):
            raise NoticeError(_l("This buying request cannot be answered."), None)
        offer = NoticeOffer(notice=notice, company_id=sender.company_id, sender=sender, **values)
        session.add(offer)
        inquiry = open_offer_thread(sender, notice.author, _opening(notice, values))
        offer.inquiry_id = inquiry.id
        session.flush()
        _queue_offer_mail(offer, notice, sender)
    return offer


def _requester_title(notice: Notice, locale_code: str) -> str:
    reading = pick_translation(notice.translations, locale_code, notice.original_language)
    return reading.translation.title if reading.translation else ""


def _opening(notice: Notice, values: dict[str, Any]) -> OfferOpening:
    """The offer as the first message of its thread, titled in the requester's language."""
    with recipient_locale(notice.author.preferred_locale) as locale:
        title = _requester_title(notice, locale.code)
    return OfferOpening(
        title=title,
        price=values["price"],
        currency=values["currency"],
        quantity=values["quantity"],
        quantity_unit=values["quantity_unit"] or notice.quantity_unit,
        lead_time_days=values["lead_time_days"],
        message=values["message"],
        destination_economy=notice.destination_economy or notice.economy,
    )


def _queue_offer_mail(offer: NoticeOffer, notice: Notice, sender: User) -> None:
    requester = notice.author
    with recipient_locale(requester.preferred_locale) as locale:
        title = _requester_title(notice, locale.code)
        thread_link = None
        if offer.inquiry_id is not None:
            thread_link = absolute_url(
                "inquiries.thread", inquiry_id=offer.inquiry_id, lang_code=locale.segment
            )
        queue_template_mail(
            requester.email,
            _("New offer for your buying request: %(title)s", title=title),
            "notice_offer",
            requester=requester,
            sender=sender,
            offer=offer,
            company=offer.company,
            title=title,
            thread_link=thread_link,
            notice_link=absolute_url(
                "notices.detail", notice_id=notice.id, lang_code=locale.segment
            ),
            company_link=absolute_url(
                "companies.detail", company_id=offer.company_id, lang_code=locale.segment
            ),
        )
