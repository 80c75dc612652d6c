"""The taxonomy: HS 2022 sections, chapters and headings, and the economies."""

from __future__ import annotations

import icu
import pytest
from flask import Flask

from exportnet.taxonomy import economies, hs

ROMAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
    "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI",
]  # fmt: skip
CHAPTERS = [f"{n:02d}" for n in range(1, 98) if n != 77]
# (kind, code, locale) whose name may legitimately equal the English one. None so far.
SAME_AS_ENGLISH: set[tuple[str, str, str]] = set()
# Characters each locale's names must use (a guard against pasting English or another
# language's text into the wrong column).
HAN = (0x4E00, 0x9FFF)
SCRIPTS = {
    "ko": [(0xAC00, 0xD7AF)],
    "ja": [(0x3040, 0x30FF), HAN],
    "zh_Hans": [HAN],
    "zh_Hant": [HAN],
    "th": [(0x0E00, 0x0E7F)],
    "km": [(0x1780, 0x17FF)],
    "lo": [(0x0E80, 0x0EFF)],
    "my": [(0x1000, 0x109F)],
}


def test_locales_are_the_ui_locales() -> None:
    from exportnet.i18n.locales import LOCALE_CODES

    assert len(hs.LOCALES) == 13
    assert set(hs.LOCALES) == set(LOCALE_CODES)


def test_21_sections_in_order_covering_every_chapter() -> None:
    sections = hs.sections()
    assert [s.code for s in sections] == ROMAN
    assert [s.number for s in sections] == list(range(1, 22))
    covered = [c.code for s in sections for c in hs.chapters(s.code)]
    assert covered == CHAPTERS
    assert sections[0].first_chapter == "01" and sections[-1].last_chapter == "97"


def test_96_chapters_without_reserved_77() -> None:
    assert [c.code for c in hs.chapters()] == CHAPTERS
    assert hs.RESERVED_CHAPTERS == ("77",)
    assert hs.chapter("77") is None
    assert not hs.is_valid_code("77")
    assert hs.headings("77") == []


def test_all_hs_2022_headings() -> None:
    headings = hs.headings()
    assert hs.HS_VERSION == "HS 2022"
    assert 1220 <= len(headings) <= 1230
    assert len({h.code for h in headings}) == len(headings)
    assert {h.chapter for h in headings} == set(CHAPTERS)
    assert sum(len(hs.headings(c)) for c in CHAPTERS) == len(headings)
    for code, word in [
        ("0901", "coffee"),
        ("1006", "rice"),
        ("0904", "pepper"),
        ("0801", "cashew"),
        ("4001", "natural rubber"),
        ("8211", "knives"),
        ("6304", "furnishing"),
        ("9403", "furniture"),
        ("8549", "electronic waste"),  # new in HS 2022
        ("2404", "nicotine"),  # new in HS 2022
    ]:
        found = hs.heading(code)
        assert found is not None, code
        assert word in found.name_en.lower(), code
        assert found.chapter == code[:2]
        assert hs.is_valid_code(code)
    assert hs.heading("0900") is None
    assert hs.heading("8520") is None  # deleted in HS 2017


@pytest.mark.parametrize("kind", ["section", "chapter"])
def test_names_in_every_locale(kind: str) -> None:
    nodes = hs.sections() if kind == "section" else hs.chapters()
    for node in nodes:
        english = node.names["en"]
        assert english.strip()
        for locale in hs.LOCALES:
            text = node.names.get(locale, "")
            assert text.strip(), (kind, node.code, locale)
            assert text == text.strip(), (kind, node.code, locale)
            if locale != "en" and (kind, node.code, locale) not in SAME_AS_ENGLISH:
                assert text.casefold() != english.casefold(), (kind, node.code, locale)
            if locale in SCRIPTS:
                in_script = [lo <= ord(ch) <= hi for ch in text for lo, hi in SCRIPTS[locale]]
                assert any(in_script), (kind, node.code, locale)


def test_sample_translations() -> None:
    assert hs.name("09", "en") == "Coffee, tea, maté and spices"
    assert hs.name("09", "ja") == "コーヒー、茶、マテ及び香辛料"
    assert hs.name("09", "th") == "กาแฟ ชา ชามาเต และเครื่องเทศ"
    assert hs.name("09", "vi") == "Cà phê, chè, chè Paragoay và các loại gia vị"
    assert hs.name("II", "zh_Hans") == "植物产品"
    assert hs.name("II", "zh_Hant") == "植物產品"


@pytest.mark.parametrize(
    ("chapter", "section"), [("01", "I"), ("09", "II"), ("61", "XI"), ("85", "XVI"), ("94", "XX")]
)
def test_chapter_to_section(chapter: str, section: str) -> None:
    assert hs.section_for(chapter) == section
    found = hs.chapter(chapter)
    assert found is not None and found.section == section
    assert chapter in [c.code for c in hs.chapters(section)]


def test_paths_of_codes() -> None:
    assert hs.path_for("0901") == ("II", "09", "0901")
    assert hs.path_for("09") == ("II", "09", None)
    assert hs.path_for("09.01") == ("II", "09", "0901")
    assert hs.section_for("8517") == "XVI"
    assert hs.chapter_for("8517") == "85"
    for unknown in ("77", "7701", "0900", "", "xx"):
        with pytest.raises(KeyError):
            hs.path_for(unknown)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0901", "0901"),
        ("09.01", "0901"),
        (" 0901 ", "0901"),
        ("09", "09"),
        ("9", "09"),
        ("901", "0901"),  # leading zero lost in a spreadsheet
        ("0901.11", "0901"),
        ("0901 11 00", "0901"),
        (901, "0901"),
        ("", None),
        ("   ", None),
        (None, None),
        ("coffee", None),
        ("09a1", None),
        ("０９０１", None),  # full-width digits are not accepted silently
        ("12345678901", None),
    ],
)
def test_normalize_code(text: object, expected: str | None) -> None:
    assert hs.normalize_code(text) == expected  # type: ignore[arg-type]


