"""Every authorization rule, by name. Views and templates ask these, nothing else.

Templates reach this module as `can`: `{% if can.manage_agency(current_user) %}`.
"""

from __future__ import annotations

from typing import Any

from exportnet.accounts.models import Role


def _role(user: Any) -> str | None:
    return getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None


def is_admin(user: Any) -> bool:
    return _role(user) == Role.ADMIN.value


def is_exporter(user: Any) -> bool:
    return _role(user) == Role.EXPORTER.value


def is_agency(user: Any) -> bool:
    return _role(user) in {Role.AGENCY.value, Role.ADMIN.value}


def edit_company(user: Any, company: Any) -> bool:
    if is_admin(user):
        return True
    return is_exporter(user) and company is not None and user.company_id == company.id
