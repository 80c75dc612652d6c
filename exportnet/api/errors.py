"""JSON errors for every path under /api/: `{"error": {"code", "message", "fields"?}}`.

API blueprints register `handle_http_error`; the site's error pages hand /api/ paths
that matched no route (404, 405) to `api_error_response` as well. Messages are in the
language of the `lang` parameter or the Accept-Language header.
"""

from __future__ import annotations

from typing import Any

import flask_babel
from flask import Response, g, jsonify, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from exportnet.i18n.locales import UILocale, locale_for_tag, negotiate

API_PATH = "/api/"

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
    500: "internal_error",
}

MESSAGES = {
    400: _l("The request could not be understood. Please check it and try again."),
    401: _l("Give a valid API token in the header Authorization: Bearer <token>."),
    403: _l("You do not have permission to do that."),
    404: _l("There is nothing at this address, or you may not see it."),
    405: _l("This address does not accept this method."),
    409: _l("This change conflicts with the current state of the data."),
    413: _l("The request body is larger than we accept."),
    415: _l("Send the request body as JSON, with Content-Type: application/json."),
    422: _l("Some values are not valid. See the fields for details."),
    429: _l("You have tried this too often. Please wait a little and try again."),
    500: _l("An error occurred on our side. Nothing you did caused it; please try again later."),
}


class ApiError(HTTPException):
    """An API refusal: the status, an optional message and per-field messages."""

    def __init__(
        self,
        status: int,
        message: object | None = None,
        fields: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(description=str(message) if message is not None else None)
        self.code = status
        self.message = message
        self.fields = fields or {}
        self.extra_headers = headers or {}


def is_api_path(path: str) -> bool:
    return path.startswith(API_PATH) or path == API_PATH.rstrip("/")


def api_locale() -> UILocale:
    """The `lang` parameter if it names a UI locale, else Accept-Language, else English."""
    raw = request.args.get("lang", "")
    found = locale_for_tag(raw) if raw and len(raw) < 40 else None
    return found or negotiate(None, request.headers.get("Accept-Language"))


def use_api_locale() -> None:
    """Messages and URLs of this request in the API's language (not the page cookie's)."""
    g.ui_locale = api_locale()
    g.api_locale_set = True
    flask_babel.refresh()


def api_error_response(
    status: int,
    message: object | None = None,
    fields: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if not getattr(g, "api_locale_set", False):
        use_api_locale()
    if status not in ERROR_CODES:
        status = 400 if 400 <= status < 500 else 500
    body: dict[str, Any] = {
        "code": ERROR_CODES[status],
        "message": str(message if message is not None else MESSAGES[status]),
    }
    if fields:
        body["fields"] = {name: str(text) for name, text in fields.items()}
    response = jsonify({"error": body})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    if status == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="ExportNet API"')
    return response


def handle_http_error(error: HTTPException) -> Response:
    """The JSON form of any HTTP error raised while serving an API request."""
    status = error.code or 500
    headers: dict[str, str] = {}
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))
    if isinstance(error, ApiError):
        headers.update(error.extra_headers)
        return api_error_response(status, error.message, error.fields, headers)
    return api_error_response(status, None, None, headers)
