"""Queries against a real ~2,000-document index: hostile input, filters, facets, paging."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from markupsafe import Markup

from exportnet.search.index import SearchIndex
from exportnet.search.query import (
    MAX_QUERY_CHARS,
    clean_query_text,
    did_you_mean,
    highlight,
    parse_user_query,
    search,
)

ECONOMIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR"]
KINDS = ["product", "product", "product", "company", "notice", "post"]
PRODUCTS = [
    ("coffee", "Cà phê rang xay", "09", "II"),
    ("rice", "ข้าวหอมมะลิ", "10", "II"),
    ("knife", "不锈钢菜刀 包丁", "82", "XV"),
    ("rubber gloves", "sarung tangan getah", "40", "VII"),
    ("dried mango", "pinatuyong mangga", "08", "II"),
]
N_DOCS = 2000
BASE = datetime(2024, 1, 1)


def make_doc(n: int) -> dict:
    english, native, chapter, section = PRODUCTS[n % len(PRODUCTS)]
    kind = KINDS[n % len(KINDS)]
    return {
        "doc_key": f"{kind}:{n}",
        "kind": kind,
        "entity_id": n,
        "title": f"{english} {native}",
        "text": f"Export quality {english} lot {n}. {native}. Listing number {n:05d}.",
        "economy": ECONOMIES[n % len(ECONOMIES)],
        "hs_section": section,
        "hs_chapter": chapter,
        "verified": n % 3 == 0,
        "languages": ["en", "vi"],
        "created_at": BASE + timedelta(hours=n),
        "updated_at": BASE + timedelta(hours=n),
    }


DOCS = [make_doc(n) for n in range(N_DOCS)]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    idx = SearchIndex.open_or_create(tmp_path_factory.mktemp("query") / "index")
    assert idx.rebuild(DOCS) == N_DOCS
    return idx


HOSTILE = [
    "*",
    "?*?*?*",
    "lang:fr",
    "text:coffee",
    'coffee "unbalanced',
    '"',
    '""',
    "[a TO z]",
    "{a TO z}",
    "coffee AND NOT rice OR (knife",
    "coffee^99 ~2",
    "x" * 10_000,
    "coffee " * 2_000,
    "\x00\x01\x02coffee\x1b[31m\x7f",
    "\u202e\u2066 coffee \ufeff",
    "𠀋" * 500,
    "ข้าว" * 300,
    "-",
    "   ",
    "",
    "'; DROP TABLE products; --",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_answers(index: SearchIndex, text: str) -> None:
    parse_user_query(text)  # never raises
    results = search(index, text, facets=["kind", "economy"], page=1, per_page=10)
    assert results.total >= 0
    did_you_mean(index, text)
    assert isinstance(highlight(text, text), Markup)


def test_query_text_is_cleaned_and_capped() -> None:
    assert clean_query_text("a\x00b\tc\n d") == "a b c d"
    assert len(clean_query_text("x" * 10_000)) == MAX_QUERY_CHARS
    assert parse_user_query("* ?") is None
    assert parse_user_query("") is None


def test_field_syntax_is_plain_text(index: SearchIndex) -> None:
    # "text:coffee" is two words, not a field query: no document has the word "text".
    assert search(index, "text:coffee").total == 0
    assert search(index, "coffee").total == N_DOCS // len(PRODUCTS)


def test_browse_without_query_returns_everything_newest_first(index: SearchIndex) -> None:
    results = search(index, "", per_page=5)
    assert results.total == N_DOCS
    assert not results.has_query
    assert [h.entity_id for h in results.hits] == [1999, 1998, 1997, 1996, 1995]


def test_filters_and_facet_counts(index: SearchIndex) -> None:
    facets = ["kind", "economy", "hs_section", "hs_chapter", "verified"]
    results = search(index, "coffee", {"economy": "VN"}, facets=facets)
    expected = [d for d in DOCS if d["hs_chapter"] == "09" and d["economy"] == "VN"]
    assert results.total == len(expected)
    assert results.facets["economy"] == {"VN": len(expected)}
    assert results.facets["kind"] == dict(Counter(d["kind"] for d in expected))
    assert results.facets["hs_chapter"] == {"09": len(expected)}
    assert results.facets["verified"] == dict(
        Counter("1" if d["verified"] else "0" for d in expected)
    )


def test_filters_combine_without_query(index: SearchIndex) -> None:
    filters = {"kind": "product", "verified": True, "hs_section": "II"}
    results = search(index, None, filters, facets=["economy"])
    expected = [
        d for d in DOCS if d["kind"] == "product" and d["verified"] and d["hs_section"] == "II"
    ]
    assert results.total == len(expected)
    assert results.facets["economy"] == dict(Counter(d["economy"] for d in expected))
    assert all(h.kind == "product" and h.verified for h in results.hits)


def test_filter_accepts_several_values(index: SearchIndex) -> None:
    results = search(index, None, {"economy": ["TH", "VN"], "kind": ["notice", "post"]})
    expected = [d for d in DOCS if d["economy"] in ("TH", "VN") and d["kind"] in ("notice", "post")]
    assert results.total == len(expected)


def test_unknown_filter_or_facet_is_a_programming_error(index: SearchIndex) -> None:
    with pytest.raises(ValueError):
        search(index, "coffee", {"password": "x"})
    with pytest.raises(ValueError):
        search(index, "coffee", facets=["doc_key"])
    with pytest.raises(ValueError):
        search(index, "coffee", sort="random")


def test_sort_newest(index: SearchIndex) -> None:
    results = search(index, "mango", sort="newest", per_page=3)
    ids = [h.entity_id for h in results.hits]
    assert ids == sorted(ids, reverse=True)
    assert ids[0] == max(d["entity_id"] for d in DOCS if d["hs_chapter"] == "08")


def test_paging_is_disjoint_and_complete(index: SearchIndex) -> None:
    seen: list[str] = []
    first = search(index, "rice", per_page=150, page=1)
    for page in range(1, first.pages + 1):
        seen.extend(h.doc_key for h in search(index, "rice", per_page=150, page=page).hits)
    assert len(seen) == len(set(seen)) == first.total == N_DOCS // len(PRODUCTS)
    assert search(index, "rice", per_page=150, page=first.pages + 5).hits == []
    assert search(index, "rice", page=-3).page == 1


def test_exact_listing_number(index: SearchIndex) -> None:
    results = search(index, "01234")
    assert [h.entity_id for h in results.hits] == [1234]


def test_highlight_escapes_then_marks() -> None:
    html = highlight("<script>alert('coffee')</script> Cà phê", "ca phe coffee")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>coffee</mark>" in html
    assert "<mark>Cà</mark> <mark>phê</mark>" in html


def test_highlight_cjk_thai_and_stems() -> None:
    assert highlight("家用不锈钢菜刀", "刀") == Markup("家用不锈钢菜<mark>刀</mark>")
    assert highlight("東京都の京都", "京都") == Markup("東京都の<mark>京都</mark>")
    assert highlight("ข้าวหอมมะลิไทย", "ข้าว") == Markup("<mark>ข้าว</mark>หอมมะลิไทย")
    assert highlight("Chef knife & fork", "knives") == Markup("Chef <mark>knife</mark> &amp; fork")
    assert highlight("<b>plain</b>", None) == Markup("&lt;b&gt;plain&lt;/b&gt;")


def test_highlight_uses_search_result_terms(index: SearchIndex) -> None:
    results = search(index, "菜刀", per_page=1)
    html = highlight(results.hits[0].fields.get("doc_key", "") + " 不锈钢菜刀", results.terms)
    assert "<mark>菜刀</mark>" in html


def test_did_you_mean(index: SearchIndex) -> None:
    assert did_you_mean(index, "cofee") == "coffee"
    assert did_you_mean(index, "export qualty rubber") == "export quality rubber"
    assert did_you_mean(index, "coffee") is None
    # a good's name from the glossary is a word, even where no listing uses it
    assert did_you_mean(index, "mangoes") is None
    assert did_you_mean(index, "ข้าว") is None
