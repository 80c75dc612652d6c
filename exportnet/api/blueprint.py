"""What every API blueprint shares: prefix, locale, token, rate limit, JSON errors, no CSRF."""

from __future__ import annotations

import hashlib

from flask import Blueprint, current_app, request
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException

from exportnet.api.auth import authenticate
from exportnet.api.errors import handle_http_error, use_api_locale
from exportnet.extensions import csrf, limiter

API_PREFIX = "/api/v1"


def _rate_limit() -> str:
    return str(current_app.config["RATELIMIT_API"])


def rate_limit_key() -> str:
    """Per token when one is sent (several clients behind one address), else per address."""
    header = request.headers.get("Authorization", "")
    if header:
        return "api-token:" + hashlib.sha256(header.encode()).hexdigest()[:32]
    return "api-ip:" + (get_remote_address() or "")


def _begin_request() -> None:
    use_api_locale()
    authenticate()


def api_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint under /api/v1 with token auth, JSON errors, one shared rate limit."""
    bp = Blueprint(name, import_name, url_prefix=API_PREFIX)
    csrf.exempt(bp)  # tokens, not cookies: nothing here can ride on a browser session
    limiter.shared_limit(_rate_limit, scope="api", key_func=rate_limit_key)(bp)
    bp.before_request(_begin_request)
    bp.register_error_handler(HTTPException, handle_http_error)
    return bp
