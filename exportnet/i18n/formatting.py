"""Babel formatting for the reader's locale, exposed to templates as filters."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel import Locale
from flask import Flask
from flask_babel import format_currency, format_date, format_datetime, format_decimal, get_locale


def economy_name(code: str | None, locale: Locale | None = None) -> str:
    """The CLDR name of an ISO 3166-1 alpha-2 economy in the reader's language."""
    if not code:
        return ""
    locale = locale or get_locale() or Locale.parse("en")
    return locale.territories.get(code.upper(), code.upper())


def language_name(code: str | None) -> str:
    """A language's name in the reader's language (`th` -> 'Thai' for an English reader)."""
    if not code:
        return ""
    locale = get_locale() or Locale.parse("en")
    try:
        return Locale.parse(code).get_display_name(locale) or code
    except (ValueError, TypeError):
        return code


def money(amount: Decimal | float | None, currency: str | None) -> str:
    if amount is None or not currency:
        return ""
    return format_currency(amount, currency)


def number(value: Decimal | float | int | None) -> str:
    return "" if value is None else format_decimal(value)


def date_medium(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "medium")
    return format_date(value, "medium")


def register_formatting(app: Flask) -> None:
    app.add_template_filter(economy_name, "economy")
    app.add_template_filter(language_name, "language_name")
    app.add_template_filter(money, "money")
    app.add_template_filter(number, "number")
    app.add_template_filter(date_medium, "date")
