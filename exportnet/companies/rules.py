"""Rules a company profile must satisfy. Forms show their messages; services enforce them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from exportnet.companies.models import EMPLOYEE_RANGES
from exportnet.content_versions import rules as version_rules
from exportnet.rule_errors import RuleError
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy, member_economies

FIRST_YEAR = 1800


class CompanyError(RuleError):
    """A profile rule refused a value; `message` is user-facing."""


def name(text: str | None, field: str = "name") -> str:
    text = (text or "").strip()
    if not text:
        raise CompanyError(_l("Give the company name."), field)
    if len(text) > 200:
        raise CompanyError(_l("The name can have at most %(max)d characters.", max=200), field)
    return text


def member_economy(code: str | None, field: str = "economy") -> str:
    code = (code or "").strip().upper()
    if code not in member_economies():
        raise CompanyError(_l("Choose one of the member economies."), field)
    return code


def economies(codes: Iterable[str], field: str = "export_markets") -> list[str]:
    result = sorted({(code or "").strip().upper() for code in codes if code})
    for code in result:
        if not is_valid_economy(code):
            raise CompanyError(_l("Choose economies from the list."), field)
    return result


def chapters(codes: Iterable[str], field: str = "industries") -> list[str]:
    result = sorted({(code or "").strip() for code in codes if code})
    for code in result:
        if len(code) != 2 or not hs.is_valid_code(code):
            raise CompanyError(_l("Choose industries from the list."), field)
    return result


def year(value: int | None, field: str = "year_established") -> int | None:
    if value is None:
        return None
    this_year = date.today().year
    if not FIRST_YEAR <= value <= this_year:
        raise CompanyError(
            _l("Enter a year between %(first)d and %(last)d.", first=FIRST_YEAR, last=this_year),
            field,
        )
    return value


def employee_range(value: str | None, field: str = "employee_range") -> str | None:
    if not value:
        return None
    if value not in EMPLOYEE_RANGES:
        raise CompanyError(_l("Choose a number of employees from the list."), field)
    return value


def website(url: str | None, field: str = "website") -> str | None:
    """Only http and https addresses with a host: no javascript:, data:, ftp: ..."""
    url = (url or "").strip()
    if not url:
        return None
    if len(url) > 500 or any(ord(ch) < 33 for ch in url):
        raise CompanyError(_l("Enter a web address starting with http:// or https://."), field)
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise CompanyError(_l("Enter a web address starting with http:// or https://."), field)
    return url


def language(code: str | None, field: str = "original_language") -> str:
    return version_rules.language(code, CompanyError, field)


def short_text(text: str | None, limit: int, field: str) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise CompanyError(_l("This text is too long."), field)
    return text
