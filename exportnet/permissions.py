"""Every authorization rule, by name. Views and templates ask these, nothing else.

Templates reach this module as `can`: `{% if can.manage_agency(current_user) %}`.
"""

from __future__ import annotations

from typing import Any

from exportnet.accounts.models import Role


def _role(user: Any) -> str | None:
    return getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None


def is_verified(user: Any) -> bool:
    """The user has confirmed their email address.

    Unverified users can log in, browse, edit their profile and change their password.
    What reaches other people or the outside needs a confirmed address: publishing
    (company profile, products, notices, board posts), sending inquiries, and creating
    API tokens. Features that do those things ask this permission.
    """
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "email_verified_at", None)
    )


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


def view_company(user: Any, company: Any) -> bool:
    """Hidden companies are seen only by their members and admins."""
    if company is None:
        return False
    return not company.hidden or edit_company(user, company)


def manage_own_company(user: Any) -> bool:
    """An exporter attached to a company: 'My company' and 'My products'."""
    return is_exporter(user) and user.company_id is not None


def edit_product(user: Any, product: Any) -> bool:
    """Create, edit and delete listings: members of the owning company, and admins."""
    return product is not None and edit_company(user, product.company)


def view_product(user: Any, product: Any) -> bool:
    """Published listings of visible companies for all; the rest for who may edit them."""
    if product is None:
        return False
    if product.is_published and not product.company.hidden:
        return True
    return edit_product(user, product)
