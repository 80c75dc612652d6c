"""The trade glossary (exportnet/search/data/glossary.tsv) and its matcher."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from exportnet.i18n.locales import LOCALE_CODES
from exportnet.search import glossary, glossary_index
from exportnet.search.glossary import entries, terms_for_heading, terms_for_text

TSV = glossary.DATA_PATH

# (key, locale) cells that legitimately hold only the English word(s): loanwords that
# are the word the language uses and that have no native alternative.
COPY_ALLOWED = {
    ("rambutan", "id"),  # a Malay word in the first place
    ("rambutan", "ms"),
    ("rambutan", "fil"),
    ("dragon_fruit", "fil"),
    ("longan", "fil"),
    ("papaya", "fil"),
    ("ginseng", "fil"),
    ("kimchi", "id"),
    ("kimchi", "ms"),
    ("kimchi", "fil"),
    ("miso", "fil"),
    ("soju", "id"),
    ("soju", "ms"),
    ("soju", "fil"),
    ("polyester", "fil"),
    ("batik", "fil"),  # a Javanese word in the first place
    ("zinc", "fil"),
    ("urea", "fil"),
    ("caustic_soda", "fil"),
}

SCRIPT = {
    "th": r"[\u0E00-\u0E7F]",
    "lo": r"[\u0E80-\u0EFF]",
    "km": r"[\u1780-\u17FF]",
    "my": r"[\u1000-\u109F]",
    "ko": r"[\uAC00-\uD7AF]",
    "ja": r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]",
    "zh_Hans": r"[\u3400-\u4DBF\u4E00-\u9FFF]",
    "zh_Hant": r"[\u3400-\u4DBF\u4E00-\u9FFF]",
}
# Every single term in these columns must be in the script (ko and ja may also list a
# Latin acronym such as "PCB" or "LNG" next to the native word).
TERM_SCRIPT_LOCALES = ("th", "lo", "km", "my", "zh_Hans", "zh_Hant")

# Characters that exist only in Simplified Chinese, and their Traditional forms.
SIMPLIFIED_ONLY = "们东车电铁钢纸鱼虾药机类丝绸饼酱盐龙饰艺产业农热气压线锅锌铝铜镍锡矿叶汤装卫温"
SIMPLIFIED_ONLY += "袜衬裤织纺缆灯烟锂钻"
TRADITIONAL_ONLY = "們東車電鐵鋼紙魚蝦藥機類絲綢餅醬鹽龍飾藝產業農熱氣壓線鍋鋅鋁銅鎳錫礦葉湯裝衛溫"
TRADITIONAL_ONLY += "襪襯褲織紡纜燈煙鋰鑽"


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in TSV.read_text(encoding="utf-8").splitlines()]


def test_header_is_key_hs_and_the_13_ui_locales():
    header = _rows()[0]
    assert header == ["key", "hs", *LOCALE_CODES]
    assert tuple(header[2:]) == glossary.LOCALES
    assert len(header[2:]) == 13


def test_file_is_well_formed():
    text = TSV.read_text(encoding="utf-8")
    assert "\r" not in text and "\ufeff" not in text
    for n, row in enumerate(_rows(), start=1):
        assert len(row) == 15, f"line {n}: {len(row)} cells"
        assert all(cell == cell.strip() for cell in row), f"line {n}: stray whitespace"


def test_at_least_220_goods():
    assert len(entries()) >= 220
    assert len(entries()) == len(_rows()) - 1


def test_keys_are_unique_ascii_ids():
    keys = [e.key for e in entries()]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key


def test_hs_codes_are_4_digits_or_empty():
    for e in entries():
        assert re.fullmatch(r"\d{4}|", e.hs), (e.key, e.hs)
    assert sum(1 for e in entries() if e.hs) >= 200


def test_every_cell_is_filled():
    for e in entries():
        assert set(e.terms) == set(LOCALE_CODES)
        for loc, terms in e.terms.items():
            assert terms, (e.key, loc)
            assert all(t and t == t.strip() and "  " not in t for t in terms), (e.key, loc)
            assert len(terms) == len(set(terms)), (e.key, loc, "duplicate synonym")


def test_non_english_cells_do_not_just_copy_english():
    copied = set()
    for e in entries():
        english = {t.casefold() for t in e.terms["en"]}
        for loc in LOCALE_CODES[1:]:
            if {t.casefold() for t in e.terms[loc]} <= english:
                copied.add((e.key, loc))
    assert copied - COPY_ALLOWED == set()
    assert COPY_ALLOWED - copied == set(), "stale allowlist entries"


@pytest.mark.parametrize("loc", sorted(SCRIPT))
def test_cells_are_in_the_right_script(loc):
    for e in entries():
        cell = "|".join(e.terms[loc])
        assert re.search(SCRIPT[loc], cell), (e.key, loc, cell)
        if loc in TERM_SCRIPT_LOCALES:
            for term in e.terms[loc]:
                assert re.search(SCRIPT[loc], term), (e.key, loc, term)


def test_vietnamese_is_written_with_diacritics():
    diacritics = re.compile(
        r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]"
    )
    with_marks = sum(1 for e in entries() if diacritics.search("|".join(e.terms["vi"]).lower()))
    assert with_marks >= 0.8 * len(entries())


def test_chinese_scripts_are_not_mixed_up():
    for e in entries():
        hans, hant = "".join(e.terms["zh_Hans"]), "".join(e.terms["zh_Hant"])
        assert not set(hant) & set(SIMPLIFIED_ONLY), (e.key, hant)
        assert not set(hans) & set(TRADITIONAL_ONLY), (e.key, hans)
    flask = next(e for e in entries() if e.key == "vacuum_flask")
    assert "保溫杯" in flask.terms["zh_Hant"] and "保温杯" in flask.terms["zh_Hans"]


def test_brief_examples_are_present():
    by_key = {e.key: e for e in entries()}
    for key, hs in {
        "coffee": "0901",
        "rice": "1006",
        "black_pepper": "0904",
        "cashew": "0801",
        "natural_rubber": "4001",
        "shrimp": "0306",
        "tea": "0902",
        "ginseng": "1211",
        "silk": "5007",
        "furniture": "9403",
        "kitchen_knife": "8211",
        "vacuum_flask": "9617",
        "rubber_gloves": "4015",
    }.items():
        assert by_key[key].hs == hs, key
    coffee = by_key["coffee"].terms
    assert "cà phê" in coffee["vi"] and "コーヒー" in coffee["ja"] and "ກາເຟ" in coffee["lo"]


def test_non_trigger_terms_and_stop_phrases_are_not_stale():
    fold = glossary_index.fold
    all_terms = {fold(t) for e in entries() for t in e.all_terms()}
    assert {t for t in glossary.NON_TRIGGER_TERMS if fold(t) not in all_terms} == set()
    for phrase in glossary.STOP_PHRASES:  # each hides some term that would match
        assert any(t in fold(phrase) for t in all_terms if fold(t) != fold(phrase)), phrase


# --- terms_for_text ------------------------------------------------------------------


def test_vietnamese_coffee_finds_thai_and_japanese_names():
    terms = terms_for_text("Cà phê Robusta rang xay")
    assert "กาแฟ" in terms and "コーヒー" in terms and "coffee" in terms


def test_thai_jasmine_rice_finds_the_english_name():
    terms = terms_for_text("ข้าวหอมมะลิ 100%")
    assert "jasmine rice" in terms or "rice" in terms


@pytest.mark.parametrize(
    "text",
    [
        "",
        "We are a family business founded in 1998. Contact us for a quotation.",
        "Chúng tôi cung cấp thông tin về hợp đồng và giấy phép.",  # tin, đồng, giấy
        "ນຳເຂົ້າ ແລະ ສົ່ງອອກ",  # Lao import/export: ເຂົ້າ is also rice
        "สีน้ำตาล ผลไม้สด สนใจไหม",  # brown, fruit, question particle
        "បច្ចេកទេស",  # Khmer "technical": ចេក (banana) after a coeng
        "ဆားကစ် စကား",  # Myanmar circuit, speech
        "メカニズム",  # カニ (crab) inside a loanword
        "Giao cả hộp cho khách",  # not "cá hộp"
        "珍珠奶茶 ข้าวของเครื่องใช้",  # stop phrases: bubble tea, belongings
        "Top search engines for the sake of it",
    ],
)
def test_texts_without_goods_return_nothing(text):
    assert terms_for_text(text) == []


def test_latin_matching_is_case_and_diacritic_insensitive_on_word_boundaries():
    assert "กาแฟ" in terms_for_text("CA PHE sua da")
    assert "กาแฟ" in terms_for_text("ca phê")
    assert "coffee" in terms_for_text("KOPI LUWAK")
    assert terms_for_text("kopikopi") == []
    assert "코코넛" in terms_for_text("desiccated-coconut and COCONUTS")


def test_returns_every_language_of_a_matched_good():
    terms = terms_for_text("Thai silk scarves")  # "silk" (and hijab via "scarves")
    silk = next(e for e in entries() if e.key == "silk")
    assert set(silk.all_terms()) <= set(terms)
    assert len(terms) == len(set(terms))


def test_a_good_inside_a_longer_good_is_not_matched_separately():
    pepper = terms_for_text("พริกไทยดำ")  # black pepper contains พริก (chili)
    assert "black pepper" in pepper and "chili" not in pepper
    gloves = terms_for_text("nitrile rubber gloves")
    assert "rubber gloves" in gloves and "natural rubber" not in gloves
    assert "chili" in terms_for_text("พริกไทยดำ และ พริกแห้ง")


def test_substring_matching_in_unspaced_scripts():
    assert "coffee" in terms_for_text("ขายส่งกาแฟคั่วบดจากเชียงราย")
    assert "durian" in terms_for_text("越南榴莲冷冻果肉")
    assert "vacuum flask" in terms_for_text("不鏽鋼保溫杯批發")
    assert "ginseng" in terms_for_text("6년근 고려인삼을 수출합니다")
    assert "natural rubber" in terms_for_text("ကျွန်ုပ်တို့သည် ရော်ဘာ တင်ပို့သည်")
    assert "cashew" in terms_for_text("គ្រាប់ស្វាយចន្ទីកម្ពុជា")
    assert "glutinous rice" in terms_for_text("ເຂົ້າໜຽວລາວ")


def test_terms_for_heading():
    coffee = terms_for_heading("0901")
    assert "coffee" in coffee and "กาแฟ" in coffee and "coffee beans" in coffee
    assert terms_for_heading("0901.21") == coffee == terms_for_heading("090121")
    assert terms_for_heading("9999") == []
    assert terms_for_heading("") == []


def test_goods_found_after_a_kilobyte_of_unrelated_text():
    """Each good is found at the end of 1 kB of filler (timing belongs to benchmarks)."""
    filler = (
        "Công ty chúng tôi chuyên sản xuất và xuất khẩu với chất lượng cao. "
        "บริษัทของเราผลิตและส่งออกสินค้าคุณภาพสูง 我们公司是专业的生产和出口企业。"
        "We ship worldwide, OEM welcome. "
    )
    goods = ["cà phê", "ยางพารา", "保溫杯", "batik", "ស្វាយចន្ទី", "고려인삼", "ငရုတ်ကောင်း"]
    docs = [(filler * 4)[:1000] + goods[i % len(goods)] for i in range(200)]
    for doc in docs:
        assert terms_for_text(doc)


def test_glossary_modules_import_only_the_standard_library():
    own = {"exportnet.search.glossary_index"}
    for module in (glossary, glossary_index):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        imported = {
            name
            for node in ast.walk(tree)
            for name in (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
        }
        stdlib = {"__future__", "re", "unicodedata", "dataclasses", "functools", "pathlib"}
        assert {n.split(".")[0] for n in imported - own} <= {*stdlib, "collections"}, module
