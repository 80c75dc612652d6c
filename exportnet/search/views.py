"""The search page: `/<lang>/search?q=...` with facets, filters, sort and paging."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from exportnet.search.page import facet_value_label, parse_request, run_search
from exportnet.search.page_cache import cached_page
from exportnet.search.wiring import catch_up

bp = Blueprint("search", __name__)


@bp.app_template_global("page_kind_label")
def kind_label(kind: str) -> str:
    return facet_value_label("kind", kind)


@bp.get("/search")
def results() -> str:
    search_request = parse_request(request.args)
    return cached_page(
        catch_up(),
        lambda: render_template("search/results.html", page=run_search(search_request)),
    )
