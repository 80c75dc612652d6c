"""All member economies side by side: one row (or column) per economy in every table."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import format_decimal
from flask_babel import gettext as _

from exportnet.reports import labels
from exportnet.reports.cache import report_figures
from exportnet.reports.charts import Bar, column_chart
from exportnet.reports.economy_report import add_bar_chart
from exportnet.reports.queries import Figures, Nested
from exportnet.reports.tables import (
    INT,
    PERCENT,
    Cell,
    Header,
    Table,
    chart_note,
    count,
    no_data,
    percent,
    rate,
    text,
)


def _economy_headers(codes: list[str]) -> list[Header]:
    return [Header(code, labels.economy(code), INT) for code in codes]


def overview(codes: list[str], data: Figures) -> Table:
    headers = [
        Header(_("Economy")),
        Header(_("Exporter companies"), kind=INT),
        Header(_("Verified companies"), kind=INT),
        Header(_("Verified share"), kind=PERCENT),
        Header(_("Published products"), kind=INT),
        Header(_("Active trade notices"), kind=INT),
        Header(_("Board posts"), kind=INT),
        Header(_("Inquiries received"), kind=INT),
        Header(_("Reply rate"), kind=PERCENT),
    ]
    rows = []
    for code in codes:
        total, verified = data.companies.get(code, (0, 0))
        received, replied = data.inquiries.get(code, (0, 0))
        rows.append(
            [
                text(labels.economy(code)),
                count(total),
                count(verified),
                percent(rate(verified, total)),
                count(sum(data.sections.get(code, {}).values())),
                count(sum(data.notices.get(code, {}).values())),
                count(data.posts.get(code, 0)),
                count(received),
                percent(rate(replied, received)),
            ]
        )
    table = Table("economies", _("Key figures by economy"), headers, rows)
    add_bar_chart(table, "chart-economies", value_index=4, title=_("Published products by economy"))
    return table


def _matrix(
    key: str,
    caption: str,
    first: str,
    keys: list[str],
    label: Callable[[str], str],
    codes: list[str],
    counts: Nested,
    chart_title: str,
) -> Table:
    """Rows `keys`, one column per economy, and their total."""
    headers = [Header(first), *_economy_headers(codes), Header(_("Total"), kind=INT)]
    rows: list[list[Cell]] = []
    for row_key in keys:
        values = [counts.get(code, {}).get(row_key, 0) for code in codes]
        rows.append([text(label(row_key)), *map(count, values), count(sum(values))])
    table = Table(key, caption, headers, rows)
    add_bar_chart(table, f"chart-{key}", value_index=len(headers) - 1, title=chart_title)
    return table


def sections(codes: list[str], data: Figures) -> Table:
    present = {s for code in codes for s, n in data.sections.get(code, {}).items() if n}
    keys = [s for s in labels.section_order() if s in present]
    caption = _("Published products by HS section and economy")
    chart = _("Published products by HS section, all economies")
    return _matrix(
        "sections",
        caption,
        _("HS section"),
        keys,
        labels.section_label,
        codes,
        data.sections,
        chart,
    )


def languages(codes: list[str], data: Figures) -> Table:
    totals: dict[str, int] = {}
    for code in codes:
        for lang, number in data.languages.get(code, {}).items():
            totals[lang] = totals.get(lang, 0) + number
    keys = sorted(totals, key=lambda lang: (-totals[lang], lang))
    caption = _("Languages the listings are written in, by economy")
    chart = _("Listings by language, all economies")
    return _matrix(
        "languages", caption, _("Language"), keys, labels.language, codes, data.languages, chart
    )


def notices(codes: list[str], data: Figures) -> Table:
    kinds = labels.notice_kinds()
    headers = [
        Header(_("Economy")),
        *[Header(labels.notice_kind(kind), kind=INT) for kind in kinds],
        Header(_("Total"), kind=INT),
    ]
    rows: list[list[Cell]] = []
    for code in codes:
        values = [data.notices.get(code, {}).get(kind, 0) for kind in kinds]
        rows.append([text(labels.economy(code)), *map(count, values), count(sum(values))])
    table = Table("notices", _("Active trade notices by economy and kind"), headers, rows)
    chart = _("Active trade notices by economy")
    add_bar_chart(table, "chart-notices", value_index=len(headers) - 1, title=chart)
    return table


def growth(codes: list[str], data: Figures) -> Table:
    headers = [Header(_("Month")), *_economy_headers(codes), Header(_("Total"), kind=INT)]
    rows: list[list[Cell]] = []
    totals: list[int] = []
    for month in data.months:
        values = [data.growth.get(code, {}).get(month, 0) for code in codes]
        totals.append(sum(values))
        rows.append([text(labels.month_key(month)), *map(count, values), count(totals[-1])])
    table = Table("growth", _("New products per month by economy (last 12 months)"), headers, rows)
    bars = [
        Bar(labels.month_short(month), total, format_decimal(total))
        for month, total in zip(data.months, totals, strict=True)
    ]
    table.chart_title = _("New products per month, all economies")
    table.chart = column_chart("chart-growth", table.chart_title, bars, chart_note(), no_data())
    return table


def comparison_tables() -> list[Table]:
    codes = labels.economies_by_name()
    data = report_figures()
    return [
        overview(codes, data),
        sections(codes, data),
        notices(codes, data),
        languages(codes, data),
        growth(codes, data),
    ]
