"""Reading the moderation queue: open reports grouped by what they report.

One line per reported thing (target type and id) with how many open reports it has and
since when, oldest first, so content reported by many people is handled once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from math import ceil
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.moderation.models import ContentReport
from exportnet.moderation.queue_targets import TargetKind, kind_for

PER_PAGE = 20


@dataclass
class QueueItem:
    target_type: str
    target_id: int
    reports: int
    first_at: datetime
    last_at: datetime
    kind: TargetKind | None = None
    target: Any = None

    @property
    def title(self) -> str:
        return self.kind.title(self.target) if self.kind and self.target is not None else ""

    @property
    def is_hidden(self) -> bool:
        return bool(self.kind and self.target is not None and self.kind.is_hidden(self.target))


@dataclass
class QueuePage:
    """Quacks like flask_sqlalchemy's Pagination for the `pager` macro."""

    items: list[QueueItem]
    page: int
    per_page: int
    total: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page)) if self.total else 0

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def _open() -> Any:
    return select(ContentReport).where(ContentReport.resolved_at.is_(None))


def open_counts() -> dict[str, int]:
    """Reported things with open reports, by target type."""
    grouped = (
        _open()
        .with_only_columns(ContentReport.target_type, ContentReport.target_id)
        .group_by(ContentReport.target_type, ContentReport.target_id)
        .subquery()
    )
    rows = db.session.execute(
        select(grouped.c.target_type, func.count()).group_by(grouped.c.target_type)
    )
    return {target_type: count for target_type, count in rows}


def open_queue(
    target_type: str | None = None, page: int = 1, per_page: int = PER_PAGE
) -> QueuePage:
    """One item per reported thing with open reports, the longest-waiting first."""
    query = _open()
    if target_type:
        query = query.where(ContentReport.target_type == target_type)
    first_at = func.min(ContentReport.created_at)
    grouped = query.with_only_columns(
        ContentReport.target_type,
        ContentReport.target_id,
        func.count(ContentReport.id),
        first_at,
        func.max(ContentReport.created_at),
    ).group_by(ContentReport.target_type, ContentReport.target_id)
    total = db.session.scalar(select(func.count()).select_from(grouped.subquery())) or 0
    rows = db.session.execute(
        grouped.order_by(first_at, ContentReport.target_type, ContentReport.target_id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    items = [QueueItem(*row) for row in rows]
    _attach_targets(items)
    return QueuePage(items, page, per_page, total)


def _attach_targets(items: list[QueueItem]) -> None:
    """Load each page item's target with one query per target type."""
    by_type: dict[str, list[QueueItem]] = {}
    for item in items:
        by_type.setdefault(item.target_type, []).append(item)
    for name, group in by_type.items():
        kind = kind_for(name)
        if kind is None:
            continue
        found = kind.load_many([item.target_id for item in group])
        for item in group:
            item.kind = kind
            item.target = found.get(item.target_id)


def target_reports(target_type: str, target_id: int) -> list[ContentReport]:
    """Every report of this target: open ones first, then the resolved, newest first."""
    return list(
        db.session.scalars(
            select(ContentReport)
            .where(ContentReport.target_type == target_type, ContentReport.target_id == target_id)
            .options(selectinload(ContentReport.reporter), selectinload(ContentReport.resolved_by))
            .order_by(ContentReport.resolved_at.is_not(None), ContentReport.id.desc())
        )
    )


def owners(kind: TargetKind, target: Any) -> list[User]:
    """The users responsible for the content: whom a moderator may warn or suspend."""
    ids = [i for i in kind.owner_ids(target) if i is not None]
    if not ids:
        return []
    return list(db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))
