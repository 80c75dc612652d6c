"""One economy's report: key figures, products by HS section, notices by kind, the
languages of its listings, and new products per month."""

from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _

from exportnet.reports import labels
from exportnet.reports.cache import report_figures
from exportnet.reports.charts import Bar, bar_chart, column_chart
from exportnet.reports.queries import Figures
from exportnet.reports.tables import (
    INT,
    Header,
    Table,
    chart_note,
    count,
    no_data,
    percent,
    rate,
    text,
)


def bars_of(table: Table, value_index: int = 1) -> list[Bar]:
    """The table's first column as labels, another as values."""
    return [
        Bar(str(row[0].value), float(row[value_index].value or 0), row[value_index].display())
        for row in table.rows
    ]


def add_bar_chart(
    table: Table, chart_id: str, value_index: int = 1, title: str | None = None
) -> None:
    bars = bars_of(table, value_index)
    table.chart_title = title or table.caption
    table.chart = bar_chart(chart_id, table.chart_title, bars, chart_note(), no_data())


def key_figures(code: str, data: Figures) -> Table:
    total, verified = data.companies.get(code, (0, 0))
    received, replied = data.inquiries.get(code, (0, 0))
    rows = [
        [text(_("Exporter companies")), count(total)],
        [text(_("Verified companies")), count(verified)],
        [text(_("Verified share")), percent(rate(verified, total))],
        [text(_("Published products")), count(sum(data.sections.get(code, {}).values()))],
        [text(_("Active trade notices")), count(sum(data.notices.get(code, {}).values()))],
        [text(_("Board posts")), count(data.posts.get(code, 0))],
        [text(_("Inquiries received")), count(received)],
        [text(_("Inquiries answered")), count(replied)],
        [text(_("Reply rate")), percent(rate(replied, received))],
    ]
    return Table("summary", _("Key figures"), [Header(_("Figure")), Header(_("Value"))], rows)


def sections(code: str, data: Figures) -> Table:
    counts = data.sections.get(code, {})
    rows = [
        [text(labels.section_label(section)), count(counts[section])]
        for section in labels.section_order()
        if counts.get(section)
    ]
    table = Table(
        "sections",
        _("Published products by HS section"),
        [Header(_("HS section")), Header(_("Products"), kind=INT)],
        rows,
    )
    add_bar_chart(table, "chart-sections")
    return table


def notices(code: str, data: Figures) -> Table:
    counts = data.notices.get(code, {})
    rows = [
        [text(labels.notice_kind(kind)), count(counts.get(kind, 0))]
        for kind in labels.notice_kinds()
    ]
    table = Table(
        "notices",
        _("Active trade notices by kind"),
        [Header(_("Kind")), Header(_("Notices"), kind=INT)],
        rows,
    )
    add_bar_chart(table, "chart-notices")
    return table


def languages(code: str, data: Figures) -> Table:
    counts = data.languages.get(code, {})
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rows = [[text(labels.language(lang)), count(number)] for lang, number in ordered]
    table = Table(
        "languages",
        _("Languages the listings are written in"),
        [Header(_("Language")), Header(_("Listings"), kind=INT)],
        rows,
    )
    add_bar_chart(table, "chart-languages")
    return table


def growth(code: str, data: Figures) -> Table:
    counts = data.growth.get(code, {})
    rows = [[text(labels.month_key(m)), count(counts.get(m, 0))] for m in data.months]
    table = Table(
        "growth",
        _("New products per month (last 12 months)"),
        [Header(_("Month")), Header(_("New products"), kind=INT)],
        rows,
    )
    bars = [
        Bar(labels.month_short(m), counts.get(m, 0), format_decimal(counts.get(m, 0)))
        for m in data.months
    ]
    table.chart = column_chart("chart-growth", table.caption, bars, chart_note(), no_data())
    return table


def economy_tables(code: str) -> list[Table]:
    data = report_figures(code)
    return [
        key_figures(code, data),
        sections(code, data),
        notices(code, data),
        languages(code, data),
        growth(code, data),
    ]
