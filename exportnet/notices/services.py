"""Writing notices: one function per change, each its own transaction.

Every change goes through the ORM unit of work (never bulk UPDATE/DELETE) so that flush
events, such as the search outbox, see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.content_versions.services import LanguageVersions
from exportnet.database import unit_of_work
from exportnet.notices import rules
from exportnet.notices.models import Notice, NoticeTranslation
from exportnet.notices.queries import today
from exportnet.notices.rules import NoticeError
from exportnet.notices.terms import Status
from exportnet.timeutil import utcnow

__all__ = [
    "NoticeError",
    "NoticeTerms",
    "NoticeText",
    "close_notice",
    "create_notice",
    "delete_notice",
    "remove_translation",
    "renew_notice",
    "set_translation",
    "update_notice",
]

M = TypeVar("M")
VERSIONS = LanguageVersions(Notice, NoticeTranslation, NoticeError)


@dataclass
class NoticeTerms:
    """Everything about a notice except its per-language texts."""

    kind: str
    economy: str
    valid_from: date | None
    valid_until: date | None
    hs_code: str = ""
    status: str = Status.DRAFT.value
    # buying requests
    quantity: Decimal | None = None
    quantity_unit: str | None = None
    target_price: Decimal | None = None
    currency: str | None = None
    destination_economy: str | None = None
    deadline: date | None = None
    # trade events
    event_type: str | None = None
    event_start: date | None = None
    event_end: date | None = None
    venue: str = ""
    event_url: str | None = None


@dataclass
class NoticeText:
    title: str
    body: str = ""


def _attached(session: Session, model: type[M], ident: int) -> M:
    obj = session.get(model, ident)
    if obj is None:
        raise LookupError(f"{model.__name__} {ident} does not exist")
    return obj


def _apply_buying_request(notice: Notice, terms: NoticeTerms) -> None:
    notice.quantity = rules.quantity(terms.quantity)
    notice.quantity_unit = rules.unit(terms.quantity_unit)
    notice.target_price = rules.amount(terms.target_price, "target_price")
    notice.currency = rules.currency(terms.currency)
    if notice.target_price is not None and not notice.currency:
        raise NoticeError(_l("Give the currency of the price."), "currency")
    notice.destination_economy = rules.economy(terms.destination_economy, "destination_economy")
    if terms.deadline is not None and terms.deadline < notice.valid_from:
        raise NoticeError(
            _l("The deadline cannot be before the first day of validity."), "deadline"
        )
    notice.deadline = terms.deadline


def _apply_event(notice: Notice, terms: NoticeTerms) -> None:
    notice.event_type = rules.event_type(terms.event_type)
    notice.event_start, notice.event_end = rules.event_dates(terms.event_start, terms.event_end)
    notice.venue = rules.venue(terms.venue)
    notice.event_url = rules.web_address(terms.event_url)


def _clear_kind_fields(notice: Notice) -> None:
    if not notice.is_buying_request:
        notice.quantity = notice.quantity_unit = notice.target_price = None
        notice.currency = notice.destination_economy = notice.deadline = None
    if not notice.is_event:
        notice.event_type = notice.event_start = notice.event_end = notice.event_url = None
        notice.venue = ""


def _apply_terms(notice: Notice, terms: NoticeTerms) -> None:
    status = rules.status(terms.status)
    dates_changed = (terms.valid_from, terms.valid_until) != (notice.valid_from, notice.valid_until)
    # An expired notice can be edited without renewing it; new dates must not be past.
    check_day = today() if dates_changed else date.min
    notice.valid_from, notice.valid_until = rules.validity(
        terms.valid_from, terms.valid_until, check_day
    )
    notice.economy = rules.economy(terms.economy)
    notice.hs_section, notice.hs_chapter, notice.hs_heading = rules.category(terms.hs_code)
    if notice.is_buying_request:
        _apply_buying_request(notice, terms)
    if notice.is_event:
        _apply_event(notice, terms)
    _clear_kind_fields(notice)
    if status == Status.PUBLISHED.value and notice.published_at is None:
        notice.published_at = utcnow()
    notice.status = status


def _apply_text(translation: NoticeTranslation, text: NoticeText) -> None:
    translation.title = rules.title(text.title)
    translation.body = rules.body(text.body)


def create_notice(
    author: User, terms: NoticeTerms, original_language: str, text: NoticeText
) -> Notice:
    """A new notice by `author` (for their company if they are an exporter)."""
    kind = rules.kind(terms.kind)
    if not permissions.post_notice(author, kind):
        raise NoticeError(_l("You cannot post this kind of notice."), "kind")
    lang = rules.language(original_language, "original_language")
    with unit_of_work() as session:
        author = _attached(session, User, author.id)
        notice = Notice(
            kind=kind,
            author=author,
            company_id=author.company_id if permissions.is_exporter(author) else None,
            original_language=lang,
        )
        _apply_terms(notice, terms)
        VERSIONS.write(notice, lang, partial(_apply_text, text=text))
        session.add(notice)
    return notice


def update_notice(notice: Notice, terms: NoticeTerms, text: NoticeText | None = None) -> Notice:
    """Change the terms (not the kind) and optionally the original-language text."""
    with unit_of_work() as session:
        notice = _attached(session, Notice, notice.id)
        _apply_terms(notice, terms)
        if text is not None:
            VERSIONS.write(notice, notice.original_language, partial(_apply_text, text=text))
        notice.updated_at = utcnow()
    return notice


def renew_notice(notice: Notice, valid_until: date | None) -> Notice:
    """A new validity from today to `valid_until` (at most a year away)."""
    with unit_of_work() as session:
        notice = _attached(session, Notice, notice.id)
        start = today()
        notice.valid_from, notice.valid_until = rules.validity(start, valid_until, start)
        if notice.deadline is not None and notice.deadline < start:
            notice.deadline = None
        notice.updated_at = utcnow()
    return notice


def close_notice(notice: Notice) -> Notice:
    """Closed notices leave the public lists; their page stays and says so."""
    with unit_of_work() as session:
        notice = _attached(session, Notice, notice.id)
        notice.status = Status.CLOSED.value
        notice.updated_at = utcnow()
    return notice


def set_translation(notice: Notice, lang: str, text: NoticeText) -> NoticeTranslation:
    """Add or replace the version of the texts in `lang`."""
    return VERSIONS.set(notice, lang, partial(_apply_text, text=text))


def remove_translation(notice: Notice, lang: str) -> None:
    """Remove one language version; the original one stays."""
    VERSIONS.remove(notice, lang)


def delete_notice(notice: Notice) -> None:
    with unit_of_work() as session:
        session.delete(_attached(session, Notice, notice.id))