def test_is_valid_code_takes_canonical_codes_only() -> None:
    assert hs.is_valid_code("09") and hs.is_valid_code("0901")
    for code in ("9", "09.01", " 09", "II", "090111", "", None, 9):
        assert not hs.is_valid_code(code)  # type: ignore[arg-type]


def test_section_lookup() -> None:
    found = hs.section("xvi")
    assert found is not None and found.code == "XVI"
    assert (found.first_chapter, found.last_chapter) == ("84", "85")
    assert hs.section("XXII") is None and hs.section(None) is None
    assert hs.chapters("XXII") == []


def test_name_falls_back_to_english() -> None:
    coffee = hs.heading("0901")
    assert coffee is not None
    assert hs.name("0901", "ko") == coffee.name_en
    assert hs.name("09", "xx") == hs.name("09", "en")
    assert hs.name("09", None) == hs.name("09", "en")
    assert hs.name("09", "ja_JP") == hs.name("09", "ja")
    assert hs.name("09", "zh-Hant-TW") == hs.name("09", "zh_Hant")
    assert hs.name("09", "zh") == hs.name("09", "zh_Hans")
    assert hs.name("7701", "en") == "7701"  # unknown codes show as given
    assert hs.label("09", "en") == "09 Coffee, tea, maté and spices"


def test_category_choices_are_grouped_by_section() -> None:
    groups = hs.category_choices("ko")
    assert len(groups) == 21
    label, options = groups[1]
    assert label == "II. " + hs.name("II", "ko")
    codes = [code for code, _ in options]
    assert codes[0] == "06" and "0901" in codes and "09" in codes
    assert codes.index("09") < codes.index("0901")
    assert dict(options)["09"] == "09 " + hs.name("09", "ko")
    assert dict(options)["0901"].startswith(hs.INDENT + "0901 ")
    total = sum(len(opts) for _, opts in groups)
    assert total == len(hs.chapters()) + len(hs.headings())
    chapters_only = hs.category_choices("en", with_headings=False)
    assert sum(len(opts) for _, opts in chapters_only) == 96


def test_all_names_cover_every_language_and_level() -> None:
    names = hs.all_names("0901")
    heading = hs.heading("0901")
    assert heading is not None and heading.name_en in names
    for locale in hs.LOCALES:
        assert hs.name("09", locale) in names
        assert hs.name("II", locale) in names
    assert len(names) == len(set(names))
    assert set(hs.all_names("09")) < set(names)
    assert hs.all_names("7701") == [] and hs.all_names(None) == []


# Economies


def test_member_economies_default() -> None:
    assert economies.MEMBER_ECONOMIES == (
        "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR",
    )  # fmt: skip
    assert economies.member_economies() == economies.MEMBER_ECONOMIES


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ("TH, vn ,JP", ("TH", "VN", "JP")),
        (["KR", "CN"], ("KR", "CN")),
        ("TH,XX,TH", ("TH",)),
        ("", economies.MEMBER_ECONOMIES),
    ],
)
def test_member_economies_from_config(configured: object, expected: tuple[str, ...]) -> None:
    app = Flask(__name__)
    app.config["MEMBER_ECONOMIES"] = configured
    with app.app_context():
        assert economies.member_economies() == expected


def test_valid_economies() -> None:
    assert economies.is_valid_economy("VN")
    assert economies.is_valid_economy("US") and economies.is_valid_economy("DE")
    for code in ("XX", "EU", "EZ", "UN", "QO", "ZZ", "XA", "IC", "vn", "VNM", "", None):
        assert not economies.is_valid_economy(code), code
    assert 245 <= len(economies.all_economies()) <= 255
    assert set(economies.MEMBER_ECONOMIES) <= economies.all_economies()


def test_economy_names_are_localised() -> None:
    assert economies.economy_name("VN", "ja") == "ベトナム"
    assert economies.economy_name("VN", "en") == "Vietnam"
    assert economies.economy_name("vn", "zh_Hans") == "越南"
    assert economies.economy_name("KH", "km") == "កម្ពុជា"
    assert economies.economy_name("VN", "no_such_locale") == "Vietnam"
    assert economies.economy_name("XX", "en") == "XX"


def test_economy_choices_use_locale_collation() -> None:
    for locale in ("en", "ja", "th", "zh_Hans", "ko", "vi"):
        choices = economies.economy_choices(locale, economies.MEMBER_ECONOMIES)
        assert {code for code, _ in choices} == set(economies.MEMBER_ECONOMIES)
        names = [name for _, name in choices]
        collator = icu.Collator.createInstance(icu.Locale(locale))
        assert names == sorted(names, key=collator.getSortKey)
    # Collation, not code points: "Åland Islands" sorts with the A's.
    english = economies.economy_choices("en", ["AZ", "AX", "AT"])
    assert [code for code, _ in english] == ["AX", "AT", "AZ"]
    # Pinyin order in simplified Chinese: 菲律宾 (fēi) ... 中国 (zhōng).
    chinese = [code for code, _ in economies.economy_choices("zh_Hans", ["CN", "PH", "TH"])]
    assert chinese == ["PH", "TH", "CN"]
    assert economies.economy_choices("en", ["XX", "EU", "VN"]) == [("VN", "Vietnam")]
    everything = economies.economy_choices("en")
    assert len(everything) == len(economies.all_economies())
