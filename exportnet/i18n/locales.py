"""The 13 UI locales and how a browser's preferences map onto them.

Three spellings of each locale matter: the catalog folder / Babel identifier
(`zh_Hant`, what Flask-Babel must receive), the URL segment (`zh-hant`) and the
BCP 47 tag for `lang`/`hreflang` (`zh-Hant`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UILocale:
    code: str  # catalog folder name and Babel identifier
    segment: str  # first URL segment
    tag: str  # BCP 47, for lang= and hreflang=
    native_name: str
    direction: str = "ltr"


LOCALES: tuple[UILocale, ...] = (
    UILocale("en", "en", "en", "English"),
    UILocale("ko", "ko", "ko", "한국어"),
    UILocale("ja", "ja", "ja", "日本語"),
    UILocale("zh_Hans", "zh-hans", "zh-Hans", "简体中文"),
    UILocale("zh_Hant", "zh-hant", "zh-Hant", "繁體中文"),
    UILocale("th", "th", "th", "ไทย"),
    UILocale("vi", "vi", "vi", "Tiếng Việt"),
    UILocale("id", "id", "id", "Bahasa Indonesia"),
    UILocale("ms", "ms", "ms", "Bahasa Melayu"),
    UILocale("fil", "fil", "fil", "Filipino"),
    UILocale("km", "km", "km", "ខ្មែរ"),
    UILocale("lo", "lo", "lo", "ລາວ"),
    UILocale("my", "my", "my", "မြန်မာ"),
)

DEFAULT_LOCALE = LOCALES[0]
BY_CODE = {loc.code: loc for loc in LOCALES}
BY_SEGMENT = {loc.segment: loc for loc in LOCALES}
LOCALE_CODES = tuple(loc.code for loc in LOCALES)

_HANT_REGIONS = {"tw", "hk", "mo"}


def locale_for_tag(tag: str) -> UILocale | None:
    """Map one BCP 47 / POSIX language tag onto a UI locale, or None.

    Chinese is decided by script first, then region: zh-Hant-*, zh-TW, zh-HK, zh-MO
    are Traditional; zh, zh-Hans-*, zh-CN, zh-SG are Simplified.
    """
    parts = [p for p in tag.strip().replace("_", "-").lower().split("-") if p]
    if not parts or not all(p.isalnum() and p.isascii() for p in parts):
        return None
    language, rest = parts[0], parts[1:]
    if language == "zh":
        if "hans" in rest:
            return BY_CODE["zh_Hans"]
        if "hant" in rest or any(p in _HANT_REGIONS for p in rest):
            return BY_CODE["zh_Hant"]
        return BY_CODE["zh_Hans"]
    aliases = {"tl": "fil", "in": "id", "zsm": "ms", "bur": "my", "khm": "km", "lao": "lo"}
    language = aliases.get(language, language)
    for loc in LOCALES:
        if loc.code == language:
            return loc
    return None


def parse_accept_language(header: str | None) -> list[str]:
    """The tags of an Accept-Language header, best first; garbage gives []."""
    if not header or len(header) > 1000:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, index, tag))
    return [tag for _q, _i, tag in sorted(weighted)]


def negotiate(cookie: str | None, accept_language: str | None) -> UILocale:
    """Cookie, then Accept-Language, then English."""
    if cookie:
        loc = BY_SEGMENT.get(cookie) or BY_CODE.get(cookie)
        if loc:
            return loc
    for tag in parse_accept_language(accept_language):
        loc = locale_for_tag(tag)
        if loc:
            return loc
    return DEFAULT_LOCALE
