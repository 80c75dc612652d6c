"""Turning index hits into what the results page shows, re-checked against the database.

A hit whose row is no longer public (unpublished a moment ago, hidden, deleted) is
dropped here even if the index has not caught up yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from markupsafe import Markup
from sqlalchemy.orm import selectinload

from exportnet.catalog.models import Product
from exportnet.catalog.presenting import reading
from exportnet.catalog.queries import public_products
from exportnet.companies.models import Company
from exportnet.companies.queries import public_companies
from exportnet.extensions import db
from exportnet.search.query import Hit, highlight

SNIPPET_CHARS = 240


@dataclass
class ResultItem:
    kind: str
    entity_id: int
    url: str
    title: Markup
    snippet: Markup
    language: str | None
    economy: str | None
    category: str | None
    company: str | None
    verified: bool
    thumbnail: str | None = None


Presenter = Callable[[list[int], object], dict[int, ResultItem]]


def snippet_of(text: str, terms: object) -> Markup:
    text = " ".join((text or "").split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return highlight(text, terms)


def _products(ids: list[int], terms: object) -> dict[int, ResultItem]:
    query = (
        public_products()
        .where(Product.id.in_(ids))
        .options(
            selectinload(Product.translations),
            selectinload(Product.company),
            selectinload(Product.images),
        )
    )
    items = {}
    for product in db.session.scalars(query):
        shown = reading(product).translation
        title = shown.title if shown else ""
        items[product.id] = ResultItem(
            kind="product",
            entity_id=product.id,
            url=url_for("catalog.product", product_id=product.id),
            title=highlight(title, terms),
            snippet=snippet_of(shown.description if shown else "", terms),
            language=shown.lang if shown else None,
            economy=product.origin_economy,
            category=product.hs_heading or product.hs_chapter,
            company=product.company.name,
            verified=bool(getattr(product.company, "verified_at", None)),
            thumbnail=product.images[0].media_key if product.images else None,
        )
    return items


def _companies(ids: list[int], terms: object) -> dict[int, ResultItem]:
    query = (
        public_companies()
        .where(Company.id.in_(ids))
        .options(selectinload(Company.translations), selectinload(Company.industries))
    )
    items = {}
    for company in db.session.scalars(query):
        shown = reading(company).translation
        codes = company.industry_codes
        items[company.id] = ResultItem(
            kind="company",
            entity_id=company.id,
            url=url_for("companies.detail", company_id=company.id),
            title=highlight(company.name, terms),
            snippet=snippet_of(shown.description if shown else "", terms),
            language=shown.lang if shown else None,
            economy=company.economy,
            category=codes[0] if codes else None,
            company=None,
            verified=bool(getattr(company, "verified_at", None)),
            thumbnail=company.logo_key,
        )
    return items


PRESENTERS: dict[str, Presenter] = {"product": _products, "company": _companies}


def register_presenter(kind: str, presenter: Presenter) -> None:
    PRESENTERS[kind] = presenter


def present(hits: list[Hit], terms: object) -> list[ResultItem]:
    """Result items in hit order, for the hits that are still public."""
    wanted: dict[str, list[int]] = {}
    for hit in hits:
        wanted.setdefault(hit.kind, []).append(hit.entity_id)
    found: dict[tuple[str, int], ResultItem] = {}
    for kind, ids in wanted.items():
        presenter = PRESENTERS.get(kind)
        if presenter:
            for entity_id, item in presenter(ids, terms).items():
                found[(kind, entity_id)] = item
    return [found[key] for hit in hits if (key := (hit.kind, hit.entity_id)) in found]
