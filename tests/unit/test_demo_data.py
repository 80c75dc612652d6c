"""The demo catalog files: counts, codes, and texts in the right language and script."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from babel.numbers import list_currencies

from exportnet.catalog.terms import INCOTERMS, PERIOD_LABELS, TITLE_MAX, UNIT_LABELS, Status
from exportnet.companies.models import EMPLOYEE_RANGES
from exportnet.demo.catalog import (
    ECONOMY_LANGUAGES,
    demo_exporter_company,
    economy_files,
    original_language,
)
from exportnet.i18n.locales import LOCALE_CODES
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy, member_economies

FILES = economy_files()
COMPANIES = [(data["economy"], data, company) for data in FILES for company in data["companies"]]
PRODUCTS = [
    (economy, data, company, product)
    for economy, data, company in COMPANIES
    for product in company["products"]
]
SCRIPTS = {  # a language's texts must use its script
    "th": "\u0e00-\u0e7f",
    "lo": "\u0e80-\u0eff",
    "km": "\u1780-\u17ff",
    "my": "\u1000-\u109f",
    "ko": "\uac00-\ud7af",
    "ja": "\u3040-\u30ff",  # kana: Japanese, not Chinese
    "zh_Hans": "\u4e00-\u9fff",
    "zh_Hant": "\u4e00-\u9fff",
}
NOT_LATIN = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
VIETNAMESE = re.compile("[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
FILIPINO_WORDS = re.compile(r"\b(ng|sa|ang|mga|na|at)\b")
ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|for|in|to|a)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9]|\s*$)")


def product_id(item) -> str:
    economy, _data, company, product = item
    return f"{economy}:{company['name']}:{product['text']['en'][0]}"


def test_counts_cover_all_thirteen_economies():
    economies = [data["economy"] for data in FILES]
    assert sorted(economies) == sorted(member_economies())
    assert len(COMPANIES) >= 80
    assert len(PRODUCTS) >= 400
    for data in FILES:
        assert len(data["companies"]) >= 6, data["economy"]
        assert sum(len(c["products"]) for c in data["companies"]) >= 25, data["economy"]


def test_every_language_version_and_draft_share():
    third = [p for *_, p in PRODUCTS if len(p["text"]) > 2]
    assert len(third) >= len(PRODUCTS) // 5, "about a quarter should have a third language"
    drafts = [p for *_, p in PRODUCTS if p.get("status") == Status.DRAFT.value]
    assert 5 <= len(drafts) <= len(PRODUCTS) // 10


def test_demo_exporter_company_is_in_the_catalog_with_listings():
    name, economy = demo_exporter_company()
    matches = [c for e, _d, c in COMPANIES if e == economy and c["name"] == name]
    assert len(matches) == 1 and matches[0]["products"]


@pytest.mark.parametrize("item", COMPANIES, ids=lambda c: f"{c[0]}:{c[2]['name']}")
def test_company_profile(item):
    economy, data, company = item
    assert is_valid_economy(economy)
    lang = original_language(company["description"])
    assert lang in ECONOMY_LANGUAGES[economy] and data["language"] in ECONOMY_LANGUAGES[economy]
    assert "en" in company["description"]
    for text_lang, text in company["description"].items():
        assert text_lang in LOCALE_CODES
        check_language(text_lang, text)
    assert 1850 <= company["founded"] <= 2026
    assert company["employees"] in EMPLOYEE_RANGES
    url = urlsplit(company["website"])
    assert url.scheme == "https" and url.hostname.endswith(".example")
    assert company["industries"] and all(hs.is_valid_code(c) for c in company["industries"])
    assert all(is_valid_economy(code) and code != economy for code in company["markets"])
    assert all(name and issuer for name, issuer in company["certifications"])
    chapters = {product["hs"][:2] for product in company["products"]}
    assert chapters <= set(company["industries"]), "industries should cover the listings"


def test_company_names_and_websites_are_unique():
    names = [c["name"] for *_, c in COMPANIES]
    sites = [c["website"] for *_, c in COMPANIES]
    assert len(set(names)) == len(names) and len(set(sites)) == len(sites)


@pytest.mark.parametrize("item", PRODUCTS, ids=product_id)
def test_product_terms(item):
    _economy, _data, _company, product = item
    code = product["hs"]
    assert len(code) == 4 and hs.is_valid_code(code)
    low, high, currency = product["price"]
    assert 0 < Decimal(str(low)) <= Decimal(str(high))
    assert Decimal(str(low)).as_tuple().exponent >= -2, "prices are stored with 2 decimals"
    assert currency in list_currencies()
    moq, unit = product["moq"]
    assert moq > 0 and unit in UNIT_LABELS
    supply, supply_unit, period = product["supply"]
    assert supply > 0 and supply_unit in UNIT_LABELS and period in PERIOD_LABELS
    incoterm, place = product["incoterm"]
    assert incoterm in INCOTERMS and 0 < len(place) <= 120 and 0 < len(product["port"]) <= 120
    assert len(product.get("certs", "")) <= 2000
    assert 0 < product["lead_days"] <= 180
    assert product.get("status", Status.PUBLISHED.value) in {s.value for s in Status}


@pytest.mark.parametrize("item", PRODUCTS, ids=product_id)
def test_product_texts(item):
    economy, _data, _company, product = item
    texts = product["text"]
    assert original_language(texts) in ECONOMY_LANGUAGES[economy]
    assert "en" in texts
    for text_lang, (title, description, keywords) in texts.items():
        assert text_lang in LOCALE_CODES
        assert 0 < len(title) < min(120, TITLE_MAX)
        assert 0 < len(description) <= 10_000 and 0 < len(keywords) <= 500
        check_language(text_lang, title, is_title=True)
        check_language(text_lang, description)
    sentences = len(SENTENCE_END.findall(texts["en"][1]))
    assert 2 <= sentences <= 5, texts["en"][1]


def check_language(lang: str, text: str, is_title: bool = False) -> None:
    """The text is written in `lang`: its script, or for Latin languages, its letters."""
    assert unicodedata.is_normalized("NFC", text)
    if lang in SCRIPTS:
        script = SCRIPTS[lang]
        if lang == "ja" and is_title:  # a title may be all kanji, e.g. 柳刃包丁 270mm
            script += SCRIPTS["zh_Hans"]
        assert re.search(f"[{script}]", text), f"{lang} text without its script: {text}"
        if lang.startswith("zh"):
            assert not re.search("[\u3040-\u30ff\uac00-\ud7af]", text), text
        return
    assert not NOT_LATIN.search(text), f"{lang} text in a non-Latin script: {text}"
    if lang == "vi":
        words = re.findall(r"\w+", text)
        marked = [w for w in words if VIETNAMESE.search(w)]
        assert len(marked) >= max(1, len(words) // 5), f"Vietnamese without tone marks: {text}"
    elif lang != "vi":
        assert not VIETNAMESE.search(text.replace("é", "")), f"{lang} text with Vietnamese: {text}"
    if lang == "en" and len(text) > 80:
        assert ENGLISH_WORDS.search(text), text
    if lang == "fil" and len(text) > 80:
        assert FILIPINO_WORDS.search(text), text
