"""Reading agencies, officers and verification requests.

`officer_economies(user)` is what the verification permissions ask; it is looked up once
per request and kept on `flask.g`.
"""

from __future__ import annotations

from typing import Any

from flask import g, has_request_context
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from exportnet.agency.models import Agency, AgencyEconomy, AgencyMember, VerificationRequest
from exportnet.agency.terms import VerificationStatus
from exportnet.companies.models import Company
from exportnet.extensions import db

PER_PAGE = 20
CACHE = "agency_officer_economies"


def agency_of(user: Any) -> Agency | None:
    """The agency this user is an officer of, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(Agency).join(AgencyMember).where(AgencyMember.user_id == user.id)
    )


def _lookup_economies(user_id: int) -> frozenset[str]:
    rows = db.session.scalars(
        select(AgencyEconomy.economy)
        .join(AgencyMember, AgencyMember.agency_id == AgencyEconomy.agency_id)
        .where(AgencyMember.user_id == user_id)
    )
    return frozenset(rows)


def officer_economies(user: Any) -> frozenset[str]:
    """The economies the user's agency covers (none for anyone who is not an officer)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not has_request_context():
        return _lookup_economies(user.id)
    cache: dict[int, frozenset[str]] = g.setdefault(CACHE, {})
    if user.id not in cache:
        cache[user.id] = _lookup_economies(user.id)
    return cache[user.id]


def forget_cached_economies() -> None:
    if has_request_context():
        g.pop(CACHE, None)


def officer_requests(user: Any, status: str | None = None, page: int = 1) -> Pagination:
    """Requests of companies in the economies the officer's agency covers, oldest first."""
    economies = sorted(officer_economies(user))
    query = (
        select(VerificationRequest)
        .join(Company, VerificationRequest.company_id == Company.id)
        .where(Company.economy.in_(economies))
        .options(selectinload(VerificationRequest.company))
    )
    if status:
        query = query.where(VerificationRequest.status == status)
    pending_first = VerificationRequest.status != VerificationStatus.PENDING.value
    query = query.order_by(pending_first, VerificationRequest.created_at, VerificationRequest.id)
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False, count=True)


def company_requests(company: Company) -> list[VerificationRequest]:
    """A company's requests, newest first."""
    return list(
        db.session.scalars(
            select(VerificationRequest)
            .where(VerificationRequest.company_id == company.id)
            .options(selectinload(VerificationRequest.agency))
            .order_by(VerificationRequest.created_at.desc(), VerificationRequest.id.desc())
        )
    )


def pending_request(company_id: int) -> VerificationRequest | None:
    return db.session.scalar(
        select(VerificationRequest).where(
            VerificationRequest.company_id == company_id,
            VerificationRequest.status == VerificationStatus.PENDING.value,
        )
    )


def approved_request(company_id: int) -> VerificationRequest | None:
    return db.session.scalar(
        select(VerificationRequest)
        .where(
            VerificationRequest.company_id == company_id,
            VerificationRequest.status == VerificationStatus.APPROVED.value,
        )
        .order_by(VerificationRequest.id.desc())
        .limit(1)
    )


def all_agencies() -> list[Agency]:
    return list(
        db.session.scalars(
            select(Agency)
            .options(selectinload(Agency.economies), selectinload(Agency.members))
            .order_by(Agency.name)
        )
    )
