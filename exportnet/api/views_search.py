"""`GET /api/v1/search`: the search page's index and result rules, as JSON.

Hits are re-checked against the database (`present`), titles and snippets come in the
display language by the pages' fallback rule, as plain text. `per_page` above 100 and
`page` above 500 are refused with 422 (documented), not clamped.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from exportnet.api.blueprint import api_blueprint
from exportnet.api.params import QueryArgs
from exportnet.api.serializers import absolute_url
from exportnet.search.query import MAX_PAGE, SORTS, search
from exportnet.search.results import ResultItem, present
from exportnet.search.schema import KINDS
from exportnet.search.wiring import catch_up, search_index

bp = api_blueprint("api_search", __name__)

FACETS = ("kind", "economy", "hs_chapter", "verified")
FILTER_FIELDS = {"section": "hs_section", "chapter": "hs_chapter", "heading": "hs_heading"}


def _plain(text: Markup | str) -> str:
    """Highlighted HTML back to plain text (tags dropped, entities decoded)."""
    return text.striptags() if isinstance(text, Markup) else str(text)


def item_json(item: ResultItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "id": item.entity_id,
        "title": _plain(item.title),
        "snippet": _plain(item.snippet),
        "language": item.language or "",
        "economy": item.economy or "",
        "category": item.category,
        "company": item.company,
        "verified": bool(item.verified),
        "url": absolute_url(item.url),
    }


def _facets(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    verified = counts.get("verified", {})
    return {
        "kind": counts.get("kind", {}),
        "economy": counts.get("economy", {}),
        "category": counts.get("hs_chapter", {}),
        "verified": {
            "true": verified.get("1", 0),
            "false": verified.get("0", 0),
        },
    }


@bp.get("/search")
def search_all() -> dict[str, Any]:
    args = QueryArgs()
    text = args.text("q")
    filters: dict[str, Any] = {
        "kind": args.choice("kind", KINDS),
        "economy": args.economy(),
    }
    category = args.category()
    if category is not None:
        filters[FILTER_FIELDS[category.level]] = category.code
    verified = args.boolean("verified")
    if verified is not None:
        filters["verified"] = "1" if verified else "0"
    sort = args.choice("sort", SORTS) or "relevance"
    page, per_page = args.page(MAX_PAGE), args.per_page()
    args.finish()
    catch_up()
    results = search(
        search_index(),
        text,
        filters={k: v for k, v in filters.items() if v is not None},
        facets=FACETS,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    items = present(results.hits, results.terms)
    return {
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "items": [item_json(item) for item in items],
        "facets": _facets(results.facets),
    }
