"""User query text → a Whoosh query object (user text is never Whoosh query syntax).

The text is cleaned (control characters dropped,
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

Each unit also matches documents carrying a concept whose names (in any of the 13
languages) match it: see ``concepts.expand``.

Titles weigh more through their indexed term weight (see ``analysis.TITLE_BOOST``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
from exportnet.search.concepts import expand

MAX_QUERY_CHARS = 200
MAX_UNITS = 16

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
        required.append(expand(query))
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
            required.append(expand(Phrase("text", tokens)))
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
