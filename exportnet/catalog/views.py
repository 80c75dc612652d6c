"""Public listing pages: browse by category and economy, read one listing, my listings."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from exportnet import permissions
from exportnet.catalog import queries
from exportnet.catalog.presenting import reading, register_presenting
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy, member_economies

bp = Blueprint("catalog", __name__)
MAX_PAGE = 10_000
register_presenting(bp)


@dataclass(frozen=True)
class Filters:
    section: str | None = None
    chapter: str | None = None
    economy: str | None = None

    def args(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def _filters() -> Filters:
    """Browsing filters from the query string; unknown codes are ignored."""
    section = (request.args.get("section") or "").strip().upper() or None
    chapter = (request.args.get("chapter") or "").strip() or None
    economy = (request.args.get("economy") or "").strip().upper() or None
    if chapter and (len(chapter) != 2 or not hs.is_valid_code(chapter)):
        chapter = None
    if chapter:
        section = hs.section_for(chapter)
    elif section and hs.section(section) is None:
        section = None
    if economy and not is_valid_economy(economy):
        economy = None
    return Filters(section, chapter, economy)


def page_number() -> int:
    """The `page` query argument, clamped to something every database can offset by."""
    return min(max(1, request.args.get("page", 1, type=int) or 1), MAX_PAGE)


@bp.get("/products")
def products() -> str:
    filters = _filters()
    page = queries.browse_products(**vars(filters), page=page_number())
    return render_template(
        "catalog/products.html",
        filters=filters,
        page=page,
        sections=hs.sections(),
        section_counts=queries.section_counts(),
        chapters=hs.chapters(filters.section) if filters.section else [],
        chapter_counts=queries.chapter_counts(filters.section, filters.economy),
        economy_counts=queries.economy_counts(filters.section, filters.chapter),
    )


@bp.get("/categories")
def categories() -> str:
    return render_template(
        "catalog/categories.html",
        sections=hs.sections(),
        chapters_of=hs.chapters,
        section_counts=queries.section_counts(),
        chapter_counts=queries.chapter_counts(),
    )


@bp.get("/economies")
def economies() -> str:
    counts = queries.economy_counts()
    codes = sorted(set(member_economies()) | set(counts))
    return render_template("catalog/economies.html", codes=codes, counts=counts)


@bp.get("/economies/<code>")
def economy(code: str) -> str:
    code = code.upper()
    if not is_valid_economy(code):
        abort(404)
    filters = Filters(economy=code)
    return render_template(
        "catalog/economy.html",
        code=code,
        page=queries.browse_products(economy=code, page=page_number()),
        filters=filters,
        chapter_counts=queries.chapter_counts(economy=code),
    )


@bp.get("/products/<int:product_id>")
def product(product_id: int) -> str:
    found = queries.product_for(current_user, product_id)
    if found is None:
        abort(404)
    return render_template(
        "catalog/product.html",
        product=found,
        reading=reading(found),
        company_reading=reading(found.company),
        hs_path=[c for c in (found.hs_section, found.hs_chapter, found.hs_heading) if c],
    )


@bp.get("/my/products")
def my_products() -> str:
    if not permissions.manage_own_company(current_user):
        abort(404)
    company = db.session.get(Company, current_user.company_id)
    if company is None:
        abort(404)
    return render_template(
        "catalog/my_products.html",
        company=company,
        products=queries.company_products(company, include_unpublished=True),
    )
