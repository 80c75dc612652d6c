"""The public economy report: one economy, all economies side by side, CSV downloads."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from exportnet.i18n.routing import current_locale
from exportnet.reports.comparison_report import comparison_tables
from exportnet.reports.economy_report import economy_tables
from exportnet.reports.labels import economies_by_name
from exportnet.reports.tables import Table, csv_text
from exportnet.taxonomy.economies import member_economies

bp = Blueprint("reports", __name__)
ALL = "all"


def _economy(code: str) -> str:
    code = code.upper()
    if code not in member_economies():
        abort(404)
    return code


@bp.get("/reports/economies")
def comparison() -> str:
    return render_template(
        "reports/comparison.html",
        tables=comparison_tables(),
        economies=economies_by_name(),
        scope=ALL,
    )


@bp.get("/reports/economies/<code>")
def economy(code: str) -> str:
    code = _economy(code)
    return render_template(
        "reports/economy.html",
        code=code,
        tables=economy_tables(code),
        economies=economies_by_name(),
        scope=code,
    )


def _table(tables: list[Table], key: str) -> Table:
    found = next((table for table in tables if table.key == key), None)
    if found is None:
        abort(404)
    return found


@bp.get("/reports/economies/<scope>/<key>.csv")
def download(scope: str, key: str) -> Response:
    """One table of a report page as CSV, with the same rows the page shows."""
    if scope == ALL:
        table = _table(comparison_tables(), key)
        name = f"exportnet-economies-{key}-{current_locale().segment}.csv"
    else:
        code = _economy(scope)
        table = _table(economy_tables(code), key)
        name = f"exportnet-{code}-{key}-{current_locale().segment}.csv"
    response = Response(csv_text(table), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
