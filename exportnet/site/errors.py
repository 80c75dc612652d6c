"""Translated, styled error pages, and the redirect for locale-less page paths."""

from __future__ import annotations

from flask import Flask, Response, redirect, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from exportnet.api.errors import handle_http_error as handle_api_error
from exportnet.api.errors import is_api_path
from exportnet.i18n.locales import BY_SEGMENT
from exportnet.i18n.routing import localized_path_for

ERROR_TEXT = {
    400: (
        _l("Bad request"),
        _l("The request could not be understood. Please check it and try again."),
    ),
    403: (_l("Not allowed"), _l("You do not have permission to do that.")),
    404: (_l("Page not found"), _l("We could not find the page you were looking for.")),
    405: (_l("Method not allowed"), _l("This page cannot be used that way.")),
    413: (
        _l("File too large"),
        _l("What you sent is larger than we accept. Please send a smaller file."),
    ),
    429: (
        _l("Too many requests"),
        _l("You have tried this too often. Please wait a little and try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l("An error occurred on our side. Nothing you did caused it; please try again later."),
    ),
}
CSRF_TEXT = _l("Your form expired or came from another site. Please reload the page and try again.")


def render_error(status: int, detail: str | None = None) -> tuple[str, int]:
    title, message = ERROR_TEXT.get(status, ERROR_TEXT[500])
    return (
        render_template("errors/error.html", status=status, title=title, message=detail or message),
        status,
    )


def _handle_http_error(error: HTTPException) -> Response | tuple[str, int]:
    if is_api_path(request.path):  # /api/ paths no API route matched (404, 405): JSON
        return handle_api_error(error)
    status = error.code or 500
    if status == 404 and request.method == "GET" and _is_locale_less(request.path):
        target = localized_path_for(request.path, request.query_string)
        if target:
            return redirect(target)
    if isinstance(error, CSRFError):
        return render_error(400, str(CSRF_TEXT))
    return render_error(status if status in ERROR_TEXT else 500)


def _handle_unexpected(_error: Exception) -> Response | tuple[str, int]:
    if is_api_path(request.path):
        return handle_api_error(InternalServerError())
    return render_error(500)


def _is_locale_less(path: str) -> bool:
    first = path.lstrip("/").split("/", 1)[0]
    return first not in BY_SEGMENT and first not in {"static", "media", "api"}


def register_error_pages(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(InternalServerError, _handle_unexpected)
