"""The product CSV format: columns, reading an uploaded file, writing an export.

UTF-8 with or without a byte-order mark (UTF-16 with one is read too), Excel-style
quoting (the csv module's), one product per row, the first row naming the columns.
Reading refuses what cannot be a product table at all (wrong encoding or delimiter,
unknown or missing columns) with one `CsvFileError`; per-cell problems are for
`csv_import` to find. Text cells that a spreadsheet would run as a formula are written
with a leading apostrophe, which reading removes again, so an export imports unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from exportnet.catalog.models import Product
from exportnet.i18n.locales import LOCALE_CODES

TERM_COLUMNS = (
    "id", "original_language", "category", "origin_economy", "moq", "moq_unit",
    "price_min", "price_max", "currency", "incoterm", "incoterm_place", "lead_time_days",
    "supply_capacity", "supply_unit", "supply_period", "port_of_loading", "certifications",
    "status",
)  # fmt: skip
TEXT_FIELDS = ("title", "description", "keywords")
TEXT_COLUMNS = tuple(f"{name}_{lang}" for lang in LOCALE_CODES for name in TEXT_FIELDS)
COLUMNS = (*TERM_COLUMNS, *TEXT_COLUMNS)
REQUIRED_COLUMNS = ("original_language", "category")
FREE_TEXT_COLUMNS = frozenset({"incoterm_place", "port_of_loading", "certifications",
                               *TEXT_COLUMNS})  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CANONICAL = {name.lower(): name for name in COLUMNS}
DELIMITER_NAMES = {";": _l("semicolons"), "\t": _l("tabs"), "|": _l("vertical bars")}
SAVE_AS = _l("Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and upload it again.")


class CsvFileError(ValueError):
    """The file as a whole cannot be read as a product table; `message` says why."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    columns: list[str]  # canonical column names, in file order
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, cells)
    ragged: list[tuple[int, int]] = field(default_factory=list)  # (row number, cell count)


def column_name(raw: str) -> str | None:
    """The canonical name of a header cell ("Title_zh-Hant " -> "title_zh_Hant"), or None."""
    return _CANONICAL.get(raw.strip().lower().replace("-", "_"))


def decode(data: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFileError(_l("The file is not UTF-8 text. %(save_as)s", save_as=SAVE_AS)) from exc


def _check_delimiter(first_line: str) -> None:
    if "," in first_line:
        return
    for delimiter, name in DELIMITER_NAMES.items():
        if delimiter in first_line:
            raise CsvFileError(
                _l(
                    "The columns are separated by %(delimiter)s, not commas. %(save_as)s",
                    delimiter=name,
                    save_as=SAVE_AS,
                )
            )


def _header(cells: list[str]) -> list[str]:
    names = [column_name(cell) for cell in cells]
    unknown = [cell.strip() for cell, name in zip(cells, names, strict=True) if name is None]
    if unknown:
        raise CsvFileError(
            _l("Unknown columns: %(columns)s.", columns=", ".join(c or '""' for c in unknown))
        )
    doubled = sorted({n for n in names if n is not None and names.count(n) > 1})
    if doubled:
        raise CsvFileError(_l("Columns named twice: %(columns)s.", columns=", ".join(doubled)))
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise CsvFileError(_l("Missing columns: %(columns)s.", columns=", ".join(missing)))
    return [n for n in names if n is not None]


def read_table(data: bytes, max_rows: int) -> Table:
    """The header and the non-blank rows of an uploaded CSV file."""
    text = decode(data)
    if text.lower().startswith("sep="):  # Excel's delimiter hint line
        hint, _, text = text.partition("\n")
        if hint.strip()[4:] != ",":
            _check_delimiter(hint.strip()[4:] or ";")
    if not text.strip():
        raise CsvFileError(_l("The file is empty."))
    _check_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        table = Table(_header(next(reader)))
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(table.columns):
                table.ragged.append((number, len(cells)))
                continue
            if len(table.rows) >= max_rows:
                raise CsvFileError(_l("A file can have at most %(max)d products.", max=max_rows))
            values = {name: unescape(name, cell.strip()) for name, cell in
                      zip(table.columns, cells, strict=False)}  # fmt: skip
            table.rows.append((number, values))
    except csv.Error as exc:
        raise CsvFileError(
            _l("The file is not a valid CSV file. %(save_as)s", save_as=SAVE_AS)
        ) from exc
    if not table.rows and not table.ragged:
        raise CsvFileError(_l("The file has no products, only the row of column names."))
    return table


def unescape(column: str, value: str) -> str:
    if column in FREE_TEXT_COLUMNS and value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def escape(column: str, value: str) -> str:
    """Keep spreadsheets from running a text cell as a formula."""
    if column in FREE_TEXT_COLUMNS and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plain_number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def product_row(product: Product) -> dict[str, str]:
    """One product as CSV cells (what `csv_import` reads back unchanged)."""
    row = {
        "id": str(product.id),
        "original_language": product.original_language,
        "category": product.hs_heading or product.hs_chapter,
        "origin_economy": product.origin_economy,
        "lead_time_days": plain_number(product.lead_time_days),
        "status": product.status,
    }
    for name in ("moq", "price_min", "price_max", "supply_capacity"):
        row[name] = plain_number(getattr(product, name))
    for name in ("moq_unit", "supply_unit", "supply_period", "currency", "incoterm",
                 "incoterm_place", "port_of_loading", "certifications"):  # fmt: skip
        row[name] = getattr(product, name) or ""
    for translation in product.translations:
        for name in TEXT_FIELDS:
            row[f"{name}_{translation.lang}"] = getattr(translation, name) or ""
    return row


def write_table(rows: Iterable[dict[str, str]], columns: Iterable[str] = COLUMNS) -> Iterator[str]:
    """CSV text, chunk by chunk: a BOM (so Excel reads UTF-8), the header, the rows."""
    names = list(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([escape(name, row.get(name, "")) for name in names])
        yield buffer.getvalue()
