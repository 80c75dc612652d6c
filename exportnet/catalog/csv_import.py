"""Importing products from CSV: the whole file is checked first, then written in one
transaction, or nothing is written and every problem is reported by row and column.

A row with an `id` of one of the company's products updates it, and describes it
whole: its terms are replaced, and a language whose columns are in the file but empty
in the row loses its version. Rows without an `id` are new products.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from exportnet.catalog import csv_io
from exportnet.catalog.fields import NUMBER_MESSAGE, WHOLE_NUMBER_MESSAGE
from exportnet.catalog.listing_check import terms_problems, text_problems
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.services import ListingTerms, ListingText

# The services' own appliers: rows are checked with the same rules first, so they pass.
from exportnet.catalog.services import _apply_terms as apply_terms
from exportnet.catalog.services import _apply_text as apply_text
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.i18n.locales import LOCALE_CODES, locale_for_tag
from exportnet.timeutil import utcnow

NUMBER = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,6})?")
WHOLE = re.compile(r"-?[0-9]{1,9}")
AMOUNT_COLUMNS = ("moq", "price_min", "price_max", "supply_capacity")
CODE_COLUMNS = ("moq_unit", "supply_unit", "supply_period")
UPPER_COLUMNS = ("origin_economy", "currency", "incoterm")
FREE_TEXT = ("incoterm_place", "port_of_loading", "certifications")
COLUMN_OF = {"hs_code": "category", "": "category", "lang": "original_language"}
MAX_SHOWN_ERRORS = 200


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


class CsvImportRefused(ValueError):
    """Nothing was imported: `file_error` for the file as a whole, else `errors`."""

    def __init__(self, errors: list[RowError], file_error: str | None = None) -> None:
        super().__init__(file_error or f"{len(errors)} problems")
        self.errors = errors
        self.file_error = file_error


@dataclass
class PlannedRow:
    number: int
    product_id: int | None
    language: str
    terms: ListingTerms
    texts: dict[str, ListingText] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


class _RowReader:
    def __init__(self, number: int, cells: dict[str, str], errors: list[RowError]) -> None:
        self.number, self.cells, self.errors = number, cells, errors

    def fail(self, column: str, message: object) -> None:
        self.errors.append(RowError(self.number, column, str(message)))

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def amount(self, column: str) -> Decimal | None:
        raw = self.text(column).replace(" ", "")
        if not raw:
            return None
        if NUMBER.fullmatch(raw):
            return Decimal(raw)
        self.fail(column, NUMBER_MESSAGE)
        return None

    def whole(self, column: str) -> int | None:
        raw = self.text(column).replace(" ", "")
        if not raw:
            return None
        if WHOLE.fullmatch(raw):
            return int(raw)
        self.fail(column, WHOLE_NUMBER_MESSAGE)
        return None


def _language(reader: _RowReader) -> str | None:
    raw = reader.text("original_language")
    found = locale_for_tag(raw) if raw else None
    if found is None:
        reader.fail(
            "original_language",
            _l("Choose one of: %(choices)s.", choices=", ".join(LOCALE_CODES)),
        )
        return None
    return found.code


def _terms(reader: _RowReader) -> ListingTerms:
    terms = ListingTerms(hs_code=reader.text("category"))
    for column in AMOUNT_COLUMNS:
        setattr(terms, column, reader.amount(column))
    for column in CODE_COLUMNS:
        setattr(terms, column, reader.text(column).lower() or None)
    for column in UPPER_COLUMNS:
        setattr(terms, column, reader.text(column).upper() or None)
    for column in FREE_TEXT:
        setattr(terms, column, reader.text(column))
    terms.lead_time_days = reader.whole("lead_time_days")
    terms.status = reader.text("status").lower() or "draft"
    return terms


def _texts(reader: _RowReader, columns: set[str], plan: PlannedRow) -> None:
    for lang in LOCALE_CODES:
        names = [f"{name}_{lang}" for name in csv_io.TEXT_FIELDS]
        if not any(name in columns for name in names):
            continue
        values = [reader.text(name) for name in names]
        if not any(values):
            plan.removed.add(lang)
            continue
        text = ListingText(*values)
        for name, message in text_problems(text).items():
            reader.fail(f"{name}_{lang}", message)
        plan.texts[lang] = text
    if plan.language and plan.language not in plan.texts:
        reader.fail(f"title_{plan.language}", _l("Give the product a title."))


def plan_rows(company: Company, table: csv_io.Table) -> tuple[list[PlannedRow], list[RowError]]:
    """Every row read and checked by the catalog rules, and every problem found."""
    errors = [
        RowError(n, "", str(_l("This row has %(count)d cells, more than the header.", count=c)))
        for n, c in table.ragged
    ]
    columns = set(table.columns)
    query = select(Product.id, Product.original_language).where(Product.company_id == company.id)
    own = {product_id: language for product_id, language in db.session.execute(query)}
    seen: set[int] = set()
    plans = []
    for number, cells in table.rows:
        reader = _RowReader(number, cells, errors)
        product_id = reader.whole("id")
        if product_id is not None and (product_id not in own or product_id in seen):
            reader.fail("id", _l("This is not the id of one of your products (or it is repeated)."))
        language = _language(reader)
        if (
            product_id is not None
            and product_id in own
            and language
            and own[product_id] != language
        ):
            reader.fail("original_language", _l("The original language cannot be changed."))
        if product_id is not None:
            seen.add(product_id)
        plan = PlannedRow(number, product_id, language or "", _terms(reader))
        for name, message in terms_problems(plan.terms, company.economy).items():
            reader.fail(COLUMN_OF.get(name, name), message)
        _texts(reader, columns, plan)
        plans.append(plan)
    errors.sort(key=lambda e: (e.row, csv_io.COLUMNS.index(e.column) if e.column else -1))
    return plans, errors


def _write(company: Company, plans: list[PlannedRow]) -> ImportResult:
    with unit_of_work() as session:
        company = session.get(Company, company.id)
        updated_ids = [p.product_id for p in plans if p.product_id]
        existing = {
            p.id: p
            for p in session.scalars(
                select(Product)
                .where(Product.id.in_(updated_ids))
                .options(selectinload(Product.translations))
            )
        } if updated_ids else {}  # fmt: skip
        for plan in plans:
            product = existing.get(plan.product_id or 0)
            if product is None:
                product = Product(company=company, original_language=plan.language)
                session.add(product)
            else:
                product.updated_at = utcnow()
            apply_terms(product, company, plan.terms)
            for lang, text in plan.texts.items():
                translation = product.translation(lang)
                if translation is None:
                    translation = ProductTranslation(lang=lang)
                    product.translations.append(translation)
                apply_text(translation, text)
            for lang in plan.removed:
                translation = product.translation(lang)
                if translation is not None and lang != product.original_language:
                    product.translations.remove(translation)
    return ImportResult(created=len(plans) - len(existing), updated=len(existing))


def import_products(company: Company, data: bytes, max_rows: int) -> ImportResult:
    """Import the whole file, or raise CsvImportRefused and import nothing."""
    try:
        table = csv_io.read_table(data, max_rows)
    except csv_io.CsvFileError as exc:
        raise CsvImportRefused([], str(exc.message)) from exc
    plans, errors = plan_rows(company, table)
    db.session.rollback()  # end the read before the write transaction
    if errors:
        raise CsvImportRefused(errors)
    return _write(company, plans)
