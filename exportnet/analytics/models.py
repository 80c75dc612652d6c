"""The product page view counter: one row per product per day, incremented in place."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from exportnet.extensions import db


class ProductViewDay(db.Model):
    __tablename__ = "product_view_days"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True, index=True)
    views: Mapped[int] = mapped_column(default=0)
