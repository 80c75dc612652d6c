"""`GET /api/v1/search`: the page's index as JSON; writes are searchable on return."""

from __future__ import annotations

import pytest

from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.timeutil import utcnow
from tests.functional.search_fixtures import create_listings
from tests.functional.test_api_support import (
    error_of,
    exporter_with_token,
    make_post,
    notice_body,
    product_body,
)


@pytest.fixture
def listings(app):
    return create_listings(app)


def search(client, **params):
    response = client.get("/api/v1/search", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_result_shape(client, listings):
    body = search(client, q="coffee", kind="product")
    assert set(body) >= {"total", "page", "items", "facets"}
    assert body["page"] == 1 and body["total"] == 2
    item = body["items"][0]
    assert set(item) >= {"kind", "id", "title", "snippet", "language", "economy", "category",
                         "url"}  # fmt: skip
    assert item["kind"] == "product" and isinstance(item["id"], int)
    assert item["url"].startswith("http://localhost/en/products/")
    assert set(body["facets"]) == {"kind", "economy", "category", "verified"}
    assert body["facets"]["economy"] == {"VN": 1, "ID": 1}
    assert body["facets"]["category"] == {"09": 2}


def test_lang_picks_the_display_language_with_the_pages_fallback(client, listings):
    english = search(client, q="ข้าวหอมมะลิ", lang="en")["items"][0]
    assert english["title"] == "Thai jasmine rice" and english["language"] == "en"
    japanese = search(client, q="ข้าวหอมมะลิ", lang="ja")["items"][0]
    assert japanese["title"] == "ข้าวหอมมะลิ 100%" and japanese["language"] == "th"
    assert japanese["url"].startswith("http://localhost/ja/products/")
    hant = search(client, q="rice", lang="zh-Hant")["items"][0]
    assert hant["url"].startswith("http://localhost/zh-hant/products/")


def test_accept_language_is_the_default_display_language(client, listings):
    response = client.get("/api/v1/search?q=rice", headers={"Accept-Language": "en-GB,th;q=0.5"})
    assert response.get_json()["items"][0]["title"] == "Thai jasmine rice"
    response = client.get("/api/v1/search?q=rice", headers={"Accept-Language": "th"})
    assert response.get_json()["items"][0]["title"] == "ข้าวหอมมะลิ 100%"


def test_snippets_and_titles_are_plain_text(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    client.post(
        "/api/v1/products",
        json=product_body(language="en", title="Pepper <b>black</b> & white",
                          description="Kampot pepper <script>x</script> & more", translations={}),
        headers=headers,
    )  # fmt: skip
    item = search(client, q="pepper")["items"][0]
    assert item["title"] == "Pepper <b>black</b> & white"  # the text itself, not markup
    assert "<mark>" not in item["snippet"] and "&amp;" not in item["snippet"]
    assert item["snippet"].startswith("Kampot pepper")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "09"}, {"Cà phê Robusta rang xay", "Kopi Arabika Toraja"}),
        ({"category": "0901"}, {"Cà phê Robusta rang xay", "Kopi Arabika Toraja"}),
        ({"category": "II"}, {"Cà phê Robusta rang xay", "Kopi Arabika Toraja",
                              "Thai jasmine rice"}),
        ({"category": "ii", "economy": "th"}, {"Thai jasmine rice"}),
        ({"economy": "JP"}, {"菜刀 ステンレス"}),
        ({"q": "coffee", "economy": "VN"}, {"Cà phê Robusta rang xay"}),
    ],
)  # fmt: skip
def test_filters(client, listings, params, expected):
    body = search(client, kind="product", lang="en", **params)
    assert {item["title"] for item in body["items"]} == expected
    assert body["total"] == len(expected)


