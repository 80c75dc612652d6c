"""A trade glossary: the name of each common export good in all 13 UI languages.

The search index uses it to add every language's name of a good to a listing that
mentions the good in any one language, so that a Thai buyer typing กาแฟ finds coffee
listed only as "cà phê".

The data is ``data/glossary.tsv`` (one good per row, one column per locale, synonyms
separated by ``|``). It is loaded lazily, once.

Matching (``terms_for_text``) depends on the script of a term:

* Latin-script terms match whole words, case-insensitively. In a term of two or
  more words, a word typed without any diacritics matches the word with them
  ("ca phe" finds "cà phê"), while a word typed with other diacritics does not
  ("cả hộp", a whole box, is not "cá hộp", canned fish). A one-word term keeps its
  diacritics, because a Vietnamese syllable without its tone marks is another word
  (gạo/gáo, tôm/Tom, dừa/dua, nấm/nam).
* Terms in scripts written without spaces (Thai, Lao, Khmer, Myanmar, Chinese,
  Japanese; Korean too, whose nouns take attached particles) match as substrings,
  but not in the middle of a syllable cluster (e.g. after a Khmer coeng or before a
  Thai/Lao/Myanmar silent final).
* A match lying strictly inside a longer match of another good is dropped: พริกไทย
  (pepper) does not also count as พริก (chili), rubber gloves not as natural rubber.
* Terms too short or too ambiguous to identify a good on their own (one Chinese
  character, two Thai letters, "tin", Thai เงิน "silver" which is also "money", ...)
  are listed as synonyms but never trigger a match: see ``_is_trigger`` and
  ``NON_TRIGGER_TERMS``. ``STOP_PHRASES`` swallow a term inside them (珍珠奶茶,
  bubble tea, is not about pearls).

The first call builds the index (about 0.1 s); after that a 1 kB listing takes about
0.2-0.6 ms (median, by language), so 100,000 listings take one to two minutes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "DATA_PATH",
    "LOCALES",
    "NON_TRIGGER_TERMS",
    "STOP_PHRASES",
    "GlossaryEntry",
    "entries",
    "terms_for_heading",
    "terms_for_text",
]

DATA_PATH = Path(__file__).resolve().parent / "data" / "glossary.tsv"

# The 13 UI locales, in the column order of the TSV (same as exportnet.i18n.locales).
LOCALES: tuple[str, ...] = (
    "en", "ko", "ja", "zh_Hans", "zh_Hant", "th", "vi", "id", "ms", "fil", "km", "lo", "my",
)  # fmt: skip

# Glossary terms that are also common unrelated words, so they must not on their own
# make a text "mention" a good (they are still returned as synonyms). Compared after
# NFKC + casefold. The unit tests check that every one of them occurs in the TSV.
NON_TRIGGER_TERMS: frozenset[str] = frozenset(
    {
        # Latin script
        "tin",  # en tin (metal) = vi "tin" (news), as in "thông tin"
        "sake",  # "for the sake of"
        "ban",  # id tyre vs en "ban"
        "motor",  # id motorbike vs en motor
        "cat",  # id paint vs en cat
        "baja",  # id steel vs ms fertilizer
        "solar",  # id diesel vs "solar panel"
        "van",  # vi valve vs en van
        "gam",  # ms glue vs vi "gam" (gram)
        "pala",  # id nutmeg vs fil particle "pala"
        "lata",  # fil tin vs "can"
        "ulang",  # fil lobster vs ms "ulang" (repeat)
        "tahu",  # id tofu vs "tahu" (to know)
        "me",  # vi tamarind vs en "me"
        "pin",  # vi battery vs en pin
        "ô",  # vi umbrella, also in "ô tô" (car)
        "dù",  # vi umbrella vs "mặc dù" (although)
        "hồi",  # vi star anise vs "phản hồi" (feedback)
        "nghệ",  # vi turmeric vs "công nghệ" (technology)
        "nhãn",  # vi longan vs "nhãn hiệu" (brand)
        "mây",  # vi rattan vs cloud
        "chiếu",  # vi mat vs "chiếu sáng" (lighting)
        "giấy",  # vi paper vs "giấy phép" (licence)
        "đồng",  # vi copper vs "hợp đồng" (contract), the dong
        "vàng",  # vi gold vs yellow
        "bạc",  # vi silver vs money
        "sơn",  # vi paint, a common name
        "kính",  # vi glass vs "kính gửi" (dear ...)
        "than",  # vi coal/charcoal
        "hương",  # vi incense vs fragrance/flavour
        "tất",  # vi socks vs "tất cả" (all)
        "lạc",  # vi peanut vs "lạc quan" (optimistic)
        "dao",  # vi knife vs "dao động" (fluctuate)
        "ngọc",  # vi gem, a common name
        "bơ",  # vi avocado vs butter
        "sợi",  # vi yarn, also a classifier
        "bông",  # vi cotton vs flower
        "ngô",  # vi maize, a surname
        "mực",  # vi squid vs ink
        "keo",  # vi glue vs acacia (gỗ keo)
        "jati",  # id teak vs "jati diri" (identity)
        "beg",  # ms bag vs en beg
        "colok",  # ms incense vs id plug
        "malagkit",  # fil glutinous rice vs sticky
        "pulot",  # fil honey vs to pick up
        "tuyo",  # fil dried fish vs dry
        "engines",  # "search engines"
        # generic words for packaging, mentioned by almost every listing
        "packaging",
        "kemasan",
        "pembungkusan",
        "bao bì",
        "包装",
        "包裝",
        "パッケージ",
        "บรรจุภัณฑ์",
        "វេចខ្ចប់",
        "ບັນຈຸພັນ",
        # Thai / Lao
        "ไหม",  # silk vs question particle
        "ข่า",  # galangal, inside ข่าว (news)
        "น้ำตาล",  # sugar vs brown (สีน้ำตาล)
        "ถ่าน",  # charcoal vs battery
        "ร่ม",  # umbrella vs shade
        "เงิน",  # silver vs money
        "มุก",  # pearl vs joke
        "ไม้",  # wood, inside ผลไม้ (fruit), ดอกไม้ (flower)
        "ท่อ",  # pipe, inside ท่องเที่ยว (travel)
        "ชิป",  # chip, inside ชิปปิ้ง (shipping)
        "พลอย",  # gem, a common name
        "ทับทิม",  # ruby vs pomegranate
        "ไพลิน",  # sapphire, a name and a town
        "ຊິບ",  # chip
        "ທັບທິມ",  # ruby vs pomegranate
        "ເຂົ້າ",  # rice vs "enter", as in ນຳເຂົ້າ (import)
        "ຂ່າ",  # galangal, inside ຂ່າວ (news)
        "ນ້ຳຕານ",  # sugar vs brown
        "ຖ່ານ",  # charcoal vs battery
        "ເງິນ",  # silver vs money
        "ໄມ້",  # wood
        "ຮົ່ມ",  # umbrella vs shade
        "ສາດ",  # mat, inside ປະຫວັດສາດ (history)
        "ວາວ",  # valve vs shiny
        "ຝຸ່ນ",  # fertilizer vs dust
        "ແກ້ວ",  # glass, a common name
        # Khmer
        "សូត្រ",  # silk vs to recite
        "ត្បូង",  # gem vs south
        "ថ្នាំ",  # medicine vs paint, tobacco, pesticide
        "ថ្ម",  # battery vs stone/new
        "កង់",  # bicycle vs wheel
        "ឈើ",  # wood, inside ផ្លែឈើ (fruit)
        "ប្រាក់",  # silver vs money
        "កែវ",  # glass, a common name
        "មាស",  # gold, a common name
        # Myanmar
        "ချင်း",  # ginger vs Chin (state, people)
        "ဂဏန်း",  # crab vs number
        "ကြိမ်",  # rattan vs "times"
        "ဝါး",  # bamboo vs to chew
        "ပိုး",  # silk vs insect
        "ဝါ",  # cotton vs yellow
        "ချည်",  # yarn vs to tie
        "သစ်",  # wood vs new
        "ကား",  # car, inside စကား (speech)
        "စက်",  # machine, inside many compounds
        "ဆေး",  # medicine vs paint
        "အိုး",  # pot, inside အိုးအိမ် (home)
        "အိတ်",  # bag, inside စာအိတ် (envelope)
        "မှန်",  # glass vs correct
        "ဖန်",  # glass, inside ဖန်တီး (create)
        "ကျွန်း",  # teak vs island
        "အကျော်",  # agarwood vs famous
        "ကော်",  # glue, inside ကော်ဖီ (coffee)
        "ဆား",  # salt, inside ဆားကစ် (circuit)
        "ရွှေ",  # gold, in many company and personal names
        # Korean / Chinese / Japanese
        "청주",  # sake vs Cheongju (city)
        "양산",  # parasol vs mass production
        "조화",  # artificial flowers vs harmony
        "유리",  # glass vs advantageous
        "요소",  # urea vs element
        "진주",  # pearl vs Jinju (city)
        "주석",  # tin vs annotation, chairman
        "리치",  # lychee vs "rich"
        "휴대폰",  # mobile phone: also the contact-number label
        "手机",
        "手機",
        "携帯電話",
        "มือถือ",
        "チーク",  # teak vs blusher
        "엔진",  # engine, also 검색 엔진 (search engine)
        "エンジン",
        "引擎",
        "제약",  # pharmaceuticals vs constraint
        "공구",  # tools vs group buying
        "黄金",  # gold, also "golden" (黄金周, 黄金地段)
        "黃金",
    }
)

# Phrases that contain a glossary term but are not about the good (a term inside one
# of them is dropped like a term inside a longer term).
STOP_PHRASES: frozenset[str] = frozenset(
    {
        "珍珠奶茶",  # bubble tea, not pearls
        "ข้าวของ",  # belongings, not rice
        "ปั๊มน้ำมัน",  # petrol station, not pumps
    }
)

# Single CJK/Hangul characters that do identify a good on their own.
_SHORT_CJK_TRIGGERS: frozenset[str] = frozenset(
    {"蟹", "虾", "蝦", "쌀", "镍", "鎳", "锌", "鋅", "铝", "鋁"}
)

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


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    hs: str
    terms: dict[str, tuple[str, ...]]

    def all_terms(self) -> list[str]:
        """Every term of every locale, in locale order, without duplicates."""
        return list(dict.fromkeys(t for loc in LOCALES for t in self.terms.get(loc, ())))


def entries() -> list[GlossaryEntry]:
    """All glossary entries, in file order (a fresh list; the entries are shared)."""
    return list(_load())


def terms_for_text(text: str) -> list[str]:
    """All 13 languages' terms of every good that ``text`` mentions in any language."""
    if not text:
        return []
    idx = _index()
    folded = _fold(text)
    matches = _latin_matches(folded, idx) + _substring_matches(folded, idx)
    found = _drop_contained(matches)
    out: dict[str, None] = {}
    for i in sorted(found - {-1}):
        out.update(dict.fromkeys(idx.entry_terms[i]))
    return list(out)


