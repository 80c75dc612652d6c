"""Seller analytics as tables (page and CSV share them) and the monthly chart."""

from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _

from exportnet.analytics.queries import PerMonth, SellerAnalytics
from exportnet.catalog.models import Product
from exportnet.catalog.reading import pick_translation
from exportnet.i18n.routing import current_locale
from exportnet.reports.charts import Bar, column_chart
from exportnet.reports.labels import month_key, month_short
from exportnet.reports.tables import INT, Cell, Header, Table, chart_note, count, no_data, text

SHOWN_MONTHS = 6


def product_title(product: Product) -> str:
    chosen = pick_translation(
        product.translations, current_locale().code, product.original_language
    ).translation
    return chosen.title if chosen is not None else f"#{product.id}"


def _per_product(key: str, caption: str, data: SellerAnalytics, counts: PerMonth) -> Table:
    shown = data.months[-SHOWN_MONTHS:]
    headers = [
        Header(_("Product")),
        *[Header(month_key(m), kind=INT) for m in shown],
        Header(_("Last 12 months"), kind=INT),
    ]
    rows: list[list[Cell]] = []
    for product in data.products:
        per_month = counts.get(product.id, {})
        total = sum(per_month.get(m, 0) for m in data.months)
        rows.append(
            [
                text(product_title(product)),
                *[count(per_month.get(m, 0)) for m in shown],
                count(total),
            ]
        )
    return Table(key, caption, headers, rows)


def views_table(data: SellerAnalytics) -> Table:
    return _per_product("views", _("Product page views per month"), data, data.views)


def inquiries_table(data: SellerAnalytics) -> Table:
    table = _per_product("inquiries", _("Inquiries per product per month"), data, data.inquiries)
    general = data.inquiries.get(None, {})
    if general:
        shown = data.months[-SHOWN_MONTHS:]
        total = sum(general.get(m, 0) for m in data.months)
        table.rows.append(
            [
                text(_("About the company, no product")),
                *[count(general.get(m, 0)) for m in shown],
                count(total),
            ]
        )
    return table


def monthly_table(data: SellerAnalytics) -> Table:
    """All products together, month by month: views and inquiries, with a chart of views."""

    def total(counts: PerMonth, month: tuple[int, int]) -> int:
        return sum(per_month.get(month, 0) for per_month in counts.values())

    rows = [
        [text(month_key(m)), count(total(data.views, m)), count(total(data.inquiries, m))]
        for m in data.months
    ]
    table = Table(
        "monthly",
        _("All products, month by month"),
        [Header(_("Month")), Header(_("Views"), kind=INT), Header(_("Inquiries"), kind=INT)],
        rows,
    )
    bars = [
        Bar(month_short(m), row[1].value, format_decimal(row[1].value))
        for m, row in zip(data.months, rows, strict=True)
    ]
    table.chart = column_chart(
        "chart-views", _("Product page views per month"), bars, chart_note(), no_data()
    )
    return table
