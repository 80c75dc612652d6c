"""Query parameters: each reader records a per-parameter message instead of guessing.

`QueryArgs.finish()` raises 422 with every bad parameter at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from exportnet.api.errors import ApiError
from exportnet.database import MAX_ROW_ID
from exportnet.i18n.locales import locale_for_tag
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy

MAX_ID = MAX_ROW_ID
MAX_PAGE = 10_000
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100

ECONOMY_MESSAGE = _l("Choose an economy from the list.")
LANGUAGE_MESSAGE = _l("Choose a language from the list.")
HS_CODE_MESSAGE = _l(
    "Unknown HS code. Give a 2-digit chapter or a 4-digit heading, such as 09 or 0901."
)
CATEGORY_MESSAGE = _l(
    "Give an HS section (I to XXI), a 2-digit chapter or a 4-digit heading, such as 09 or 0901."
)


@dataclass(frozen=True)
class Category:
    """An HS filter: which index/database column it applies to, and the code."""

    level: str  # "section", "chapter" or "heading"
    code: str


def category_of(raw: str) -> Category | None:
    """An HS section (roman numeral), chapter (2 digits) or heading (4 digits), or None."""
    text = raw.strip()
    if hs.section(text) is not None and not text.isdigit():
        return Category("section", text.upper())
    if text.isascii() and text.isdigit() and len(text) in (2, 4) and hs.is_valid_code(text):
        return Category("chapter" if len(text) == 2 else "heading", text)
    return None


def language_code(raw: object) -> str | None:
    """A locale code (zh_Hant) for a code or BCP 47 tag (zh-Hant, zh-TW), or None."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 40:
        return None
    found = locale_for_tag(raw)
    return found.code if found else None


class QueryArgs:
    def __init__(self) -> None:
        self.args = request.args
        self.errors: dict[str, object] = {}

    def _raw(self, name: str) -> str | None:
        value = self.args.get(name)
        return value if value not in (None, "") else None

    def text(self, name: str) -> str:
        return self.args.get(name, "")

    def choice(self, name: str, choices: Iterable[str]) -> str | None:
        raw = self._raw(name)
        allowed = tuple(choices)
        if raw is None:
            return None
        if raw not in allowed:
            self.errors[name] = _("Choose one of: %(choices)s.", choices=", ".join(allowed))
            return None
        return raw

    def boolean(self, name: str) -> bool | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if raw.lower() in ("true", "1"):
            return True
        if raw.lower() in ("false", "0"):
            return False
        self.errors[name] = _("Choose one of: %(choices)s.", choices="true, false")
        return None

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        raw = self._raw(name)
        if raw is None:
            return default
        if raw.isascii() and raw.isdigit() and len(raw) < 12 and low <= int(raw) <= high:
            return int(raw)
        self.errors[name] = _("Enter a whole number from %(low)d to %(high)d.", low=low, high=high)
        return default

    def page(self, high: int = MAX_PAGE) -> int:
        return self.integer("page", 1, 1, high)

    def per_page(self) -> int:
        return self.integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)

    def economy(self, name: str = "economy") -> str | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if not is_valid_economy(raw.strip().upper()):
            self.errors[name] = ECONOMY_MESSAGE
            return None
        return raw.strip().upper()

    def category(self, name: str = "category") -> Category | None:
        raw = self._raw(name)
        if raw is None:
            return None
        found = category_of(raw)
        if found is None:
            self.errors[name] = CATEGORY_MESSAGE
        return found

    def identifier(self, name: str) -> int | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if raw.isascii() and raw.isdigit() and len(raw) <= 19 and 1 <= int(raw) <= MAX_ID:
            return int(raw)
        self.errors[name] = _("Enter a whole number from %(low)d to %(high)d.", low=1, high=MAX_ID)
        return None

    def language(self, name: str = "lang") -> str | None:
        raw = self._raw(name)
        if raw is None:
            return None
        code = language_code(raw)
        if code is None:
            self.errors[name] = LANGUAGE_MESSAGE
        return code

    def finish(self) -> None:
        self.language()  # every endpoint takes `lang`; a bad one is reported like the others
        if self.errors:
            raise ApiError(422, fields=self.errors)
