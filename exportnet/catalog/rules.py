"""Rules a listing must satisfy. Forms show their messages; services enforce them.

Each check takes a value and returns it normalized, or raises ListingError with a
translated message and the name of the form field it concerns.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import list_currencies
from flask_babel import lazy_gettext as _l

from exportnet.catalog.terms import INCOTERMS, PERIOD_LABELS, TITLE_MAX, UNIT_LABELS, Status
from exportnet.content_versions import rules as version_rules
from exportnet.rule_errors import RuleError
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy

MAX_AMOUNT = Decimal("99999999999")  # fits Numeric(14, 3) and Numeric(14, 2)


class ListingError(RuleError):
    """A listing rule refused a value; `message` is user-facing."""


def hs_path(text: str | None, field: str = "hs_code") -> tuple[str, str, str | None]:
    """(section, chapter, heading or None) for a chapter or heading code."""
    try:
        code = hs.normalize_code(text) if text else None
    except (ValueError, TypeError):
        code = None
    if not code or len(code) not in (2, 4) or not hs.is_valid_code(code):
        raise ListingError(
            _l("Unknown HS code. Give a 2-digit chapter or a 4-digit heading, such as 09 or 0901."),
            field,
        )
    return hs.path_for(code)


def currency(code: str | None, field: str = "currency") -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if code not in list_currencies():
        raise ListingError(_l("Unknown currency. Use an ISO 4217 code such as USD."), field)
    return code


def incoterm(code: str | None, field: str = "incoterm") -> str | None:
    if not code:
        return None
    if code not in INCOTERMS:
        raise ListingError(_l("Choose an Incoterm from the list."), field)
    return code


def unit(code: str | None, field: str) -> str | None:
    if not code:
        return None
    if code not in UNIT_LABELS:
        raise ListingError(_l("Choose a unit from the list."), field)
    return code


def period(code: str | None, field: str = "supply_period") -> str | None:
    if not code:
        return None
    if code not in PERIOD_LABELS:
        raise ListingError(_l("Choose a period from the list."), field)
    return code


def amount(value: Decimal | int | None, field: str) -> Decimal | None:
    if value is None:
        return None
    value = Decimal(value)
    if not value.is_finite() or value < 0:
        raise ListingError(_l("Enter zero or a positive number."), field)
    if value > MAX_AMOUNT:
        raise ListingError(_l("This number is too large."), field)
    return value


def days(value: int | None, field: str = "lead_time_days") -> int | None:
    if value is None:
        return None
    if value < 0 or value > 3650:
        raise ListingError(_l("Enter a number of days between 0 and 3650."), field)
    return value


def price_range(low: Decimal | None, high: Decimal | None, field: str = "price_min") -> None:
    if low is not None and high is not None and low > high:
        raise ListingError(_l("The minimum price cannot be higher than the maximum price."), field)


def economy(code: str | None, field: str = "origin_economy") -> str:
    code = (code or "").strip().upper()
    if not is_valid_economy(code):
        raise ListingError(_l("Choose an economy from the list."), field)
    return code


def status(code: str | None, field: str = "status") -> str:
    if code not in {s.value for s in Status}:
        raise ListingError(_l("Choose a status from the list."), field)
    return code


def language(code: str | None, field: str = "lang") -> str:
    return version_rules.language(code, ListingError, field)


def title(text: str | None, field: str = "title") -> str:
    text = (text or "").strip()
    if not text:
        raise ListingError(_l("Give the product a title."), field)
    if len(text) > TITLE_MAX:
        raise ListingError(
            _l("The title can have at most %(max)d characters.", max=TITLE_MAX), field
        )
    return text
