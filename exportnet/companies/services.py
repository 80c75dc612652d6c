"""Writing company profiles: one function per change, each its own transaction.

Changes go through the ORM unit of work (never bulk UPDATE/DELETE) so that flush
events, such as the search outbox, see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from exportnet.companies import rules
from exportnet.companies.models import (
    Company,
    CompanyCertification,
    CompanyExportMarket,
    CompanyIndustry,
    CompanyTranslation,
)
from exportnet.companies.rules import CompanyError
from exportnet.content_versions.services import LanguageVersions
from exportnet.database import unit_of_work
from exportnet.media.images import ProcessedImage
from exportnet.media.storage import media_storage
from exportnet.timeutil import utcnow

__all__ = [
    "CompanyError",
    "CompanyProfile",
    "add_certification",
    "create_company",
    "remove_certification",
    "remove_company_translation",
    "set_company_hidden",
    "set_company_translation",
    "update_company",
]

DESCRIPTION_MAX = 10_000
VERSIONS = LanguageVersions(Company, CompanyTranslation, CompanyError)


@dataclass
class CompanyProfile:
    name: str
    economy: str
    city: str = ""
    year_established: int | None = None
    employee_range: str | None = None
    website: str | None = None
    original_language: str = "en"
    industries: Sequence[str] = field(default_factory=list)
    export_markets: Sequence[str] = field(default_factory=list)


def _company(session: Session, company: Company | int) -> Company:
    ident = company if isinstance(company, int) else company.id
    found = session.get(Company, ident)
    if found is None:
        raise LookupError(f"Company {ident} does not exist")
    return found


def _apply_profile(company: Company, profile: CompanyProfile) -> None:
    company.name = rules.name(profile.name)
    company.economy = rules.member_economy(profile.economy)
    company.city = rules.short_text(profile.city, 120, "city")
    company.year_established = rules.year(profile.year_established)
    company.employee_range = rules.employee_range(profile.employee_range)
    company.website = rules.website(profile.website)
    company.original_language = rules.language(profile.original_language)
    industries = rules.chapters(profile.industries)
    markets = rules.economies(profile.export_markets)
    # Keep unchanged association rows, so that a save changes only what changed.
    company.industries = [
        next((row for row in company.industries if row.hs_chapter == code), None)
        or CompanyIndustry(hs_chapter=code)
        for code in industries
    ]
    company.export_markets = [
        next((row for row in company.export_markets if row.economy == code), None)
        or CompanyExportMarket(economy=code)
        for code in markets
    ]


def _describe(translation: CompanyTranslation, description: str) -> None:
    translation.description = rules.short_text(description, DESCRIPTION_MAX, "description")


def create_company(
    profile: CompanyProfile, description: str = "", logo: ProcessedImage | None = None
) -> Company:
    """A new company with its profile and its description in the original language."""
    logo_key = media_storage().save(logo) if logo is not None else None
    with unit_of_work() as session:
        company = Company(logo_key=logo_key)
        _apply_profile(company, profile)
        if description.strip():
            VERSIONS.write(
                company, company.original_language, partial(_describe, description=description)
            )
        session.add(company)
    return company


def update_company(
    company: Company | int,
    profile: CompanyProfile,
    description: str | None = None,
    logo: ProcessedImage | None = None,
) -> Company:
    """Change the profile; `description` replaces the original-language description."""
    logo_key = media_storage().save(logo) if logo is not None else None
    with unit_of_work() as session:
        company = _company(session, company)
        _apply_profile(company, profile)
        if description is not None:
            VERSIONS.write(
                company, company.original_language, partial(_describe, description=description)
            )
        if logo_key:
            company.logo_key = logo_key
        company.updated_at = utcnow()
    return company


def set_company_translation(
    company: Company | int, lang: str, description: str
) -> CompanyTranslation:
    """Add or replace the description in `lang`."""
    return VERSIONS.set(company, lang, partial(_describe, description=description))


def remove_company_translation(company: Company | int, lang: str) -> None:
    """Remove one language version of the description; the original one stays."""
    VERSIONS.remove(company, lang)


def add_certification(
    company: Company | int, name: str, issuer: str = "", valid_until: date | None = None
) -> CompanyCertification:
    cert_name = rules.short_text(name, 200, "name")
    if not cert_name:
        raise CompanyError(_l("Give the name of the certification."), "name")
    with unit_of_work() as session:
        company = _company(session, company)
        certification = CompanyCertification(
            name=cert_name,
            issuer=rules.short_text(issuer, 200, "issuer"),
            valid_until=valid_until,
        )
        company.certifications.append(certification)
    return certification


def remove_certification(company: Company | int, certification_id: int) -> None:
    with unit_of_work() as session:
        company = _company(session, company)
        found = next((c for c in company.certifications if c.id == certification_id), None)
        if found is None:
            raise CompanyError(_l("This certification is not part of the profile."), "name")
        company.certifications.remove(found)


def set_company_hidden(company: Company | int, hidden: bool) -> None:
    """Hide a company (and with it all its listings) from public view, or show it again."""
    with unit_of_work() as session:
        company = _company(session, company)
        company.hidden = hidden
