"""Reading notices. Every public list goes through `live_notices`: an expired notice leaves
listings, browse pages, feeds and search by its date alone, with no job to run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload

from exportnet import permissions
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.notices.models import Notice
from exportnet.notices.terms import Kind, Status
from exportnet.taxonomy import hs
from exportnet.timeutil import utcnow

PER_PAGE = 20
FEED_SIZE = 50
COMPANY_PAGE_SIZE = 10


def today() -> date:
    """The day, in UTC, that decides which notices are live."""
    return utcnow().date()


def live_notices(on: date | None = None) -> Select[Any]:
    """Published notices inside their validity on `on` (today), of visible companies.

    The single helper behind every public list: browse, events, feeds, company pages, search.
    """
    on = on or today()
    return (
        select(Notice)
        .outerjoin(Company, Notice.company_id == Company.id)
        .where(
            Notice.status == Status.PUBLISHED.value,
            Notice.valid_from <= on,
            Notice.valid_until >= on,
            or_(Notice.company_id.is_(None), Company.hidden.is_(False)),
        )
    )


@dataclass(frozen=True)
class NoticeFilters:
    kind: str | None = None
    economy: str | None = None
    category: str | None = None  # an HS section, chapter or heading code

    def args(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def _filtered(query: Select[Any], filters: NoticeFilters) -> Select[Any]:
    if filters.kind:
        query = query.where(Notice.kind == filters.kind)
    if filters.economy:
        query = query.where(Notice.economy == filters.economy)
    code = filters.category
    if code and hs.section(code) is not None:
        query = query.where(Notice.hs_section == code)
    elif code and len(code) == 2:
        query = query.where(Notice.hs_chapter == code)
    elif code:
        query = query.where(Notice.hs_heading == code)
    return query


def _with_card_data(query: Select[Any]) -> Select[Any]:
    return query.options(selectinload(Notice.translations), selectinload(Notice.company))


def browse_notices(filters: NoticeFilters, page: int = 1, per_page: int = PER_PAGE) -> Pagination:
    """Live notices, newest first."""
    query = _filtered(live_notices(), filters)
    query = _with_card_data(query).order_by(Notice.valid_from.desc(), Notice.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def upcoming_events(
    filters: NoticeFilters | None = None, page: int = 1, per_page: int = PER_PAGE
) -> Pagination:
    """Live trade events that have not ended, soonest first."""
    filters = filters or NoticeFilters()
    filters = NoticeFilters(economy=filters.economy, category=filters.category)
    query = _filtered(live_notices(), filters).where(
        Notice.kind == Kind.TRADE_EVENT.value, Notice.event_end >= today()
    )
    query = _with_card_data(query).order_by(Notice.event_start, Notice.event_end, Notice.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def feed_notices(filters: NoticeFilters, limit: int = FEED_SIZE) -> list[Notice]:
    """The most recently changed live notices, for the Atom feed."""
    query = _filtered(live_notices(), filters)
    query = _with_card_data(query).order_by(Notice.updated_at.desc(), Notice.id.desc())
    return list(db.session.scalars(query.limit(limit)))


def company_notices(company: Company, limit: int = COMPANY_PAGE_SIZE) -> list[Notice]:
    """A company's live notices, for its profile page."""
    query = live_notices().where(Notice.company_id == company.id)
    query = _with_card_data(query).order_by(Notice.valid_from.desc(), Notice.id.desc())
    return list(db.session.scalars(query.limit(limit)))


def live_notice_ids(ids: Iterable[int]) -> set[int]:
    """Which of these notices are live today (for search results read from the index)."""
    wanted = list(ids)
    if not wanted:
        return set()
    query = live_notices().with_only_columns(Notice.id).where(Notice.id.in_(wanted))
    return set(db.session.scalars(query))


def notice_for(user: Any, notice_id: int) -> Notice | None:
    """The notice if this user may open it (expired and closed ones too; drafts: editors)."""
    notice = db.session.get(Notice, notice_id)
    return notice if permissions.view_notice(user, notice) else None


def editable_notice(user: Any, notice_id: int) -> Notice | None:
    notice = db.session.get(Notice, notice_id)
    return notice if permissions.edit_notice(user, notice) else None


def my_notices(user: Any) -> list[Notice]:
    """Every notice the user may edit: their own and, for exporters, their company's."""
    condition = Notice.author_id == user.id
    if permissions.is_exporter(user) and user.company_id is not None:
        condition = or_(condition, Notice.company_id == user.company_id)
    query = _with_card_data(select(Notice).where(condition))
    return list(db.session.scalars(query.order_by(Notice.updated_at.desc(), Notice.id.desc())))
