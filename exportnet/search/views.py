"""The search page: `/<lang>/search?q=...` with facets, filters, sort and paging."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from exportnet.search.page import facet_value_label, parse_request, run_search

bp = Blueprint("search", __name__)


@bp.app_template_global("page_kind_label")
def kind_label(kind: str) -> str:
    return facet_value_label("kind", kind)


@bp.get("/search")
def results() -> str:
    page = run_search(parse_request(request.args))
    return render_template("search/results.html", page=page)
