"""Registering the API: its blueprints under /api/v1 (each exempt from CSRF, rate-limited,
answering errors as JSON)."""

from __future__ import annotations

from flask import Flask

from exportnet.api.views_companies import bp as companies_bp
from exportnet.api.views_notices import bp as notices_bp
from exportnet.api.views_openapi import bp as openapi_bp
from exportnet.api.views_posts import bp as posts_bp
from exportnet.api.views_products import bp as products_bp
from exportnet.api.views_search import bp as search_bp

BLUEPRINTS = (search_bp, products_bp, companies_bp, notices_bp, posts_bp, openapi_bp)


def register_api(app: Flask) -> None:
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
