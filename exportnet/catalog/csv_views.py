"""Bulk listings as CSV for an exporter's own company: import, template, export."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from exportnet import permissions
from exportnet.catalog import csv_io, queries
from exportnet.catalog.csv_forms import CsvUploadForm
from exportnet.catalog.csv_import import (
    MAX_SHOWN_ERRORS,
    CsvImportRefused,
    import_products,
)
from exportnet.catalog.terms import INCOTERMS, PERIOD_LABELS, UNIT_LABELS, Status
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.i18n.locales import LOCALE_CODES, LOCALES

bp = Blueprint("catalog_csv", __name__)

# What each column holds (the product form's own words), and its closed list of values.
COLUMN_HELP = {
    "id": _l("Empty for a new product; the id of one of your products to update it."),
    "original_language": _l("The language the product is first written in."),
    "category": _l("A 2-digit chapter or a 4-digit heading, such as 09 or 0901 for coffee."),
    "origin_economy": _l("Origin economy"),
    "moq": _l("Minimum order quantity"),
    "moq_unit": _l("Unit of the minimum order"),
    "price_min": _l("Lowest price per unit"),
    "price_max": _l("Highest price per unit"),
    "currency": _l("ISO 4217 code, such as USD, THB or JPY."),
    "incoterm": _l("Incoterm (2020)"),
    "incoterm_place": _l("The port or place the Incoterm refers to, such as Ho Chi Minh City."),
    "lead_time_days": _l("Lead time in days"),
    "supply_capacity": _l("Supply capacity"),
    "supply_unit": _l("Unit of the supply capacity"),
    "supply_period": _l("Per"),
    "port_of_loading": _l("Port of loading"),
    "certifications": _l("Such as HACCP, Organic (EU), Halal, with the certifying body."),
    "status": _l("Status"),
}
COLUMN_VALUES = {
    "original_language": ", ".join(LOCALE_CODES),
    "origin_economy": "VN, TH, JP ...",
    "moq_unit": ", ".join(UNIT_LABELS),
    "supply_unit": ", ".join(UNIT_LABELS),
    "supply_period": ", ".join(PERIOD_LABELS),
    "incoterm": ", ".join(INCOTERMS),
    "status": ", ".join(s.value for s in Status),
    "moq": "1500, 12.5",
    "price_min": "1.5",
    "price_max": "2",
    "lead_time_days": "30",
}
TEXT_HELP = {"title": _l("Title"), "description": _l("Description"), "keywords": _l("Keywords")}


def _own_company() -> Company:
    if not permissions.manage_own_company(current_user):
        abort(404)
    company = db.session.get(Company, current_user.company_id)
    if company is None:
        abort(404)
    return company


def _csv_response(chunks: object, filename: str) -> Response:
    return Response(
        chunks,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/my/products/import", methods=["GET", "POST"])
def import_csv() -> BaseResponse | str:
    company = _own_company()
    form = CsvUploadForm()
    refused: CsvImportRefused | None = None
    if form.validate_on_submit():
        data = form.file.data.read()
        try:
            result = import_products(company, data, current_app.config["CSV_IMPORT_MAX_ROWS"])
        except CsvImportRefused as exc:
            refused = exc
        else:
            flash(
                _(
                    "Imported: %(created)d new products, %(updated)d updated.",
                    created=result.created,
                    updated=result.updated,
                ),
                "success",
            )
            return redirect(url_for("catalog.my_products"))
    return render_template(
        "catalog/csv_import.html",
        form=form,
        company=company,
        refused=refused,
        shown_errors=refused.errors[:MAX_SHOWN_ERRORS] if refused else [],
        term_columns=csv_io.TERM_COLUMNS,
        required_columns=csv_io.REQUIRED_COLUMNS,
        column_help=COLUMN_HELP,
        column_values=COLUMN_VALUES,
        text_fields=csv_io.TEXT_FIELDS,
        text_help=TEXT_HELP,
        locales=LOCALES,
        max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"],
    )


@bp.get("/my/products/template.csv")
def template_csv() -> Response:
    _own_company()
    return _csv_response(csv_io.write_table([]), "products-template.csv")


@bp.get("/my/products/export.csv")
def export_csv() -> Response:
    company = _own_company()
    products = queries.company_products(company, include_unpublished=True)
    rows = [csv_io.product_row(p) for p in sorted(products, key=lambda p: p.id)]
    return _csv_response(csv_io.write_table(rows), f"products-{company.id}.csv")
