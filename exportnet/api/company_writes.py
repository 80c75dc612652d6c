"""Changing a company profile from JSON: read, check every field, then write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from flask_babel import gettext as _

from exportnet.api.body import Body
from exportnet.api.errors import ApiError
from exportnet.api.language_versions import apply_versions, read_versions
from exportnet.companies import rules, services
from exportnet.companies.models import Company
from exportnet.companies.rules import CompanyError
from exportnet.companies.services import DESCRIPTION_MAX, CompanyProfile

PROFILE_TEXT = ("name", "city", "website", "employee_range")
FIELDS = frozenset({*PROFILE_TEXT, "economy", "year_established", "original_language",
                    "industries", "export_markets", "description", "translations"})  # fmt: skip


def profile_of(company: Company) -> CompanyProfile:
    return CompanyProfile(
        name=company.name,
        economy=company.economy,
        city=company.city or "",
        year_established=company.year_established,
        employee_range=company.employee_range,
        website=company.website,
        original_language=company.original_language,
        industries=company.industry_codes,
        export_markets=company.export_market_codes,
    )


def _read_profile(body: Body, base: CompanyProfile) -> CompanyProfile:
    profile = replace(base)
    for name in PROFILE_TEXT:
        if body.has(name):
            setattr(profile, name, body.string(name) or ("" if name in ("name", "city") else None))
    if body.has("economy"):
        profile.economy = body.upper("economy") or ""
    if body.has("year_established"):
        profile.year_established = body.integer("year_established")
    if body.has("original_language"):
        profile.original_language = body.language("original_language") or ""
    for name in ("industries", "export_markets"):
        if body.has(name):
            setattr(profile, name, body.codes(name) or [])
    return profile


def _check(body: Body, rule: Callable[..., Any], *args: Any) -> None:
    try:
        rule(*args)
    except CompanyError as exc:
        body.errors.setdefault(exc.field or "name", exc.message)


def _check_profile(body: Body, profile: CompanyProfile) -> None:
    _check(body, rules.name, profile.name)
    _check(body, rules.member_economy, profile.economy)
    _check(body, rules.short_text, profile.city, 120, "city")
    _check(body, rules.year, profile.year_established)
    _check(body, rules.employee_range, profile.employee_range)
    _check(body, rules.website, profile.website)
    _check(body, rules.language, profile.original_language)
    _check(body, rules.chapters, profile.industries)
    _check(body, rules.economies, profile.export_markets)


def _read_description(body: Body, name: str) -> str | None:
    if not body.has(name):
        return None
    text = body.string(name) or ""
    _check(body, rules.short_text, text, DESCRIPTION_MAX, body.prefix + name)
    return text


def _read_translations(body: Body, company: Company, original: str) -> dict[str, str | None]:
    return read_versions(
        body,
        original,
        frozenset({"description"}),
        lambda sub, _code: _read_description(sub, "description") or "",
        lambda code: any(t.lang == code for t in company.translations),
        _("Give the original-language text in description."),
    )


def update_from_json(company: Company, data: dict[str, Any]) -> Company:
    """Change the given profile fields, descriptions and language versions."""
    body = Body(data, FIELDS, {})
    profile = _read_profile(body, profile_of(company))
    _check_profile(body, profile)
    description = _read_description(body, "description")
    translations = _read_translations(body, company, profile.original_language)
    if body.errors:
        raise ApiError(422, fields=body.errors)
    try:
        services.update_company(company, profile, description=description)
        apply_versions(
            translations,
            lambda code, text: services.set_company_translation(company, code, text),
            lambda code: services.remove_company_translation(company, code),
        )
    except CompanyError as exc:
        raise ApiError(422, fields={exc.field or "name": exc.message}) from exc
    return company
