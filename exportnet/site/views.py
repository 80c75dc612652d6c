"""The home page and the locale-less entry points."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for

from exportnet.catalog.queries import newest_products
from exportnet.i18n.locales import BY_SEGMENT
from exportnet.i18n.routing import LANG_COOKIE, negotiated_locale
from exportnet.security.redirects import safe_next_path

bp = Blueprint("site", __name__)
root_bp = Blueprint("root", __name__)

LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365


@bp.get("/")
def home() -> str:
    return render_template("site/home.html", newest_products=newest_products())


@root_bp.get("/")
def root() -> Response:
    return redirect(url_for("site.home", lang_code=negotiated_locale().segment))


@root_bp.get("/language/<segment>")
def switch_language(segment: str) -> Response:
    """The language switcher's links: remember the choice, then go to that page."""
    locale = BY_SEGMENT.get(segment)
    if locale is None:
        return redirect(url_for("root.root"))
    target = safe_next_path(request.args.get("next"))
    if not target or not target.startswith(f"/{segment}/"):
        target = url_for("site.home", lang_code=segment)
    response = redirect(target)
    response.set_cookie(
        LANG_COOKIE, segment, max_age=LANG_COOKIE_MAX_AGE, samesite="Lax", httponly=True
    )
    return response
