"""Rules an inquiry or a reply must satisfy. Forms show their messages; services enforce.

Each check takes a value and returns it normalized, or raises InquiryError with a
translated message and the name of the form field it concerns. What listings already
check the same way (amounts, units, currencies) is reused.
"""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l

from exportnet.catalog import rules as listing_rules
from exportnet.inquiries.terms import MESSAGE_MAX, REPORT_REASON_MAX, SUBJECT_MAX
from exportnet.rule_errors import RuleError
from exportnet.taxonomy.economies import is_valid_economy


class InquiryError(RuleError):
    """An inquiry rule refused something; `message` is user-facing."""


def subject(text: str | None, field: str = "subject") -> str:
    text = " ".join((text or "").split())
    if not text:
        raise InquiryError(_l("Give your inquiry a subject."), field)
    if len(text) > SUBJECT_MAX:
        raise InquiryError(
            _l("The subject can have at most %(max)d characters.", max=SUBJECT_MAX), field
        )
    return text


def message(text: str | None, field: str = "message") -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise InquiryError(_l("Write your message."), field)
    if len(text) > MESSAGE_MAX:
        raise InquiryError(
            _l("A message can have at most %(max)d characters.", max=MESSAGE_MAX), field
        )
    return text


def quantity(value: Decimal | None, field: str = "quantity") -> Decimal:
    value = InquiryError.adopt(listing_rules.amount, value, field)
    if value is None:
        raise InquiryError(_l("Give the quantity you need."), field)
    if value == 0:
        raise InquiryError(_l("Enter a quantity above zero."), field)
    return value


def unit(code: str | None, field: str = "quantity_unit") -> str:
    code = InquiryError.adopt(listing_rules.unit, code, field)
    if code is None:
        raise InquiryError(_l("Choose a unit from the list."), field)
    return code


def target_price(value: Decimal | None, field: str = "target_price") -> Decimal | None:
    return InquiryError.adopt(listing_rules.amount, value, field)


def currency(code: str | None, field: str = "currency") -> str | None:
    return InquiryError.adopt(listing_rules.currency, code, field)


def price_and_currency(
    price: Decimal | None, code: str | None
) -> tuple[Decimal | None, str | None]:
    """A target price needs its currency; a currency alone is dropped."""
    price = target_price(price)
    code = currency(code)
    if price is not None and not code:
        raise InquiryError(_l("Give the currency of the price."), "currency")
    return price, code if price is not None else None


def economy(code: str | None, field: str = "destination_economy") -> str:
    code = (code or "").strip().upper()
    if not is_valid_economy(code):
        raise InquiryError(_l("Choose the destination economy from the list."), field)
    return code


def report_reason(text: str | None, field: str = "reason") -> str:
    text = (text or "").strip()
    if len(text) > REPORT_REASON_MAX:
        raise InquiryError(_l("This text is too long."), field)
    return text
