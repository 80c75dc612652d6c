"""Rules about language versions. Each refusal is raised as the owner's own error class
(ListingError, CompanyError, ...) with a translated message and the form field it concerns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from flask_babel import lazy_gettext as _l

from exportnet.i18n.locales import LOCALE_CODES

LANGUAGE_FROM_LIST = _l("Choose a language from the list.")
ORIGINAL_STAYS = _l("The original language version cannot be removed.")
NO_SUCH_VERSION = _l("There is no version in this language.")


class Version(Protocol):
    """One language version of an owner's texts (a ProductTranslation, ...)."""

    lang: str


V = TypeVar("V", bound=Version)


class Versioned(Protocol[V]):
    """An owner of language versions (a Product, Company, Notice or Post)."""

    id: int
    original_language: str
    translations: list[V]
    updated_at: datetime


def is_content_language(code: str | None) -> bool:
    """Whether texts can be written in `code` (the UI locales)."""
    return code in LOCALE_CODES


def language(code: str | None, refusal: type[Exception], field: str = "lang") -> str:
    """`code` if it is a content language; otherwise a refusal on `field`."""
    if code is None or not is_content_language(code):
        raise refusal(LANGUAGE_FROM_LIST, field)
    return code


def version(owner: Versioned[V], lang: str) -> V | None:
    """The owner's version in `lang`, if it has one."""
    return next((v for v in owner.translations if v.lang == lang), None)


def removable_version(owner: Versioned[V], lang: str, refusal: type[Exception]) -> V:
    """The version in `lang`, which may be removed: it exists and is not the original."""
    if lang == owner.original_language:
        raise refusal(ORIGINAL_STAYS, "lang")
    found = version(owner, lang)
    if found is None:
        raise refusal(NO_SUCH_VERSION, "lang")
    return found