def terms_for_heading(hs_code: str) -> list[str]:
    """All terms of the entries filed under an HS heading ("0901", "0901.21", "090121")."""
    digits = re.sub(r"\D", "", hs_code or "")
    if len(digits) < 4:
        return []
    heading = digits[:4]
    out: dict[str, None] = {}
    for entry in _load():
        if entry.hs == heading:
            out.update(dict.fromkeys(entry.all_terms()))
    return list(out)


# --- loading ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _load() -> tuple[GlossaryEntry, ...]:
    lines = DATA_PATH.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    if header != ["key", "hs", *LOCALES]:
        raise ValueError(f"{DATA_PATH}: unexpected header {header!r}")
    out = []
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{DATA_PATH}:{lineno}: {len(cells)} cells, expected {len(header)}")
        key, hs, *cols = (unicodedata.normalize("NFC", c.strip()) for c in cells)
        terms = {
            loc: tuple(t.strip() for t in cell.split("|") if t.strip())
            for loc, cell in zip(LOCALES, cols, strict=True)
        }
        out.append(GlossaryEntry(key=key, hs=hs, terms=terms))
    return tuple(out)


# --- matching ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    exact: dict[tuple[str, ...], frozenset[int]]  # accented Latin tokens -> entries
    # diacritic-free tokens -> [(accented tokens, entries)] for terms of 2+ words
    fuzzy: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[int]]]]
    exact_first: frozenset[str]
    fuzzy_first: frozenset[str]
    max_words: int
    entry_terms: tuple[tuple[str, ...], ...]  # all_terms() of each entry
    # first two characters (one for one-character terms) -> [(term, entries)], longest first
    by_prefix: dict[str, list[tuple[str, frozenset[int]]]]
    # where one of the few substring terms that begin with an ASCII character may start
    ascii_led: re.Pattern[str] | None


