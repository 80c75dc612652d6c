"""Exporter companies: profile, industries, export markets, certifications, descriptions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.extensions import db
from exportnet.timeutil import utcnow

EMPLOYEE_RANGES = ("1-9", "10-49", "50-249", "250-999", "1000+")


class Company(db.Model):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    economy: Mapped[str] = mapped_column(String(2), index=True)
    # New columns of this table have server defaults, so existing rows (and raw inserts)
    # stay valid.
    city: Mapped[str] = mapped_column(String(120), default="", server_default="")
    year_established: Mapped[int | None]
    employee_range: Mapped[str | None] = mapped_column(String(16))
    website: Mapped[str | None] = mapped_column(String(500))
    original_language: Mapped[str] = mapped_column(String(16), default="en", server_default="en")
    logo_key: Mapped[str | None] = mapped_column(String(128))
    # Hidden companies (suspended, unverified, ...) and their products stay out of public view.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)
    # Verification by a trade agency (exportnet.agency): when, by which agency, its note.
    verified_at: Mapped[datetime | None] = mapped_column(index=True)
    verified_by_agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="SET NULL")
    )
    verification_note: Mapped[str] = mapped_column(String(500), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    members = relationship("User", back_populates="company")
    verified_by_agency = relationship("Agency", foreign_keys=[verified_by_agency_id])
    translations: Mapped[list[CompanyTranslation]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="CompanyTranslation.lang"
    )
    industries: Mapped[list[CompanyIndustry]] = relationship(
        cascade="all, delete-orphan", order_by="CompanyIndustry.hs_chapter"
    )
    export_markets: Mapped[list[CompanyExportMarket]] = relationship(
        cascade="all, delete-orphan", order_by="CompanyExportMarket.economy"
    )
    certifications: Mapped[list[CompanyCertification]] = relationship(
        back_populates="company",
        cascade="all, delete-orphan",
        order_by="CompanyCertification.id",
    )

    @property
    def industry_codes(self) -> list[str]:
        return [row.hs_chapter for row in self.industries]

    @property
    def export_market_codes(self) -> list[str]:
        return [row.economy for row in self.export_markets]


class CompanyIndustry(db.Model):
    """Association of a company with an HS chapter it works in."""

    __tablename__ = "company_industries"

    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    hs_chapter: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)


class CompanyExportMarket(db.Model):
    """Association of a company with an economy (ISO 3166-1 alpha-2) it exports to."""

    __tablename__ = "company_export_markets"

    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    economy: Mapped[str] = mapped_column(String(2), primary_key=True)


class CompanyCertification(db.Model):
    __tablename__ = "company_certifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    valid_until: Mapped[date | None]

    company: Mapped[Company] = relationship(back_populates="certifications")


class CompanyTranslation(db.Model):
    """The company description in one language."""

    __tablename__ = "company_translations"
    __table_args__ = (UniqueConstraint("company_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship(back_populates="translations")
