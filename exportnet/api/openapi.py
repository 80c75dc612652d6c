"""The OpenAPI 3.1 document served at /api/v1/openapi.json.

Every operation lists every status it can answer with; errors share one `Error` shape.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from exportnet.api.openapi_schemas import (
    ECONOMY_INPUT,
    LANGUAGE_INPUT,
    NOTICE_KINDS,
    SCHEMAS,
    Schema,
    code_schemas,
    ref,
)
from exportnet.api.params import MAX_ID, MAX_PAGE, MAX_PER_PAGE
from exportnet.board.terms import TOPIC_LABELS
from exportnet.search.query import MAX_PAGE as MAX_SEARCH_PAGE
from exportnet.search.schema import KINDS

DESCRIPTION = """\
The ExportNet catalog as JSON.

* Reading public data needs no token. Writing needs `Authorization: Bearer <token>`;
  create tokens on your account page or with `exportnet create-token EMAIL`.
* `lang` (a locale code such as `zh_Hant`, or a BCP 47 tag such as `zh-Hant`) picks the
  display language of texts, URLs and error messages; without it, Accept-Language decides.
  Texts fall back to the original language when there is no version in the one asked for;
  `language` says which version is shown.
* Errors: `{"error": {"code": "...", "message": "...", "fields": {...}}}`.
* `per_page` is at most 100 and `page` at most 10000 (500 for search): larger values are
  refused with 422, not clamped.
