"""One row per report of a piece of content; resolved by a moderator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.timeutil import utcnow


class ContentReport(db.Model):
    """A member's report that something (an inquiry, a board post, ...) is spam or abuse."""

    __tablename__ = "content_reports"
    __table_args__ = (Index("ix_content_reports_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # What is reported: a short name chosen by the feature ("inquiry", "board_post", ...)
    # and the id of the row. No foreign key, so any table can be a target.
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # The queue is every report with resolved_at unset.
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # What the moderator decided, e.g. "removed" or "dismissed" (free for the queue UI).
    resolution: Mapped[str | None] = mapped_column(String(32))

    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
