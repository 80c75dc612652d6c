"""The figures of the economy report, each one SQL aggregate grouped by economy.

Every function returns figures for all economies at once, or for one when `economy` is
given; no function loads rows to count them in Python. What counts:

- companies: visible companies by their economy, and those verified by an agency;
- products: published listings of visible companies by origin economy (as the catalog's
  economy pages count them), by HS section, by the languages they are written in, and
  by the month they were published (the last 12 months);
- notices: published notices not yet expired (valid_until >= today) by economy and kind;
- board posts: visible posts by the economies they concern;
- inquiries: inquiries received by the companies of each economy (buyers' inquiries, not
  the companies' own offers), and how many of them the company answered (the reply rate).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from exportnet.board.models import Post, PostEconomy
from exportnet.board.terms import PostStatus
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.terms import Status as ProductStatus
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry
from exportnet.inquiries.terms import Side as InquirySide
from exportnet.notices.models import Notice
from exportnet.notices.terms import Status as NoticeStatus
from exportnet.timeutil import utcnow

Month = tuple[int, int]  # (year, month)
Nested = dict[str, dict[Any, int]]


def today() -> date:
    return utcnow().date()


def last_months(count: int = 12, until: date | None = None) -> list[Month]:
    """The `count` calendar months ending with the one of `until` (today), oldest first."""
    until = until or today()
    year, month = until.year, until.month
    months: list[Month] = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _only(query: Select[Any], column: ColumnElement[Any], economy: str | None) -> Select[Any]:
    return query.where(column == economy) if economy else query


def _nested(rows: Any) -> Nested:
    """(economy, key, count) rows as {economy: {key: count}}."""
    result: Nested = defaultdict(dict)
    for economy, key, count in rows:
        result[economy][key] = count
    return dict(result)


def _public_products(*columns: Any) -> Select[Any]:
    return (
        select(*columns)
        .select_from(Product)
        .join(Company, Product.company_id == Company.id)
        .where(Product.status == ProductStatus.PUBLISHED.value, Company.hidden.is_(False))
    )


def companies(economy: str | None = None) -> dict[str, tuple[int, int]]:
    """{economy: (visible companies, of which verified)}."""
    query = (
        select(Company.economy, func.count(Company.id), func.count(Company.verified_at))
        .where(Company.hidden.is_(False))
        .group_by(Company.economy)
    )
    rows = db.session.execute(_only(query, Company.economy, economy))
    return {code: (total, verified) for code, total, verified in rows}


def products_by_section(economy: str | None = None) -> Nested:
    """{economy: {HS section: published listings}}."""
    query = _public_products(Product.origin_economy, Product.hs_section, func.count(Product.id))
    query = _only(query, Product.origin_economy, economy)
    return _nested(db.session.execute(query.group_by(Product.origin_economy, Product.hs_section)))


def listing_languages(economy: str | None = None) -> Nested:
    """{economy: {language: published listings with a version in that language}}."""
    query = _public_products(
        Product.origin_economy, ProductTranslation.lang, func.count(ProductTranslation.id)
    ).join(ProductTranslation, ProductTranslation.product_id == Product.id)
    query = _only(query, Product.origin_economy, economy)
    return _nested(
        db.session.execute(query.group_by(Product.origin_economy, ProductTranslation.lang))
    )


def month_of(column: Any) -> ColumnElement[str]:
    """The column's month as "YYYY-MM" text: one cheap expression to group by (two
    EXTRACTs cost SQLite a third more at 100,000 rows)."""
    if db.engine.dialect.name == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def new_products_by_month(economy: str | None = None, months: int = 12) -> Nested:
    """{economy: {(year, month): listings first published that month}}, last `months`."""
    first_year, first_month = last_months(months)[0]
    month = month_of(Product.published_at)
    query = _public_products(Product.origin_economy, month, func.count(Product.id)).where(
        Product.published_at >= datetime(first_year, first_month, 1)
    )
    query = _only(query, Product.origin_economy, economy).group_by(Product.origin_economy, month)
    result: Nested = defaultdict(dict)
    for code, key, count in db.session.execute(query):
        year, _, number = str(key).partition("-")
        result[code][(int(year), int(number))] = count
    return dict(result)


def active_notices(economy: str | None = None, on: date | None = None) -> Nested:
    """{economy: {kind: published notices with valid_until >= today}}."""
    query = (
        select(Notice.economy, Notice.kind, func.count(Notice.id))
        .outerjoin(Company, Notice.company_id == Company.id)
        .where(
            Notice.status == NoticeStatus.PUBLISHED.value,
            Notice.valid_until >= (on or today()),
            or_(Notice.company_id.is_(None), Company.hidden.is_(False)),
        )
    )
    query = _only(query, Notice.economy, economy)
    return _nested(db.session.execute(query.group_by(Notice.economy, Notice.kind)))


def board_posts(economy: str | None = None, on: date | None = None) -> dict[str, int]:
    """{economy: visible board posts that concern it}."""
    query = (
        select(PostEconomy.economy, func.count(Post.id))
        .join(Post, PostEconomy.post_id == Post.id)
        .where(Post.status == PostStatus.PUBLISHED.value, Post.publish_on <= (on or today()))
    )
    query = _only(query, PostEconomy.economy, economy).group_by(PostEconomy.economy)
    return {code: count for code, count in db.session.execute(query)}


def inquiries(economy: str | None = None) -> dict[str, tuple[int, int]]:
    """{economy: (inquiries received by its companies, of which the company answered)}."""
    query = (
        select(Company.economy, func.count(Inquiry.id), func.count(Inquiry.last_seller_message_id))
        .select_from(Inquiry)
        .join(Company, Inquiry.company_id == Company.id)
        .where(Inquiry.opening_side == InquirySide.BUYER.value)  # not the companies' offers
    )
    query = _only(query, Company.economy, economy).group_by(Company.economy)
    return {code: (received, replied) for code, received, replied in db.session.execute(query)}


@dataclass
class Figures:
    """Every figure of the report, for one economy or for all."""

    companies: dict[str, tuple[int, int]]
    sections: Nested
    languages: Nested
    growth: Nested
    notices: Nested
    posts: dict[str, int]
    inquiries: dict[str, tuple[int, int]]
    months: list[Month]


def figures(economy: str | None = None) -> Figures:
    """Run each aggregate once."""
    return Figures(
        companies=companies(economy),
        sections=products_by_section(economy),
        languages=listing_languages(economy),
        growth=new_products_by_month(economy),
        notices=active_notices(economy),
        posts=board_posts(economy),
        inquiries=inquiries(economy),
        months=last_months(),
    )
