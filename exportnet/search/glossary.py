"""A trade glossary: the name of each common export good in all 13 UI languages.

The search index marks a listing that mentions a good in any one language with the
good's key (``keys_for_text``), and ``concepts`` matches a query against the good's
names in every language, so that a Thai buyer typing กาแฟ finds coffee listed only as
"cà phê".

The data is ``data/glossary.tsv`` (one good per row, one column per locale, synonyms
separated by ``|``). It is loaded lazily, once.

Matching (``keys_for_text``, ``terms_for_text``) depends on the script of a term:

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
  are listed as synonyms but never trigger a match: see ``NON_TRIGGER_TERMS`` and
  ``glossary_index._is_trigger``. ``STOP_PHRASES`` swallow a term inside them (珍珠奶茶,
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

from exportnet.search.glossary_index import TermIndex, build_term_index

__all__ = [
    "DATA_PATH",
    "LOCALES",
    "NON_TRIGGER_TERMS",
    "STOP_PHRASES",
    "GlossaryEntry",
    "entries",
    "keys_for_heading",
    "keys_for_text",
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
    entry_terms = _entry_terms()
    out: dict[str, None] = {}
    for i in sorted(_index().entries_in(text)):
        out.update(dict.fromkeys(entry_terms[i]))
    return list(out)


def keys_for_text(text: str) -> list[str]:
    """Keys of the goods that ``text`` mentions in any language, in glossary order."""
    if not text:
        return []
    keys = _entry_keys()
    return [keys[i] for i in sorted(_index().entries_in(text))]


def keys_for_heading(hs_code: str) -> list[str]:
    """Keys of the goods filed under an HS heading ("0901", "0901.21", "090121")."""
    digits = re.sub(r"\D", "", hs_code or "")
    if len(digits) < 4:
        return []
    return [entry.key for entry in _load() if entry.hs == digits[:4]]


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


@lru_cache(maxsize=1)
def _index() -> TermIndex:
    return build_term_index(
        ((_entry_terms()[i], e.terms.get("en", ())) for i, e in enumerate(_load())),
        NON_TRIGGER_TERMS,
        STOP_PHRASES,
        _SHORT_CJK_TRIGGERS,
    )


@lru_cache(maxsize=1)
def _entry_keys() -> tuple[str, ...]:
    return tuple(e.key for e in _load())


@lru_cache(maxsize=1)
def _entry_terms() -> tuple[tuple[str, ...], ...]:
    """``all_terms()`` of each entry, by entry number."""
    return tuple(tuple(e.all_terms()) for e in _load())