* A write is searchable in `GET /search` as soon as its response has arrived.
"""

EXTENSION = "exportnet_openapi"
ERROR_DESCRIPTIONS = {
    400: "Malformed request (for example a body that is not a JSON object)",
    401: "No valid token: missing where one is needed, unknown, revoked, or of a disabled user",
    403: "The token's user may not do this",
    404: "Not found, or not visible to this token's user (others' drafts, others' items)",
    409: "Conflicts with the current state (for example removing the original language)",
    413: "Request body too large",
    415: "Request body is not JSON",
    422: "Invalid values; `fields` names each one",
    429: "Rate limit reached; see Retry-After",
    500: "Server error",
}
ERROR_STATUSES = tuple(ERROR_DESCRIPTIONS)
PUBLIC_SECURITY: list[dict[str, list[str]]] = [{}, {"bearerAuth": []}]
TOKEN_SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def _param(name: str, schema: Schema, description: str, where: str = "query") -> Schema:
    return {"name": name, "in": where, "required": where == "path", "schema": schema,
            "description": description}  # fmt: skip


PARAMETERS: dict[str, Schema] = {
    "lang": _param("lang", LANGUAGE_INPUT, "Display language (texts, URLs, messages)."),
    "page": _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page."),
    "per_page": _param(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 20},
        "Items per page; above 100 is refused with 422.",
    ),
    "economy": _param("economy", ECONOMY_INPUT, "ISO 3166-1 alpha-2 code, such as VN."),
    "category": _param(
        "category",
        {"$ref": "#/components/schemas/HsCategory"},
        "HS section (roman numeral), chapter (2 digits) or heading (4 digits).",
    ),
    "id": _param("id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, "Id.", "path"),
}


def _p(name: str) -> Schema:
    return {"$ref": f"#/components/parameters/{name}"}


def _json(schema: Schema) -> Schema:
    return {"application/json": {"schema": schema}}


def _responses(ok: int, schema: Schema | None, *errors: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if ok == 204:
        found["204"] = {"description": "Done; no content."}
    else:
        found[str(ok)] = {"description": "OK", "content": _json(schema or {})}
    if ok == 201:
        found["201"]["headers"] = {
            "Location": {"description": "The new item in the API", "schema": {"type": "string"}}
        }
    for status in sorted({401, 422, 429, 500, *errors}):
        found[str(status)] = {"$ref": f"#/components/responses/E{status}"}
    return found


def _read(summary: str, schema: str, params: list[str], *errors: int) -> Schema:
    return {
        "summary": summary,
        "security": PUBLIC_SECURITY,
        "parameters": [_p(name) for name in (*params, "lang")],
        "responses": _responses(200, ref(schema), *errors),
    }


def _write(summary: str, body: str | None, ok: int, schema: str | None, path_id: bool) -> Schema:
    operation: Schema = {
        "summary": summary,
        "security": TOKEN_SECURITY,
        "parameters": [_p(name) for name in (("id", "lang") if path_id else ("lang",))],
        "responses": _responses(
            ok, ref(schema) if schema else None, 403, 404, *((400, 409, 413, 415) if body else ())
        ),
    }
    if body:
        operation["requestBody"] = {"required": True, "content": _json(ref(body))}
    return operation


def _query(name: str, schema: Schema, description: str) -> Schema:
    return _param(name, schema, description)


LIST_PARAMS = ["page", "per_page"]
SEARCH = {
    "summary": "Search products, companies, notices and board posts in any language",
    "security": PUBLIC_SECURITY,
    "parameters": [
        _query("q", {"type": "string"}, "Words in any language (at most 200 characters used)."),
        _query("kind", {"type": "string", "enum": list(KINDS)}, "Only this kind."),
        _p("economy"),
        _p("category"),
        _query("verified", {"type": "string", "enum": ["true", "false", "1", "0"]},
               "Only verified (or only unverified) exporters."),
        _query("sort", {"type": "string", "enum": ["relevance", "newest"]}, "Order."),
        _p("lang"),
        _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_SEARCH_PAGE}, "Page."),
        _p("per_page"),
    ],
    "responses": _responses(200, ref("SearchResults")),
}  # fmt: skip


def _paths() -> dict[str, Any]:
    company_filter = _query("company", PARAMETERS["id"]["schema"], "Only this company's.")
    products = _read("Published products", "ProductPage", ["economy", "category", *LIST_PARAMS])
    products["parameters"].insert(2, company_filter)
    notices = _read("Live trade notices", "NoticePage", ["economy", "category", *LIST_PARAMS])
    notices["parameters"].insert(0, _query("kind", {"type": "string", "enum": NOTICE_KINDS}, ""))
    posts = _read("Board posts", "PostPage", ["economy", *LIST_PARAMS])
    posts["parameters"].insert(
        1,
        _query(
            "category",
            {"$ref": "#/components/schemas/HsCode"},
            "HS chapter, or a heading (read as its chapter).",
        ),
    )
    posts["parameters"].insert(0, _query("topic", {"type": "string",
                                                   "enum": list(TOPIC_LABELS)}, ""))  # fmt: skip
    return {
        "/search": {"get": SEARCH},
        "/products": {
            "get": products,
            "post": _write("Add a product (exporters)", "ProductCreate", 201, "Product", False),
        },
        "/products/{id}": {
            "get": _read("One product", "Product", ["id"], 404),
            "patch": _write("Change one's own product", "ProductPatch", 200, "Product", True),
            "delete": _write("Delete one's own product", None, 204, None, True),
        },
        "/companies": {
            "get": _read("Company directory", "CompanyPage", ["economy", "category", *LIST_PARAMS])
        },
        "/companies/{id}": {
            "get": _read("One company", "Company", ["id"], 404),
            "patch": _write("Change one's own company", "CompanyPatch", 200, "Company", True),
        },
        "/notices": {
            "get": notices,
            "post": _write("Post a trade notice", "NoticeCreate", 201, "Notice", False),
        },
        "/notices/{id}": {
            "get": _read("One notice", "Notice", ["id"], 404),
            "patch": _write("Change one's own notice", "NoticePatch", 200, "Notice", True),
            "delete": _write("Delete one's own notice", None, 204, None, True),
        },
        "/posts": {"get": posts},
        "/posts/{id}": {"get": _read("One board post", "Post", ["id"], 404)},
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "security": PUBLIC_SECURITY,
                "responses": {"200": {"description": "OpenAPI 3.1", "content": _json({})},
                              "429": {"$ref": "#/components/responses/E429"}},
            }
        },
    }  # fmt: skip


def openapi_document() -> dict[str, Any]:
    """The document for this app (built once per app: member economies are configuration)."""
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        found = current_app.extensions[EXTENSION] = _document()
    return found


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "ExportNet API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "paths": _paths(),
        "components": {
            "schemas": {**code_schemas(), **SCHEMAS},
            "parameters": PARAMETERS,
            "responses": {
                f"E{status}": {
                    "description": ERROR_DESCRIPTIONS[status],
                    "content": _json(ref("Error")),
                }
                for status in ERROR_STATUSES
            },
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "exn_..."}
            },
        },
    }
