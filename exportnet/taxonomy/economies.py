"""Economies: the member economies of ExportNet and every ISO 3166-1 alpha-2 code.

Sellers come from the member economies (ASEAN+3, configurable with MEMBER_ECONOMIES); buyers
and export markets may be anywhere, so any ISO 3166-1 alpha-2 code is valid. Names come from
Babel's CLDR data and lists are sorted with ICU collation in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

import icu
from babel import Locale, UnknownLocaleError
from flask import current_app, has_app_context

MEMBER_ECONOMIES: tuple[str, ...] = (
    "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR",
)  # fmt: skip

# CLDR region codes that are not ISO 3166-1 alpha-2 countries or territories: groupings,
# pseudo-locales, "unknown", and the "exceptionally reserved" codes of places that ISO counts
# as part of another entry (Ascension -> SH, Canary Islands -> ES, ...). XK (Kosovo) stays: it
# is user-assigned, but it is what CLDR, the EU and the IMF use.
NON_ECONOMY_CODES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)


@cache
def all_economies() -> frozenset[str]:
    """Every valid economy code."""
    return frozenset(
        code
        for code in Locale("en").territories
        if len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()
        and code not in NON_ECONOMY_CODES
    )  # fmt: skip


def is_valid_economy(code: str | None) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code, exactly as given (upper case)."""
    return isinstance(code, str) and code in all_economies()


def _codes(raw: str | Iterable[str]) -> tuple[str, ...]:
    parts = raw.split(",") if isinstance(raw, str) else raw
    codes = (str(part).strip().upper() for part in parts)
    return tuple(dict.fromkeys(code for code in codes if is_valid_economy(code)))


def member_economies() -> tuple[str, ...]:
    """The member economies: the app's MEMBER_ECONOMIES (a comma-separated string or a list)
    inside an application context, else the ASEAN+3 default. Invalid codes are left out."""
    if has_app_context():
        raw = current_app.config.get("MEMBER_ECONOMIES")
        if raw:
            codes = _codes(raw)
            if codes:
                return codes
    return MEMBER_ECONOMIES


@lru_cache(maxsize=64)
def _babel_locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale("en")


def _as_locale(locale: str | Locale | None) -> Locale:
    if isinstance(locale, Locale):
        return locale
    return _babel_locale(locale or "en")


def economy_name(code: str, locale: str | Locale | None = "en") -> str:
    """The CLDR name of an economy in `locale` ("VN" in "ja" -> "ベトナム"); the code if unknown."""
    key = (code or "").strip().upper()
    return _as_locale(locale).territories.get(key) or Locale("en").territories.get(key) or key


def economy_choices(
    locale: str | Locale | None, codes: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """(code, name) pairs for `codes` (default: every economy), in the reader's alphabetical order.

    Sorted with ICU collation for the locale, so names sort as readers of that language expect
    (accents, kana, pinyin, Thai vowels...). Unknown codes are left out.
    """
    babel_locale = _as_locale(locale)
    wanted = all_economies() if codes is None else {c.strip().upper() for c in codes if c}
    pairs = [(code, economy_name(code, babel_locale)) for code in wanted if is_valid_economy(code)]
    collator = icu.Collator.createInstance(icu.Locale(str(babel_locale)))
    return sorted(pairs, key=lambda pair: (collator.getSortKey(pair[1]), pair[0]))
