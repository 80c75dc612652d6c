"""Template helpers for listings and profiles: language versions, HS names, term labels."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from exportnet.catalog import terms
from exportnet.catalog.reading import Reading, pick_translation
from exportnet.i18n.formatting import economy_name
from exportnet.i18n.locales import BY_CODE
from exportnet.i18n.routing import current_locale
from exportnet.taxonomy import hs


def reading(entity: Any) -> Reading[Any]:
    """The version of a product or company text this reader sees (see pick_translation)."""
    return pick_translation(entity.translations, current_locale().code, entity.original_language)


def lang_tag(code: str | None) -> str:
    """BCP 47 tag for a content language, for `lang=` attributes."""
    locale = BY_CODE.get(code or "")
    return locale.tag if locale else (code or "")


def lang_segment(code: str) -> str:
    """The URL segment that shows pages in this content language."""
    return BY_CODE[code].segment


def hs_name(code: str | None) -> str:
    if not code:
        return ""
    return hs.name(code, current_locale().code)


def by_economy_name(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(code, count) pairs in the alphabetical order of the economies' names for this reader."""
    return sorted(counts.items(), key=lambda item: economy_name(item[0]))


def register_presenting(bp: Blueprint) -> None:
    """Make the helpers app-wide template globals and filters when `bp` is registered."""
    bp.add_app_template_global(reading, "reading")
    bp.add_app_template_global(lang_tag, "lang_tag")
    bp.add_app_template_global(lang_segment, "lang_segment")
    bp.add_app_template_filter(hs_name, "hs_name")
    bp.add_app_template_filter(by_economy_name, "by_economy_name")
    bp.add_app_template_filter(terms.unit_label, "unit_label")
    bp.add_app_template_filter(terms.period_label, "period_label")
    bp.add_app_template_filter(terms.status_label, "status_label")
