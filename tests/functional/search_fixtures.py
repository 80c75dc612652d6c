"""Listings in several languages, created through the catalog services."""

from __future__ import annotations

from exportnet.catalog.services import ListingTerms, ListingText, create_product, set_translation
from exportnet.companies.services import CompanyProfile, create_company

LISTINGS = [
    # (economy, company, language, hs, title, description, extra translations)
    (
        "VN",
        "Cao Nguyên Coffee",
        "vi",
        "0901",
        "Cà phê Robusta rang xay",
        "Cà phê Robusta Đắk Lắk rang xay, đóng gói 500 g.",
        {},
    ),
    (
        "TH",
        "Siam Jasmine Rice",
        "th",
        "1006",
        "ข้าวหอมมะลิ 100%",
        "ข้าวหอมมะลิไทยคุณภาพส่งออก บรรจุถุง 25 กก.",
        {"en": ("Thai jasmine rice", "Export grade.")},
    ),
    ("JP", "Seki Cutlery", "ja", "8211", "菜刀 ステンレス", "関の職人による菜刀。業務用。", {}),
    ("KR", "Hansik Kitchen", "ko", "8211", "주방칼 세트", "스테인리스 주방칼 3종 세트.", {}),
    (
        "CN",
        "Ningbo Drinkware",
        "zh_Hans",
        "9617",
        "不锈钢保温杯 500ml",
        "双层真空保温杯，可定制标志。",
        {},
    ),
    (
        "ID",
        "Toraja Kopi",
        "id",
        "0901",
        "Kopi Arabika Toraja",
        "Biji kopi arabika dari Tana Toraja, sangrai medium.",
        {},
    ),
]


def create_listings(app, published: bool = True) -> dict[str, int]:
    """Returns {title: product id}."""
    ids = {}
    with app.app_context():
        for economy, company_name, lang, code, title, body, extra in LISTINGS:
            company = create_company(
                CompanyProfile(name=company_name, economy=economy, original_language=lang)
            )
            product = create_product(
                company,
                ListingTerms(hs_code=code, status="published" if published else "draft"),
                lang,
                ListingText(title=title, description=body),
            )
            for other, (other_title, other_body) in extra.items():
                set_translation(product, other, ListingText(other_title, other_body))
            ids[title] = product.id
    return ids
