"""Password hashing (scrypt through Werkzeug) and strength rules."""

from __future__ import annotations

from functools import cache

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.security import check_password_hash, generate_password_hash

from exportnet.paths import PACKAGE_DIR

COMMON_PASSWORDS_FILE = PACKAGE_DIR / "accounts" / "data" / "common_passwords.txt"
# Long enough for any passphrase, short enough that hashing it costs nothing unusual.
PASSWORD_MAX_LENGTH = 1024
# A fixed hash to compare against when the email is unknown, so that login takes the
# same time whether or not the account exists.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def verify_password(password_hash: str | None, password: str) -> bool:
    return check_password_hash(password_hash or _DUMMY_HASH, password) and bool(password_hash)


@cache
def common_passwords() -> frozenset[str]:
    if not COMMON_PASSWORDS_FILE.exists():
        return frozenset()
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


def is_common_password(password: str) -> bool:
    return password.strip().lower() in common_passwords()


def password_problem(password: str, email: str | None = None) -> str | None:
    """Why `password` may not be used as a new password (translated), or None if it may.

    Called at request time (it reads the minimum length from the app's config).
    """
    min_length = int(current_app.config["PASSWORD_MIN_LENGTH"])
    if len(password) < min_length:
        return ngettext(
            "Use at least %(num)d character.", "Use at least %(num)d characters.", min_length
        )
    if len(password) > PASSWORD_MAX_LENGTH:
        return _("Use at most %(num)d characters.", num=PASSWORD_MAX_LENGTH)
    if is_common_password(password):
        return _("This password is too common and easy to guess. Please choose another one.")
    if email and _matches_email(password, email):
        return _("Your password must not be your email address.")
    return None


def _matches_email(password: str, email: str) -> bool:
    candidate = password.strip().lower()
    address = email.strip().lower()
    local_part = address.split("@", 1)[0]
    return candidate in {address, local_part}
