"""Writing listings: one function per change, each its own transaction.

Every change goes through the ORM unit of work (never bulk UPDATE/DELETE) so that
flush events, such as the search outbox, see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from exportnet.catalog import rules
from exportnet.catalog.models import Product, ProductImage, ProductTranslation
from exportnet.catalog.rules import ListingError
from exportnet.catalog.terms import MAX_IMAGES, Status
from exportnet.companies.models import Company
from exportnet.content_versions.services import LanguageVersions
from exportnet.database import unit_of_work
from exportnet.media.images import ProcessedImage
from exportnet.media.storage import media_storage
from exportnet.timeutil import utcnow

__all__ = [
    "ListingError",
    "ListingTerms",
    "ListingText",
    "add_image",
    "create_product",
    "delete_product",
    "remove_image",
    "remove_translation",
    "set_translation",
    "update_product",
]

TEXT_LIMITS = {"incoterm_place": 120, "port_of_loading": 120, "certifications": 2000}
DESCRIPTION_MAX = 10_000
KEYWORDS_MAX = 500
ALT_MAX = 200
M = TypeVar("M")
VERSIONS = LanguageVersions(Product, ProductTranslation, ListingError)


@dataclass
class ListingTerms:
    """Everything about a listing except its per-language texts and images."""

    hs_code: str
    origin_economy: str | None = None  # None: the company's economy
    moq: Decimal | None = None
    moq_unit: str | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    currency: str | None = None
    incoterm: str | None = None
    incoterm_place: str = ""
    lead_time_days: int | None = None
    supply_capacity: Decimal | None = None
    supply_unit: str | None = None
    supply_period: str | None = None
    port_of_loading: str = ""
    certifications: str = ""
    status: str = Status.DRAFT.value


@dataclass
class ListingText:
    title: str
    description: str = ""
    keywords: str = ""


def _attached(session: Session, model: type[M], ident: int) -> M:
    """The session's own copy of a row, whether the caller's object is attached or not."""
    obj = session.get(model, ident)
    if obj is None:
        raise LookupError(f"{model.__name__} {ident} does not exist")
    return obj


def _limited(value: str | None, limit: int, name: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ListingError(_l("This text is too long."), name)
    return value


def _apply_terms(product: Product, company: Company, terms: ListingTerms) -> None:
    section, chapter, heading = rules.hs_path(terms.hs_code)
    price_min = rules.amount(terms.price_min, "price_min")
    price_max = rules.amount(terms.price_max, "price_max")
    rules.price_range(price_min, price_max)
    currency = rules.currency(terms.currency)
    if (price_min is not None or price_max is not None) and not currency:
        raise ListingError(_l("Give the currency of the price."), "currency")
    status = rules.status(terms.status)

    product.hs_section, product.hs_chapter, product.hs_heading = section, chapter, heading
    product.origin_economy = rules.economy(terms.origin_economy or company.economy)
    product.moq = rules.amount(terms.moq, "moq")
    product.moq_unit = rules.unit(terms.moq_unit, "moq_unit")
    product.price_min, product.price_max, product.currency = price_min, price_max, currency
    product.incoterm = rules.incoterm(terms.incoterm)
    product.lead_time_days = rules.days(terms.lead_time_days)
    product.supply_capacity = rules.amount(terms.supply_capacity, "supply_capacity")
    product.supply_unit = rules.unit(terms.supply_unit, "supply_unit")
    product.supply_period = rules.period(terms.supply_period)
    for name, limit in TEXT_LIMITS.items():
        setattr(product, name, _limited(getattr(terms, name), limit, name))
    if status == Status.PUBLISHED.value and product.published_at is None:
        product.published_at = utcnow()
    product.status = status


def _apply_text(translation: ProductTranslation, text: ListingText) -> None:
    translation.title = rules.title(text.title)
    translation.description = _limited(text.description, DESCRIPTION_MAX, "description")
    translation.keywords = _limited(text.keywords, KEYWORDS_MAX, "keywords")


def _store_images(product_image_count: int, images: Sequence[ProcessedImage]) -> list[str]:
    if product_image_count + len(images) > MAX_IMAGES:
        raise ListingError(
            _l("A product can have at most %(max)d pictures.", max=MAX_IMAGES), "pictures"
        )
    storage = media_storage()
    return [storage.save(image) for image in images]


def _attach_images(product: Product, keys: Sequence[str], alt_text: str) -> list[ProductImage]:
    alt = _limited(alt_text, ALT_MAX, "image_alt")
    next_position = max((img.position for img in product.images), default=-1) + 1
    added = []
    for offset, key in enumerate(keys):
        image = ProductImage(media_key=key, alt_text=alt, position=next_position + offset)
        product.images.append(image)
        added.append(image)
    if len(product.images) > MAX_IMAGES:
        raise ListingError(
            _l("A product can have at most %(max)d pictures.", max=MAX_IMAGES), "pictures"
        )
    return added


def create_product(
    company: Company,
    terms: ListingTerms,
    original_language: str,
    text: ListingText,
    images: Sequence[ProcessedImage] = (),
    image_alt: str = "",
) -> Product:
    """A new listing of `company` with its original-language text (and images)."""
    lang = rules.language(original_language, "original_language")
    keys = _store_images(0, images)
    with unit_of_work() as session:
        company = _attached(session, Company, company.id)
        product = Product(company=company, original_language=lang)
        _apply_terms(product, company, terms)
        VERSIONS.write(product, lang, partial(_apply_text, text=text))
        _attach_images(product, keys, image_alt)
        session.add(product)
    return product


def update_product(
    product: Product,
    terms: ListingTerms,
    text: ListingText | None = None,
    images: Sequence[ProcessedImage] = (),
    image_alt: str = "",
) -> Product:
    """Change the terms, optionally the original-language text, and add images."""
    keys = _store_images(len(product.images), images)
    with unit_of_work() as session:
        product = _attached(session, Product, product.id)
        _apply_terms(product, product.company, terms)
        if text is not None:
            VERSIONS.write(product, product.original_language, partial(_apply_text, text=text))
        _attach_images(product, keys, image_alt)
        product.updated_at = utcnow()
    return product


def set_translation(product: Product, lang: str, text: ListingText) -> ProductTranslation:
    """Add or replace the version of the texts in `lang`."""
    return VERSIONS.set(product, lang, partial(_apply_text, text=text))


def remove_translation(product: Product, lang: str) -> None:
    """Remove one language version; the original one stays."""
    VERSIONS.remove(product, lang)


def add_image(product: Product, image: ProcessedImage, alt_text: str = "") -> ProductImage:
    """Store one processed image and append it to the listing's gallery."""
    keys = _store_images(len(product.images), [image])
    with unit_of_work() as session:
        product = _attached(session, Product, product.id)
        (added,) = _attach_images(product, keys, alt_text)
    return added


def remove_image(product: Product, image_id: int) -> None:
    with unit_of_work() as session:
        product = _attached(session, Product, product.id)
        image = next((img for img in product.images if img.id == image_id), None)
        if image is None:
            raise ListingError(_l("This picture is not part of the listing."), "pictures")
        product.images.remove(image)
        for position, remaining in enumerate(product.images):
            remaining.position = position


def delete_product(product: Product) -> None:
    with unit_of_work() as session:
        session.delete(_attached(session, Product, product.id))
