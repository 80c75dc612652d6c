"""Reading the board. Public lists go through `visible_posts`: a scheduled post appears on
its publish date by the date alone, with no job to run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from exportnet import permissions
from exportnet.board.models import Comment, Post, PostEconomy, PostIndustry
from exportnet.board.terms import PostStatus
from exportnet.extensions import db
from exportnet.timeutil import utcnow

PER_PAGE = 20
FEED_SIZE = 30


def today() -> date:
    return utcnow().date()


def visible_posts(on: date | None = None) -> Select[Any]:
    """Published posts whose publish date has come."""
    return select(Post).where(
        Post.status == PostStatus.PUBLISHED.value, Post.publish_on <= (on or today())
    )


@dataclass(frozen=True)
class BoardFilters:
    topic: str | None = None
    economy: str | None = None
    industry: str | None = None  # an HS chapter

    def args(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def _filtered(query: Select[Any], filters: BoardFilters) -> Select[Any]:
    if filters.topic:
        query = query.where(Post.topic == filters.topic)
    if filters.economy:
        query = query.where(
            Post.id.in_(select(PostEconomy.post_id).where(PostEconomy.economy == filters.economy))
        )
    if filters.industry:
        query = query.where(
            Post.id.in_(
                select(PostIndustry.post_id).where(PostIndustry.hs_chapter == filters.industry)
            )
        )
    return query


def _with_card_data(query: Select[Any]) -> Select[Any]:
    return query.options(
        selectinload(Post.translations),
        selectinload(Post.economies),
        selectinload(Post.industries),
        selectinload(Post.author),
    )


def board_index(filters: BoardFilters, page: int = 1, per_page: int = PER_PAGE) -> Pagination:
    """Pinned posts first, then the newest."""
    query = _with_card_data(_filtered(visible_posts(), filters)).order_by(
        Post.pinned.desc(), Post.publish_on.desc(), Post.id.desc()
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def feed_posts(filters: BoardFilters, limit: int = FEED_SIZE) -> list[Post]:
    query = _with_card_data(_filtered(visible_posts(), filters)).order_by(
        Post.publish_on.desc(), Post.id.desc()
    )
    return list(db.session.scalars(query.limit(limit)))


def visible_post_ids(ids: Iterable[int]) -> set[int]:
    """Which of these posts the public sees today (for search results read from the index)."""
    wanted = list(ids)
    if not wanted:
        return set()
    query = visible_posts().with_only_columns(Post.id).where(Post.id.in_(wanted))
    return set(db.session.scalars(query))


def post_for(user: Any, post_id: int) -> Post | None:
    """The post if this user may read it (drafts and scheduled ones: its editors)."""
    post = db.session.get(Post, post_id)
    return post if permissions.view_post(user, post) else None


def editable_post(user: Any, post_id: int) -> Post | None:
    post = db.session.get(Post, post_id)
    return post if permissions.edit_post(user, post) else None


def my_drafts(user: Any) -> list[Post]:
    """Posts the user may edit that the public does not see yet."""
    if not permissions.post_board(user):
        return []
    query = select(Post).where(
        (Post.status == PostStatus.DRAFT.value) | (Post.publish_on > today())
    )
    if not permissions.is_admin(user):
        query = query.where(Post.author_id == user.id)
    return list(db.session.scalars(_with_card_data(query).order_by(Post.publish_on.desc())))


def shown_comments(user: Any, post: Post) -> list[Comment]:
    """Comments on a post; hidden ones only for moderators (and marked so)."""
    query = select(Comment).where(Comment.post_id == post.id)
    if not permissions.moderate_board(user):
        query = query.where(Comment.hidden_at.is_(None))
    query = query.options(selectinload(Comment.author)).order_by(Comment.created_at, Comment.id)
    return list(db.session.scalars(query))


def comment_for(post_id: int, comment_id: int) -> Comment | None:
    comment = db.session.get(Comment, comment_id)
    return comment if comment is not None and comment.post_id == post_id else None
