"""Products and companies as JSON, in the request's display language.

The display language is the API locale (`lang`, else Accept-Language); the texts shown
follow the pages' rule (that language, else the original, else any) and `language`
says which one was picked. Every version is also under `translations`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

from flask import current_app, request, url_for

from exportnet.catalog.models import Product
from exportnet.catalog.reading import Reading, pick_translation
from exportnet.companies.models import Company
from exportnet.i18n.routing import current_locale
from exportnet.search.documents import company_is_verified


def absolute_url(path: str) -> str:
    """`path` on the public site (PUBLIC_BASE_URL when set, else the request's host)."""
    base = current_app.config.get("PUBLIC_BASE_URL") or request.host_url
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


def page_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of a page in the display language."""
    return absolute_url(url_for(endpoint, lang_code=current_locale().segment, **values))


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def timestamp(value: datetime | None) -> str | None:
    """Naive UTC datetimes as RFC 3339 (`2024-05-01T08:30:00Z`)."""
    return value.replace(microsecond=0).isoformat() + "Z" if value else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def reading_of(entity: Any) -> Reading[Any]:
    return pick_translation(entity.translations, current_locale().code, entity.original_language)


def company_ref(company: Company | None) -> dict[str, Any] | None:
    if company is None:
        return None
    return {
        "id": company.id,
        "name": company.name,
        "economy": company.economy,
        "url": page_url("companies.detail", company_id=company.id),
    }


def product_json(product: Product) -> dict[str, Any]:
    shown = reading_of(product).translation
    return {
        "id": product.id,
        "url": page_url("catalog.product", product_id=product.id),
        "title": shown.title if shown else "",
        "description": shown.description if shown else "",
        "keywords": shown.keywords if shown else "",
        "language": shown.lang if shown else product.original_language,
        "original_language": product.original_language,
        "status": product.status,
        "category": product.hs_heading or product.hs_chapter,
        "hs_section": product.hs_section,
        "hs_chapter": product.hs_chapter,
        "hs_heading": product.hs_heading,
        "economy": product.origin_economy,
        "company": company_ref(product.company),
        "moq": number(product.moq),
        "moq_unit": product.moq_unit,
        "price_min": number(product.price_min),
        "price_max": number(product.price_max),
        "currency": product.currency,
        "incoterm": product.incoterm,
        "incoterm_place": product.incoterm_place or "",
        "lead_time_days": product.lead_time_days,
        "supply_capacity": number(product.supply_capacity),
        "supply_unit": product.supply_unit,
        "supply_period": product.supply_period,
        "port_of_loading": product.port_of_loading or "",
        "certifications": product.certifications or "",
        "images": [
            {
                "thumbnail": absolute_url(
                    url_for("media.rendition", key=image.media_key, rendition="thumb")
                ),
                "large": absolute_url(
                    url_for("media.rendition", key=image.media_key, rendition="large")
                ),
                "alt": image.alt_text or "",
            }
            for image in product.images
        ],
        "published_at": timestamp(product.published_at),
        "updated_at": timestamp(product.updated_at),
        "translations": {
            t.lang: {"title": t.title, "description": t.description, "keywords": t.keywords}
            for t in product.translations
        },
    }


def company_json(company: Company) -> dict[str, Any]:
    shown = reading_of(company).translation
    return {
        "id": company.id,
        "url": page_url("companies.detail", company_id=company.id),
        "name": company.name,
        "economy": company.economy,
        "city": company.city or "",
        "year_established": company.year_established,
        "employee_range": company.employee_range,
        "website": company.website,
        "verified": company_is_verified(company),
        "description": shown.description if shown else "",
        "language": shown.lang if shown else company.original_language,
        "original_language": company.original_language,
        "industries": company.industry_codes,
        "export_markets": company.export_market_codes,
        "updated_at": timestamp(company.updated_at),
        "translations": {t.lang: {"description": t.description} for t in company.translations},
    }


def page_json(pagination: Any, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "total": int(pagination.total or 0),
        "page": int(pagination.page),
        "per_page": int(pagination.per_page),
        "items": items,
    }
