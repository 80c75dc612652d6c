"""`/api/v1/products`: list, read, and (the owning company's token) create, change, delete."""

from __future__ import annotations

from typing import Any

from flask import Response, url_for

from exportnet.api import product_writes
from exportnet.api.auth import api_user, require_exporter, require_user
from exportnet.api.blueprint import api_blueprint
from exportnet.api.body import json_object
from exportnet.api.errors import ApiError
from exportnet.api.params import MAX_ID, QueryArgs
from exportnet.api.queries import browse_products
from exportnet.api.serializers import absolute_url, page_json, product_json
from exportnet.catalog import queries, services
from exportnet.catalog.models import Product
from exportnet.extensions import db

bp = api_blueprint("api_products", __name__)


def _visible(product_id: int) -> Product:
    product = queries.product_for(api_user(), product_id) if product_id <= MAX_ID else None
    if product is None:
        raise ApiError(404)
    return product


def _editable(product_id: int) -> Product:
    """The user's own listing; anyone else's (or none) is a 404, as on the pages."""
    user = require_user()
    product = queries.editable_product(user, product_id) if product_id <= MAX_ID else None
    if product is None:
        raise ApiError(404)
    return product


@bp.get("/products")
def list_products() -> dict[str, Any]:
    args = QueryArgs()
    economy, category = args.economy(), args.category()
    company = args.identifier("company")
    page, per_page = args.page(), args.per_page()
    args.finish()
    found = browse_products(economy, category, company, page, per_page)
    return page_json(found, [product_json(p) for p in found.items])


@bp.get("/products/<int:product_id>")
def get_product(product_id: int) -> dict[str, Any]:
    QueryArgs().finish()
    return product_json(_visible(product_id))


@bp.post("/products")
def create_product() -> tuple[dict[str, Any], int, dict[str, str]]:
    user = require_exporter()
    QueryArgs().finish()
    product = product_writes.create_from_json(user, json_object())
    location = absolute_url(url_for("api_products.get_product", product_id=product.id))
    return product_json(db.session.get(Product, product.id)), 201, {"Location": location}


@bp.patch("/products/<int:product_id>")
def update_product(product_id: int) -> dict[str, Any]:
    product = _editable(product_id)
    QueryArgs().finish()
    product_writes.update_from_json(product, json_object())
    db.session.expire_all()
    return product_json(_editable(product_id))


@bp.delete("/products/<int:product_id>")
def delete_product(product_id: int) -> Response:
    product = _editable(product_id)
    QueryArgs().finish()
    services.delete_product(product)
    return Response(status=204)
