"""`/api/v1/companies`: the public directory, one profile, and changing one's own."""

from __future__ import annotations

from typing import Any

from exportnet.api import company_writes
from exportnet.api.auth import api_user, require_user
from exportnet.api.blueprint import api_blueprint
from exportnet.api.body import json_object
from exportnet.api.errors import ApiError
from exportnet.api.params import MAX_ID, QueryArgs
from exportnet.api.queries import browse_companies
from exportnet.api.serializers import company_json, page_json
from exportnet.companies import queries
from exportnet.companies.models import Company
from exportnet.extensions import db

bp = api_blueprint("api_companies", __name__)


@bp.get("/companies")
def list_companies() -> dict[str, Any]:
    args = QueryArgs()
    economy, category = args.economy(), args.category()
    page, per_page = args.page(), args.per_page()
    args.finish()
    found = browse_companies(economy, category, page, per_page)
    return page_json(found, [company_json(c) for c in found.items])


@bp.get("/companies/<int:company_id>")
def get_company(company_id: int) -> dict[str, Any]:
    QueryArgs().finish()
    company = queries.company_for(api_user(), company_id) if company_id <= MAX_ID else None
    if company is None:
        raise ApiError(404)
    return company_json(company)


@bp.patch("/companies/<int:company_id>")
def update_company(company_id: int) -> dict[str, Any]:
    user = require_user()
    company = queries.editable_company(user, company_id) if company_id <= MAX_ID else None
    if company is None:
        raise ApiError(404)
    QueryArgs().finish()
    company_writes.update_from_json(company, json_object())
    db.session.expire_all()
    return company_json(db.session.get(Company, company_id))
