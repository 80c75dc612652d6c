"""Locale-prefixed URLs: `/<lang_code>/...` on every public page.

Public blueprints are registered with `url_prefix="/<locale:lang_code>"`. The converter
accepts only the 13 segments, so an unknown segment is a 404. The segment is popped into
`g.locale` before the view runs and filled back in by `url_for`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import BaseConverter, IntegerConverter, RequestRedirect

from exportnet.database import MAX_ROW_ID
from exportnet.i18n.locales import BY_SEGMENT, DEFAULT_LOCALE, LOCALES, UILocale, negotiate

LANG_COOKIE = "lang"
LOCALE_PREFIX = "/<locale:lang_code>"


class LocaleConverter(BaseConverter):
    regex = "|".join(loc.segment for loc in LOCALES)


def current_locale() -> UILocale:
    """The locale of the URL; on locale-less URLs (errors, API) the negotiated one."""
    if not has_request_context():
        return DEFAULT_LOCALE
    locale = getattr(g, "ui_locale", None)
    if locale is None:
        locale = g.ui_locale = negotiated_locale()
    return locale


def negotiated_locale() -> UILocale:
    return negotiate(request.cookies.get(LANG_COOKIE), request.headers.get("Accept-Language"))


def _pop_locale(_endpoint: str | None, values: dict[str, Any] | None) -> None:
    segment = values.pop("lang_code", None) if values else None
    if segment:
        g.ui_locale = BY_SEGMENT[segment]


def _add_locale(endpoint: str, values: dict[str, Any]) -> None:
    if "lang_code" in values:
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        values["lang_code"] = current_locale().segment


def localized_path_for(path: str, query: bytes = b"") -> str | None:
    """The locale-prefixed URL that a locale-less path stands for, if one exists."""
    target = f"/{negotiated_locale().segment}{path if path != '/' else '/'}"
    adapter = current_app.url_map.bind("localhost")
    try:
        adapter.match(target, method="GET")
    except RequestRedirect as redirect:
        target = redirect.new_url.split("localhost", 1)[1]
    except (NotFound, MethodNotAllowed):
        return None
    if query:
        target += "?" + query.decode("latin-1")
    return target


class RowIdConverter(IntegerConverter):
    """`<int:...>` in every route: an id beyond the INTEGER column range becomes 0, an id
    no row has, so the view answers its usual 404 instead of the database failing."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        return number if number <= MAX_ROW_ID else 0


def register_locale_routing(app: Flask) -> None:
    app.url_map.converters["int"] = RowIdConverter
    app.url_map.converters["locale"] = LocaleConverter
    app.url_value_preprocessor(_pop_locale)
    app.url_defaults(_add_locale)
