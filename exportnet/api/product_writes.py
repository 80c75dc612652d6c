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
from exportnet.api.params import language_code
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
    def pick(name: str) -> str:
        if body.has(name):
            return body.string(name, required=name == "title") or ""
        return getattr(base, name, "") if base is not None else ""

    text = ListingText(pick("title"), pick("description"), pick("keywords"))
    for name, message in text_problems(text).items():
        body.errors.setdefault(body.prefix + name, message)
    return text


def _read_translations(
    body: Body, product: Product | None, original: str | None
) -> dict[str, ListingText | None]:
    """{language: new text, or None to remove that version}."""
    raw = body.mapping("translations") or {}
    found: dict[str, ListingText | None] = {}
    for key, value in raw.items():
        name = f"translations.{key}"
        code = language_code(key)
        if code is None:
            body.errors[name] = _("Choose a language from the list.")
        elif code == original and value is None and product is not None:
            raise ApiError(409, _("The original language version cannot be removed."))
        elif code == original:
            body.errors[name] = _("Give the original-language text in title and description.")
        elif value is None and product is not None:
            if product.translation(code) is None:
                body.errors[name] = _("There is no version in this language.")
            found[code] = None
        elif not isinstance(value, dict):
            body.errors[name] = _("Give an object here.")
        else:
            sub = Body(value, frozenset(TEXT_FIELDS), body.errors, prefix=name + ".")
            base = product.translation(code) if product is not None else None
            if base is None and not sub.has("title"):
                sub.string("title", required=True)
            found[code] = _read_text(sub, base)
    return found


def _check_terms(body: Body, terms: ListingTerms, company: Company) -> None:
    for name, message in terms_problems(terms, company.economy).items():
        body.errors.setdefault(api_field(name), message)
    if body.errors:
        raise ApiError(422, fields=body.errors)


def _apply_translations(product: Product, found: dict[str, ListingText | None]) -> None:
    for code, text in found.items():
        if text is None:
            services.remove_translation(product, code)
        else:
            services.set_translation(product, code, text)


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
