"""Agencies, the economies they cover, their officers, verification requests, the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.accounts.models import User
from exportnet.agency.terms import VerificationStatus
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.timeutil import utcnow


class Agency(db.Model):
    """A trade-promotion organisation; its officers verify exporters of its economies."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    economies: Mapped[list[AgencyEconomy]] = relationship(
        cascade="all, delete-orphan", order_by="AgencyEconomy.economy"
    )
    members: Mapped[list[AgencyMember]] = relationship(
        back_populates="agency", cascade="all, delete-orphan", order_by="AgencyMember.user_id"
    )

    @property
    def economy_codes(self) -> list[str]:
        return [row.economy for row in self.economies]


class AgencyEconomy(db.Model):
    """Association of an agency with an economy (ISO 3166-1 alpha-2) it covers."""

    __tablename__ = "agency_economies"

    agency_id: Mapped[int] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True
    )
    economy: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)


class AgencyMember(db.Model):
    """An officer of an agency: a user with the agency role belongs to at most one agency."""

    __tablename__ = "agency_members"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    agency_id: Mapped[int] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class VerificationRequest(db.Model):
    """An exporter's evidence (registration number, optional document) and the decision."""

    __tablename__ = "verification_requests"
    __table_args__ = (
        # At most one request per company waits for a decision.
        Index(
            "uq_verification_requests_pending",
            "company_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    registration_number: Mapped[str] = mapped_column(String(64))
    # The optional document: random stored name, the name shown, its type and size.
    document_key: Mapped[str | None] = mapped_column(String(64))
    document_name: Mapped[str | None] = mapped_column(String(200))
    document_type: Mapped[str | None] = mapped_column(String(64))
    document_size: Mapped[int | None]
    status: Mapped[str] = mapped_column(
        String(16), default=VerificationStatus.PENDING.value, index=True
    )
    # The latest decision (approve, reject, revoke): who, for which agency, when and why.
    reason: Mapped[str] = mapped_column(Text, default="")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    company: Mapped[Company] = relationship()
    agency: Mapped[Agency | None] = relationship()
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    @property
    def is_pending(self) -> bool:
        return self.status == VerificationStatus.PENDING.value

    @property
    def is_approved(self) -> bool:
        return self.status == VerificationStatus.APPROVED.value


class AuditLog(db.Model):
    """Who did what to which row, when and why: every moderation and admin action."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(32), index=True)  # AuditAction
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    # What changed, as data rather than prose ("buyer -> agency", "reports=3", "TH, LA").
    detail: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    actor: Mapped[User | None] = relationship()
