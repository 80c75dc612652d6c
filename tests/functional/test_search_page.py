import re

import pytest

from exportnet.catalog.models import Product
from exportnet.catalog.services import ListingTerms, update_product
from exportnet.extensions import db
from tests.functional.search_fixtures import create_listings


@pytest.fixture
def listings(app):
    return create_listings(app)


def titles(response) -> list[str]:
    html = response.get_data(as_text=True)
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<h3><a [^>]*>(.*?)</a>", html)]


@pytest.mark.parametrize(
    ("locale", "query", "expected"),
    [
        ("ja", "コーヒー", "Cà phê Robusta rang xay"),  # glossary: Japanese finds Vietnamese
        ("th", "กาแฟ", "Kopi Arabika Toraja"),  # Thai word for coffee finds Indonesian kopi
        ("en", "ca phe", "Cà phê Robusta rang xay"),  # diacritics folded
        ("en", "rice", "Thai jasmine rice"),
        ("ja", "刀", "菜刀 ステンレス"),  # one character inside a word
        ("ko", "칼", "주방칼 세트"),
        ("zh-hant", "保溫杯", "不锈钢保温杯 500ml"),  # Traditional finds Simplified
        ("en", "knives", "菜刀 ステンレス"),  # HS heading name: knives, stemmed
        ("vi", "Nhật Bản", "菜刀 ステンレス"),  # economy name in Vietnamese
    ],
)
def test_queries_in_one_language_find_listings_in_another(
    client, listings, locale, query, expected
):
    response = client.get(f"/{locale}/search", query_string={"q": query})
    assert response.status_code == 200
    assert expected in titles(response)


def test_reader_sees_title_in_own_language_when_translated(client, listings):
    assert "Thai jasmine rice" in titles(client.get("/en/search?q=ข้าวหอมมะลิ"))
    assert "ข้าวหอมมะลิ 100%" in titles(client.get("/ja/search?q=ข้าวหอมมะลิ"))


def test_京都_does_not_find_東京都(app, client):
    from exportnet.catalog.services import ListingText, create_product
    from exportnet.companies.services import CompanyProfile, create_company

    with app.app_context():
        company = create_company(CompanyProfile(name="Edo Ceramics", economy="JP"))
        create_product(
            company,
            ListingTerms(hs_code="6912", status="published"),
            "ja",
            ListingText("東京都の陶器", "東京都で作った器"),
        )
    assert titles(client.get("/ja/search?q=京都")) == []
    assert titles(client.get("/ja/search?q=東京")) == ["東京都の陶器"]


def test_filters_and_facets_combine_with_a_query_and_browse(client, listings):
    html = client.get("/en/search?q=coffee").get_data(as_text=True)
    assert "Viet Nam" in html or "Vietnam" in html
    filtered = client.get("/en/search?q=coffee&economy=ID")
    assert titles(filtered) == ["Kopi Arabika Toraja"]
    browse = client.get("/en/search?chapter=82")
    assert sorted(titles(browse)) == ["菜刀 ステンレス", "주방칼 세트"]
    everything = client.get("/en/search")
    assert len(titles(everything)) == 12  # six products and their six companies
    assert "12 listings" in everything.get_data(as_text=True)
    assert len(titles(client.get("/en/search?kind=product"))) == 6
    kinds = client.get("/en/search?kind=company").get_data(as_text=True)
    assert "Seki Cutlery" in kinds and "Cà phê Robusta" not in kinds


def test_newest_sort_and_paging(client, app, listings):
    newest = titles(client.get("/en/search?sort=newest"))
    assert newest[0] == "Kopi Arabika Toraja"
    with app.app_context():
        from tests.functional.search_fixtures import create_listings as again

        for _ in range(4):
            again(app)
    first = client.get("/en/search?kind=product").get_data(as_text=True)
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get("/en/search?kind=product&page=2")
    assert len(titles(second)) == 10