def test_kind_and_verified_filters_and_facets(app, client, listings):
    with app.app_context():
        company = db.session.scalar(db.select(Company).where(Company.name == "Toraja Kopi"))
        company.verified_at = utcnow()
        db.session.commit()
    everything = search(client, q="toraja")
    assert everything["facets"]["kind"] == {"product": 1, "company": 1}
    companies = search(client, q="toraja", kind="company")
    assert [item["kind"] for item in companies["items"]] == ["company"]
    assert companies["items"][0]["title"] == "Toraja Kopi"
    verified = search(client, verified="true", kind="product")
    assert [item["title"] for item in verified["items"]] == ["Kopi Arabika Toraja"]
    assert verified["items"][0]["verified"] is True
    assert search(client, kind="product")["facets"]["verified"] == {"true": 1, "false": 5}
    assert search(client, verified="0", kind="product")["total"] == 5


def test_paging_and_its_limits(client, listings):
    first = search(client, kind="product", per_page=4)
    second = search(client, kind="product", per_page=4, page=2)
    assert first["total"] == 6 and len(first["items"]) == 4 and len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert search(client, per_page=100)["per_page"] == 100
    for bad in ({"per_page": 101}, {"per_page": 0}, {"page": 501}, {"page": "x"},
                {"kind": "nope"}, {"economy": "XX"}, {"category": "123"},
                {"verified": "maybe"}, {"lang": "klingon"}, {"sort": "price"}):  # fmt: skip
        response = client.get("/api/v1/search", query_string=bad)
        assert response.status_code == 422, bad
        assert set(error_of(response)["fields"]) == set(bad)


def test_hostile_query_text_gives_results_not_errors(client, listings):
    for text in ('"', "AND OR NOT", "title:x*", "((((", "\x00\u202e", "a" * 5000, "*?~^"):
        assert client.get("/api/v1/search", query_string={"q": text}).status_code == 200


def test_a_write_is_searchable_as_soon_as_it_returns(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    created = client.post(
        "/api/v1/products",
        json=product_body(language="en", title="Durian chips", translations={}),
        headers=headers,
    )
    assert created.status_code == 201
    product_id = created.get_json()["id"]
    found = search(client, q="durian")["items"]
    assert [(i["kind"], i["id"]) for i in found] == [("product", product_id)]

    client.patch(f"/api/v1/products/{product_id}", json={"title": "Jackfruit chips"},
                 headers=headers)  # fmt: skip
    assert search(client, q="durian")["total"] == 0
    assert search(client, q="jackfruit")["total"] == 1

    client.patch(f"/api/v1/products/{product_id}", json={"status": "draft"}, headers=headers)
    assert search(client, q="jackfruit")["total"] == 0
    client.patch(f"/api/v1/products/{product_id}", json={"status": "published"}, headers=headers)
    assert search(client, q="jackfruit")["total"] == 1

    assert client.delete(f"/api/v1/products/{product_id}", headers=headers).status_code == 204
    assert search(client, q="jackfruit")["total"] == 0


def test_a_company_change_is_searchable_as_soon_as_it_returns(app, client, make_user):
    user, headers = exporter_with_token(app, make_user)
    response = client.patch(
        f"/api/v1/companies/{user.company_id}",
        json={"description": "Cashew processing in Binh Phuoc"},
        headers=headers,
    )
    assert response.status_code == 200
    found = search(client, q="cashew", kind="company")["items"]
    assert [i["id"] for i in found] == [user.company_id]


def test_notices_and_posts_are_found_with_their_kind(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    created = client.post(
        "/api/v1/notices",
        json=notice_body(title="Rambutan selling offer", body="Fresh rambutan, 10 t a week"),
        headers=headers,
    )
    assert created.status_code == 201
    notice_id = created.get_json()["id"]
    found = search(client, q="rambutan", lang="th")["items"]
    assert [(i["kind"], i["id"]) for i in found] == [("notice", notice_id)]
    assert found[0]["url"] == f"http://localhost/th/notices/{notice_id}"
    assert found[0]["language"] == "en" and found[0]["economy"] == "VN"

    post_id = make_post(app, make_user, "Durian export rules to China")
    posts = search(client, q="durian", kind="post")
    assert [(i["kind"], i["id"]) for i in posts["items"]] == [("post", post_id)]
    assert "<" not in posts["items"][0]["snippet"]  # Markdown/HTML-free plain text

    client.delete(f"/api/v1/notices/{notice_id}", headers=headers)
    assert search(client, q="rambutan")["total"] == 0
