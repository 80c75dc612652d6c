"""Product listings, their per-language texts and their images."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from exportnet.catalog.terms import Status
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.timeutil import utcnow


class Product(db.Model):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    original_language: Mapped[str] = mapped_column(String(16))
    # HS category: the heading when known, the chapter and section always (for browsing).
    hs_heading: Mapped[str | None] = mapped_column(String(4), index=True)
    hs_chapter: Mapped[str] = mapped_column(String(2), index=True)
    hs_section: Mapped[str] = mapped_column(String(5), index=True)
    moq: Mapped[Decimal | None] = mapped_column(Numeric(14, 3))
    moq_unit: Mapped[str | None] = mapped_column(String(16))
    price_min: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    price_max: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    incoterm: Mapped[str | None] = mapped_column(String(3))
    incoterm_place: Mapped[str] = mapped_column(String(120), default="")
    lead_time_days: Mapped[int | None]
    supply_capacity: Mapped[Decimal | None] = mapped_column(Numeric(14, 3))
    supply_unit: Mapped[str | None] = mapped_column(String(16))
    supply_period: Mapped[str | None] = mapped_column(String(8))
    port_of_loading: Mapped[str] = mapped_column(String(120), default="")
    origin_economy: Mapped[str] = mapped_column(String(2), index=True)
    certifications: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(index=True)

    company: Mapped[Company] = relationship()
    translations: Mapped[list[ProductTranslation]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductTranslation.lang"
    )
    images: Mapped[list[ProductImage]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductImage.position"
    )

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED.value

    def translation(self, lang: str) -> ProductTranslation | None:
        return next((t for t in self.translations if t.lang == lang), None)


class ProductTranslation(db.Model):
    __tablename__ = "product_translations"
    __table_args__ = (UniqueConstraint("product_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(String(500), default="")

    product: Mapped[Product] = relationship(back_populates="translations")


class ProductImage(db.Model):
    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    media_key: Mapped[str] = mapped_column(String(128))
    alt_text: Mapped[str] = mapped_column(String(200), default="")

    product: Mapped[Product] = relationship(back_populates="images")