def test_unpublishing_removes_a_listing_at_once(client, app, listings):
    product_id = listings["Cà phê Robusta rang xay"]
    assert "Cà phê Robusta rang xay" in titles(client.get("/en/search?q=robusta"))
    with app.app_context():
        product = db.session.get(Product, product_id)
        update_product(product, ListingTerms(hs_code="0901", status="archived"))
    assert "Cà phê Robusta rang xay" not in titles(client.get("/en/search?q=robusta"))


def test_drafts_are_never_found(app, client):
    create_listings(app, published=False)
    assert titles(client.get("/en/search?kind=product")) == []
    assert titles(client.get("/en/search?q=robusta")) == []


@pytest.mark.parametrize(
    "query",
    [
        "*",
        "?*?*?*",
        "lang:fr",
        '"unbalanced',
        "[a TO z]",
        "x" * 10_000,
        "\x00\x01\x1b[31m",
        "title:(a OR b)",
        "AND OR NOT",
        ")(",
        "%00",
        "'; DROP TABLE products;--",
    ],
)
def test_hostile_input_gets_a_page_not_an_error(client, listings, query):
    response = client.get("/en/search", query_string={"q": query})
    assert response.status_code == 200
    assert "<h1>Search the catalog</h1>" in response.get_data(as_text=True)


def test_highlights_escape_the_text(app, client):
    from exportnet.catalog.services import ListingText, create_product
    from exportnet.companies.services import CompanyProfile, create_company

    with app.app_context():
        company = create_company(CompanyProfile(name="Tricky", economy="SG"))
        create_product(
            company,
            ListingTerms(hs_code="2106", status="published"),
            "en",
            ListingText("Pepper <script>alert(1)</script> sauce", "Hot <b>pepper</b> sauce"),
        )
    html = client.get("/en/search?q=pepper").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "<mark>Pepper</mark> &lt;script&gt;" in html


def test_did_you_mean_for_a_misspelled_latin_query(client, listings):
    html = client.get("/en/search?q=jasmin+ryce").get_data(as_text=True)
    assert "Did you mean" in html and "rice" in html


def test_malformed_filters_are_ignored(client, listings):
    response = client.get("/en/search?economy=ZZZ&section=XCIX&chapter=999&page=-4&sort=evil")
    assert response.status_code == 200
    assert len(titles(response)) == 12


def test_kept_pages_are_shared_by_anonymous_readers_only(client, app, listings, login_as):
    anonymous = client.get("/en/search?q=robusta").get_data(as_text=True)
    assert "Log out" not in anonymous
    login_as()
    member = client.get("/en/search?q=robusta")
    assert "Log out" in member.get_data(as_text=True)  # not the page kept for anonymous
    assert "Cà phê Robusta rang xay" in titles(member)
    client.delete_cookie("session")  # signed out
    client.delete_cookie("remember_token")
    assert "Log out" not in client.get("/en/search?q=robusta").get_data(as_text=True)


def test_hiding_a_company_changes_a_page_seen_before(client, app, listings):
    from exportnet.companies.services import set_company_hidden

    assert "Cà phê Robusta rang xay" in titles(client.get("/en/search?q=robusta"))
    with app.app_context():
        product = db.session.get(Product, listings["Cà phê Robusta rang xay"])
        set_company_hidden(product.company_id, True)
    assert "Cà phê Robusta rang xay" not in titles(client.get("/en/search?q=robusta"))


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"q": "cà phê sữa đá", "economy": "VN"},
        {"q": "コーヒー 100% & <tea>", "section": "II", "page": 3, "sort": "newest"},
        {"q": "a+b/c?d=e#f;g'h(i)*j", "verified": "1"},
    ],
)
def test_facet_links_are_the_urls_url_for_builds(app, args):
    from flask import url_for

    from exportnet.search.page import search_url

    with app.test_request_context("/ja/search"):
        app.preprocess_request()
        assert search_url(url_for("search.results"), args) == url_for("search.results", **args)
