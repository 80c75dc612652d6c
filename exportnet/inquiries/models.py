"""Inquiry threads, their messages, who read what, analytics events and anonymous drafts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.accounts.models import User
from exportnet.catalog.models import Product
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.inquiries.terms import Side, Status
from exportnet.timeutil import utcnow


class Inquiry(db.Model):
    """A thread between one buyer and one company (all its members), about a product or not.

    The buyer usually writes first; a company writes first when it answers the buyer's
    buying request with an offer (`opening_side` "seller", see offer_threads.py).
    """

    __tablename__ = "inquiries"
    __table_args__ = (
        Index("ix_inquiries_company_activity", "company_id", "last_message_at"),
        Index("ix_inquiries_buyer_activity", "buyer_id", "last_message_at"),
        Index("ix_inquiries_buyer_hash", "buyer_id", "message_hash", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 3))
    quantity_unit: Mapped[str] = mapped_column(String(16))
    target_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    destination_economy: Mapped[str] = mapped_column(String(2), index=True)
    status: Mapped[str] = mapped_column(String(16), default=Status.NEW.value, index=True)
    # The side that wrote the first message (Side): the other side receives the thread.
    opening_side: Mapped[str] = mapped_column(
        String(8), default=Side.BUYER.value, server_default=Side.BUYER.value
    )
    # sha256 of the first message's normalized text: the same text sent to many companies.
    message_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The newest message of each side (InquiryMessage ids; plain integers, no foreign key,
    # so the two tables do not refer to each other). Unread means: the other side's newest
    # message is newer than what this user last read.
    last_buyer_message_id: Mapped[int | None]
    last_seller_message_id: Mapped[int | None]
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    buyer: Mapped[User] = relationship(foreign_keys=[buyer_id])
    company: Mapped[Company] = relationship()
    product: Mapped[Product | None] = relationship()
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])
    messages: Mapped[list[InquiryMessage]] = relationship(
        back_populates="inquiry", cascade="all, delete-orphan", order_by="InquiryMessage.id"
    )

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED.value

    @property
    def opened_by_seller(self) -> bool:
        return self.opening_side == Side.SELLER.value

    @property
    def receiving_side(self) -> str:
        """The side the thread was written to: its answer makes the inquiry "replied"."""
        return Side.BUYER.value if self.opened_by_seller else Side.SELLER.value

    @property
    def is_answered(self) -> bool:
        """The receiving side has written at least once."""
        if self.opened_by_seller:
            return self.last_buyer_message_id is not None
        return self.last_seller_message_id is not None


class InquiryMessage(db.Model):
    """The first message or a reply; `side` says which party wrote it."""

    __tablename__ = "inquiry_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(
        ForeignKey("inquiries.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    side: Mapped[str] = mapped_column(String(8), default=Side.BUYER.value)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # An optional attachment: the random stored name, the name shown, its type and size.
    attachment_key: Mapped[str | None] = mapped_column(String(64))
    attachment_name: Mapped[str | None] = mapped_column(String(200))
    attachment_type: Mapped[str | None] = mapped_column(String(64))
    attachment_size: Mapped[int | None]

    inquiry: Mapped[Inquiry] = relationship(back_populates="messages")
    author: Mapped[User | None] = relationship()


class InquiryRead(db.Model):
    """How far one user has read one thread (per user: company members read separately)."""

    __tablename__ = "inquiry_reads"

    inquiry_id: Mapped[int] = mapped_column(
        ForeignKey("inquiries.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    last_read_message_id: Mapped[int] = mapped_column(default=0)
    read_at: Mapped[datetime] = mapped_column(default=utcnow)


class InquiryEvent(db.Model):
    """What happened to an inquiry and when: for seller analytics and economy reports."""

    __tablename__ = "inquiry_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # EventKind
    inquiry_id: Mapped[int] = mapped_column(
        ForeignKey("inquiries.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    side: Mapped[str] = mapped_column(String(8))  # Side of the user who acted
    destination_economy: Mapped[str] = mapped_column(String(2), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class InquiryDraft(db.Model):
    """A visitor's filled-in form, kept while they log in or register (see drafts.py)."""

    __tablename__ = "inquiry_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
