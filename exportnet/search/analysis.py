"""One script-aware analysis chain for all UI languages.

Pipeline (the index and the query side share it):

1. NFC on the whole text (never NFKC: it rewrites Thai ำ and Lao ຳ), then width folding
   of the Halfwidth/Fullwidth block only (Ｆ→F, ｶ→カ), one code point for one.
2. ICU word break (root locale): dictionary words for Thai, Lao, Khmer, Burmese,
   Chinese and Japanese; spaces and punctuation are dropped.
3. Per word: case folding (and composing half-width Kana voicing marks).
4. Runs of Han, Kana and Hangul (``cjk``) inside a word are folded Traditional→Simplified
   character by character and indexed as unigrams **and** bigrams, bigrams only inside
   the ICU word. ICU splits 東京都 into 東京/都, so the bigram 京都 never exists for that
   text: the query 京都 (a bigram) does not find 東京都, while 東京 and 都 do.
5. Latin-like words (``alpha``: Latin, Greek, Cyrillic) emit the case-folded word, its
   diacritic-folded form at the same position (cà→ca, đ→d), the parts of dotted codes
   (0901.21 → 0901, 21) and, when ``stem_english`` is on, an English (Porter) stem of
   ASCII words as one more token at the same position. English is not detected: every
   ASCII word gets a stem token; exact forms still score higher because the query asks
   for the exact form, the folded form and the stem together.
6. Other scripts (``other``: Thai, Lao, Khmer, Burmese, ...) emit the ICU word as is.

Segmentation happens on the original characters, Traditional→Simplified folding after
it, so a Japanese 東京都 is not re-segmented as Chinese 东/京都. The query side adds
a second reading for Traditional input (see ``query.py``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import icu
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.lang.porter import stem as porter_stem

# prepare_document joins title and body as title + TITLE_END + body; words before the
# mark are indexed with TITLE_BOOST as their weight (a title match counts double).
TITLE_END = "\x1e"
TITLE_BOOST = 2.0

CJK = "cjk"
ALPHA = "alpha"
OTHER = "other"

_CJK_CHARS = (
    "\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff"
)
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_ALPHA_WORD = re.compile(r"[\u0000-\u052f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff]+")
_SEA_CHAR = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\uaa7f]")
_PART_SPLIT = re.compile(r"[.,:'’_]+")

# Width folding restricted to the Halfwidth and Fullwidth Forms block (plus U+3000).
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20
for _cp in [*range(0xFF5F, 0xFFDD), *range(0xFFE0, 0xFFEF)]:
    _folded = unicodedata.normalize("NFKC", chr(_cp))
    if len(_folded) == 1 and _folded != chr(_cp):
        _WIDTH_TABLE[_cp] = ord(_folded)
del _cp, _folded
# str.translate with a dict costs ~0.5 ms on a 3 kB listing: fold only the wide runs.
_WIDE = re.compile("[\u3000\uff01-\uffee]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_KANA_VOICING = ("\u3099", "\u309a")

_LATIN_SPECIAL = str.maketrans(
    {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"}
)
_IRREGULAR_EN = {
    "knives": "knife", "wives": "wife", "lives": "life", "leaves": "leaf",
    "loaves": "loaf", "shelves": "shelf", "halves": "half", "calves": "calf",
    "wolves": "wolf", "thieves": "thief", "scarves": "scarf", "hooves": "hoof",
    "men": "man", "women": "woman", "teeth": "tooth", "feet": "foot",
    "mice": "mouse", "geese": "goose", "children": "child", "oxen": "ox",
}  # fmt: skip

_local = threading.local()
_ts_cache: dict[str, str] = {}


def _break_iterator() -> icu.BreakIterator:
    """A per-thread ICU word break iterator (they carry the text being segmented)."""
    bi = getattr(_local, "bi", None)
    if bi is None:
        bi = _local.bi = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    return bi


def _ts_transliterator() -> icu.Transliterator:
    tr = getattr(_local, "ts", None)
    if tr is None:
        tr = _local.ts = icu.Transliterator.createInstance("Traditional-Simplified")
    return tr


def to_simplified(run: str) -> str:
    """Fold Traditional Han characters to Simplified, one character at a time."""
    out = []
    for ch in run:
        simple = _ts_cache.get(ch)
        if simple is None:
            simple = _ts_transliterator().transliterate(ch) if ch >= "\u3400" else ch
            if len(simple) != 1:
                simple = ch
            _ts_cache[ch] = simple
        out.append(simple)
    return "".join(out)


def _fold_wide(match: re.Match[str]) -> str:
    return match.group().translate(_WIDTH_TABLE)


def fold_width(text: str) -> str:
    """Full-width ASCII → ASCII, half-width Katakana/Hangul → full-width."""
    folded = _WIDE.sub(_fold_wide, text)
    if _KANA_VOICING[0] in folded or _KANA_VOICING[1] in folded:
        folded = unicodedata.normalize("NFC", folded)
    return folded


@lru_cache(maxsize=65536)
def fold_diacritics(word: str) -> str:
    """Remove accents from a Latin-like word (cà phê → ca phe, đ → d)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_LATIN_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    """Porter stem of an ASCII word, with the common irregular plurals (knives → knife)."""
    if len(word) < 3 or not word.isascii() or not word.isalpha():
        return word
    return porter_stem(_IRREGULAR_EN.get(word, word))


