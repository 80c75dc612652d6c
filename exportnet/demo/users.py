"""The demo logins, one per role, and the demo agency the agency login is an officer of."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from exportnet.accounts.models import Role
from exportnet.accounts.services import create_user, find_user_by_email
from exportnet.admin.agencies import add_officer, create_agency
from exportnet.agency.models import Agency
from exportnet.extensions import db
from exportnet.taxonomy.economies import member_economies


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    role: Role
    company: str | None = None
    economy: str | None = None


DEMO_PASSWORD = "exportnet-demo-2026"
DEMO_AGENCY = "ASEAN+3 Trade Promotion Network (demo)"
AGENCY_EMAIL = "agency@demo.exportnet.test"
ADMIN_EMAIL = "admin@demo.exportnet.test"
DEMO_LOGINS = (
    DemoLogin("buyer@demo.exportnet.test", DEMO_PASSWORD, Role.BUYER),
    DemoLogin(
        "exporter@demo.exportnet.test",
        DEMO_PASSWORD,
        Role.EXPORTER,
        "Mekong Highland Coffee Co.",
        "VN",
    ),
    DemoLogin(AGENCY_EMAIL, DEMO_PASSWORD, Role.AGENCY),
    DemoLogin(ADMIN_EMAIL, DEMO_PASSWORD, Role.ADMIN),
)


def seed_demo_users() -> None:
    for login in DEMO_LOGINS:
        if find_user_by_email(login.email) is None:
            create_user(
                login.email,
                login.password,
                login.role,
                display_name=login.role.value.title() + " (demo)",
                company_name=login.company,
                economy=login.economy,
                verified=True,
            )
    seed_demo_agency()


def seed_demo_agency() -> None:
    """An agency covering every member economy, with the demo agency login as officer,
    made through the admin services (so the audit log shows it)."""
    if db.session.scalar(select(Agency.id).where(Agency.name == DEMO_AGENCY)) is not None:
        return
    admin = find_user_by_email(ADMIN_EMAIL)
    if admin is None:
        return
    agency = create_agency(admin, DEMO_AGENCY, member_economies())
    add_officer(admin, agency.id, AGENCY_EMAIL)
