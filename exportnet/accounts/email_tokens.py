"""Signed, expiring links for email verification and password reset.

A token carries the user id and a fingerprint of the state the link is meant for; it
is valid only while that state holds:

- verify-email: the email address. A link sent to an old address cannot confirm a new one.
- reset-password: the password hash and the email. Using the link changes the password
  hash, so the link dies with its first use (and so do older links).

Each purpose has its own salt, so a token of one kind never passes as the other.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from exportnet.accounts.models import User
from exportnet.extensions import db


class Purpose(enum.Enum):
    VERIFY_EMAIL = ("exportnet.verify-email", "EMAIL_TOKEN_MAX_AGE")
    RESET_PASSWORD = ("exportnet.reset-password", "PASSWORD_RESET_MAX_AGE")

    def __init__(self, salt: str, max_age_key: str) -> None:
        self.salt = salt
        self.max_age_key = max_age_key


class TokenProblem(enum.Enum):
    EXPIRED = "expired"
    INVALID = "invalid"  # tampered, truncated, of another purpose, or for no such user
    USED = "used"  # genuine, but the state it was issued for has changed


class TokenError(Exception):
    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose.salt)


def _fingerprint(purpose: Purpose, user: User) -> str:
    state = user.email
    if purpose is Purpose.RESET_PASSWORD:
        state += "\n" + user.password_hash
    key = f"{current_app.config['SECRET_KEY']}\n{purpose.salt}".encode()
    return hmac.new(key, state.encode(), hashlib.sha256).hexdigest()[:24]


def make_token(purpose: Purpose, user: User) -> str:
    return _serializer(purpose).dumps([user.id, _fingerprint(purpose, user)])


def read_token(purpose: Purpose, token: str) -> User:
    """The user the token was issued to, if it is genuine, fresh and still applies."""
    max_age = int(current_app.config[purpose.max_age_key])
    try:
        payload: Any = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise TokenError(TokenProblem.EXPIRED) from error
    except BadSignature as error:
        raise TokenError(TokenProblem.INVALID) from error
    if not (
        isinstance(payload, list)
        and len(payload) == 2
        and isinstance(payload[0], int)
        and isinstance(payload[1], str)
    ):
        raise TokenError(TokenProblem.INVALID)
    user = db.session.get(User, payload[0])
    if user is None:
        raise TokenError(TokenProblem.INVALID)
    if not hmac.compare_digest(_fingerprint(purpose, user), payload[1]):
        raise TokenError(TokenProblem.USED)
    return user
