"""The multilingual analysis chain: tokens per script, folding, positions, pickling."""

from __future__ import annotations

import pickle

import pytest

from exportnet.search.analysis import (
    analyze,
    fold_diacritics,
    fold_width,
    iter_words,
    multilingual_analyzer,
)
from exportnet.search.schema import build_schema


def tokens_with_positions(text: str, stem_english: bool = True) -> list[tuple[int, str]]:
    analyzer = multilingual_analyzer(stem_english)
    return [(t.pos, t.text) for t in analyzer(text, positions=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("กาแฟคั่วบด", ["กาแฟ", "คั่ว", "บด"]),  # Thai: coffee / roast / ground
        ("ข้าวหอมมะลิ", ["ข้าว", "หอม", "มะลิ"]),
        ("ກາເຟລາວ", ["ກາເຟ", "ລາວ"]),  # Lao
        ("ម្រេចកំពត", ["ម្រេច", "កំពត"]),  # Khmer: pepper / Kampot
        ("လက်ဖက်ခြောက်", ["လက်ဖက်ခြောက်"]),  # Burmese: dried tea leaf, one dictionary word
        ("緑茶", ["绿", "绿茶", "茶"]),  # Japanese; 緑 folds like Traditional 綠
        ("주방칼", ["주", "주방", "방", "방칼", "칼"]),  # Korean syllable uni+bigrams
        ("菜刀", ["菜", "菜刀", "刀"]),
        ("保溫杯", ["保", "保温", "温", "温杯", "杯"]),  # Traditional → Simplified
        ("Kopi Luwak", ["kopi", "luwak"]),
        ("Sarung tangan getah", ["sarung", "tangan", "getah"]),
    ],
)
def test_tokens_per_script(text: str, expected: list[str]) -> None:
    assert analyze(text, stem_english=False) == expected


def test_cjk_bigrams_stay_inside_icu_words() -> None:
    # ICU segments 東京都 as 東京 + 都: no 京都 bigram, so the query 京都 cannot match.
    tokens = analyze("東京都")
    assert "东京" in tokens and "京都" not in tokens
    assert "京都" in analyze("京都府")


def test_cjk_positions_allow_phrases() -> None:
    assert tokens_with_positions("菜刀") == [(0, "菜"), (0, "菜刀"), (1, "刀")]
    assert tokens_with_positions("刀 x") == [(0, "刀"), (1, "x")]


def test_vietnamese_keeps_accented_and_folded_forms_at_one_position() -> None:
    assert tokens_with_positions("Cà phê") == [(0, "cà"), (0, "ca"), (1, "phê"), (1, "phe")]
    assert analyze("Đà Lạt") == ["đà", "da", "lạt", "lat"]
    assert fold_diacritics("nước mắm") == "nuoc mam"


def test_decomposed_input_is_composed_first() -> None:
    decomposed = "ca\u0300 phe\u0302"
    assert analyze(decomposed) == analyze("cà phê")


def test_english_stems_are_extra_tokens() -> None:
    assert tokens_with_positions("knives bags") == [
        (0, "knives"),
        (0, "knife"),
        (1, "bags"),
        (1, "bag"),
    ]
    assert analyze("knives bags", stem_english=False) == ["knives", "bags"]


def test_width_folding() -> None:
    assert analyze("ＡＢＣ１２３") == ["abc123"]
    assert fold_width("ｶﾞｲﾄﾞ") == "ガイド"
    assert analyze("ｺｰﾋｰ") == analyze("コーヒー")


def test_thai_and_lao_am_vowel_survive() -> None:
    # NFKC would split ำ into ํ + า; the analyzer must keep the text as written.
    assert analyze("น้ำปลา") == ["น้ำปลา"]  # fish sauce, one dictionary word
    assert analyze("ทำ น้ำ") == ["ทำ", "น้ำ"]
    assert all("\u0e33" in t and "\u0e4d" not in t for t in analyze("ทำ น้ำ"))
    assert analyze("ນ້ຳ") == ["ນ້ຳ"]
    assert "\u0eb3" in analyze("ນ້ຳ")[0]


def test_numbers_and_codes() -> None:
    assert analyze("HS 0901.21") == ["hs", "0901.21", "0901", "21"]
    assert "x" in analyze("X-200") and "200" in analyze("X-200")


def test_punctuation_and_symbols_are_dropped() -> None:
    assert analyze("*?! -- ... «»") == []
    assert analyze("") == []


def test_offsets_point_into_the_original_text() -> None:
    text = "𠀋 ａｂｃ 菜刀 Cà"
    for word in iter_words(text):
        assert word.end > word.start
    chars = [
        (t.text, text[t.startchar : t.endchar])
        for t in multilingual_analyzer()(text, chars=True, positions=True)
    ]
    assert ("abc", "ａｂｃ") in chars
    assert ("菜刀", "菜刀") in chars
    assert ("ca", "Cà") in chars


def test_schema_pickles() -> None:
    schema = build_schema()
    restored = pickle.loads(pickle.dumps(schema))
    assert [t.text for t in restored["text"].analyzer("保溫杯")] == analyze("保溫杯")


@pytest.mark.parametrize(
    "text",
    [
        "Cà phê Robusta\x1eCà phê rang xay, cà phê 500g. HS 0901.21 knives",
        "東京都のほうじ茶 保溫杯 保温杯 ｺｰﾋｰ コーヒー コーヒー",
        "ข้าวหอมมะลิ ข้าว ម្រេចខ្មៅកំពត ລາວ 𠀋 ＡＢＣ",
        "",
    ],
)
def test_catalog_positions_post_what_whoosh_positions_post(text: str) -> None:
    from whoosh.formats import Positions

    from exportnet.search.formats import CatalogPositions, catalog_schema

    analyzer = multilingual_analyzer()
    ours = CatalogPositions(field_boost=1.0).word_values(text, analyzer, mode="index")
    theirs = Positions(field_boost=1.0).word_values(text, analyzer, mode="index")
    assert sorted(ours) == sorted(theirs)
    restored = pickle.loads(pickle.dumps(catalog_schema()))
    assert isinstance(restored["text"].format, CatalogPositions)
