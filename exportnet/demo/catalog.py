"""The demo catalog: companies and listings of all 13 economies from data/<economy>.json.

Each file holds one economy's companies, each with its products. Texts are keyed by
language, the original language first: a company's description is one text per
language, a product's text is [title, description, keywords] per language. The loader
writes through the models inside one unit of work per economy, applying the same
catalog and company rules as the services (which open one transaction per change and
would make seeding a thousand commits). It is idempotent: a company that already has
listings is left alone, so seeding twice adds nothing and an interrupted seed resumes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from exportnet.accounts.services import find_user_by_email
from exportnet.catalog import rules
from exportnet.catalog.models import Product, ProductImage, ProductTranslation
from exportnet.catalog.terms import Status
from exportnet.companies import rules as company_rules
from exportnet.companies.models import (
    Company,
    CompanyCertification,
    CompanyExportMarket,
    CompanyIndustry,
    CompanyTranslation,
)
from exportnet.database import unit_of_work
from exportnet.demo.images import company_logo, initials, product_picture
from exportnet.demo.users import DEMO_LOGINS, DemoLogin
from exportnet.extensions import db
from exportnet.media.images import ProcessedImage
from exportnet.media.storage import MediaStorage, media_storage
from exportnet.timeutil import utcnow

DATA_DIR = Path(__file__).with_name("data")
# The languages a listing of each economy may be written in originally.
ECONOMY_LANGUAGES = {
    "BN": ("ms",), "KH": ("km",), "ID": ("id",), "LA": ("lo",), "MY": ("ms",), "MM": ("my",),
    "PH": ("fil", "en"), "SG": ("en", "zh_Hans"), "TH": ("th",), "VN": ("vi",), "CN": ("zh_Hans",),
    "JP": ("ja",), "KR": ("ko",),
}  # fmt: skip
Json = dict[str, Any]


@dataclass
class SeedReport:
    companies: int = 0
    products: int = 0
    skipped_companies: int = 0


@cache
def economy_files() -> tuple[Json, ...]:
    """The parsed data files, one per economy, in file name order."""
    return tuple(
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(DATA_DIR.glob("??.json"))
    )


def seed_demo_catalog() -> SeedReport:
    """Add the demo companies and listings that are not there yet."""
    report = SeedReport()
    images = _ImageSaver(media_storage())
    for position, data in enumerate(economy_files()):
        with unit_of_work() as session:
            existing, listed = _existing_companies(data["economy"])
            index = 0  # of the listing within its economy: publication times interleave
            for entry in data["companies"]:
                company = existing.get(entry["name"].strip().lower())
                if company is not None and company.id in listed:
                    report.skipped_companies += 1
                    continue
                if company is None:
                    company = Company()
                    session.add(company)
                _apply_company(company, entry, data, images)
                for item in entry["products"]:
                    order = index * len(ECONOMY_LANGUAGES) + position
                    session.add(_product(company, item, images, order))
                    index += 1
                report.companies += 1
                report.products += len(entry["products"])
    _link_demo_exporter()
    return report


def _existing_companies(economy: str) -> tuple[dict[str, Company], set[int]]:
    """This economy's companies by lower-cased name, and the ids of those with listings."""
    companies = db.session.scalars(select(Company).where(Company.economy == economy)).all()
    ids = [company.id for company in companies]
    listed = db.session.scalars(
        select(Product.company_id).where(Product.company_id.in_(ids)).distinct()
    )
    return {company.name.strip().lower(): company for company in companies}, set(listed)


class _ImageSaver:
    """Stores each distinct processed picture once per seeding."""

    def __init__(self, storage: MediaStorage) -> None:
        self.storage = storage
        self.saved: set[str] = set()

    def key(self, picture: ProcessedImage) -> str:
        if picture.digest not in self.saved:
            self.storage.save(picture)
            self.saved.add(picture.digest)
        return picture.digest


def original_language(texts: Json) -> str:
    """The language of the first text: the one the entry was written in."""
    return next(iter(texts))


