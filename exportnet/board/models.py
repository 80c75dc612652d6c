"""Board posts, their per-language texts, targets, PDF attachments and comments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.accounts.models import User
from exportnet.board.terms import PostStatus
from exportnet.extensions import db
from exportnet.timeutil import utcnow


class Post(db.Model):
    __tablename__ = "board_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(24), index=True)
    status: Mapped[str] = mapped_column(String(16), default=PostStatus.DRAFT.value, index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    original_language: Mapped[str] = mapped_column(String(16))
    pinned: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)
    # Scheduled posts appear on this day (UTC) without anything having to run.
    publish_on: Mapped[date] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    author: Mapped[User] = relationship()
    translations: Mapped[list[PostTranslation]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostTranslation.lang"
    )
    economies: Mapped[list[PostEconomy]] = relationship(
        cascade="all, delete-orphan", order_by="PostEconomy.economy"
    )
    industries: Mapped[list[PostIndustry]] = relationship(
        cascade="all, delete-orphan", order_by="PostIndustry.hs_chapter"
    )
    attachments: Mapped[list[PostAttachment]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostAttachment.id"
    )
    comments: Mapped[list[Comment]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Comment.id"
    )

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED.value

    def is_visible(self, today: date | None = None) -> bool:
        return self.is_published and self.publish_on <= (today or utcnow().date())

    @property
    def economy_codes(self) -> list[str]:
        return [row.economy for row in self.economies]

    @property
    def industry_codes(self) -> list[str]:
        return [row.hs_chapter for row in self.industries]

    def translation(self, lang: str) -> PostTranslation | None:
        return next((t for t in self.translations if t.lang == lang), None)


class PostTranslation(db.Model):
    """Title and Markdown body of a post in one language."""

    __tablename__ = "board_post_translations"
    __table_args__ = (UniqueConstraint("post_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("board_posts.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")

    post: Mapped[Post] = relationship(back_populates="translations")


class PostEconomy(db.Model):
    """Association of a post with an economy it concerns."""

    __tablename__ = "board_post_economies"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("board_posts.id", ondelete="CASCADE"), primary_key=True
    )
    economy: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)


class PostIndustry(db.Model):
    """Association of a post with an industry (HS chapter) it concerns."""

    __tablename__ = "board_post_industries"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("board_posts.id", ondelete="CASCADE"), primary_key=True
    )
    hs_chapter: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)


class PostAttachment(db.Model):
    """A PDF stored under the instance folder with a random name."""

    __tablename__ = "board_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("board_posts.id", ondelete="CASCADE"), index=True
    )
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    size_bytes: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="attachments")


class Comment(db.Model):
    __tablename__ = "board_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("board_posts.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    edited_at: Mapped[datetime | None]
    hidden_at: Mapped[datetime | None]
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    post: Mapped[Post] = relationship(back_populates="comments")
    author: Mapped[User] = relationship(foreign_keys=[author_id])

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
