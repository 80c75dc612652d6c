"""Reading inquiries: the boxes, one thread for one user, and what is unread."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import g
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import selectinload

from exportnet import permissions
from exportnet.catalog.models import Product
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry, InquiryMessage, InquiryRead
from exportnet.inquiries.terms import PER_PAGE, REPORT_TARGET, Side
from exportnet.moderation.models import ContentReport
from exportnet.moderation.services import open_report_for

UNREAD_CACHE = "inquiry_unread_count"


def visible_inquiry(user: Any, inquiry_id: int) -> Inquiry | None:
    """The inquiry if `user` may see it; None (a 404) for anyone else and unknown ids."""
    inquiry = db.session.get(Inquiry, inquiry_id)
    return inquiry if permissions.view_inquiry(user, inquiry) else None


def thread_messages(inquiry: Inquiry) -> list[InquiryMessage]:
    return list(
        db.session.scalars(
            select(InquiryMessage)
            .where(InquiryMessage.inquiry_id == inquiry.id)
            .options(selectinload(InquiryMessage.author))
            .order_by(InquiryMessage.id)
        )
    )


def message_of(inquiry: Inquiry, message_id: int) -> InquiryMessage | None:
    message = db.session.get(InquiryMessage, message_id)
    return message if message is not None and message.inquiry_id == inquiry.id else None


def _box(query: Select[Any], status: str | None, page: int) -> Pagination:
    if status:
        query = query.where(Inquiry.status == status)
    query = query.options(
        selectinload(Inquiry.buyer),
        selectinload(Inquiry.company),
        selectinload(Inquiry.product).selectinload(Product.translations),
    ).order_by(Inquiry.last_message_at.desc(), Inquiry.id.desc())
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False, count=True)


def _opened_by(side: Side) -> Any:
    return Inquiry.opening_side == side.value


def received_inquiries(user: Any, status: str | None = None, page: int = 1) -> Pagination:
    """The company inbox every member shares (with the offers other companies sent to
    this member's own buying requests), latest activity first."""
    company_id = user.company_id if permissions.is_exporter(user) else None
    to_company = and_(Inquiry.company_id == company_id, _opened_by(Side.BUYER))
    to_me = and_(Inquiry.buyer_id == user.id, _opened_by(Side.SELLER))
    return _box(select(Inquiry).where(or_(to_company, to_me)), status, page)


def sent_inquiries(user: Any, status: str | None = None, page: int = 1) -> Pagination:
    """What this user asked other companies, and the offers their company sent, latest
    activity first. Users without a company inbox (buyers) have only this box: it holds
    every thread they are the buyer of, the offers they received included."""
    if not permissions.manage_own_company(user):
        return _box(select(Inquiry).where(Inquiry.buyer_id == user.id), status, page)
    by_me = and_(Inquiry.buyer_id == user.id, _opened_by(Side.BUYER))
    by_company = and_(Inquiry.company_id == user.company_id, _opened_by(Side.SELLER))
    return _box(select(Inquiry).where(or_(by_me, by_company)), status, page)


def box_of(user: Any, inquiry: Inquiry) -> str:
    """The box, "received" or "sent", in which `user` finds this inquiry."""
    if not permissions.manage_own_company(user):
        return "sent"
    side = permissions.inquiry_side(user, inquiry)
    return "received" if side == inquiry.receiving_side else "sent"


def _their_last_message(inquiry: Inquiry, side: str | None) -> int:
    if side == Side.BUYER.value:
        return inquiry.last_seller_message_id or 0
    if side == Side.SELLER.value:
        return inquiry.last_buyer_message_id or 0
    return 0


def unread_ids(user: Any, inquiries: Iterable[Inquiry]) -> set[int]:
    """Which of these inquiries have a message from the other side this user has not read."""
    rows = list(inquiries)
    if not rows or not getattr(user, "is_authenticated", False):
        return set()
    reads = dict(
        db.session.execute(
            select(InquiryRead.inquiry_id, InquiryRead.last_read_message_id).where(
                InquiryRead.user_id == user.id,
                InquiryRead.inquiry_id.in_([row.id for row in rows]),
            )
        ).all()
    )
    return {
        row.id
        for row in rows
        if _their_last_message(row, permissions.inquiry_side(user, row)) > reads.get(row.id, 0)
    }


def unread_count(user: Any) -> int:
    """Inquiries with something new for this user, as buyer and as company member."""
    if not permissions.use_inquiries(user):
        return 0
    read_upto = func.coalesce(InquiryRead.last_read_message_id, 0)
    mine = and_(
        Inquiry.buyer_id == user.id,
        func.coalesce(Inquiry.last_seller_message_id, 0) > read_upto,
    )
    condition = mine
    if permissions.is_exporter(user) and user.company_id is not None:
        ours = and_(
            Inquiry.company_id == user.company_id,
            func.coalesce(Inquiry.last_buyer_message_id, 0) > read_upto,
        )
        condition = or_(mine, ours)
    stmt = (
        select(func.count())
        .select_from(Inquiry)
        .outerjoin(
            InquiryRead,
            and_(InquiryRead.inquiry_id == Inquiry.id, InquiryRead.user_id == user.id),
        )
        .where(condition)
    )
    return int(db.session.scalar(stmt) or 0)


def cached_unread_count(user: Any) -> int:
    """unread_count once per request (the header shows it on every page)."""
    if UNREAD_CACHE not in g:
        setattr(g, UNREAD_CACHE, unread_count(user))
    return int(getattr(g, UNREAD_CACHE))


def spam_report(inquiry: Inquiry) -> ContentReport | None:
    """The open spam report on this inquiry, if its company filed one."""
    return open_report_for(REPORT_TARGET, inquiry.id)
