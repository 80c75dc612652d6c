"""What every template can use: locales, alternates, permissions."""

from __future__ import annotations

from typing import Any

from flask import Flask, request, url_for
from werkzeug.routing import BuildError

from exportnet import permissions
from exportnet.i18n.locales import LOCALES, UILocale
from exportnet.i18n.routing import current_locale


def url_in_locale(locale: UILocale, external: bool = False) -> str:
    """This page's URL in another locale (the home page where the page has no locale)."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    if endpoint and request.url_rule and "lang_code" in request.url_rule.arguments:
        args.update(request.args.to_dict(flat=True))
        args["lang_code"] = locale.segment
        try:
            return url_for(endpoint, _external=external, **args)
        except BuildError:
            pass
    return url_for("site.home", lang_code=locale.segment, _external=external)


def _context() -> dict[str, Any]:
    return {
        "ui_locale": current_locale(),
        "ui_locales": LOCALES,
        "url_in_locale": url_in_locale,
        "can": permissions,
    }


def register_template_context(app: Flask) -> None:
    app.context_processor(_context)
