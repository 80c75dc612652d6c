"""Reading company profiles: the public directory and its facets."""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from exportnet import permissions
from exportnet.companies.models import Company, CompanyIndustry
from exportnet.extensions import db

PER_PAGE = 20


def public_companies() -> Select[Any]:
    return select(Company).where(Company.hidden.is_(False))


def directory(
    economy: str | None = None,
    industry: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Pagination:
    """Visible companies by name, filtered by economy and HS chapter."""
    query = public_companies()
    if economy:
        query = query.where(Company.economy == economy)
    if industry:
        query = query.where(
            Company.id.in_(
                select(CompanyIndustry.company_id).where(CompanyIndustry.hs_chapter == industry)
            )
        )
    query = query.options(
        selectinload(Company.translations), selectinload(Company.industries)
    ).order_by(func.lower(Company.name), Company.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def economy_counts(industry: str | None = None) -> dict[str, int]:
    query = public_companies().with_only_columns(Company.economy, func.count(Company.id))
    if industry:
        query = query.join(CompanyIndustry, CompanyIndustry.company_id == Company.id).where(
            CompanyIndustry.hs_chapter == industry
        )
    return {key: count for key, count in db.session.execute(query.group_by(Company.economy))}


def industry_counts(economy: str | None = None) -> dict[str, int]:
    query = (
        select(CompanyIndustry.hs_chapter, func.count(Company.id))
        .join(Company, CompanyIndustry.company_id == Company.id)
        .where(Company.hidden.is_(False))
    )
    if economy:
        query = query.where(Company.economy == economy)
    rows = db.session.execute(query.group_by(CompanyIndustry.hs_chapter))
    return {key: count for key, count in rows}


def company_for(user: Any, company_id: int) -> Company | None:
    """The company if this user may see it (hidden ones: members and admins only)."""
    company = db.session.get(Company, company_id)
    return company if permissions.view_company(user, company) else None


def editable_company(user: Any, company_id: int) -> Company | None:
    company = db.session.get(Company, company_id)
    if company is None or not permissions.edit_company(user, company):
        return None
    return company
