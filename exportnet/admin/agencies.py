"""Agencies, the economies they cover and their officers: each change one transaction,
audit-logged in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import Role, User
from exportnet.admin.errors import AdminError
from exportnet.agency import audit
from exportnet.agency.models import Agency, AgencyEconomy, AgencyMember
from exportnet.agency.queries import forget_cached_economies
from exportnet.agency.terms import AGENCY_NAME_MAX, AuditAction
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.taxonomy.economies import member_economies

TARGET = "agency"
OFFICER_ROLES = {Role.AGENCY.value, Role.ADMIN.value}


def _check_admin(admin: User) -> None:
    if not permissions.manage_agencies(admin):
        raise LookupError("only admins manage agencies")


def agency_name(text: str | None) -> str:
    value = " ".join((text or "").split())
    if not value:
        raise AdminError(_l("Give the agency's name."), "name")
    if len(value) > AGENCY_NAME_MAX:
        raise AdminError(_l("This text is too long."), "name")
    return value


def covered_economies(codes: Iterable[str]) -> list[str]:
    result = sorted({(code or "").strip().upper() for code in codes if code})
    if not result:
        raise AdminError(_l("Choose at least one economy."), "economies")
    if any(code not in member_economies() for code in result):
        raise AdminError(_l("Choose one of the member economies."), "economies")
    return result


def _name_taken(name: str, except_id: int | None = None) -> bool:
    query = select(Agency.id).where(func.lower(Agency.name) == name.lower())
    if except_id is not None:
        query = query.where(Agency.id != except_id)
    return db.session.scalar(query) is not None


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise LookupError(f"Agency {agency_id} does not exist")
    return agency


def create_agency(admin: User, name: str, economies: Iterable[str]) -> Agency:
    _check_admin(admin)
    name, codes = agency_name(name), covered_economies(economies)
    with unit_of_work() as session:
        if _name_taken(name):
            raise AdminError(_l("An agency with this name already exists."), "name")
        agency = Agency(name=name, economies=[AgencyEconomy(economy=c) for c in codes])
        session.add(agency)
        session.flush()
        audit.record(
            admin, AuditAction.AGENCY_CREATED, TARGET, agency.id, "", f"{name}: {', '.join(codes)}"
        )
    return agency


def update_agency(admin: User, agency_id: int, name: str, economies: Iterable[str]) -> Agency:
    """Rename the agency and change the economies it covers (its officers follow)."""
    _check_admin(admin)
    name, codes = agency_name(name), covered_economies(economies)
    with unit_of_work() as session:
        agency = _agency(session, agency_id)
        if _name_taken(name, agency.id):
            raise AdminError(_l("An agency with this name already exists."), "name")
        before = f"{agency.name}: {', '.join(agency.economy_codes)}"
        agency.name = name
        agency.economies = [
            next((row for row in agency.economies if row.economy == code), None)
            or AgencyEconomy(economy=code)
            for code in codes
        ]
        after = f"{name}: {', '.join(codes)}"
        audit.record(
            admin, AuditAction.AGENCY_UPDATED, TARGET, agency.id, "", f"{before} -> {after}"
        )
    forget_cached_economies()
    return agency


def add_officer(admin: User, agency_id: int, email: str) -> AgencyMember:
    """Make an agency account an officer of this agency."""
    _check_admin(admin)
    address = (email or "").strip().lower()
    with unit_of_work() as session:
        agency = _agency(session, agency_id)
        user = session.scalar(select(User).where(User.email == address))
        if user is None:
            raise AdminError(_l("There is no account with this email address."), "email")
        if user.role not in OFFICER_ROLES:
            raise AdminError(_l("Give this user the agency role first."), "email")
        current = session.get(AgencyMember, user.id)
        if current is not None:
            raise AdminError(
                _l("This user is already an officer of %(agency)s.", agency=current.agency.name),
                "email",
            )
        member = AgencyMember(user_id=user.id, agency_id=agency.id)
        session.add(member)
        audit.record(
            admin, AuditAction.OFFICER_ADDED, TARGET, agency.id, "", f"user={user.id} {user.email}"
        )
    forget_cached_economies()
    return member


def remove_officer(admin: User, agency_id: int, user_id: int) -> None:
    _check_admin(admin)
    with unit_of_work() as session:
        member = session.get(AgencyMember, user_id)
        if member is None or member.agency_id != agency_id:
            raise LookupError("not an officer of this agency")
        email = member.user.email
        session.delete(member)
        audit.record(
            admin, AuditAction.OFFICER_REMOVED, TARGET, agency_id, "", f"user={user_id} {email}"
        )
    forget_cached_economies()
