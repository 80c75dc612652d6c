"""Seller analytics for one company: views and inquiries per product per month (SQL
aggregates), and how fast the company answers inquiries (median hours)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, extract, func, select
from sqlalchemy.orm import selectinload

from exportnet.analytics.models import ProductViewDay
from exportnet.catalog.models import Product
from exportnet.extensions import db
from exportnet.inquiries.models import InquiryEvent
from exportnet.inquiries.terms import EventKind, Side
from exportnet.reports.queries import Month, last_months

PerMonth = dict[int | None, dict[Month, int]]  # {product id (None: no product): {month: n}}


def _first_day(months: list[Month]) -> date:
    return date(months[0][0], months[0][1], 1)


def _per_month(rows: Any) -> PerMonth:
    result: PerMonth = defaultdict(dict)
    for product_id, year, month, number in rows:
        result[product_id][(int(year), int(month))] = int(number or 0)
    return dict(result)


def company_products(company_id: int) -> list[Product]:
    return list(
        db.session.scalars(
            select(Product)
            .where(Product.company_id == company_id)
            .options(selectinload(Product.translations))
            .order_by(Product.id)
        )
    )


def views_per_month(company_id: int, months: list[Month]) -> PerMonth:
    year, month = extract("year", ProductViewDay.day), extract("month", ProductViewDay.day)
    query = (
        select(ProductViewDay.product_id, year, month, func.sum(ProductViewDay.views))
        .join(Product, ProductViewDay.product_id == Product.id)
        .where(Product.company_id == company_id, ProductViewDay.day >= _first_day(months))
        .group_by(ProductViewDay.product_id, year, month)
    )
    return _per_month(db.session.execute(query))


def inquiries_per_month(company_id: int, months: list[Month]) -> PerMonth:
    year, month = (
        extract("year", InquiryEvent.created_at),
        extract("month", InquiryEvent.created_at),
    )
    since = datetime.combine(_first_day(months), datetime.min.time())
    query = (
        select(InquiryEvent.product_id, year, month, func.count(InquiryEvent.id))
        .where(
            InquiryEvent.company_id == company_id,
            InquiryEvent.kind == EventKind.SENT.value,
            InquiryEvent.created_at >= since,
        )
        .group_by(InquiryEvent.product_id, year, month)
    )
    return _per_month(db.session.execute(query))


@dataclass(frozen=True)
class ReplyTime:
    median_hours: float | None
    answered: int
    unanswered: int


def reply_time(company_id: int, months: list[Month]) -> ReplyTime:
    """Median hours from an inquiry to the company's first reply, over the inquiries the
    company received in these months (one aggregated row per inquiry)."""
    since = datetime.combine(_first_day(months), datetime.min.time())
    sent = func.min(case((InquiryEvent.kind == EventKind.SENT.value, InquiryEvent.created_at)))
    seller_reply = and_(
        InquiryEvent.kind == EventKind.REPLIED.value, InquiryEvent.side == Side.SELLER.value
    )
    replied = func.min(case((seller_reply, InquiryEvent.created_at)))
    query = (
        select(InquiryEvent.inquiry_id, sent, replied)
        .where(InquiryEvent.company_id == company_id)
        .group_by(InquiryEvent.inquiry_id)
    )
    hours: list[float] = []
    unanswered = 0
    for _inquiry, sent_at, replied_at in db.session.execute(query):
        if sent_at is None or sent_at < since:
            continue
        if replied_at is None:
            unanswered += 1
        else:
            hours.append(max(0.0, (replied_at - sent_at).total_seconds() / 3600))
    median = statistics.median(hours) if hours else None
    return ReplyTime(median, len(hours), unanswered)


@dataclass
class SellerAnalytics:
    months: list[Month]
    products: list[Product]
    views: PerMonth
    inquiries: PerMonth
    reply: ReplyTime


def seller_analytics(company_id: int, month_count: int = 12) -> SellerAnalytics:
    months = last_months(month_count)
    return SellerAnalytics(
        months=months,
        products=company_products(company_id),
        views=views_per_month(company_id, months),
        inquiries=inquiries_per_month(company_id, months),
        reply=reply_time(company_id, months),
    )
