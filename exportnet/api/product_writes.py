"""Creating and changing listings from JSON: read, check everything, then write.

Every problem is reported at once (422 with per-field messages) before anything is
written; the writes themselves go through the catalog services, so the rules, the
transaction and the search outbox are theirs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask_babel import gettext as _

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.api.body import Body
from exportnet.api.errors import ApiError
from exportnet.api.language_versions import apply_versions, given_texts, read_titled_versions
from exportnet.catalog import services
from exportnet.catalog.listing_check import terms_problems, text_problems
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.services import ListingError, ListingTerms, ListingText
from exportnet.companies.models import Company
from exportnet.database import MAX_ROW_ID
from exportnet.extensions import db

TEXT_FIELDS = ("title", "description", "keywords")
NUMBER_FIELDS = ("moq", "price_min", "price_max", "supply_capacity")
CODE_FIELDS = ("moq_unit", "supply_unit", "supply_period", "status")
FREE_TEXT_FIELDS = ("incoterm_place", "port_of_loading", "certifications")
UPPER_FIELDS = ("currency", "incoterm", "origin_economy")
TERM_FIELDS = (
    "category", "lead_time_days", *NUMBER_FIELDS, *CODE_FIELDS, *FREE_TEXT_FIELDS, *UPPER_FIELDS
)  # fmt: skip
PATCH_FIELDS = frozenset({*TERM_FIELDS, *TEXT_FIELDS, "translations"})
CREATE_FIELDS = PATCH_FIELDS | {"language", "company"}
# Service field names that the API calls differently.
API_NAMES = {"hs_code": "category", "original_language": "language", "lang": "language"}


def api_field(name: str | None) -> str:
    return API_NAMES.get(name or "", name or "category")


def terms_of(product: Product) -> ListingTerms:
    return ListingTerms(
        hs_code=product.hs_heading or product.hs_chapter,
        origin_economy=product.origin_economy,
        **{name: getattr(product, name) for name in (*NUMBER_FIELDS, *CODE_FIELDS)},
        **{name: getattr(product, name) for name in ("currency", "incoterm", "lead_time_days")},
        **{name: getattr(product, name) or "" for name in FREE_TEXT_FIELDS},
    )


def _read_terms(body: Body, base: ListingTerms) -> ListingTerms:
    terms = replace(base)
    if body.has("category"):
        terms.hs_code = body.string("category") or ""
    if body.has("lead_time_days"):
        terms.lead_time_days = body.integer("lead_time_days")
    for name in NUMBER_FIELDS:
        if body.has(name):
            setattr(terms, name, body.number(name))
    for name in CODE_FIELDS:
        if body.has(name):
            setattr(terms, name, body.string(name))
    for name in FREE_TEXT_FIELDS:
        if body.has(name):
            setattr(terms, name, body.string(name) or "")
    for name in UPPER_FIELDS:
        if body.has(name):
            setattr(terms, name, body.upper(name))
    return terms


def _read_text(body: Body, base: ProductTranslation | None) -> ListingText:
    text = ListingText(*given_texts(body, base, TEXT_FIELDS))
    for name, message in text_problems(text).items():
        body.errors.setdefault(body.prefix + name, message)
    return text


def _read_translations(
    body: Body, product: Product | None, original: str | None
) -> dict[str, ListingText | None]:
    """{language: new text, or None to remove that version}."""
    return read_titled_versions(body, product, original, TEXT_FIELDS, _read_text)


def _check_terms(body: Body, terms: ListingTerms, company: Company) -> None:
    for name, message in terms_problems(terms, company.economy).items():
        body.errors.setdefault(api_field(name), message)
    if body.errors:
        raise ApiError(422, fields=body.errors)


def _apply_translations(product: Product, found: dict[str, ListingText | None]) -> None:
    apply_versions(
        found,
        lambda code, text: services.set_translation(product, code, text),
        lambda code: services.remove_translation(product, code),
    )


def _company_for(user: User, body: Body) -> Company:
    company_id = body.integer("company") if body.has("company") else user.company_id
    company = (
        db.session.get(Company, company_id) if company_id and company_id <= MAX_ROW_ID else None
    )
    if company is None or not permissions.edit_company(user, company):
        if body.has("company"):
            body.errors["company"] = _("You cannot add listings to this company.")
            raise ApiError(422, fields=body.errors)
        raise ApiError(403)
    return company


def create_from_json(user: User, data: dict[str, Any]) -> Product:
    """A new listing of the user's company (admins: of `company`), with its translations."""
    body = Body(data, CREATE_FIELDS, {})
    company = _company_for(user, body)
    language = body.language("language", required=True)
    if not body.has("category"):
        body.string("category", required=True)
    text = _read_text(body, None)
    terms = _read_terms(body, ListingTerms(hs_code=""))
    translations = _read_translations(body, None, language)
    _check_terms(body, terms, company)
    try:
        product = services.create_product(company, terms, language or "", text)
        _apply_translations(product, translations)
    except ListingError as exc:
        raise ApiError(422, fields={api_field(exc.field): exc.message}) from exc
    return product


def update_from_json(product: Product, data: dict[str, Any]) -> Product:
    """Change the given fields; translations given as null are removed."""
    body = Body(data, PATCH_FIELDS, {})
    terms = _read_terms(body, terms_of(product))
    text = None
    if any(body.has(name) for name in TEXT_FIELDS):
        text = _read_text(body, product.translation(product.original_language))
    translations = _read_translations(body, product, product.original_language)
    _check_terms(body, terms, product.company)
    try:
        services.update_product(product, terms, text)
        _apply_translations(product, translations)
    except ListingError as exc:
        raise ApiError(422, fields={api_field(exc.field): exc.message}) from exc
    return product
