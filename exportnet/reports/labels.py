"""Names the report shows, in the reader's language: sections, kinds, languages, months."""

from __future__ import annotations

from datetime import date

from flask_babel import format_date

from exportnet.i18n.formatting import economy_name, language_name
from exportnet.i18n.routing import current_locale
from exportnet.notices.terms import Kind, kind_label
from exportnet.reports.queries import Month
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import member_economies


def section_label(code: str) -> str:
    return f"{code} {hs.name(code, current_locale().code)}"


def section_order() -> list[str]:
    return [section.code for section in hs.sections()]


def notice_kinds() -> list[str]:
    return [kind.value for kind in Kind]


def notice_kind(code: str) -> str:
    return kind_label(code)


def language(code: str) -> str:
    return language_name(code)


def month_key(month: Month) -> str:
    """The month as the tables and downloads write it: 2025-03."""
    return f"{month[0]:04d}-{month[1]:02d}"


def month_short(month: Month) -> str:
    """The month as the chart's axis writes it, in the reader's language."""
    return format_date(date(month[0], month[1], 1), "MMM yy")


def economies_by_name() -> list[str]:
    """The member economies in the alphabetical order of their names for this reader."""
    return sorted(member_economies(), key=lambda code: economy_name(code))


def economy(code: str) -> str:
    return economy_name(code)
