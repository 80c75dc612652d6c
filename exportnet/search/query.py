"""Search with filters, facets and paging; did-you-mean (the public entry points).

Parsing lives in ``parsing`` (user text → query), matching and ranking in ``engine``
(bitmaps and Whoosh's BM25F scores), highlights in ``highlight``; the names callers
use are re-exported here.

Results (and did-you-mean answers) are kept per searcher in ``DocSets.results`` (an
LRU of ``RESULTS_CACHED`` entries): a repeated search costs 0.1 ms instead of 10-35,
and a write, which gives a new searcher, drops them all. Speed: see ``engine``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from whoosh.query import Query

from exportnet.search.analysis import ALPHA, iter_words, nfc
from exportnet.search.concepts import is_known_word
from exportnet.search.docsets import RESULTS_CACHED, BitmapDocSet, DocSets
from exportnet.search.engine import Engine, Unsupported
from exportnet.search.highlight import highlight
from exportnet.search.index import SearchIndex
from exportnet.search.parsing import (
    MAX_QUERY_CHARS,
    HighlightTerms,
    build_query,
    clean_query_text,
    parse_user_query,
)
from exportnet.search.schema import FACET_FIELDS, FILTER_FIELDS

__all__ = [
    "MAX_QUERY_CHARS",
    "Hit",
    "HighlightTerms",
    "SearchResults",
    "build_query",
    "clean_query_text",
    "did_you_mean",
    "highlight",
    "parse_user_query",
    "search",
]

MAX_PER_PAGE = 100
MAX_PAGE = 500
SORTS = ("relevance", "newest")


@dataclass
class Hit:
    doc_key: str
    kind: str
    entity_id: int
    score: float
    economy: str | None = None
    verified: bool = False
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class SearchResults:
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    terms: HighlightTerms
    has_query: bool

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _filter_bits(docsets: DocSets, filters: dict[str, Any] | None) -> int | None:
    """Bitmap of the documents passing ``filters`` (None: no filter given)."""
    result: int | None = None
    for name, value in (filters or {}).items():
        if name not in FILTER_FIELDS:
            raise ValueError(f"unknown search filter {name!r}")
        if value is None or value == "" or value == []:
            continue
        values = value if isinstance(value, list | tuple | set | frozenset) else [value]
        if name == "verified":
            values = ["1" if v in (True, 1, "1", "true") else "0" for v in values]
        if name in FACET_FIELDS:
            column = docsets.field(name)
            bits = 0
            for v in values:
                bits |= column.get(str(v), 0)
        else:  # hs_heading, languages (KEYWORD, indexed lower-cased)
            bits = 0
            for v in values:
                bits |= docsets.term(name, str(v).lower() if name == "languages" else str(v))
        result = bits if result is None else result & bits
    return result


def search(
    index: SearchIndex,
    text: str | None,
    filters: dict[str, Any] | None = None,
    facets: Iterable[str] = (),
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    """Search (or browse, when ``text`` has nothing searchable) with filters and facets.

    ``facets`` are names from ``FACET_FIELDS``; counts are over all matches (after
    filters), as ``{field: {value: count}}``. ``verified`` values are "1"/"0".
    Browsing (no query) lists newest first. Results are kept per searcher (see
    ``DocSets.results``), so a repeated search costs nothing until the index changes.
    """
    query, terms = build_query(text)
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    facets = list(facets)
    for name in facets:
        if name not in FACET_FIELDS:
            raise ValueError(f"unknown facet {name!r}")
    page = min(max(_as_int(page, 1), 1), MAX_PAGE)
    per_page = min(max(_as_int(per_page, 20), 1), MAX_PER_PAGE)
    key = _cache_key(query, filters, facets, sort, page, per_page) if RESULTS_CACHED else None
    with index.searcher() as searcher:
        docsets = index.docsets(searcher)
        cached = docsets.results.get(key) if key is not None else None
        if cached is not None:
            docsets.results.move_to_end(key)
            return replace(cached, terms=terms, hits=list(cached.hits))
        found = _run(searcher, docsets, query, filters, facets, sort, page, per_page)
        results = SearchResults(*found, terms, query is not None)
        if key is not None:  # under the searcher's lock, like every use of the cache
            docsets.results[key] = replace(results, hits=list(results.hits))
            if len(docsets.results) > RESULTS_CACHED:
                docsets.results.popitem(last=False)
    return results


def _cache_key(query: Query | None, filters: Any, *rest: Any) -> tuple | None:
    try:
        items = sorted(
            (name, tuple(v) if isinstance(v, list | tuple | set | frozenset) else v)
            for name, v in (filters or {}).items()
        )
        key = (query, tuple(items), tuple(rest[0]), *rest[1:])
        hash(key)
    except TypeError:
        return None  # unhashable or unorderable filter values: not cached
    return key


def _run(
    searcher: Any,
    docsets: DocSets,
    query: Query | None,
    filters: dict[str, Any] | None,
    facets: list[str],
    sort: str,
    page: int,
    per_page: int,
) -> tuple[int, int, int, list[Hit], dict[str, dict[str, int]]]:
    """(total, page, per_page, hits, facet counts) of a search."""
    allowed = _filter_bits(docsets, filters)
    matched = docsets.live if allowed is None else allowed & docsets.live
    engine: Engine | None = None
    if query is not None and matched:
        try:
            engine = Engine(docsets)
            matched &= engine.bits(query)
        except Unsupported:
            engine = None
            matched &= docsets.query(query)
    facet_counts = {name: _counts(docsets.field(name), matched) for name in facets}
    total = matched.bit_count()
    start = (page - 1) * per_page
    hits: list[Hit] = []
    if start < total and (query is None or sort == "newest"):
        docnums = docsets.newest(matched, page * per_page)[start:]
        hits = [_hit(searcher.stored_fields(n), 0.0) for n in docnums]
    elif start < total and engine is not None:
        best = engine.top(query, matched, page * per_page)[start:]
        hits = [_hit(searcher.stored_fields(n), score) for score, n in best]
    elif start < total:
        results = searcher.search(
            query,
            limit=page * per_page,
            filter=None if allowed is None else BitmapDocSet(matched),
        )
        hits = [_hit(hit.fields(), hit.score) for hit in results[start:]]
    return total, page, per_page, hits, facet_counts


def _as_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _counts(values: dict[str, int], matched: int) -> dict[str, int]:
    counts = {v: (matched & bits).bit_count() for v, bits in values.items() if v}
    return {v: n for v, n in counts.items() if n}


def _hit(stored: dict[str, Any], score: float | None) -> Hit:
    return Hit(
        doc_key=stored["doc_key"],
        kind=stored["kind"],
        entity_id=int(stored["entity_id"]),
        score=float(score or 0.0),
        economy=stored.get("economy"),
        verified=stored.get("verified") == "1",
        fields=stored,
    )


def did_you_mean(index: SearchIndex, text: str | None) -> str | None:
    """A corrected query for misspelled Latin-script words, or None (kept per searcher
    like search results)."""
    cleaned = nfc(clean_query_text(text))
    words = [w for w in iter_words(cleaned) if w.kind == ALPHA and w.text.isalpha()]
    if not words:
        return None
    with index.searcher() as searcher:
        if not RESULTS_CACHED:
            return _corrected(searcher, cleaned, words)
        cache = index.docsets(searcher).results
        key = ("did-you-mean", cleaned)
        if key not in cache:
            cache[key] = _corrected(searcher, cleaned, words)
            if len(cache) > RESULTS_CACHED:
                cache.popitem(last=False)
        return cache[key]


def _corrected(searcher: Any, cleaned: str, words: list[Any]) -> str | None:
    """Each word missing from the index replaced by the ``spell`` word within two
    edits (same first letter) that most documents have: Whoosh's corrector with
    ``limit=1`` picks the same, but counts in ``spell``, which a rebuild keeps once
    per segment (see ``building.prepare_chunk``)."""
    corrected, changed = cleaned, False
    reader = searcher.reader()
    for word in reversed(words):  # right to left keeps earlier offsets valid
        if len(word.text) < 3 or reader.doc_frequency("text", word.text):
            continue
        if is_known_word(word.text.lower()):  # a category, economy or good's name
            continue
        candidates = reader.terms_within("spell", word.text, 2, prefix=1)
        best = max(((reader.doc_frequency("text", c) or 1, c) for c in candidates), default=None)
        if best is not None:
            corrected = corrected[: word.start] + best[1] + corrected[word.end :]
            changed = True
    return corrected if changed else None