def word_parts(word: str) -> list[str]:
    """Parts of a word joined by . , : ' _ (HS code 0901.21 → 0901, 21)."""
    if not _PART_SPLIT.search(word):
        return []
    return [p for p in _PART_SPLIT.split(word) if len(p) > 1 or p.isdigit()]


def is_sea_word(word: str) -> bool:
    """True for Thai, Lao, Burmese or Khmer words (dictionary-segmented scripts)."""
    return _SEA_CHAR.search(word) is not None


@dataclass(frozen=True, slots=True)
class Word:
    """One normalized word: ``text`` folded, ``start``/``end`` offsets in the NFC text."""

    text: str
    kind: str
    start: int
    end: int


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _utf16_to_index(text: str) -> dict[int, int] | None:
    if text.isascii() or not _ASTRAL.search(text):
        return None
    mapping, u16 = {}, 0
    for i, ch in enumerate(text):
        mapping[u16] = i
        u16 += 2 if ch > "\uffff" else 1
    mapping[u16] = len(text)
    return mapping


def icu_segments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every ICU word-break segment (including spaces and punctuation)."""
    if not text:
        return iter(())
    bi = _break_iterator()
    bi.setText(text)
    bounds = list(bi)  # eager: the iterator is shared by the thread's next call
    mapping = _utf16_to_index(text)
    if mapping is not None:
        bounds = [mapping[b] for b in bounds]
    return zip([0, *bounds[:-1]], bounds, strict=True)


@lru_cache(maxsize=262144)
def _segment_words(segment: str) -> tuple[tuple[str, str, int, int], ...]:
    """Normalized (text, kind, start, end) pieces of one ICU segment, offsets relative.

    Cached: the same words recur across listings, so most segments are looked up once.
    """
    if not any(ch.isalnum() for ch in segment):
        return ()
    word = segment
    if _KANA_VOICING[0] in word or _KANA_VOICING[1] in word:
        word = unicodedata.normalize("NFC", word)
    word = word.casefold()
    size = len(segment)
    if word.isascii():
        return ((word, ALPHA, 0, size),)
    same_length = len(word) == size
    pieces: list[tuple[str, str, int, int]] = []
    pos = 0
    for match in _CJK_RUN.finditer(word):
        if match.start() > pos:
            pieces.append(_plain_piece(word[pos : match.start()], pos, size, same_length))
        span = (match.start(), match.end()) if same_length else (0, size)
        pieces.append((to_simplified(match.group()), CJK, *span))
        pos = match.end()
    if pos < len(word):
        pieces.append(_plain_piece(word[pos:], pos, size, same_length))
    return tuple(pieces)


def _plain_piece(
    piece: str, offset: int, size: int, same_length: bool
) -> tuple[str, str, int, int]:
    kind = ALPHA if _ALPHA_WORD.fullmatch(piece) else OTHER
    return (piece, kind, *((offset, offset + len(piece)) if same_length else (0, size)))


def iter_words(text: str) -> Iterator[Word]:
    """Normalized words of ``text`` (NFC) in order; CJK runs are split out as words.

    Width folding is applied before segmentation (one code point for one, so offsets
    stay valid) so that half-width Katakana segments like its full-width form.
    """
    text = _WIDE.sub(_fold_wide, text)
    for start, end in icu_segments(text):
        for piece, kind, s, e in _segment_words(text[start:end]):
            yield Word(piece, kind, start + s, start + e)


def cjk_bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def alpha_forms(word: str, stem_english: bool = True) -> list[str]:
    """Query forms of an alpha word: exact, accent-folded, stems (no duplicates)."""
    forms = [word]
    folded = fold_diacritics(word)
    if folded != word:
        forms.append(folded)
    if stem_english:
        for form in list(forms):
            stemmed = english_stem(form)
            if stemmed not in forms:
                forms.append(stemmed)
    return forms


@lru_cache(maxsize=65536)
def _indexed_forms(word: str, stem_english: bool) -> tuple[str, ...]:
    """Index tokens of an alpha word, in order: the word, its accent-folded form and code
    parts, each followed by its English stem when that differs (all one position)."""
    forms = [word]
    seen = {word}
    for extra in (fold_diacritics(word), *word_parts(word)):
        if extra not in seen:
            seen.add(extra)
            forms.append(extra)
    if not stem_english:
        return tuple(forms)
    out: list[str] = []
    for form in forms:
        out.append(form)
        stemmed = english_stem(form)
        if stemmed != form:
            out.append(stemmed)
    return tuple(out)


_Plan = tuple[tuple[tuple[int, int, int, str], ...], int]


@lru_cache(maxsize=65536)  # entries of up to ~1 kB (long CJK words)
def _segment_plan(segment: str, stem_english: bool) -> _Plan:
    """Tokens of one ICU segment as (position offset, start, end, text), and how many
    positions the segment takes. Cached: most segments of a catalog recur."""
    plan: list[tuple[int, int, int, str]] = []
    npos = 0
    for piece, kind, start, end in _segment_words(segment):
        if kind != CJK:
            forms = _indexed_forms(piece, stem_english) if kind == ALPHA else (piece,)
            plan.extend((npos, start, end, form) for form in forms)
            npos += 1
            continue
        exact = end - start == len(piece)
        for i, ch in enumerate(piece):
            for gram in (ch, piece[i : i + 2]) if i + 1 < len(piece) else (ch,):
                if exact:
                    plan.append((npos + i, start + i, start + i + len(gram), gram))
                else:
                    plan.append((npos + i, start, end, gram))
        npos += len(piece)
    return tuple(plan), npos


class MultilingualTokenizer(Tokenizer):
    """The whole chain in one pass: ICU words → tokens, cached per distinct segment.

    CJK runs become unigrams plus in-word bigrams; a run of n characters takes n
    positions (unigram and bigram share the position of their first character) so
    phrases over CJK text keep working. An alpha word also yields its accent-folded
    form and code parts, and (``stem_english``) English stems, at its position.

    Fusing the former tokenizer | DiacriticFoldFilter | EnglishStemFilter chain and
    caching the tokens of each distinct ICU segment, with width folding of wide runs
    only, took analysis from 2.1 to 0.85 ms per listing (CPU time, 2,000 generated
    listings, interleaved runs; the same tokens, positions and offsets).
    """

    stem_english = True
    is_morph = True

    def __init__(self, stem_english: bool = True) -> None:
        self.stem_english = self.is_morph = stem_english

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for plan, pos, start, boost in planned_segments(value, self.stem_english, start_pos):
            t.boost = boost
            offset = start_char + start
            for dpos, s, e, gram in plan:
                t.text = gram
                if keeporiginal:
                    t.original = gram
                t.pos, t.startchar, t.endchar = pos + dpos, offset + s, offset + e
                yield t


def planned_segments(
    value: str, stem_english: bool = True, start_pos: int = 0
) -> Iterator[tuple[tuple[tuple[int, int, int, str], ...], int, int, float]]:
    """Every ICU segment of ``value`` that has tokens, as (plan, first position, start
    offset, boost); a plan lists (position offset, start, end, text) per token."""
    value = nfc(value)
    title_end = value.find(TITLE_END)
    text = _WIDE.sub(_fold_wide, value)
    pos = start_pos
    for start, end in icu_segments(text):
        plan, npos = _segment_plan(text[start:end], stem_english)
        if npos:
            yield plan, pos, start, TITLE_BOOST if start < title_end else 1.0
            pos += npos


class DiacriticFoldFilter(Filter):
    """Pass-through, kept so that schemas pickled with the former three-stage chain
    still load (the tokenizer now emits the folded forms itself)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        return tokens


class EnglishStemFilter(DiacriticFoldFilter):
    """Pass-through, kept for pickled schemas (the tokenizer now emits the stems)."""

    is_morph = True


def multilingual_analyzer(stem_english: bool = True) -> MultilingualTokenizer:
    """The analyzer for the catalog ``text`` field (picklable by Whoosh)."""
    return MultilingualTokenizer(stem_english)


def analyze(text: str, stem_english: bool = True) -> list[str]:
    """Token texts of ``text`` in index order (for tests and debugging)."""
    analyzer = multilingual_analyzer(stem_english)
    return [t.text for t in analyzer(text, positions=True)]
