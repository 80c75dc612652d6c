"""Public company pages: the directory by economy and industry, and one company's page."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog import queries as catalog_queries
from exportnet.catalog.presenting import reading
from exportnet.catalog.views import page_number
from exportnet.companies import queries
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy

bp = Blueprint("companies", __name__)


@bp.get("/companies")
def directory() -> str:
    economy = (request.args.get("economy") or "").strip().upper() or None
    industry = (request.args.get("industry") or "").strip() or None
    if economy and not is_valid_economy(economy):
        economy = None
    if industry and (len(industry) != 2 or not hs.is_valid_code(industry)):
        industry = None
    filters = {k: v for k, v in (("economy", economy), ("industry", industry)) if v}
    return render_template(
        "companies/directory.html",
        page=queries.directory(economy, industry, page=page_number()),
        filters=filters,
        economy=economy,
        industry=industry,
        economy_counts=queries.economy_counts(industry),
        industry_counts=queries.industry_counts(economy),
    )


@bp.get("/companies/<int:company_id>")
def detail(company_id: int) -> str:
    company = queries.company_for(current_user, company_id)
    if company is None:
        abort(404)
    may_edit = permissions.edit_company(current_user, company)
    return render_template(
        "companies/detail.html",
        company=company,
        reading=reading(company),
        products=catalog_queries.company_products(company, include_unpublished=may_edit),
        may_edit=may_edit,
    )


@bp.get("/my/company")
def mine() -> Response:
    if not permissions.manage_own_company(current_user):
        abort(404)
    return redirect(url_for("companies_edit.edit", company_id=current_user.company_id))
