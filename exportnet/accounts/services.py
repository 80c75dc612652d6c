"""Account rules and transactions."""

from __future__ import annotations

import hashlib
import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from exportnet.accounts.models import ApiToken, Role, User, new_session_token
from exportnet.accounts.passwords import hash_password
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.timeutil import utcnow


class AccountError(ValueError):
    """A rule refused the change; the message is user-facing."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def find_or_add_company(name: str, economy: str) -> Company:
    """The company of this name in this economy, added if new (caller's transaction)."""
    company = db.session.scalar(
        select(Company).where(
            func.lower(Company.name) == name.strip().lower(), Company.economy == economy
        )
    )
    if company is None:
        company = Company(name=name.strip(), economy=economy.upper())
        db.session.add(company)
    return company


def create_user(
    email: str,
    password: str,
    role: Role,
    *,
    display_name: str = "",
    company_name: str | None = None,
    economy: str | None = None,
    preferred_locale: str = "en",
    verified: bool = False,
) -> User:
    with unit_of_work():
        if find_user_by_email(email):
            raise AccountError(_l("An account with this email already exists."))
        user = User(
            email=normalize_email(email),
            password_hash=hash_password(password),
            role=role.value,
            display_name=display_name.strip(),
            preferred_locale=preferred_locale,
            email_verified_at=utcnow() if verified else None,
        )
        if role is Role.EXPORTER:
            if not company_name or not economy:
                raise AccountError(_l("An exporter needs a company name and an economy."))
            user.company = find_or_add_company(company_name, economy)
        db.session.add(user)
    return user


def rotate_session_token(user: User) -> None:
    """Ends every session and remember-me cookie of this user (caller commits)."""
    user.session_token = new_session_token()


def hash_api_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(user: User, name: str = "") -> str:
    """A new API token; only its hash is stored, so the plain token is shown once."""
    token = "exn_" + secrets.token_urlsafe(32)
    with unit_of_work():
        db.session.add(ApiToken(user_id=user.id, name=name, token_hash=hash_api_token(token)))
    return token
