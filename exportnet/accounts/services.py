"""Account rules and transactions: users, login, sessions, profile, API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from exportnet.accounts.mails import queue_password_changed_mail, queue_verification_mail
from exportnet.accounts.models import ApiToken, Role, User, new_session_token
from exportnet.accounts.passwords import hash_password, password_problem, verify_password
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.i18n.locales import BY_CODE
from exportnet.taxonomy.economies import member_economies
from exportnet.timeutil import utcnow

SELF_SERVICE_ROLES = (Role.BUYER, Role.EXPORTER)
LOGIN_REFUSED = _l("The email address or password is not correct.")
ACCOUNT_DISABLED = _l("This account has been disabled. Please contact us for help.")


class AccountError(ValueError):
    """A rule refused the change; the message is user-facing.

    `field` names the form field the message belongs beside, if any.
    """

    def __init__(self, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.field = field


@dataclass(frozen=True)
class Registration:
    email: str
    password: str
    role: Role
    display_name: str = ""
    company_name: str | None = None
    economy: str | None = None
    preferred_locale: str = "en"


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


def _add_user(
    email: str,
    password: str,
    role: Role,
    *,
    display_name: str,
    company_name: str | None,
    economy: str | None,
    preferred_locale: str,
    verified: bool,
    join_existing_company: bool,
) -> User:
    """Add a user in the caller's transaction.

    Self-service sign-up always founds a new company: joining one by typing its name
    would hand a stranger the company's shared inquiry inbox. Only the operator's
    command line may add a member to an existing company.
    """
    if find_user_by_email(email):
        raise AccountError(_l("An account with this email already exists."), "email")
    user = User(
        email=normalize_email(email),
        password_hash=hash_password(password),
        role=role.value,
        display_name=display_name.strip(),
        preferred_locale=preferred_locale,
        email_verified_at=utcnow() if verified else None,
    )
    if role is Role.EXPORTER:
        if not company_name or not company_name.strip() or not economy:
            raise AccountError(_l("An exporter needs a company name and an economy."))
        if join_existing_company:
            user.company = find_or_add_company(company_name, economy.upper())
        else:
            user.company = Company(name=company_name.strip(), economy=economy.upper())
    db.session.add(user)
    return user


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
    join_existing_company: bool = False,
) -> User:
    """Add a user without the self-service checks (command line, demo data, tests)."""
    with unit_of_work():
        user = _add_user(
            email,
            password,
            role,
            display_name=display_name,
            company_name=company_name,
            economy=economy,
            preferred_locale=preferred_locale,
            verified=verified,
            join_existing_company=join_existing_company,
        )
    return user


def register_user(registration: Registration) -> User:
    """Self-service sign-up: the user, the exporter's company and the verification mail
    are written in one transaction."""
    if registration.role not in SELF_SERVICE_ROLES:
        raise AccountError(_l("Choose whether you buy or export."), "role")
    problem = password_problem(registration.password, registration.email)
    if problem:
        raise AccountError(problem, "password")
    if registration.preferred_locale not in BY_CODE:
        raise AccountError(_l("Choose one of the languages offered."), "preferred_locale")
    exporter = registration.role is Role.EXPORTER
    economy = (registration.economy or "").upper() or None
    if exporter and economy not in member_economies():
        raise AccountError(_l("Choose one of the member economies."), "economy")
    with unit_of_work():
        user = _add_user(
            registration.email,
            registration.password,
            registration.role,
            display_name=registration.display_name,
            company_name=registration.company_name if exporter else None,
            economy=economy if exporter else None,
            preferred_locale=registration.preferred_locale,
            verified=False,
            join_existing_company=False,
        )
        db.session.flush()  # the verification link needs the id
        queue_verification_mail(user)
    return user


def authenticate(email: str, password: str) -> User:
    """The user these credentials belong to.

    An unknown email and a wrong password are refused alike, in the same words and
    (thanks to the dummy hash in verify_password) in about the same time.
    """
    user = find_user_by_email(email)
    # Hash first, look at `user` second: an unknown email must cost a hash comparison too.
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise AccountError(LOGIN_REFUSED)
    if user.disabled_at is not None:
        raise AccountError(ACCOUNT_DISABLED)
    return user


def rotate_session_token(user: User) -> None:
    """Ends every session and remember-me cookie of this user (caller commits)."""
    user.session_token = new_session_token()


def end_all_sessions(user: User) -> None:
    """Log the user out everywhere: every session and remember-me cookie stops working."""
    with unit_of_work():
        rotate_session_token(user)


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Needs the current password; ends every session (the caller logs this one back in)."""
    if not verify_password(user.password_hash, current_password):
        raise AccountError(_l("Your current password is not correct."), "current_password")
    problem = password_problem(new_password, user.email)
    if problem:
        raise AccountError(problem, "password")
    with unit_of_work():
        user.password_hash = hash_password(new_password)
        rotate_session_token(user)
        queue_password_changed_mail(user)


def update_profile(user: User, display_name: str, preferred_locale: str) -> None:
    if preferred_locale not in BY_CODE:
        raise AccountError(_l("Choose one of the languages offered."), "preferred_locale")
    with unit_of_work():
        user.display_name = display_name.strip()
        user.preferred_locale = preferred_locale


def disable_user(user: User) -> None:
    """Admin only (the caller checks permissions.is_admin): the user can no longer log
    in, and every session and remember-me cookie they hold ends now."""
    with unit_of_work():
        user = db.session.merge(user)
        user.disabled_at = utcnow()
        rotate_session_token(user)


def hash_api_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(user: User, name: str = "") -> str:
    """A new API token; only its hash is stored, so the plain token is shown once."""
    token = "exn_" + secrets.token_urlsafe(32)
    with unit_of_work():
        db.session.add(
            ApiToken(user_id=user.id, name=name.strip()[:80], token_hash=hash_api_token(token))
        )
    return token


def active_api_tokens(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_api_token(user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False if they have no such active token."""
    with unit_of_work():
        token = db.session.scalar(
            select(ApiToken).where(
                ApiToken.id == token_id,
                ApiToken.user_id == user.id,
                ApiToken.revoked_at.is_(None),
            )
        )
        if token is None:
            return False
        token.revoked_at = utcnow()
    return True
