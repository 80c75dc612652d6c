"""The search page's request parsing, facet links and result assembly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from flask import url_for
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from exportnet.i18n.formatting import economy_name
from exportnet.i18n.routing import current_locale
from exportnet.search.query import MAX_QUERY_CHARS, SearchResults, did_you_mean, search
from exportnet.search.results import ResultItem, present
from exportnet.search.schema import KINDS
from exportnet.search.wiring import search_index
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy

PER_PAGE = 20
FACETS = ("kind", "economy", "hs_section", "hs_chapter", "verified")
KIND_LABELS = {
    "product": _l("Products"),
    "company": _l("Companies"),
    "notice": _l("Trade notices"),
    "post": _l("Industry information"),
}
FACET_LABELS = {
    "kind": _l("Type"),
    "economy": _l("Economy"),
    "hs_section": _l("Category section"),
    "hs_chapter": _l("Category"),
    "verified": _l("Verification"),
}
# Request parameter for each index field.
PARAMS = {"kind": "kind", "economy": "economy", "hs_section": "section",
          "hs_chapter": "chapter", "verified": "verified"}  # fmt: skip


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    too_long: bool = False

    def args(self, **changes: Any) -> dict[str, Any]:
        values: dict[str, Any] = {"q": self.text or None, "sort": self.sort, "page": self.page}
        values |= {PARAMS[name]: value for name, value in self.filters.items()}
        values |= changes
        if values.get("sort") == "relevance":
            values["sort"] = None
        if values.get("page") == 1:
            values["page"] = None
        return {k: v for k, v in values.items() if v not in (None, "")}


def parse_request(args: MultiDict[str, str]) -> SearchRequest:
    """Read the query string; unknown or malformed filter values are ignored."""
    raw = args.get("q", "")
    request = SearchRequest(text=raw.strip(), too_long=len(raw) > MAX_QUERY_CHARS)
    kind = args.get("kind", "")
    if kind in KINDS:
        request.filters["kind"] = kind
    economy = args.get("economy", "").upper()
    if is_valid_economy(economy):
        request.filters["economy"] = economy
    section = args.get("section", "").upper()
    if hs.section(section):
        request.filters["hs_section"] = section
    chapter = args.get("chapter", "")
    if len(chapter) == 2 and hs.chapter(chapter):
        request.filters["hs_chapter"] = chapter
    if args.get("verified") in ("1", "0"):
        request.filters["verified"] = args["verified"]
    request.sort = "newest" if args.get("sort") == "newest" else "relevance"
    page = args.get("page", "1")
    request.page = min(int(page), 500) if page.isdigit() and int(page) > 0 else 1
    return request


@dataclass
class FacetOption:
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class SearchPage:
    request: SearchRequest
    results: SearchResults
    items: list[ResultItem]
    facets: list[FacetGroup]
    suggestion: str | None

    def url(self, **changes: Any) -> str:
        return search_url(url_for("search.results"), self.request.args(**changes))


# werkzeug's query encoding (routing.rules._urlencode): the URLs url_for would build
_URL_SAFE = "!$'()*,/:;?@"


def search_url(base: str, args: dict[str, Any]) -> str:
    """``url_for("search.results", **args)`` given its ``base`` path: the same URL,
    without building the route again for each of a page's ~70 facet links."""
    return f"{base}?{urlencode(list(args.items()), safe=_URL_SAFE)}" if args else base


def facet_value_label(name: str, value: str) -> str:
    locale = current_locale().code
    if name == "kind":
        return str(KIND_LABELS.get(value, value))
    if name == "economy":
        return economy_name(value)
    if name in ("hs_section", "hs_chapter"):
        return hs.label(value, locale)
    if name == "verified":
        return str(_l("Verified exporters")) if value == "1" else str(_l("Not yet verified"))
    return value


def _facet_groups(request: SearchRequest, counts: dict[str, dict[str, int]]) -> list[FacetGroup]:
    base = url_for("search.results")
    groups = []
    for name in FACETS:
        values = counts.get(name, {})
        selected = request.filters.get(name)
        if not values and not selected:
            continue
        options = []
        for value, count in values.items():
            is_selected = value == selected
            change = {PARAMS[name]: None if is_selected else value, "page": None}
            if name == "hs_section" and not is_selected:
                change["chapter"] = None
            options.append(
                FacetOption(
                    facet_value_label(name, value),
                    count,
                    is_selected,
                    search_url(base, request.args(**change)),
                )
            )
        options.sort(key=lambda o: (not o.selected, -o.count, o.label))
        groups.append(FacetGroup(name, str(FACET_LABELS[name]), options))
    return groups


def run_search(request: SearchRequest) -> SearchPage:
    """Search for the page (call ``wiring.catch_up`` first)."""
    index = search_index()
    results = search(
        index,
        request.text,
        filters=request.filters,
        facets=FACETS,
        sort=request.sort,
        page=request.page,
        per_page=PER_PAGE,
    )
    items = present(results.hits, results.terms)
    suggestion = None
    if request.text and results.total < 3:
        suggestion = did_you_mean(index, request.text)
    return SearchPage(request, results, items, _facet_groups(request, results.facets), suggestion)
