"""Seeding the demo database."""

from __future__ import annotations

from sqlalchemy import func, select

from exportnet.accounts.models import User
from exportnet.demo.catalog import seed_demo_catalog
from exportnet.demo.users import seed_demo_users
from exportnet.extensions import db


def database_is_empty() -> bool:
    return not db.session.scalar(select(func.count()).select_from(User))


def seed_demo() -> None:
    seed_demo_users()
    seed_demo_catalog()
