"""The glossary's term index: which goods a text mentions (see ``glossary`` for the rules).

``build_term_index`` turns the glossary's terms into lookup tables once;
``TermIndex.entries_in(text)`` scans one listing: Latin-script terms by whole words
(with the diacritic rules of multi-word terms), unspaced scripts by substrings that
respect syllable edges, and drops matches lying inside a longer match of another good.
Entries are numbered by their position in the glossary; entry -1 marks stop phrases.
Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_LATIN_TOKEN = re.compile(r"[0-9a-z\u00b5\u00df-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f]+")
_WHITESPACE = re.compile(r"\s+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_STRIP_EXTRA = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"}
)
# A substring match may not start right after these (Khmer coeng, Myanmar virama,
# Thai and Lao vowels written before their consonant) ...
_BAD_BEFORE = frozenset("\u17d2\u1039\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
# ... nor end right before a consonant that these marks make part of the same syllable
# (Thai thanthakhat, Lao cancellation mark, Myanmar asat, Khmer toandakhiat).
_SILENT_FINAL = frozenset("\u0e4c\u0ecc\u103a\u17cd")
_JOINERS = frozenset("\u17d2\u1039")
STOP = -1  # the entry number of stop phrases: matched, then dropped

_Match = tuple[int, int, frozenset[int]]  # start, end (in the folded text), entries


@dataclass(frozen=True)
class TermIndex:
    exact: dict[tuple[str, ...], frozenset[int]]  # accented Latin tokens -> entries
    # diacritic-free tokens -> [(accented tokens, entries)] for terms of 2+ words
    fuzzy: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[int]]]]
    exact_first: frozenset[str]
    fuzzy_first: frozenset[str]
    max_words: int
    # first two characters (one for one-character terms) -> [(term, entries)], longest first
    by_prefix: dict[str, list[tuple[str, frozenset[int]]]]
    # where one of the few substring terms that begin with an ASCII character may start
    ascii_led: re.Pattern[str] | None

    def entries_in(self, text: str) -> set[int]:
        """Numbers of the entries ``text`` mentions."""
        folded = fold(text)
        matches = _latin_matches(folded, self) + _substring_matches(folded, self)
        return _drop_contained(matches) - {STOP}


def build_term_index(
    entries: Iterable[tuple[Sequence[str], Collection[str]]],
    non_trigger_terms: Iterable[str],
    stop_phrases: Iterable[str],
    short_cjk_triggers: Collection[str],
) -> TermIndex:
    """Lookup tables for ``entries``, each given as (all its terms, its English terms)."""
    exact: dict[tuple[str, ...], set[int]] = {}
    fuzzy: dict[tuple[str, ...], dict[tuple[str, ...], set[int]]] = {}
    substr: dict[str, set[int]] = {}
    non_triggers = frozenset(fold(t) for t in non_trigger_terms)
    for phrase in stop_phrases:
        folded = fold(phrase)
        if _is_latin_term(folded):
            exact.setdefault(tuple(_LATIN_TOKEN.findall(folded)), set()).add(STOP)
        else:
            substr.setdefault(folded, set()).add(STOP)
    for i, (terms, english) in enumerate(entries):
        for term in terms:
            folded = fold(term).strip()
            if not folded or not _is_trigger(folded, non_triggers, short_cjk_triggers):
                continue
            if not _is_latin_term(folded):
                substr.setdefault(folded, set()).add(i)
                continue
            tokens = tuple(_LATIN_TOKEN.findall(folded))
            if not tokens:
                continue
            variants = {tokens}
            if term in english:  # "vacuum flask" also matches "vacuum flasks", and back
                for v in _english_number_variants(tokens[-1]):
                    if " ".join((*tokens[:-1], v)) not in non_triggers:
                        variants.add((*tokens[:-1], v))
            for tok in variants:
                stripped = tuple(_strip(t) for t in tok)
                if len(tok) >= 2 and sum(map(len, stripped)) >= 5:
                    fuzzy.setdefault(stripped, {}).setdefault(tok, set()).add(i)
                else:
                    exact.setdefault(tok, set()).add(i)
    by_prefix: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for term, ids in sorted(substr.items(), key=lambda kv: -len(kv[0])):
        by_prefix.setdefault(term[:2], []).append((term, frozenset(ids)))
    ascii_led = sorted({re.escape(t[:2]) for t in substr if t[0].isascii()})
    return TermIndex(
        exact={k: frozenset(v) for k, v in exact.items()},
        fuzzy={k: [(acc, frozenset(ids)) for acc, ids in v.items()] for k, v in fuzzy.items()},
        exact_first=frozenset(k[0] for k in exact),
        fuzzy_first=frozenset(k[0] for k in fuzzy),
        max_words=max(map(len, [*exact, *fuzzy]), default=1),
        by_prefix=by_prefix,
        ascii_led=re.compile("|".join(ascii_led)) if ascii_led else None,
    )


def fold(s: str) -> str:
    """NFKC, case folding, one space for any whitespace (both sides of matching)."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("\u17d2\u178f", "\u17d2\u178a")  # Khmer coeng TA and coeng DA look alike
    return _WHITESPACE.sub(" ", s)


