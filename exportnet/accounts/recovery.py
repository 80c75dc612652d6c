"""Email verification and password reset: the services behind the emailed links."""

from __future__ import annotations

import enum

from exportnet.accounts.email_tokens import Purpose, read_token
from exportnet.accounts.mails import (
    queue_password_changed_mail,
    queue_password_reset_mail,
    queue_verification_mail,
)
from exportnet.accounts.models import User
from exportnet.accounts.passwords import hash_password, password_problem
from exportnet.accounts.services import (
    ACCOUNT_DISABLED,
    AccountError,
    find_user_by_email,
    rotate_session_token,
)
from exportnet.database import unit_of_work
from exportnet.timeutil import utcnow


class Verified(enum.Enum):
    NOW = "now"
    ALREADY = "already"


def verify_email(token: str) -> Verified:
    """Confirm the address the link was sent to. Raises email_tokens.TokenError."""
    with unit_of_work():
        user = read_token(Purpose.VERIFY_EMAIL, token)
        if user.email_verified_at is not None:
            return Verified.ALREADY
        user.email_verified_at = utcnow()
    return Verified.NOW


def resend_verification(user: User) -> bool:
    """Queue a fresh verification mail; False if the address is already confirmed."""
    if user.email_verified_at is not None:
        return False
    with unit_of_work():
        queue_verification_mail(user)
    return True


def request_password_reset(email: str) -> None:
    """Mail a reset link if an active account has this address; say nothing either way."""
    with unit_of_work():
        user = find_user_by_email(email)
        if user is not None and user.disabled_at is None:
            queue_password_reset_mail(user)


def user_for_reset_token(token: str) -> User:
    """The user a reset link belongs to. Raises email_tokens.TokenError."""
    return read_token(Purpose.RESET_PASSWORD, token)


def reset_password(token: str, new_password: str) -> User:
    """Set a new password through a reset link; the link (and every session) ends.

    Reaching the link proves the user reads mail at this address, so it counts as
    verified too. Raises email_tokens.TokenError or AccountError.
    """
    with unit_of_work():
        user = read_token(Purpose.RESET_PASSWORD, token)
        if user.disabled_at is not None:
            raise AccountError(ACCOUNT_DISABLED)
        problem = password_problem(new_password, user.email)
        if problem:
            raise AccountError(problem, "password")
        user.password_hash = hash_password(new_password)
        if user.email_verified_at is None:
            user.email_verified_at = utcnow()
        rotate_session_token(user)
        queue_password_changed_mail(user)
    return user
