"""The bitmap engine: the same matches and the same ranking as Whoosh's own search."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from whoosh.query import And, Or, Phrase, Term

from exportnet.search.engine import Engine, Unsupported
from exportnet.search.index import SearchIndex
from exportnet.search.parsing import build_query
from exportnet.search.query import search

WORDS = [
    ("Cà phê rang xay", "cà phê Robusta rang xay nguyên chất"),
    ("Ca phe sua da", "ca phe sua da, strong coffee"),
    ("Roasted coffee beans", "coffee beans roasted in Da Lat, coffee export"),
    ("กาแฟคั่วบด", "กาแฟอาราบิก้าคั่วบด จากดอยช้าง"),
    ("コーヒー豆", "焙煎したコーヒー豆、コーヒーの香り"),
    ("東京都のほうじ茶", "東京都で焙煎したほうじ茶"),
    ("保溫杯", "316不鏽鋼真空保溫杯"),
    ("不锈钢保温杯", "304不锈钢真空保温杯，保温12小时"),
    ("Dried mango slices", "dried mango from Cebu, mango dried naturally"),
    ("Mango juice", "fresh mango juice, not dried"),
    ("ម្រេចកំពត", "ម្រេចខ្មៅកំពត សរីរាង្គ"),
    ("ម្រេចស", "ម្រេចខ្មៅ សរីរាង្គ"),
    ("rubber gloves", "nitrile rubber gloves, natural rubber"),
]
QUERIES = [
    "coffee",
    "cà phê",
    "ca phe",
    "coffee beans",
    '"coffee beans"',
    '"dried mango"',
    "mango dried",
    "กาแฟ",
    "コーヒー",
    "東京都",
    "保溫杯",
    "保温杯",
    "rubber gloves",
    "0000",
]


def make_doc(n: int) -> dict:
    title, text = WORDS[n % len(WORDS)]
    return {
        "doc_key": f"product:{n}",
        "kind": "product",
        "entity_id": n,
        "title": title,
        "text": f"{text} lot {n % 7} {'extra ' * (n % 5)}",
        "economy": "VN",
        "created_at": datetime(2024, 1, 1) + timedelta(hours=n),
    }


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    idx = SearchIndex.open_or_create(tmp_path_factory.mktemp("engine") / "index")
    idx.rebuild((make_doc(n) for n in range(600)), chunk_size=250)
    idx.apply([make_doc(n) for n in range(600, 640)], [f"product:{n}" for n in range(0, 40, 3)])
    return idx


def both(index: SearchIndex, query) -> tuple[list, list, int, int]:
    with index.searcher() as searcher:
        docsets = index.docsets(searcher)
        engine = Engine(docsets)
        matched = engine.bits(query) & docsets.live
        mine = engine.top(query, matched, 30)
        theirs = searcher.search(query, limit=30)
        whoosh_total = len(list(searcher.docs_for_query(query)))
        return (
            [n for _s, n in mine],
            [hit.docnum for hit in theirs],
            matched.bit_count(),
            whoosh_total,
        )


@pytest.mark.parametrize("text", QUERIES)
def test_engine_ranks_like_whoosh(index: SearchIndex, text: str) -> None:
    query = build_query(text)[0]
    mine, theirs, total, whoosh_total = both(index, query)
    assert total == whoosh_total
    assert mine == theirs


def test_hand_built_queries(index: SearchIndex) -> None:
    for query in [
        Or([Term("text", "coffe"), And([Term("text", "mango"), Term("text", "dri")])]),
        Phrase("text", ["mango", "mango"]),
        Term("text", "rubber", boost=2.0),
        And([Phrase("text", ["rubber", "gloves"]), Term("text", "nitrile")]),
    ]:
        mine, theirs, total, whoosh_total = both(index, query)
        assert (total, mine) == (whoosh_total, theirs), query


def test_prefix_matches_like_whoosh_and_exact_words_rank_first(index: SearchIndex) -> None:
    query = build_query("ម្រេច")[0]  # the word, boosted, or any word starting with it
    with index.searcher() as searcher:
        docsets = index.docsets(searcher)
        engine = Engine(docsets)
        matched = engine.bits(query) & docsets.live
        assert matched.bit_count() == len(list(searcher.docs_for_query(query)))
        exact = engine.bits(Term("text", "ម្រេច"))
        prefix_only = matched & ~exact
        ranked = engine.top(query, matched, 1000)
    assert exact and prefix_only
    assert ranked == sorted(ranked, key=lambda sn: (-sn[0], sn[1]))
    positions = {n: i for i, (_s, n) in enumerate(ranked)}
    first_prefix_only = min(positions[n] for n in positions if prefix_only >> n & 1)
    assert all(exact >> n & 1 for _s, n in ranked[:first_prefix_only])
    assert first_prefix_only == (matched & exact).bit_count()


def test_unknown_nodes_fall_back_to_whoosh(index: SearchIndex) -> None:
    from whoosh.query import Wildcard

    with index.searcher() as searcher, pytest.raises(Unsupported):
        Engine(index.docsets(searcher)).bits(Wildcard("text", "co*ee"))


def test_results_are_cached_per_searcher_and_not_shared(index: SearchIndex) -> None:
    first = search(index, "coffee", facets=["economy"])
    first.hits.clear()
    again = search(index, "coffee", facets=["economy"])
    assert again.hits and again.total == first.total
    assert search(index, "coffee", page=2).page == 2
    index.apply([make_doc(5000) | {"text": "coffee coffee coffee"}], [])
    assert search(index, "coffee", facets=["economy"]).total == first.total + 1
