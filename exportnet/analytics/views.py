"""Seller analytics: /<lang>/my/analytics for the members of an exporter company."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template
from flask_login import current_user

from exportnet import permissions
from exportnet.analytics.queries import ReplyTime, seller_analytics
from exportnet.analytics.tables import inquiries_table, monthly_table, views_table
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.reports.tables import Table, csv_text

bp = Blueprint("analytics", __name__)


def _company() -> Company:
    company_id = getattr(current_user, "company_id", None)
    company = db.session.get(Company, company_id) if company_id else None
    if not permissions.view_seller_analytics(current_user, company):
        abort(404)
    return company  # type: ignore[return-value]


def _tables(company: Company) -> tuple[list[Table], ReplyTime]:
    data = seller_analytics(company.id)
    return [monthly_table(data), views_table(data), inquiries_table(data)], data.reply


@bp.get("/my/analytics")
def mine() -> str:
    company = _company()
    tables, reply = _tables(company)
    return render_template("analytics/mine.html", company=company, tables=tables, reply=reply)


@bp.get("/my/analytics/<key>.csv")
def download(key: str) -> Response:
    company = _company()
    tables, _reply = _tables(company)
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        abort(404)
    response = Response(csv_text(table), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="analytics-{key}.csv"'
    return response
