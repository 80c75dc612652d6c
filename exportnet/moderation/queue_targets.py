"""What the moderation queue can act on: one `TargetKind` per ContentReport.target_type.

Each kind loads its rows, says what to show the moderator (title, text, public link), who
is responsible for the content (whom to warn or suspend), and hides or restores it using
the feature's own notion of "not shown":

    product        listing status: archived (hidden) / published (restored)
    company        Company.hidden (the company and all its listings)
    board_post     post status: draft (hidden) / published
    board_comment  the board's comment hide (hidden_at, hidden_by_id)
    notice         notice status: closed (hidden) / published
    inquiry        spam: the thread is closed (no more messages) / reopened

Hiding and restoring change the row in the caller's transaction (the caller commits and
writes the audit log in the same transaction); ORM changes keep the search outbox in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from exportnet.accounts.models import Role, User
from exportnet.board.models import Comment, Post
from exportnet.board.terms import PostStatus
from exportnet.catalog.models import Product
from exportnet.catalog.reading import pick_translation
from exportnet.catalog.terms import Status as ProductStatus
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.i18n.routing import current_locale
from exportnet.inquiries.models import Inquiry
from exportnet.inquiries.terms import Status as InquiryStatus
from exportnet.notices.models import Notice
from exportnet.notices.terms import Status as NoticeStatus
from exportnet.timeutil import utcnow

EXCERPT_MAX = 2000


@dataclass(frozen=True)
class TargetKind:
    name: str
    label: Any
    model: type[Any]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str | None]
    owner_ids: Callable[[Any], list[int]]
    is_hidden: Callable[[Any], bool]
    set_hidden: Callable[[Any, User, bool], None]

    def load(self, target_id: int) -> Any:
        return db.session.get(self.model, target_id)

    def load_many(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        rows = db.session.scalars(select(self.model).where(self.model.id.in_(ids)))
        return {row.id: row for row in rows}


def _translated(entity: Any, field: str) -> str:
    chosen = pick_translation(
        entity.translations, current_locale().code, entity.original_language
    ).translation
    return str(getattr(chosen, field, "") or "") if chosen is not None else ""


def _members(company_id: int | None) -> list[int]:
    if company_id is None:
        return []
    query = select(User.id).where(User.company_id == company_id, User.role == Role.EXPORTER.value)
    return list(db.session.scalars(query.order_by(User.id)))


# Listings
def _hide_product(product: Product, _moderator: User, hidden: bool) -> None:
    if hidden:
        product.status = ProductStatus.ARCHIVED.value
        return
    product.status = ProductStatus.PUBLISHED.value
    product.published_at = product.published_at or utcnow()


# Companies
def _hide_company(company: Company, _moderator: User, hidden: bool) -> None:
    company.hidden = hidden


# Board posts and comments
def _hide_post(post: Post, _moderator: User, hidden: bool) -> None:
    post.status = PostStatus.DRAFT.value if hidden else PostStatus.PUBLISHED.value


def _hide_comment(comment: Comment, moderator: User, hidden: bool) -> None:
    comment.hidden_at = utcnow() if hidden else None
    comment.hidden_by_id = moderator.id if hidden else None


# Notices
def _hide_notice(notice: Notice, _moderator: User, hidden: bool) -> None:
    notice.status = NoticeStatus.CLOSED.value if hidden else NoticeStatus.PUBLISHED.value
    notice.updated_at = utcnow()


# Inquiries reported as spam
def _inquiry_text(inquiry: Inquiry) -> str:
    return inquiry.messages[0].body if inquiry.messages else ""


def _hide_inquiry(inquiry: Inquiry, moderator: User, hidden: bool) -> None:
    if hidden:
        inquiry.status = InquiryStatus.CLOSED.value
        inquiry.closed_at = utcnow()
        inquiry.closed_by_id = moderator.id
        return
    inquiry.status = (InquiryStatus.REPLIED if inquiry.is_answered else InquiryStatus.NEW).value
    inquiry.closed_at = None
    inquiry.closed_by_id = None


KINDS: dict[str, TargetKind] = {
    kind.name: kind
    for kind in (
        TargetKind(
            "product",
            _l("Listing"),
            Product,
            title=lambda p: _translated(p, "title") or str(p.id),
            text=lambda p: _translated(p, "description"),
            url=lambda p: url_for("catalog.product", product_id=p.id),
            owner_ids=lambda p: _members(p.company_id),
            is_hidden=lambda p: p.status != ProductStatus.PUBLISHED.value,
            set_hidden=_hide_product,
        ),
        TargetKind(
            "company",
            _l("Company"),
            Company,
            title=lambda c: c.name,
            text=lambda c: _translated(c, "description"),
            url=lambda c: url_for("companies.detail", company_id=c.id),
            owner_ids=lambda c: _members(c.id),
            is_hidden=lambda c: bool(c.hidden),
            set_hidden=_hide_company,
        ),
        TargetKind(
            "board_post",
            _l("Board post"),
            Post,
            title=lambda p: _translated(p, "title") or str(p.id),
            text=lambda p: _translated(p, "body"),
            url=lambda p: url_for("board.post", post_id=p.id),
            owner_ids=lambda p: [p.author_id],
            is_hidden=lambda p: p.status != PostStatus.PUBLISHED.value,
            set_hidden=_hide_post,
        ),
        TargetKind(
            "board_comment",
            _l("Comment"),
            Comment,
            title=lambda c: c.body[:80],
            text=lambda c: c.body,
            url=lambda c: url_for("board.post", post_id=c.post_id, _anchor=f"comment-{c.id}"),
            owner_ids=lambda c: [c.author_id],
            is_hidden=lambda c: c.hidden_at is not None,
            set_hidden=_hide_comment,
        ),
        TargetKind(
            "notice",
            _l("Trade notice"),
            Notice,
            title=lambda n: _translated(n, "title") or str(n.id),
            text=lambda n: _translated(n, "body"),
            url=lambda n: url_for("notices.detail", notice_id=n.id),
            owner_ids=lambda n: [n.author_id],
            is_hidden=lambda n: n.status == NoticeStatus.CLOSED.value,
            set_hidden=_hide_notice,
        ),
        TargetKind(
            "inquiry",
            _l("Inquiry"),
            Inquiry,
            title=lambda i: i.subject,
            text=_inquiry_text,
            url=lambda _i: None,  # private to its two parties
            # Who wrote the reported thread: the buyer, or the company that sent an offer.
            owner_ids=lambda i: _members(i.company_id) if i.opened_by_seller else [i.buyer_id],
            is_hidden=lambda i: i.status == InquiryStatus.CLOSED.value,
            set_hidden=_hide_inquiry,
        ),
    )
}


def kind_for(name: str | None) -> TargetKind | None:
    return KINDS.get(name or "")


def kind_label(name: str | None) -> str:
    kind = kind_for(name)
    return str(kind.label) if kind else (name or "")
