"""What the API lists: the public rows, filtered and paged like the pages do."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from exportnet.api.params import Category
from exportnet.catalog.models import Product
from exportnet.catalog.queries import public_products
from exportnet.companies.models import Company, CompanyIndustry
from exportnet.companies.queries import public_companies
from exportnet.extensions import db
from exportnet.taxonomy import hs

PRODUCT_COLUMNS = {"section": Product.hs_section, "chapter": Product.hs_chapter,
                   "heading": Product.hs_heading}  # fmt: skip


def browse_products(
    economy: str | None,
    category: Category | None,
    company_id: int | None,
    page: int,
    per_page: int,
) -> Pagination:
    """Published listings of visible companies, newest first."""
    query = public_products()
    if economy:
        query = query.where(Product.origin_economy == economy)
    if category:
        query = query.where(PRODUCT_COLUMNS[category.level] == category.code)
    if company_id:
        query = query.where(Product.company_id == company_id)
    query = query.options(
        selectinload(Product.translations),
        selectinload(Product.images),
        selectinload(Product.company),
    ).order_by(Product.published_at.desc(), Product.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def _chapters(category: Category) -> list[str]:
    if category.level == "section":
        return [c.code for c in hs.chapters(category.code)]
    return [category.code[:2]]


def browse_companies(
    economy: str | None, category: Category | None, page: int, per_page: int
) -> Pagination:
    """Visible companies by name; `category` matches their industries (HS chapters)."""
    query = public_companies()
    if economy:
        query = query.where(Company.economy == economy)
    if category:
        query = query.where(
            Company.id.in_(
                select(CompanyIndustry.company_id).where(
                    CompanyIndustry.hs_chapter.in_(_chapters(category))
                )
            )
        )
    query = query.options(
        selectinload(Company.translations),
        selectinload(Company.industries),
        selectinload(Company.export_markets),
    ).order_by(Company.name, Company.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)
