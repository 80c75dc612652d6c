"""Relevance suite: a fixed multilingual corpus of export listings and expected hits.

Every query lists documents it must find and documents it must not find. The pass
count is printed (run with ``-s`` to see it) and every query must pass.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from exportnet.search.concepts import document_concepts
from exportnet.search.index import SearchIndex
from exportnet.search.query import search

# Documents get their concepts (HS category, economy, glossary goods) from the real
# builder, so cross-language cases go through the concept vocabulary as in production.
CATEGORIES = {"vn-coffee": "0901", "th-coffee": "0901", "kh-pepper": "0904",
              "notice-coffee": "0901", "th-rice": "1006", "kh-rice": "1006"}  # fmt: skip

# key: (kind, economy, language, title, text)
CORPUS: dict[str, tuple[str, str, str, str, str]] = {
    "vn-coffee": ("product", "VN", "vi", "Cà phê Robusta rang xay",
                  "Cà phê Robusta rang xay nguyên chất từ Đắk Lắk, túi 500g."),
    "vn-cashew": ("product", "VN", "vi", "Hạt điều rang muối",
                  "Hạt điều W320 rang muối, đóng hộp 1kg."),
    "vn-fishsauce": ("product", "VN", "vi", "Nước mắm Phú Quốc",
                     "Nước mắm truyền thống 40 độ đạm, chai 500ml."),
    "vn-pangasius": ("product", "VN", "en", "Frozen pangasius fillets",
                     "Frozen pangasius fillets, IQF, 10 kg cartons."),
    "th-rice": ("product", "TH", "th", "ข้าวหอมมะลิ",
                "ข้าวหอมมะลิไทย 100% คุณภาพส่งออก บรรจุถุง 5 กิโลกรัม"),
    "th-durian": ("product", "TH", "th", "ทุเรียนหมอนทองแช่แข็ง",
                  "ทุเรียนหมอนทองแช่แข็ง จากจันทบุรี"),
    "th-coffee": ("product", "TH", "th", "กาแฟคั่วบดดอยช้าง",
                  "กาแฟอาราบิก้าคั่วบด จากดอยช้าง เชียงราย"),
    "th-coconutmilk": ("product", "TH", "en", "Coconut milk",
                       "Canned coconut milk 400 ml, 18% fat."),
    "jp-knife": ("product", "JP", "ja", "三徳包丁", "ステンレス鋼の三徳包丁、刃渡り18cm。"),
    "jp-matcha": ("product", "JP", "ja", "宇治抹茶", "京都府宇治産の有機抹茶、30g缶。"),
    "jp-hojicha": ("product", "JP", "ja", "東京都のほうじ茶",
                   "東京都で焙煎したほうじ茶ティーバッグ。"),
    "jp-sake": ("product", "JP", "ja", "日本酒 純米大吟醸", "新潟県産の純米大吟醸酒、720ml。"),
    "kr-ginseng": ("product", "KR", "ko", "고려인삼 홍삼정",
                   "6년근 고려인삼으로 만든 홍삼 농축액 240g."),
    "kr-knife": ("product", "KR", "ko", "주방칼 세트", "스테인리스 주방칼 5종 세트, 칼꽂이 포함."),
    "kr-kimchi": ("product", "KR", "ko", "배추김치", "전통 배추김치 10kg, 수출용 포장."),
    "kr-laver": ("product", "KR", "ko", "조미김", "바삭한 조미김, 도시락김 16봉."),
    "cn-bottle": ("product", "CN", "zh_Hans", "不锈钢保温杯",
                  "304不锈钢真空保温杯，500毫升，保温12小时。"),
    "cn-cleaver": ("product", "CN", "zh_Hans", "不锈钢菜刀", "家用不锈钢菜刀，锋利耐用。"),
    "cn-longjing": ("product", "CN", "zh_Hans", "西湖龙井绿茶", "杭州西湖龙井绿茶，250克礼盒装。"),
    "tw-bottle": ("product", "SG", "zh_Hant", "保溫杯", "316不鏽鋼真空保溫杯，350毫升。"),
    "tw-oolong": ("product", "SG", "zh_Hant", "高山烏龍茶", "高山烏龍茶，真空包裝150克。"),
    "la-coffee": ("product", "LA", "lo", "ກາເຟລາວ ອາຣາບິກາ",
                  "ກາເຟອາຣາບິກາ ຈາກພູພຽງບໍລະເວນ, ຄົ່ວແລ້ວ 250 ກຣາມ."),
    "la-silk": ("product", "LA", "lo", "ຜ້າໄໝລາວ", "ຜ້າໄໝທໍມືແບບດັ້ງເດີມ."),
    "kh-pepper": ("product", "KH", "km", "ម្រេចកំពត",
                  "ម្រេចខ្មៅកំពត សរីរាង្គ ២៥០ក្រាម."),
    "kh-rice": ("product", "KH", "km", "អង្ករផ្កាម្លិះ", "អង្ករក្រអូបផ្កាម្លិះ ខ្មែរ ៥០ គីឡូក្រាម"),
    "mm-tealeaf": ("product", "MM", "my", "လက်ဖက်ခြောက်",
                   "ရှမ်းပြည် လက်ဖက်ခြောက် အရည်အသွေးမြင့်"),
    "mm-longyi": ("product", "MM", "my", "ပုဆိုး", "လက်ယက် ပုဆိုး ချည်ထည်"),
    "id-luwak": ("product", "ID", "id", "Kopi Luwak Asli",
                 "Kopi luwak asli dari Aceh Gayo, biji sangrai 200 gram."),
    "id-vco": ("product", "ID", "id", "Minyak Kelapa Murni",
               "Virgin coconut oil (VCO) minyak kelapa murni, botol 250 ml."),
    "id-shoes": ("product", "ID", "id", "Sepatu Kulit Pria",
                 "Sepatu kulit sapi asli buatan tangan Cibaduyut."),
    "my-gloves": ("product", "MY", "ms", "Sarung Tangan Getah",
                  "Sarung tangan getah nitril pakai buang, kotak 100 helai."),
    "my-palmoil": ("product", "MY", "ms", "Minyak Sawit Mentah",
                   "Minyak sawit mentah (CPO) gred eksport."),
    "sg-knife": ("product", "SG", "en", "Stainless steel kitchen knife",
                 "Professional chef knife, 8-inch blade, stainless steel."),
    "bn-rattan": ("product", "BN", "en", "Handwoven rattan bags",
                  "Rattan bags woven by hand with a leather strap."),
    "ph-mango": ("product", "PH", "fil", "Pinatuyong Mangga",
                 "Pinatuyong mangga mula sa Cebu, 100 gramo bawat pakete."),
    "ph-coconutoil": ("product", "PH", "fil", "Langis ng Niyog",
                      "Birheng langis ng niyog, 500 ml."),
    "ph-abaca": ("product", "PH", "en", "Abaca fiber", "Abaca (Manila hemp) fiber, grade S2."),
    "th-shrimp": ("product", "TH", "en", "Frozen shrimp / กุ้งแช่แข็ง / 冷冻虾",
                  "Vannamei shrimp, frozen, 1 kg. กุ้งขาวแวนนาไมแช่แข็ง 冷冻南美白虾"),
    "notice-coffee": ("notice", "VN", "en", "Coffee export documentation 2024",
                      "Export documentation for HS 0901.21 roasted coffee."),
    "company-dalat": ("company", "VN", "vi", "Nông sản Đà Lạt",
                      "Công ty TNHH Nông sản Đà Lạt, rau củ và hoa tươi."),
    "post-caphe": ("post", "VN", "en", "Ca phe sua da at home",
                   "How to make ca phe sua da: strong coffee with condensed milk."),
}  # fmt: skip

# (query, must find, must not find)
CASES: list[tuple[str, set[str], set[str]]] = [
    ("ca phe", {"vn-coffee", "post-caphe", "th-coffee"}, {"vn-cashew", "th-rice"}),
    ("cà phê", {"vn-coffee"}, {"vn-fishsauce"}),
    ("hat dieu", {"vn-cashew"}, {"vn-coffee"}),
    ("nuoc mam", {"vn-fishsauce"}, set()),
    ("Đà Lạt", {"company-dalat"}, set()),
    ("da lat", {"company-dalat"}, {"vn-coffee"}),
    ("ข้าวหอมมะลิ", {"th-rice", "kh-rice"}, {"th-coffee"}),
    ("ข้าว", {"th-rice"}, {"th-coffee"}),
    ("ทุเรียน", {"th-durian"}, {"th-rice"}),
    ("กาแฟ", {"th-coffee", "vn-coffee"}, {"th-rice"}),
    ("กาแฟคั่วบด", {"th-coffee"}, {"vn-coffee"}),
    ("ກາເຟ", {"la-coffee", "vn-coffee"}, {"la-silk"}),
    ("ຜ້າໄໝ", {"la-silk"}, {"la-coffee"}),
    ("ម្រេច", {"kh-pepper"}, {"kh-rice"}),
    ("ម្រេចកំពត", {"kh-pepper"}, set()),
    ("អង្ករ", {"kh-rice"}, {"kh-pepper"}),
    ("လက်ဖက်ခြောက်", {"mm-tealeaf"}, {"mm-longyi"}),
    ("ပုဆိုး", {"mm-longyi"}, {"mm-tealeaf"}),
    ("包丁", {"jp-knife", "cn-cleaver", "kr-knife"}, {"jp-matcha"}),
    ("刀", {"cn-cleaver", "kr-knife"}, {"cn-bottle"}),
    ("菜刀", {"cn-cleaver", "jp-knife"}, {"cn-bottle"}),
    ("京都", {"jp-matcha"}, {"jp-hojicha"}),
    ("東京", {"jp-hojicha"}, {"jp-matcha"}),
    ("抹茶", {"jp-matcha"}, {"cn-longjing"}),
    ("인삼", {"kr-ginseng"}, set()),
    ("칼", {"kr-knife"}, {"kr-kimchi"}),
    ("주방칼", {"kr-knife"}, set()),
    ("김치", {"kr-kimchi"}, {"kr-laver"}),
    ("김", {"kr-laver", "kr-kimchi"}, set()),
    ("保温杯", {"cn-bottle", "tw-bottle"}, {"cn-cleaver"}),
    ("保溫杯", {"cn-bottle", "tw-bottle"}, set()),
    ("不锈钢", {"cn-bottle", "cn-cleaver", "tw-bottle"}, {"cn-longjing"}),
    ("龍井", {"cn-longjing"}, set()),
    ("乌龙茶", {"tw-oolong"}, {"cn-longjing"}),
    ("緑茶", {"cn-longjing"}, {"tw-oolong"}),
    ("kopi luwak", {"id-luwak"}, {"vn-coffee"}),
    ("ＫＯＰＩ　ＬＵＷＡＫ", {"id-luwak"}, set()),
    ("minyak kelapa", {"id-vco", "ph-coconutoil"}, {"th-coconutmilk"}),
    ("sarung tangan getah", {"my-gloves"}, set()),
    ("pinatuyong mangga", {"ph-mango"}, set()),
    ("mangga", {"ph-mango"}, set()),
    ("langis ng niyog", {"ph-coconutoil", "id-vco"}, {"my-palmoil"}),
    ("knives", {"sg-knife", "kr-knife", "jp-knife"}, {"cn-bottle"}),
    ("bag", {"bn-rattan"}, set()),
    ("coconut oil", {"id-vco"}, {"th-coconutmilk"}),
    ("shrimp", {"th-shrimp"}, {"vn-pangasius"}),
    ("กุ้ง", {"th-shrimp"}, set()),
    ("虾", {"th-shrimp"}, set()),
    ("0901", {"notice-coffee"}, set()),
    ("0901.21", {"notice-coffee"}, set()),
    ('"rang xay"', {"vn-coffee"}, {"vn-cashew"}),
    ('"rang muối"', {"vn-cashew"}, {"vn-coffee"}),
    # across languages, through the concept vocabulary (glossary, HS and economy names)
    ("コーヒー", {"vn-coffee", "th-coffee", "la-coffee", "id-luwak"}, {"th-rice"}),
    ("커피", {"vn-coffee", "th-coffee", "la-coffee"}, {"kr-ginseng"}),
    ("pepper", {"kh-pepper"}, {"kh-rice"}),
    ("rice", {"th-rice", "kh-rice"}, {"th-coffee"}),
    ("Campuchia", {"kh-pepper", "kh-rice"}, {"vn-coffee"}),
    ("ເຂົ້າ", {"th-rice", "kh-rice"}, {"la-silk"}),
    ('"dried mango"', {"ph-mango"}, {"id-vco"}),
]


def _document(n: int, key: str, entry: tuple[str, str, str, str, str]) -> dict:
    kind, economy, lang, title, text = entry
    return {
        "doc_key": f"{kind}:{key}",
        "kind": kind,
        "entity_id": n,
        "title": title,
        "text": text,
        "economy": economy,
        "concepts": document_concepts(f"{title} {text}", [CATEGORIES.get(key)], [economy]),
        "languages": [lang],
        "verified": n % 2 == 0,
        "created_at": datetime(2024, 1, 1) + timedelta(days=n),
    }


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    idx = SearchIndex.open_or_create(tmp_path_factory.mktemp("relevance") / "index")
    idx.rebuild(_document(n, key, entry) for n, (key, entry) in enumerate(CORPUS.items()))
    return idx


def _found(index: SearchIndex, text: str) -> list[str]:
    results = search(index, text, per_page=100)
    return [hit.doc_key.split(":", 1)[1] for hit in results.hits]


def _check(index: SearchIndex, text: str, must: set[str], must_not: set[str]) -> list[str]:
    found = set(_found(index, text))
    problems = [f"missing {k}" for k in sorted(must - found)]
    return problems + [f"unexpected {k}" for k in sorted(must_not & found)]


def test_corpus_and_cases_are_consistent() -> None:
    assert len(CASES) >= 32
    for _query, must, must_not in CASES:
        assert must <= CORPUS.keys() and must_not <= CORPUS.keys()


@pytest.mark.parametrize(("text", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_query(index: SearchIndex, text: str, must: set[str], must_not: set[str]) -> None:
    assert _check(index, text, must, must_not) == []


def test_pass_count(index: SearchIndex) -> None:
    failures = {q: p for q, must, not_ in CASES if (p := _check(index, q, must, not_))}
    passed = len(CASES) - len(failures)
    print(f"\nsearch relevance: {passed}/{len(CASES)} queries pass")
    assert failures == {}


def test_exact_diacritics_rank_first(index: SearchIndex) -> None:
    assert _found(index, "cà phê")[0] == "vn-coffee"
    assert set(_found(index, "cà phê")) >= {"vn-coffee", "post-caphe"}


def test_english_stemming_both_ways(index: SearchIndex) -> None:
    assert "bn-rattan" in _found(index, "bags")
    assert "sg-knife" in _found(index, "knife")
    assert "th-shrimp" in _found(index, "shrimps")


def test_own_words_rank_above_concept_matches(index: SearchIndex) -> None:
    found = _found(index, "minyak kelapa")
    assert found.index("id-vco") < found.index("my-palmoil")
    found = _found(index, "coffee")
    assert found.index("notice-coffee") < found.index("th-coffee")
