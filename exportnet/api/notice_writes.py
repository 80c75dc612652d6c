"""Posting and changing trade notices from JSON, through the notices services.

Types and texts are checked here, all at once; the notice rules (validity, kind-specific
terms) are the services', which report the first broken one with its field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from flask_babel import gettext as _

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.api.body import Body
from exportnet.api.errors import ApiError
from exportnet.api.language_versions import apply_versions, given_texts, read_titled_versions
from exportnet.api.serializers_content import KIND_NAMES
from exportnet.notices import rules, services
from exportnet.notices.models import Notice, NoticeTranslation
from exportnet.notices.queries import today
from exportnet.notices.rules import NoticeError
from exportnet.notices.services import NoticeTerms, NoticeText

DATE_FIELDS = ("valid_from", "valid_until", "deadline", "event_start", "event_end")
NUMBER_FIELDS = ("quantity", "target_price")
CODE_FIELDS = ("status", "quantity_unit", "event_type", "venue", "event_url")
UPPER_FIELDS = ("economy", "currency", "destination_economy")
TEXT_FIELDS = ("title", "body")
PATCH_FIELDS = frozenset({*DATE_FIELDS, *NUMBER_FIELDS, *CODE_FIELDS, *UPPER_FIELDS,
                          *TEXT_FIELDS, "category", "translations"})  # fmt: skip
CREATE_FIELDS = PATCH_FIELDS | {"kind", "language"}
API_NAMES = {"hs_code": "category", "original_language": "language", "lang": "language"}


def terms_of(notice: Notice) -> NoticeTerms:
    names = (*DATE_FIELDS, *NUMBER_FIELDS, *CODE_FIELDS, *UPPER_FIELDS)
    terms = NoticeTerms(
        kind=notice.kind,
        economy=notice.economy,
        valid_from=notice.valid_from,
        valid_until=notice.valid_until,
        hs_code=notice.hs_heading or notice.hs_chapter or "",
    )
    for name in names:
        setattr(terms, name, getattr(notice, name))
    terms.venue = terms.venue or ""
    return terms


def _read_terms(body: Body, base: NoticeTerms) -> NoticeTerms:
    terms = replace(base)
    if body.has("category"):
        terms.hs_code = body.string("category") or ""
    readers: list[tuple[tuple[str, ...], Callable[[str], Any]]] = [
        (DATE_FIELDS, body.day),
        (NUMBER_FIELDS, body.number),
        (CODE_FIELDS, body.string),
        (UPPER_FIELDS, body.upper),
    ]
    for names, read in readers:
        for name in names:
            if body.has(name):
                setattr(terms, name, read(name))
    terms.venue = terms.venue or ""
    return terms


def _check_text(body: Body, text: NoticeText) -> None:
    for name, rule, value in (("title", rules.title, text.title), ("body", rules.body, text.body)):
        try:
            rule(value)
        except NoticeError as exc:
            body.errors.setdefault(body.prefix + name, exc.message)


def _read_text(body: Body, base: NoticeTranslation | None) -> NoticeText:
    text = NoticeText(*given_texts(body, base, TEXT_FIELDS))
    _check_text(body, text)
    return text


def _read_translations(
    body: Body, notice: Notice | None, original: str | None
) -> dict[str, NoticeText | None]:
    return read_titled_versions(body, notice, original, TEXT_FIELDS, _read_text)


def _write(action: Callable[[], Notice], translations: dict[str, NoticeText | None]) -> Notice:
    try:
        notice = action()
        apply_versions(
            translations,
            lambda code, text: services.set_translation(notice, code, text),
            lambda code: services.remove_translation(notice, code),
        )
    except NoticeError as exc:
        field = API_NAMES.get(exc.field or "", exc.field or "kind")
        raise ApiError(422, fields={field: exc.message}) from exc
    return notice


def create_from_json(user: User, data: dict[str, Any]) -> Notice:
    body = Body(data, CREATE_FIELDS, {})
    raw_kind = body.string("kind", required=True)
    kind = KIND_NAMES.get(raw_kind or "")
    if raw_kind is not None and kind is None:
        body.errors["kind"] = _("Choose one of: %(choices)s.", choices=", ".join(KIND_NAMES))
    if kind is not None and not permissions.post_notice(user, kind):
        raise ApiError(403, _("You cannot post this kind of notice."))
    language = body.language("language", required=True)
    economy = user.company.economy if permissions.is_exporter(user) and user.company else ""
    base = NoticeTerms(kind=kind or "", economy=economy, valid_from=today(), valid_until=None)
    terms = _read_terms(body, base)
    text = _read_text(body, None)
    translations = _read_translations(body, None, language)
    if body.errors:
        raise ApiError(422, fields=body.errors)
    return _write(lambda: services.create_notice(user, terms, language or "", text), translations)


def update_from_json(notice: Notice, data: dict[str, Any]) -> Notice:
    body = Body(data, PATCH_FIELDS, {})
    terms = _read_terms(body, terms_of(notice))
    text = None
    if any(body.has(name) for name in TEXT_FIELDS):
        text = _read_text(body, notice.translation(notice.original_language))
    translations = _read_translations(body, notice, notice.original_language)
    if body.errors:
        raise ApiError(422, fields=body.errors)
    return _write(lambda: services.update_notice(notice, terms, text), translations)
