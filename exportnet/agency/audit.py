"""The audit log: every moderation, verification and admin action, with who, when and why.

`record` adds a row in the caller's transaction, so the action and its log entry commit
(or roll back) together. Admins read the log through `audit_page`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from exportnet.accounts.models import User
from exportnet.agency.models import AuditLog
from exportnet.agency.terms import REASON_MAX, AuditAction
from exportnet.extensions import db

PER_PAGE = 50
DETAIL_MAX = 500


def record(
    actor: User | None,
    action: AuditAction,
    target_type: str,
    target_id: int | None,
    reason: str = "",
    detail: str = "",
) -> AuditLog:
    """Add an audit entry in the caller's transaction (the caller commits)."""
    entry = AuditLog(
        actor_id=actor.id if actor is not None else None,
        action=action.value,
        target_type=target_type,
        target_id=target_id,
        reason=(reason or "").strip()[:REASON_MAX],
        detail=(detail or "")[:DETAIL_MAX],
    )
    db.session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditFilters:
    action: str | None = None
    target_type: str | None = None
    target_id: int | None = None
    actor_email: str | None = None
    since: date | None = None
    until: date | None = None

    def args(self) -> dict[str, Any]:
        """The filters as the audit page's query arguments."""
        names = {"actor_email": "actor"}
        return {
            names.get(k, k): v.isoformat() if isinstance(v, date) else v
            for k, v in vars(self).items()
            if v
        }


def _filtered(filters: AuditFilters) -> Any:
    query = select(AuditLog)
    if filters.action:
        query = query.where(AuditLog.action == filters.action)
    if filters.target_type:
        query = query.where(AuditLog.target_type == filters.target_type)
    if filters.target_id:
        query = query.where(AuditLog.target_id == filters.target_id)
    if filters.actor_email:
        actors = select(User.id).where(User.email == filters.actor_email.strip().lower())
        query = query.where(AuditLog.actor_id.in_(actors))
    if filters.since:
        query = query.where(AuditLog.created_at >= datetime.combine(filters.since, time.min))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time.min)
        query = query.where(AuditLog.created_at < end)
    return query


def audit_page(filters: AuditFilters, page: int = 1, per_page: int = PER_PAGE) -> Pagination:
    """Entries matching the filters, newest first."""
    query = (
        _filtered(filters)
        .options(selectinload(AuditLog.actor))
        .order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def target_types() -> list[str]:
    """The target types present in the log (for the filter's choices)."""
    rows = db.session.scalars(
        select(AuditLog.target_type).distinct().order_by(AuditLog.target_type)
    )
    return list(rows)
