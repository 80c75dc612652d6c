"""Rules a trade notice or an offer must satisfy. Forms show their messages; services enforce.

Each check takes a value and returns it normalized, or raises NoticeError with a translated
message and the name of the form field it concerns. Listing and company rules that say
the same thing (currency, units, amounts, web addresses) are reused.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from exportnet.catalog import rules as listing_rules
from exportnet.companies import rules as company_rules
from exportnet.content_versions import rules as version_rules
from exportnet.notices.terms import (
    BODY_MAX,
    EVENT_TYPE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    TITLE_MAX,
    VENUE_MAX,
)
from exportnet.rule_errors import RuleError
from exportnet.taxonomy.economies import is_valid_economy


class NoticeError(RuleError):
    """A notice rule refused a value; `message` is user-facing."""


def one_year_after(day: date) -> date:
    """The same day a year later (29 February gives 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def kind(code: str | None, field: str = "kind") -> str:
    if code not in KIND_LABELS:
        raise NoticeError(_l("Choose a kind of notice from the list."), field)
    return code


def status(code: str | None, field: str = "status") -> str:
    if code not in STATUS_LABELS:
        raise NoticeError(_l("Choose a status from the list."), field)
    return code


def event_type(code: str | None, field: str = "event_type") -> str:
    if code not in EVENT_TYPE_LABELS:
        raise NoticeError(_l("Choose the type of event from the list."), field)
    return code


def language(code: str | None, field: str = "lang") -> str:
    return version_rules.language(code, NoticeError, field)


def economy(code: str | None, field: str = "economy") -> str:
    code = (code or "").strip().upper()
    if not is_valid_economy(code):
        raise NoticeError(_l("Choose an economy from the list."), field)
    return code


def title(text: str | None, field: str = "title") -> str:
    text = (text or "").strip()
    if not text:
        raise NoticeError(_l("Give the notice a title."), field)
    if len(text) > TITLE_MAX:
        raise NoticeError(
            _l("The title can have at most %(max)d characters.", max=TITLE_MAX), field
        )
    return text


def body(text: str | None, field: str = "body") -> str:
    text = (text or "").strip()
    if len(text) > BODY_MAX:
        raise NoticeError(_l("This text is too long."), field)
    return text


def category(text: str | None, field: str = "hs_code") -> tuple[str | None, str | None, str | None]:
    """(section, chapter, heading) of an optional chapter or heading code."""
    if not (text or "").strip():
        return None, None, None
    return NoticeError.adopt(listing_rules.hs_path, text, field)


def validity(valid_from: date | None, valid_until: date | None, today: date) -> tuple[date, date]:
    """At most one year long, not ending before it starts, and not already over."""
    if valid_from is None:
        raise NoticeError(_l("Give the first day of validity."), "valid_from")
    if valid_until is None:
        raise NoticeError(_l("Give the last day of validity."), "valid_until")
    if valid_until < valid_from:
        raise NoticeError(_l("The last day of validity cannot be before the first."), "valid_until")
    if valid_until > one_year_after(valid_from):
        raise NoticeError(_l("A notice can be valid for at most one year."), "valid_until")
    if valid_until < today:
        raise NoticeError(_l("The last day of validity cannot be in the past."), "valid_until")
    return valid_from, valid_until


def quantity(
    value: Decimal | None, field: str = "quantity", required: bool = True
) -> Decimal | None:
    value = NoticeError.adopt(listing_rules.amount, value, field)
    if value is None and required:
        raise NoticeError(_l("Give the quantity."), field)
    if value is not None and value == 0:
        raise NoticeError(_l("Enter a quantity above zero."), field)
    return value


def amount(value: Decimal | None, field: str) -> Decimal | None:
    return NoticeError.adopt(listing_rules.amount, value, field)


def unit(code: str | None, field: str = "quantity_unit") -> str | None:
    return NoticeError.adopt(listing_rules.unit, code, field)


def currency(code: str | None, field: str = "currency") -> str | None:
    return NoticeError.adopt(listing_rules.currency, code, field)


def days(value: int | None, field: str = "lead_time_days") -> int | None:
    return NoticeError.adopt(listing_rules.days, value, field)


def web_address(url: str | None, field: str = "event_url") -> str | None:
    """http and https addresses only: no javascript:, data:, ftp: ..."""
    return NoticeError.adopt(company_rules.website, url, field)


def venue(text: str | None, field: str = "venue") -> str:
    text = (text or "").strip()
    if not text:
        raise NoticeError(_l("Give the venue of the event."), field)
    if len(text) > VENUE_MAX:
        raise NoticeError(_l("This text is too long."), field)
    return text


def event_dates(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None:
        raise NoticeError(_l("Give the first day of the event."), "event_start")
    if end is None:
        raise NoticeError(_l("Give the last day of the event."), "event_end")
    if end < start:
        raise NoticeError(_l("The event cannot end before it starts."), "event_end")
    return start, end


def short_text(text: str | None, limit: int, field: str) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise NoticeError(_l("This text is too long."), field)
    return text
