"""The mail outbox: one row per message, kept until sent (and afterwards, for the record)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from exportnet.extensions import db
from exportnet.timeutil import utcnow


class MailOutbox(db.Model):
    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_pending", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(255))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    # BCP 47 tag of the language the mail is written in (Content-Language header).
    language: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # None means "due now"; after a failure, the back-off until the next try.
    next_attempt_at: Mapped[datetime | None]
    # Set while one sender (process, thread, node) holds the row, so no other sends it too.
    claimed_until: Mapped[datetime | None]

    def __repr__(self) -> str:
        return f"<MailOutbox {self.id} to={self.to_address!r} sent={self.sent_at is not None}>"
