"""Reading listings: what the public sees, browsing facets, paging."""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from exportnet import permissions
from exportnet.catalog.models import Product
from exportnet.catalog.terms import Status
from exportnet.companies.models import Company
from exportnet.extensions import db

PER_PAGE = 20
NEWEST_COUNT = 8


def _with_card_data(query: Select[Any]) -> Select[Any]:
    return query.options(
        selectinload(Product.translations),
        selectinload(Product.images),
        selectinload(Product.company),
    )


def public_products() -> Select[Any]:
    """Published listings of companies that are not hidden."""
    return (
        select(Product)
        .join(Company, Product.company_id == Company.id)
        .where(Product.status == Status.PUBLISHED.value, Company.hidden.is_(False))
    )


def browse_products(
    section: str | None = None,
    chapter: str | None = None,
    economy: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Pagination:
    """Published listings, newest first, filtered by HS section/chapter and origin economy."""
    query = public_products()
    if section:
        query = query.where(Product.hs_section == section)
    if chapter:
        query = query.where(Product.hs_chapter == chapter)
    if economy:
        query = query.where(Product.origin_economy == economy)
    query = _with_card_data(query).order_by(Product.published_at.desc(), Product.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def newest_products(limit: int = NEWEST_COUNT) -> list[Product]:
    query = public_products().order_by(Product.published_at.desc(), Product.id.desc())
    return list(db.session.scalars(_with_card_data(query).limit(limit)))


def _counts(column: Any, **filters: str | None) -> dict[str, int]:
    query = public_products().with_only_columns(column, func.count(Product.id))
    for name, value in filters.items():
        if value:
            query = query.where(getattr(Product, name) == value)
    return {key: count for key, count in db.session.execute(query.group_by(column))}


def section_counts() -> dict[str, int]:
    return _counts(Product.hs_section)


def chapter_counts(section: str | None = None, economy: str | None = None) -> dict[str, int]:
    return _counts(Product.hs_chapter, hs_section=section, origin_economy=economy)


def economy_counts(section: str | None = None, chapter: str | None = None) -> dict[str, int]:
    return _counts(Product.origin_economy, hs_section=section, hs_chapter=chapter)


def product_for(user: Any, product_id: int) -> Product | None:
    """The listing if this user may see it (drafts: its company and admins only)."""
    product = db.session.get(Product, product_id)
    return product if permissions.view_product(user, product) else None


def editable_product(user: Any, product_id: int) -> Product | None:
    product = db.session.get(Product, product_id)
    return product if permissions.edit_product(user, product) else None


def company_products(company: Company, include_unpublished: bool = False) -> list[Product]:
    query = select(Product).where(Product.company_id == company.id)
    if not include_unpublished:
        query = query.where(Product.status == Status.PUBLISHED.value)
    query = _with_card_data(query).order_by(Product.updated_at.desc(), Product.id.desc())
    return list(db.session.scalars(query))
