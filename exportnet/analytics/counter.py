"""Counting product page views: one upsert per view into the product's row of the day.

`INSERT ... ON CONFLICT (product_id, day) DO UPDATE SET views = views + 1` works the same
on SQLite and PostgreSQL and never loses a count to a race. The hook runs after the
product page rendered successfully (a 200 for a GET of `catalog.product`), so the catalog
knows nothing about it. Not counted: bots and link previews, prefetches, and views by
people who may edit the listing (the seller's own members and admins). A failure to count
is logged and never breaks the page.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from flask import Flask, Response, request
from flask_login import current_user
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from exportnet import permissions
from exportnet.analytics.models import ProductViewDay
from exportnet.catalog.models import Product
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.timeutil import utcnow

log = logging.getLogger(__name__)
PRODUCT_ENDPOINT = "catalog.product"
BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"curl|wget|python-requests|httpx|go-http-client|java/|libwww|headlesschrome|lighthouse",
    re.IGNORECASE,
)


def is_bot(user_agent: str | None) -> bool:
    return not user_agent or bool(BOT.search(user_agent))


def is_prefetch() -> bool:
    purpose = request.headers.get("Sec-Purpose") or request.headers.get("Purpose") or ""
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()


def _upsert(product_id: int) -> Any:
    values = {"product_id": product_id, "day": utcnow().date(), "views": 1}
    dialect = db.engine.dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ProductViewDay).values(**values)
    return statement.on_conflict_do_update(
        index_elements=[ProductViewDay.product_id, ProductViewDay.day],
        set_={"views": ProductViewDay.views + 1},
    )


def record_view(product_id: int) -> None:
    """Add one view to the product's counter for today (its own short transaction)."""
    with unit_of_work() as session:
        session.execute(_upsert(product_id))


def counts_as_view(product: Product | None, user: Any, user_agent: str | None) -> bool:
    if product is None or not product.is_published:
        return False
    if is_bot(user_agent):
        return False
    return not permissions.edit_product(user, product)


def _after_product_page(response: Response) -> Response:
    if (
        request.endpoint != PRODUCT_ENDPOINT
        or request.method != "GET"
        or response.status_code != 200
        or is_prefetch()
    ):
        return response
    product_id = (request.view_args or {}).get("product_id")
    try:
        product = db.session.get(Product, product_id) if product_id else None
        if counts_as_view(product, current_user, request.user_agent.string):
            record_view(product.id)  # type: ignore[union-attr]
    except SQLAlchemyError:
        log.exception("Counting a view of product %s failed", product_id)
        db.session.rollback()
    return response


def register_view_counter(app: Flask) -> None:
    app.after_request(_after_product_page)
