"""The demo logins, one per role."""

from __future__ import annotations

from dataclasses import dataclass

from exportnet.accounts.models import Role
from exportnet.accounts.services import create_user, find_user_by_email


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    role: Role
    company: str | None = None
    economy: str | None = None


DEMO_PASSWORD = "exportnet-demo-2026"
DEMO_LOGINS = (
    DemoLogin("buyer@demo.exportnet.test", DEMO_PASSWORD, Role.BUYER),
    DemoLogin(
        "exporter@demo.exportnet.test",
        DEMO_PASSWORD,
        Role.EXPORTER,
        "Mekong Highland Coffee Co.",
        "VN",
    ),
    DemoLogin("agency@demo.exportnet.test", DEMO_PASSWORD, Role.AGENCY),
    DemoLogin("admin@demo.exportnet.test", DEMO_PASSWORD, Role.ADMIN),
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