def _fold(s: str) -> str:
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


def _is_trigger(term: str, non_triggers: frozenset[str]) -> bool:
    if term in non_triggers:
        return False
    base = [c for c in term if not unicodedata.combining(c) and not c.isspace()]
    if _is_latin_term(term):
        return len(base) >= 2
    if any(0xAC00 <= ord(c) <= 0xD7AF or 0x3400 <= ord(c) <= 0x9FFF for c in term):
        return len(base) >= 2 or term in _SHORT_CJK_TRIGGERS  # Hangul or Han
    if all(0x3040 <= ord(c) <= 0x30FF for c in base):
        return len(base) >= 3  # kana only: カニ hides in メカニズム
    return len(term) >= 3  # Thai, Lao, Khmer, Myanmar: code points, marks included


@lru_cache(maxsize=1)
def _index() -> _Index:
    exact: dict[tuple[str, ...], set[int]] = {}
    fuzzy: dict[tuple[str, ...], dict[tuple[str, ...], set[int]]] = {}
    substr: dict[str, set[int]] = {}
    non_triggers = frozenset(_fold(t) for t in NON_TRIGGER_TERMS)
    for phrase in STOP_PHRASES:  # entry -1: matched, then dropped
        folded = _fold(phrase)
        if _is_latin_term(folded):
            exact.setdefault(tuple(_LATIN_TOKEN.findall(folded)), set()).add(-1)
        else:
            substr.setdefault(folded, set()).add(-1)
    for i, entry in enumerate(_load()):
        english = set(entry.terms.get("en", ()))
        for term in entry.all_terms():
            folded = _fold(term).strip()
            if not folded or not _is_trigger(folded, non_triggers):
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
    return _Index(
        exact={k: frozenset(v) for k, v in exact.items()},
        fuzzy={k: [(acc, frozenset(ids)) for acc, ids in v.items()] for k, v in fuzzy.items()},
        exact_first=frozenset(k[0] for k in exact),
        fuzzy_first=frozenset(k[0] for k in fuzzy),
        max_words=max(map(len, [*exact, *fuzzy]), default=1),
        entry_terms=tuple(tuple(e.all_terms()) for e in _load()),
        by_prefix=by_prefix,
        ascii_led=re.compile("|".join(ascii_led)) if ascii_led else None,
    )


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


_Match = tuple[int, int, frozenset[int]]  # start, end (in the folded text), entries


def _latin_matches(folded: str, idx: _Index) -> list[_Match]:
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


def _substring_matches(folded: str, idx: _Index) -> list[_Match]:
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