def _apply_company(company: Company, entry: Json, data: Json, images: _ImageSaver) -> None:
    company.name = company_rules.name(entry["name"])
    company.economy = company_rules.member_economy(data["economy"])
    company.city = company_rules.short_text(entry.get("city"), 120, "city")
    company.year_established = company_rules.year(entry.get("founded"))
    company.employee_range = company_rules.employee_range(entry.get("employees"))
    company.website = company_rules.website(entry.get("website"))
    company.original_language = company_rules.language(original_language(entry["description"]))
    company.industries = [
        CompanyIndustry(hs_chapter=code) for code in company_rules.chapters(entry["industries"])
    ]
    company.export_markets = [
        CompanyExportMarket(economy=code) for code in company_rules.economies(entry["markets"])
    ]
    company.translations = [
        CompanyTranslation(
            lang=company_rules.language(lang, "lang"),
            description=company_rules.short_text(text, 10_000, "description"),
        )
        for lang, text in entry["description"].items()
    ]
    company.certifications = [
        CompanyCertification(name=name, issuer=issuer, valid_until=_valid_until(n))
        for n, (name, issuer) in enumerate(entry.get("certifications", []))
    ]
    picture = company_logo(initials(company.name, company.website))
    company.logo_key = images.key(picture)


def _valid_until(n: int) -> date:
    return date(utcnow().year + 1 + n % 2, 1 + (n * 5) % 12, 28)


def _product(company: Company, item: Json, images: _ImageSaver, order: int) -> Product:
    section, chapter, heading = rules.hs_path(item["hs"])
    low, high, currency = item["price"]
    price_min = rules.amount(_decimal(low), "price_min")
    price_max = rules.amount(_decimal(high), "price_max")
    rules.price_range(price_min, price_max)
    moq, moq_unit = item["moq"]
    supply, supply_unit, period = item["supply"]
    incoterm, place = item["incoterm"]
    status = rules.status(item.get("status", Status.PUBLISHED.value))
    when = utcnow() - timedelta(minutes=7 * order)
    product = Product(
        company=company,
        original_language=rules.language(original_language(item["text"])),
        hs_section=section,
        hs_chapter=chapter,
        hs_heading=heading,
        origin_economy=rules.economy(company.economy),
        moq=rules.amount(_decimal(moq), "moq"),
        moq_unit=rules.unit(moq_unit, "moq_unit"),
        price_min=price_min,
        price_max=price_max,
        currency=rules.currency(currency),
        incoterm=rules.incoterm(incoterm),
        incoterm_place=place,
        lead_time_days=rules.days(item.get("lead_days")),
        supply_capacity=rules.amount(_decimal(supply), "supply_capacity"),
        supply_unit=rules.unit(supply_unit, "supply_unit"),
        supply_period=rules.period(period),
        port_of_loading=item.get("port", ""),
        certifications=item.get("certs", ""),
        status=status,
        created_at=when,
        updated_at=when,
        published_at=when if status == Status.PUBLISHED.value else None,
    )
    for lang, (title, description, keywords) in item["text"].items():
        product.translations.append(
            ProductTranslation(
                lang=rules.language(lang),
                title=rules.title(title),
                description=description,
                keywords=keywords,
            )
        )
    picture = product_picture(heading or chapter, order)
    alt = item["text"]["en"][0][:200]
    product.images.append(ProductImage(media_key=images.key(picture), alt_text=alt, position=0))
    return product


def _decimal(value: float | int) -> Decimal:
    return Decimal(str(value))


def _demo_exporter() -> DemoLogin:
    return next(login for login in DEMO_LOGINS if login.company)


def demo_exporter_company() -> tuple[str, str]:
    """(name, economy) of the company the demo exporter login belongs to."""
    login = _demo_exporter()
    return login.company or "", login.economy or ""


def _link_demo_exporter() -> None:
    """Make the demo exporter a member of its company if seeding users did not."""
    user = find_user_by_email(_demo_exporter().email)
    if user is None or user.company_id is not None:
        return
    name, economy = demo_exporter_company()
    with unit_of_work() as session:
        user = session.merge(user)
        user.company = session.scalar(
            select(Company).where(
                func.lower(Company.name) == name.lower(), Company.economy == economy
            )
        )
