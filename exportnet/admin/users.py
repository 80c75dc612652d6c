"""Users and their roles: search, change a role, disable and enable an account.

Each change is one transaction with its audit-log entry. Disabling sets `disabled_at` and
rotates the session token, so the user's sessions end at once (like a suspension).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import Role, User
from exportnet.accounts.services import normalize_email, rotate_session_token
from exportnet.admin.errors import AdminError
from exportnet.agency import audit
from exportnet.agency.models import AgencyMember
from exportnet.agency.queries import forget_cached_economies
from exportnet.agency.terms import REASON_MAX, AuditAction
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.timeutil import utcnow

PER_PAGE = 25
TARGET = "user"
OFFICER_ROLES = {Role.AGENCY.value, Role.ADMIN.value}


def _check_admin(admin: User) -> None:
    if not permissions.manage_users(admin):
        raise LookupError("only admins manage users")


def _reason(text: str | None) -> str:
    value = (text or "").strip()
    if len(value) > REASON_MAX:
        raise AdminError(_l("This text is too long."), "reason")
    return value


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise LookupError(f"User {user_id} does not exist")
    return user


def search_users(
    email: str | None = None, role: str | None = None, page: int = 1, per_page: int = PER_PAGE
) -> Pagination:
    """Users whose address contains `email`, of `role`, newest first."""
    query = select(User)
    text = normalize_email(email or "")
    if text:
        query = query.where(User.email.contains(text, autoescape=True))
    if role:
        query = query.where(User.role == role)
    query = query.order_by(User.created_at.desc(), User.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def role_counts() -> dict[str, int]:
    rows = db.session.execute(select(User.role, func.count(User.id)).group_by(User.role))
    return {role: count for role, count in rows}


def change_role(admin: User, user_id: int, role: str, reason: str = "") -> User:
    """Give a user another role. An exporter needs a company; leaving the exporter role
    leaves the company, leaving the agency roles leaves the agency."""
    _check_admin(admin)
    reason = _reason(reason)
    if role not in {r.value for r in Role}:
        raise AdminError(_l("Choose a role from the list."), "role")
    with unit_of_work() as session:
        user = _user(session, user_id)
        if user.id == admin.id:
            raise AdminError(_l("You cannot change your own role."), "role")
        before = user.role
        if before == role:
            return user
        if role == Role.EXPORTER.value and user.company_id is None:
            raise AdminError(
                _l("An exporter needs a company: this user has none. They can register one."),
                "role",
            )
        detail = f"{before} -> {role}"
        if before == Role.EXPORTER.value and user.company_id is not None:
            detail += f"; company={user.company_id} left"
            user.company_id = None
        membership = session.get(AgencyMember, user.id)
        if membership is not None and role not in OFFICER_ROLES:
            detail += f"; agency={membership.agency_id} left"
            session.delete(membership)
        user.role = role
        audit.record(admin, AuditAction.USER_ROLE_CHANGED, TARGET, user.id, reason, detail)
    forget_cached_economies()
    return user


def set_user_disabled(admin: User, user_id: int, disabled: bool, reason: str = "") -> User:
    """Disable an account (its sessions end now) or enable it again."""
    _check_admin(admin)
    reason = _reason(reason)
    with unit_of_work() as session:
        user = _user(session, user_id)
        if user.id == admin.id:
            raise AdminError(_l("You cannot disable your own account."), "reason")
        if disabled == (user.disabled_at is not None):
            return user
        if disabled:
            user.disabled_at = utcnow()
            rotate_session_token(user)
        else:
            user.disabled_at = None
        action = AuditAction.USER_DISABLED if disabled else AuditAction.USER_ENABLED
        audit.record(admin, action, TARGET, user.id, reason, user.email)
    return user
