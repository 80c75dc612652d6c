"""Highlighting: escape a text and mark the words a query matched."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape
from whoosh.query import Phrase, Prefix, Query, Term

from exportnet.search.analysis import ALPHA, CJK, alpha_forms, iter_words, nfc, word_parts
from exportnet.search.parsing import HighlightTerms, build_query


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
    return _highlighted(text, terms)


@lru_cache(maxsize=8192)
def _highlighted(text: str, terms: HighlightTerms) -> Markup:
    """Cached: a results page shows the same titles and snippets for the same query
    (40 calls took 3.6 ms of a 10 ms search page at 100k listings)."""
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
