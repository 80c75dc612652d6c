"""Password hashing (scrypt through Werkzeug) and strength rules."""

from __future__ import annotations

from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from exportnet.paths import PACKAGE_DIR

COMMON_PASSWORDS_FILE = PACKAGE_DIR / "accounts" / "data" / "common_passwords.txt"
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