@lru_cache(maxsize=65536)
def _strip(token: str) -> str:
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_STRIP_EXTRA)


def _is_latin_char(c: str) -> bool:
    o = ord(c)
    return o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x300 <= o <= 0x36F


def _is_latin_term(term: str) -> bool:
    return all(_is_latin_char(c) or not c.isalpha() for c in term)


def _is_trigger(term: str, non_triggers: frozenset[str], short_cjk: Collection[str]) -> bool:
    if term in non_triggers:
        return False
    base = [c for c in term if not unicodedata.combining(c) and not c.isspace()]
    if _is_latin_term(term):
        return len(base) >= 2
    if any(0xAC00 <= ord(c) <= 0xD7AF or 0x3400 <= ord(c) <= 0x9FFF for c in term):
        return len(base) >= 2 or term in short_cjk  # Hangul or Han
    if all(0x3040 <= ord(c) <= 0x30FF for c in base):
        return len(base) >= 3  # kana only: カニ hides in メカニズム
    return len(term) >= 3  # Thai, Lao, Khmer, Myanmar: code points, marks included


def _english_number_variants(word: str) -> set[str]:
    """Regular plural/singular forms of an English noun (enough for a glossary)."""
    if len(word) < 3 or not word.isalpha():
        return set()
    if word.endswith("ies"):
        return {word[:-3] + "y"}
    if word.endswith(("ches", "shes", "xes", "sses", "oes")):
        return {word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return {word[:-1]}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if word.endswith(("ch", "sh", "x", "ss", "o")):
        return {word + "es"}
    return {word + "s"}


def _latin_matches(folded: str, idx: TermIndex) -> list[_Match]:
    spans = [(m.start(), m.end(), m.group()) for m in _LATIN_TOKEN.finditer(folded)]
    if not spans:
        return []
    accented = [s[2] for s in spans]
    stripped = [_strip(t) for t in accented]
    out: list[_Match] = []
    n_tokens = len(spans)
    for i in range(n_tokens):
        try_exact = accented[i] in idx.exact_first
        try_fuzzy = stripped[i] in idx.fuzzy_first
        if not (try_exact or try_fuzzy):
            continue
        for n in range(1, min(idx.max_words, n_tokens - i) + 1):
            ids: frozenset[int] = frozenset()
            if try_exact:
                ids = idx.exact.get(tuple(accented[i : i + n]), ids)
            if try_fuzzy and n > 1:
                for term_acc, term_ids in idx.fuzzy.get(tuple(stripped[i : i + n]), ()):
                    if all(
                        t == w or t == stripped[i + k]
                        for k, (t, w) in enumerate(zip(accented[i : i + n], term_acc, strict=True))
                    ):
                        ids = ids | term_ids
            if ids:
                out.append((spans[i][0], spans[i + n - 1][1], ids))
    return out


def _substring_matches(folded: str, idx: TermIndex) -> list[_Match]:
    out: list[_Match] = []
    by_prefix = idx.by_prefix
    length = len(folded)
    # Only the few terms beginning with an ASCII character ("t恤", "led照明") can start
    # in ASCII text, so scan non-ASCII runs and the starts of those few terms.
    starts = [i for run in _NON_ASCII_RUN.finditer(folded) for i in range(*run.span())]
    if idx.ascii_led is not None:
        starts += [m.start() for m in idx.ascii_led.finditer(folded)]
    for i in starts:
        longer = by_prefix.get(folded[i : i + 2])
        single = by_prefix.get(folded[i])
        if not (longer or single) or (i and folded[i - 1] in _BAD_BEFORE):
            continue
        # longest first: a shorter term starting here would lie inside the longer one
        for term, ids in (*(longer or ()), *(single or ())):
            end = i + len(term)
            if folded.startswith(term, i) and _clean_edges(folded, i, end, term, length):
                out.append((i, end, ids))
                break
    return out


def _clean_edges(text: str, start: int, end: int, term: str, length: int) -> bool:
    """Whether ``text[start:end]`` (== ``term``) is not part of a longer syllable or word."""
    if end < length:
        nxt = text[end]
        if nxt in _JOINERS or unicodedata.category(nxt) in ("Mn", "Mc"):
            return False  # the next mark still belongs to the matched syllable
        if end + 1 < length and text[end + 1] in _SILENT_FINAL:
            return False  # the next consonant is this syllable's silent final
        if _is_word_char(term[-1]) and _is_word_char(nxt):
            return False  # e.g. "t恤" ... must not end inside a Latin word
    return not (start and _is_word_char(term[0]) and _is_word_char(text[start - 1]))


def _is_word_char(c: str) -> bool:
    return _is_latin_char(c) and c.isalnum()


def _drop_contained(matches: list[_Match]) -> set[int]:
    """Entries with at least one match not strictly inside another entry's match."""
    matches.sort(key=lambda m: (m[0], -m[1]))
    found: set[int] = set()
    for k, (start, end, ids) in enumerate(matches):
        inside = False
        for other_start, other_end, other_ids in matches[:k]:
            if other_end >= end and (other_end - other_start) > (end - start) and other_ids != ids:
                inside = True
                break
        if not inside:
            found |= ids
    return found
