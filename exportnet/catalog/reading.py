"""Which language version of translatable content a reader sees.

One rule everywhere (products, company descriptions, later notices): the reader's
locale if that version exists, else the original language, else any version there is.
The result says which language is shown so that pages can tell the reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from exportnet.i18n.locales import LOCALE_CODES


class HasLang(Protocol):
    lang: str


T = TypeVar("T", bound=HasLang)


@dataclass(frozen=True)
class Reading(Generic[T]):
    """The chosen version, and what the reader asked for and could have instead."""

    translation: T | None
    requested: str
    original_language: str
    available: tuple[str, ...] = field(default=())

    @property
    def lang(self) -> str | None:
        return self.translation.lang if self.translation is not None else None

    @property
    def is_fallback(self) -> bool:
        """True when the reader's own language is not the one shown."""
        return self.translation is not None and self.translation.lang != self.requested

    @property
    def is_original(self) -> bool:
        return self.lang == self.original_language

    @property
    def others(self) -> tuple[str, ...]:
        """Languages available besides the one shown, in UI locale order."""
        return tuple(code for code in self.available if code != self.lang)


def _locale_order(code: str) -> tuple[int, str]:
    return (LOCALE_CODES.index(code) if code in LOCALE_CODES else len(LOCALE_CODES), code)


def pick_translation(
    translations: Iterable[T], reader_locale: str, original_language: str
) -> Reading[T]:
    """Reader's locale -> original language -> the first version in locale order."""
    by_lang = {t.lang: t for t in translations}
    available = tuple(sorted(by_lang, key=_locale_order))
    chosen = by_lang.get(reader_locale) or by_lang.get(original_language)
    if chosen is None and available:
        chosen = by_lang[available[0]]
    return Reading(chosen, reader_locale, original_language, available)
