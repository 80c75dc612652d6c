"""Trade notices, their per-language texts, and exporters' offers on buying requests."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.accounts.models import User
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.notices.terms import Kind, Status
from exportnet.timeutil import utcnow


class Notice(db.Model):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value, index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Exporters post for their company: every member of it may edit the notice.
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    original_language: Mapped[str] = mapped_column(String(16))
    economy: Mapped[str] = mapped_column(String(2), index=True)
    # Optional HS category: section and chapter whenever a category is given.
    hs_section: Mapped[str | None] = mapped_column(String(5), index=True)
    hs_chapter: Mapped[str | None] = mapped_column(String(2), index=True)
    hs_heading: Mapped[str | None] = mapped_column(String(4), index=True)
    valid_from: Mapped[date]
    valid_until: Mapped[date] = mapped_column(index=True)
    # Buying requests
    quantity: Mapped[Decimal | None] = mapped_column(Numeric(14, 3))
    quantity_unit: Mapped[str | None] = mapped_column(String(16))
    target_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    destination_economy: Mapped[str | None] = mapped_column(String(2))
    deadline: Mapped[date | None]
    # Trade events (their economy is `economy`)
    event_type: Mapped[str | None] = mapped_column(String(24))
    event_start: Mapped[date | None] = mapped_column(index=True)
    event_end: Mapped[date | None] = mapped_column(index=True)
    venue: Mapped[str] = mapped_column(String(200), default="")
    event_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]

    author: Mapped[User] = relationship()
    company: Mapped[Company | None] = relationship()
    translations: Mapped[list[NoticeTranslation]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="NoticeTranslation.lang"
    )
    offers: Mapped[list[NoticeOffer]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="NoticeOffer.id"
    )

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED.value

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT.value

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED.value

    @property
    def is_event(self) -> bool:
        return self.kind == Kind.TRADE_EVENT.value

    @property
    def is_buying_request(self) -> bool:
        return self.kind == Kind.BUYING_REQUEST.value

    def is_expired(self, today: date | None = None) -> bool:
        return self.valid_until < (today or utcnow().date())

    def is_live(self, today: date | None = None) -> bool:
        """What the public lists show: published and inside its validity today."""
        today = today or utcnow().date()
        return self.is_published and self.valid_from <= today <= self.valid_until

    def translation(self, lang: str) -> NoticeTranslation | None:
        return next((t for t in self.translations if t.lang == lang), None)


class NoticeTranslation(db.Model):
    __tablename__ = "notice_translations"
    __table_args__ = (UniqueConstraint("notice_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")

    notice: Mapped[Notice] = relationship(back_populates="translations")


class NoticeOffer(db.Model):
    """An exporter's answer to a buying request: an inquiry thread with the requester."""

    __tablename__ = "notice_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    sender_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    price: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 3))
    quantity_unit: Mapped[str | None] = mapped_column(String(16))
    lead_time_days: Mapped[int | None]
    message: Mapped[str] = mapped_column(Text, default="")
    # The inquiry thread the offer opened (inquiries.offer_threads; no foreign key).
    inquiry_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    notice: Mapped[Notice] = relationship(back_populates="offers")
    company: Mapped[Company] = relationship()
    sender: Mapped[User | None] = relationship()
