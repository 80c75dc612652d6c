"""Bearer tokens: `Authorization: Bearer exn_...`, looked up by their SHA-256 hash.

The API never reads the session cookie: its blueprints are exempt from CSRF, so a
cookie must not be able to act for a user here. Revoked tokens and disabled users are
refused with 401. `last_used_at` is written at most once a minute per token, so that
reading does not turn every request into a write transaction.
"""

from __future__ import annotations

from datetime import timedelta

from flask import g, request
from sqlalchemy import select

from exportnet import permissions
from exportnet.accounts.models import ApiToken, User
from exportnet.accounts.services import hash_api_token
from exportnet.api.errors import ApiError
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.timeutil import utcnow

LAST_USED_RESOLUTION = timedelta(minutes=1)
MAX_TOKEN_CHARS = 200


def bearer_token() -> str | None:
    """The token of the Authorization header; None without one; 401 if it is malformed."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        raise ApiError(401)
    return token


def user_for_token(token: str) -> User | None:
    """The active user a live token belongs to (recording the use), or None."""
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_api_token(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = db.session.get(User, row.user_id)
    if user is None or user.disabled_at is not None:
        return None
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_RESOLUTION:
        with unit_of_work() as session:
            fresh = session.get(ApiToken, row.id)
            if fresh is not None:
                fresh.last_used_at = now
    return user


def authenticate() -> None:
    """Before each API request: g.api_user is the token's user, or None without a token."""
    token = bearer_token()
    g.api_user = None
    if token is not None:
        user = user_for_token(token)
        if user is None:
            raise ApiError(401)
        g.api_user = user


def api_user() -> User | None:
    return getattr(g, "api_user", None)


def require_user() -> User:
    """The token's user; 401 without a token."""
    user = api_user()
    if user is None:
        raise ApiError(401)
    return user


def require_exporter() -> User:
    """A user who manages a company's listings; 401 without a token, 403 for others."""
    user = require_user()
    if not permissions.manage_own_company(user) and not permissions.is_admin(user):
        raise ApiError(403)
    return user
