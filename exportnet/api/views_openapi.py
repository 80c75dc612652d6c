"""`GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the API."""

from __future__ import annotations

from typing import Any

from exportnet.api.blueprint import api_blueprint
from exportnet.api.openapi import openapi_document

bp = api_blueprint("api_openapi", __name__)


@bp.get("/openapi.json")
def openapi() -> dict[str, Any]:
    return openapi_document()
