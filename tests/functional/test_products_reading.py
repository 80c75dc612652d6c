"""Reading and browsing listings: language fallback, facets, paging, what the public sees."""

from __future__ import annotations

import re

import pytest

from exportnet.catalog.services import ListingTerms, ListingText, create_product, set_translation
from exportnet.companies.models import Company
from exportnet.companies.services import set_company_hidden
from exportnet.extensions import db
from tests.conftest import log_in


@pytest.fixture
def listing(app, make_user):
    """listing(title, ...) -> product id, created through the service by a new exporter."""
    owners: dict[str, object] = {}

    def _listing(
        title="Robusta coffee",
        lang="en",
        hs_code="0901",
        status="published",
        economy="VN",
        translations=None,
        **terms,
    ):
        owner = owners.get(economy) or make_user("exporter", economy=economy)
        owners[economy] = owner
        with app.app_context():
            company = db.session.get(Company, owner.company_id)
            product = create_product(
                company,
                ListingTerms(hs_code=hs_code, status=status, **terms),
                lang,
                ListingText(title),
            )
            for code, text in (translations or {}).items():
                set_translation(product, code, ListingText(text))
            return product.id

    _listing.owners = owners
    return _listing


def titles(html: str) -> list[str]:
    return re.findall(r"<strong[^>]*>([^<]+)</strong>", html)


def test_japanese_reader_of_a_thai_listing_sees_thai_with_a_note(client, listing):
    product_id = listing(
        "ข้าวหอมมะลิ", lang="th", hs_code="1006", economy="TH", translations={"en": "Jasmine rice"}
    )
    page = client.get(f"/ja/products/{product_id}").get_data(as_text=True)
    assert '<h1 lang="th">ข้าวหอมมะลิ</h1>' in page
    assert "Jasmine rice" not in page
    note = page[page.index('class="lang-note"') :]
    note = note[: note.index("</div>")]
    assert "タイ語" in note  # the language shown, named in the reader's language
    assert f'href="/en/products/{product_id}" hreflang="en">英語</a>' in note
    assert f"/th/products/{product_id}" not in note

    english = client.get(f"/en/products/{product_id}").get_data(as_text=True)
    assert '<h1 lang="en">Jasmine rice</h1>' in english
    assert "Translated from Thai." in english
    assert f'href="/th/products/{product_id}" hreflang="th">Thai</a>' in english

    thai = client.get(f"/th/products/{product_id}").get_data(as_text=True)
    assert '<h1 lang="th">ข้าวหอมมะลิ</h1>' in thai
    assert "is not available" not in thai


def test_product_page_formats_money_dates_and_economies_for_the_reader(client, listing):
    from decimal import Decimal

    product_id = listing(
        price_min=Decimal("1250.5"), price_max=Decimal("1300"), currency="USD", incoterm="FOB"
    )
    english = client.get(f"/en/products/{product_id}").get_data(as_text=True)
    assert "$1,250.50" in english and "Vietnam" in english
    thai = client.get(f"/th/products/{product_id}").get_data(as_text=True)
    assert "US$1,250.50" in thai and "เวียดนาม" in thai
    assert "Contact supplier" in english and 'id="contact"' in english


def test_browse_by_section_chapter_and_economy_with_paging(client, listing):
    for i in range(23):
        listing(f"Coffee lot {i:02d}")
    listing("Jasmine rice", hs_code="1006")
    listing("Thai coffee", economy="TH")
    listing("Frozen shrimp", hs_code="0306")

    first = client.get("/en/products?section=II&chapter=09&economy=VN").get_data(as_text=True)
    assert "23 products" in first
    assert len(titles(first)) == 20
    assert "Page 1 of 2" in first
    assert 'href="/en/products?' in first and "page=2" in first
    second = client.get("/en/products?section=II&chapter=09&economy=VN&page=2").get_data(
        as_text=True
    )
    assert sorted(titles(second)) == ["Coffee lot 00", "Coffee lot 01", "Coffee lot 02"]
    assert "Thai coffee" not in second

    section = client.get("/en/products?section=II").get_data(as_text=True)
    assert "25 products" in section  # coffee and rice, not shrimp (section I)
    assert "Frozen shrimp" not in section
    thai = client.get("/en/products?economy=TH").get_data(as_text=True)
    assert titles(thai) == ["Thai coffee"]
    assert "Viet" in client.get("/en/products").get_data(as_text=True)
    # unknown filters are ignored, never a 500
    assert client.get("/en/products?section=ZZ&chapter=x&economy=!!&page=-3").status_code == 200
    assert client.get("/en/products?page=99999999999999999999999").status_code == 200


def test_categories_and_economy_pages(client, listing):
    listing("Robusta")
    listing("Jasmine rice", hs_code="1006", economy="TH")
    categories = client.get("/en/categories").get_data(as_text=True)
    assert 'href="/en/products?section=II"' in categories
    assert 'href="/en/products?chapter=09"' in categories
    economies = client.get("/th/economies").get_data(as_text=True)
    assert "ไทย" in economies and 'href="/th/economies/TH"' in economies
    economy = client.get("/en/economies/TH").get_data(as_text=True)
    assert titles(economy) == ["Jasmine rice"]
    assert client.get("/en/economies/th").status_code == 200
    assert client.get("/en/economies/00").status_code == 404


def test_drafts_and_archived_are_hidden_from_the_public(app, client, make_user, listing):
    published = listing("Published coffee")
    draft = listing("Draft coffee", status="draft")
    archived = listing("Archived coffee", status="archived")
    home = client.get("/en/").get_data(as_text=True)
    assert "Published coffee" in home
    assert "Draft coffee" not in home and "Archived coffee" not in home
    browse = client.get("/en/products").get_data(as_text=True)
    assert titles(browse) == ["Published coffee"]
    for product_id in (draft, archived):
        assert client.get(f"/en/products/{product_id}").status_code == 404
    log_in(client, make_user("exporter", company="Someone Else").email)
    assert client.get(f"/en/products/{draft}").status_code == 404

    owner_browser = app.test_client()
    log_in(owner_browser, listing.owners["VN"].email)
    draft_page = owner_browser.get(f"/en/products/{draft}").get_data(as_text=True)
    assert "Draft coffee" in draft_page and "Draft" in draft_page
    mine = owner_browser.get("/en/my/products").get_data(as_text=True)
    assert {"Published coffee", "Draft coffee", "Archived coffee"} <= set(titles(mine))

    admin_browser = app.test_client()
    log_in(admin_browser, make_user("admin").email)
    assert admin_browser.get(f"/en/products/{archived}").status_code == 200
    assert client.get(f"/en/products/{published}").status_code == 200


def test_products_of_a_hidden_company_disappear(app, client, listing):
    product_id = listing("Hidden coffee")
    with app.app_context():
        set_company_hidden(listing.owners["VN"].company_id, True)
    assert client.get(f"/en/products/{product_id}").status_code == 404
    assert "Hidden coffee" not in client.get("/en/").get_data(as_text=True)
    assert client.get(f"/en/companies/{listing.owners['VN'].company_id}").status_code == 404


def test_pages_are_light(client, listing):
    import gzip

    product_id = listing("Robusta")
    css = client.get("/static/css/site.css").data
    for url in (f"/en/products/{product_id}", "/en/products", "/en/categories"):
        html = client.get(url).data
        assert len(gzip.compress(html + css)) < 30_000, url
