"""User queries: safe parsing, search with filters and facets, suggestions, highlights.

User text is never Whoosh query syntax. It is cleaned (control characters dropped,
capped at ``MAX_QUERY_CHARS``), split into "double-quoted phrases" and loose words,
and run through the index analyzer; every word becomes a required unit:

- alpha word: its accent-folded English stem, which every indexed form of the word
  carries; the exact and accented forms are an optional bonus (``AndMaybe``), so
  ``cà phê`` ranks listings written with accents first and ``ca phe`` finds both;
- CJK word (an ICU word of Han/Kana/Hangul): one character → its unigram; two → the
  bigram; longer → Phrase of its bigrams. Bigrams exist only inside indexed ICU words,
  so 京都 does not match 東京都 (indexed as 東京/都). A second reading segments the
  Simplified form again (Or), so 保溫杯 (one ICU word) still finds 保温杯 (保温/杯);
- Thai/Lao/Khmer/Burmese word: the dictionary word, or any indexed word starting
  with it (ម្រេច finds ម្រេចខ្មៅ), exact words scoring higher.

Titles weigh more through their indexed term weight (see ``analysis.TITLE_BOOST``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from whoosh.query import And, AndMaybe, Or, Phrase, Prefix, Query, Term

from exportnet.search.analysis import (
    ALPHA,
    CJK,
    Word,
    alpha_forms,
    cjk_bigrams,
    english_stem,
    fold_diacritics,
    is_sea_word,
    iter_words,
    nfc,
    word_parts,
)
from exportnet.search.docsets import BitmapDocSet, DocSets
from exportnet.search.index import SearchIndex
from exportnet.search.schema import FACET_FIELDS, FILTER_FIELDS

MAX_QUERY_CHARS = 200
MAX_UNITS = 16
MAX_PER_PAGE = 100
MAX_PAGE = 500
SORTS = ("relevance", "newest")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_PHRASE = re.compile(r'["“”„]([^"“”„]*)["“”„]')


@dataclass(frozen=True)
class HighlightTerms:
    """Index terms a query matched on: exact terms plus prefixes (SEA words)."""

    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()


def clean_query_text(text: str | None) -> str:
    """Drop control characters, collapse spaces and cap the length."""
    if not text:
        return ""
    text = _CONTROL.sub(" ", text[: MAX_QUERY_CHARS * 4])
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def _cjk_query(fieldname: str, run: str) -> Query:
    if len(run) <= 2:
        return Term(fieldname, run)
    return Phrase(fieldname, cjk_bigrams(run))


def _unit(
    fieldname: str, word: Word, terms: set[str], prefixes: list[str]
) -> tuple[Query, Query | None]:
    """The required query of one word, and an optional exact-form bonus query."""
    if word.kind == CJK:
        terms.update([word.text, *cjk_bigrams(word.text)] if len(word.text) > 1 else [word.text])
        query = _cjk_query(fieldname, word.text)
        pieces = [w.text for w in iter_words(word.text) if w.kind == CJK]
        if pieces != [word.text] and pieces:
            terms.update(t for p in pieces for t in ([p, *cjk_bigrams(p)] if len(p) > 1 else [p]))
            query = Or([query, And([_cjk_query(fieldname, p) for p in pieces])])
        return query, None
    if word.kind == ALPHA:
        forms = alpha_forms(word.text)
        terms.update(forms)
        parts = word_parts(word.text)
        if parts:
            terms.update(parts)
            alternatives = [Term(fieldname, f) for f in forms]
            return Or([*alternatives, And([Term(fieldname, p) for p in parts])]), None
        # Every indexed form of a word also carries its folded stem, so requiring the
        # stem is enough; exact and accented forms only add score (cheaper than Or).
        general = english_stem(fold_diacritics(word.text))
        exact = [Term(fieldname, f) for f in forms if f != general]
        return Term(fieldname, general), (Or(exact) if exact else None)
    terms.add(word.text)
    if is_sea_word(word.text) and len(word.text) >= 3:
        prefixes.append(word.text)
        return Or([Term(fieldname, word.text, boost=2.0), Prefix(fieldname, word.text)]), None
    return Term(fieldname, word.text), None


def _phrase_tokens(words: list[Word]) -> list[str]:
    tokens: list[str] = []
    for word in words:
        if word.kind == CJK:
            tokens.extend(word.text)
        else:
            tokens.append(fold_diacritics(word.text) if word.kind == ALPHA else word.text)
    return tokens


def build_query(text: str | None) -> tuple[Query | None, HighlightTerms]:
    """The Whoosh query for raw user text and the terms to highlight."""
    cleaned = nfc(clean_query_text(text))
    phrases = [p for p in _PHRASE.findall(cleaned) if p.strip()]
    loose = _PHRASE.sub(" ", cleaned)
    terms: set[str] = set()
    prefixes: list[str] = []
    required: list[Query] = []
    bonus: list[Query] = []

    def add(word: Word) -> None:
        query, extra = _unit("text", word, terms, prefixes)
        required.append(query)
        if extra is not None:
            bonus.append(extra)

    budget = MAX_UNITS
    for phrase in phrases:
        words = list(iter_words(phrase))[:budget]
        budget -= len(words)
        for word in words:
            add(word)
        tokens = _phrase_tokens(words)
        if len(tokens) > 1:
            required.append(Phrase("text", tokens))
    seen: set[tuple[str, str]] = set()
    for word in iter_words(loose):
        if len(seen) >= max(budget, 0):
            break
        if (word.kind, word.text) not in seen:
            seen.add((word.kind, word.text))
            add(word)
    highlight_terms = HighlightTerms(frozenset(terms), tuple(prefixes))
    if not required:
        return None, highlight_terms
    main = required[0] if len(required) == 1 else And(required)
    return (AndMaybe(main, Or(bonus)) if bonus else main), highlight_terms


def parse_user_query(text: str | None) -> Query | None:
    """Whoosh query for raw user text; None when nothing searchable is left."""
    return build_query(text)[0]


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
            values = [str(v).lower() if name == "languages" else str(v) for v in values]
            bits = docsets.query(Or([Term(name, v) for v in values]))
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
    Browsing (no query) lists newest first.
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
    with index.searcher() as searcher:
        docsets = index.docsets(searcher)
        allowed = _filter_bits(docsets, filters)
        matched = docsets.live if allowed is None else allowed & docsets.live
        if query is not None and matched:
            matched &= docsets.query(query)
        facet_counts = {name: _counts(docsets.field(name), matched) for name in facets}
        total = matched.bit_count()
        start = (page - 1) * per_page
        hits: list[Hit] = []
        if start < total and (query is None or sort == "newest"):
            docnums = docsets.newest(matched, page * per_page)[start:]
            hits = [_hit(searcher.stored_fields(n), 0.0) for n in docnums]
        elif start < total:
            results = searcher.search(
                query,
                limit=page * per_page,
                filter=None if allowed is None else BitmapDocSet(matched),
            )
            hits = [_hit(hit.fields(), hit.score) for hit in results[start:]]
    return SearchResults(total, page, per_page, hits, facet_counts, terms, query is not None)


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
    """A corrected query for misspelled Latin-script words, or None."""
    cleaned = nfc(clean_query_text(text))
    words = [w for w in iter_words(cleaned) if w.kind == ALPHA and w.text.isalpha()]
    if not words:
        return None
    corrected, changed = cleaned, False
    with index.searcher() as searcher:
        reader = searcher.reader()
        corrector = searcher.corrector("spell")
        for word in reversed(words):  # right to left keeps earlier offsets valid
            if len(word.text) < 3 or reader.doc_frequency("text", word.text):
                continue
            suggestions = corrector.suggest(word.text, limit=1, maxdist=2, prefix=1)
            if suggestions:
                corrected = corrected[: word.start] + suggestions[0] + corrected[word.end :]
                changed = True
    return corrected if changed else None


def _as_highlight_terms(query_terms: Any) -> HighlightTerms:
    if query_terms is None:
        return HighlightTerms()
    if isinstance(query_terms, HighlightTerms):
        return query_terms
    if isinstance(query_terms, str):
        return build_query(query_terms)[1]
    if isinstance(query_terms, Query):
        exact: set[str] = set()
        prefixes: list[str] = []
        for leaf in query_terms.leaves():
            if isinstance(leaf, Prefix):
                prefixes.append(leaf.text)
            elif isinstance(leaf, Phrase):
                exact.update(leaf.words)
            elif isinstance(leaf, Term):
                exact.add(leaf.text)
        return HighlightTerms(frozenset(exact), tuple(prefixes))
    return HighlightTerms(frozenset(str(t) for t in query_terms))


def _spans(text: str, terms: HighlightTerms) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    exact, prefixes = terms.exact, terms.prefixes
    for word in iter_words(text):
        if word.kind == CJK:
            run, aligned = word.text, word.end - word.start == len(word.text)
            for i in range(len(run)):
                size = 2 if run[i : i + 2] in exact and i + 1 < len(run) else 1
                if size == 2 or run[i] in exact:
                    spans.append(
                        (word.start + i, word.start + i + size)
                        if aligned
                        else (word.start, word.end)
                    )
        elif word.kind == ALPHA:
            if any(f in exact for f in (*alpha_forms(word.text), *word_parts(word.text))):
                spans.append((word.start, word.end))
        elif word.text in exact or any(word.text.startswith(p) for p in prefixes):
            spans.append((word.start, word.end))
    return spans


def highlight(text: str | None, query_terms: Any) -> Markup:
    """Escape ``text`` and wrap the words the query matched in ``<mark>``.

    ``query_terms`` may be :class:`HighlightTerms` (``SearchResults.terms``), the raw
    user query string, a Whoosh query, or an iterable of index terms.
    """
    text = nfc(text or "")
    terms = _as_highlight_terms(query_terms)
    if not terms.exact and not terms.prefixes:
        return escape(text)
    merged: list[list[int]] = []
    for start, end in sorted(_spans(text, terms)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str | Markup] = []
    last = 0
    for start, end in merged:
        out.append(text[last:start])
        out.append(Markup("<mark>{}</mark>").format(text[start:end]))
        last = end
    out.append(text[last:])
    return Markup("").join(out)  # join() escapes the plain-text pieces
