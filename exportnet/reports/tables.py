"""The report's figures as tables. One `Table` feeds the page (HTML table and chart) and
the CSV download, so the download always holds exactly what the table shows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from markupsafe import Markup

INT, PERCENT, TEXT = "int", "percent", "text"
CSV_UNSAFE = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Cell:
    value: Any  # int, a rate between 0 and 1 (None when undefined), or text
    kind: str = TEXT

    def display(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == INT:
            return format_decimal(self.value)
        if self.kind == PERCENT:
            return format_percent(self.value, "#,##0.0%")
        return str(self.value)

    def csv(self) -> str:
        if self.value is None:
            return ""
        if self.kind == INT:
            return str(int(self.value))
        if self.kind == PERCENT:
            return f"{self.value * 100:.1f}"
        text = str(self.value)
        return "'" + text if text.startswith(CSV_UNSAFE) else text


@dataclass(frozen=True)
class Header:
    text: str
    full: str = ""  # the long form, for <abbr title=...> (economy codes)
    kind: str = TEXT

    def csv(self) -> str:
        return f"{self.text} (%)" if self.kind == PERCENT else self.text


@dataclass
class Table:
    key: str  # the CSV's name, unique on its page
    caption: str
    headers: list[Header]
    rows: list[list[Cell]] = field(default_factory=list)
    chart: Markup | None = None
    chart_title: str = ""  # shown above the chart when it differs from the caption

    def column(self, index: int) -> list[Any]:
        return [row[index].value for row in self.rows]


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def text(value: Any) -> Cell:
    return Cell(value, TEXT)


def count(value: int) -> Cell:
    return Cell(int(value or 0), INT)


def percent(value: float | None) -> Cell:
    return Cell(value, PERCENT)


def csv_text(table: Table) -> str:
    """The table as CSV (UTF-8 with a byte-order mark, so spreadsheets read the scripts)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header.csv() for header in table.headers])
    for row in table.rows:
        writer.writerow([cell.csv() for cell in row])
    return "\ufeff" + buffer.getvalue()


def no_data() -> str:
    return _("No figures yet.")


def chart_note() -> str:
    return _("The numbers are in the table beside the chart.")
