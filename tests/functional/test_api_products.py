"""`/api/v1/products`: list, read, create, change and delete listings."""

from __future__ import annotations

from sqlalchemy import select

from exportnet.accounts.models import Role
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.services import CompanyProfile, create_company, set_company_hidden
from exportnet.extensions import db
from tests.functional.test_api_support import (
    bearer,
    count,
    error_of,
    exporter_with_token,
    product_body,
    token_for,
)


def add(app, name: str, economy: str, code: str, title: str, status: str = "published") -> int:
    with app.app_context():
        company = create_company(CompanyProfile(name=name, economy=economy))
        product = create_product(company, ListingTerms(hs_code=code, status=status), "en",
                                 ListingText(title, "text"))  # fmt: skip
        return product.id


def test_create_answers_201_with_id_url_and_the_listing(app, client, make_user):
    user, headers = exporter_with_token(app, make_user, economy="VN")
    response = client.post("/api/v1/products", json=product_body(), headers=headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body["url"] == f"http://localhost/en/products/{body['id']}"
    assert response.headers["Location"].endswith(f"/api/v1/products/{body['id']}")
    assert body["company"]["id"] == user.company_id
    assert (body["moq"], body["price_min"], body["price_max"]) == (100, 1.5, 2)
    assert body["category"] == "0901" and body["hs_chapter"] == "09"
    assert body["hs_section"] == "II" and body["economy"] == "VN"
    assert body["original_language"] == "th" and body["status"] == "published"
    assert set(body["translations"]) == {"th", "en"}
    assert body["title"] == "Roasted robusta coffee" and body["language"] == "en"
    thai = client.get(f"/api/v1/products/{body['id']}?lang=th").get_json()
    assert thai["title"] == "กาแฟโรบัสต้าคั่ว" and thai["url"].endswith(f"/th/products/{body['id']}")


def test_language_codes_and_bcp47_tags_are_accepted(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    body = product_body(
        language="zh-Hant",
        title="烏龍茶",
        category="0902",
        translations={"zh-Hans": {"title": "乌龙茶"}, "fil": {"title": "Tsaa"}},
    )
    response = client.post("/api/v1/products", json=body, headers=headers)  # fmt: skip
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["original_language"] == "zh_Hant"
    assert set(created["translations"]) == {"zh_Hant", "zh_Hans", "fil"}


def test_validation_reports_every_field(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    body = product_body(
        language="xx", title="x" * 201, category="9999", price_min=5, price_max=2,
        currency="ZZZ", incoterm="XYZ", moq=-1, moq_unit="bucket", lead_time_days=99999,
        status="sold", extra=1, translations={"en": {"title": ""}, "tlh": {"title": "x"}},
    )  # fmt: skip
    response = client.post("/api/v1/products", json=body, headers=headers)
    assert response.status_code == 422
    fields = error_of(response)["fields"]
    assert set(fields) == {
        "language", "title", "category", "currency", "incoterm", "moq", "moq_unit", "price_min",
        "lead_time_days", "status", "extra", "translations.en.title", "translations.tlh",
    }  # fmt: skip
    assert fields["title"] == "The title can have at most 200 characters."
    assert fields["category"].startswith("Unknown HS code")
    response = client.post("/api/v1/products", json=product_body(price_min=5, price_max=2),
                           headers=headers)  # fmt: skip
    assert error_of(response)["fields"] == {
        "price_min": "The minimum price cannot be higher than the maximum price."
    }
    response = client.post("/api/v1/products", json=product_body(currency=None), headers=headers)
    assert error_of(response)["fields"] == {"currency": "Give the currency of the price."}
    with app.app_context():
        assert count(Product) == 0


def test_list_shows_published_listings_of_visible_companies_with_filters(app, client):
    coffee = add(app, "Highland", "VN", "0901", "Robusta")
    tea = add(app, "Hill Tea", "MY", "0902", "Cameron tea")
    rice = add(app, "Siam Rice", "TH", "1006", "Jasmine rice")
    add(app, "Drafty", "VN", "0901", "Unfinished", status="draft")
    hidden = add(app, "Hidden Co", "VN", "0901", "Hidden coffee")
    with app.app_context():
        set_company_hidden(db.session.get(Product, hidden).company_id, True)

    def ids(**params):
        response = client.get("/api/v1/products", query_string=params)
        assert response.status_code == 200
        return {item["id"] for item in response.get_json()["items"]}

    assert ids() == {coffee, tea, rice}
    assert ids(economy="vn") == {coffee}
    assert ids(category="09") == {coffee, tea}
    assert ids(category="0902") == {tea}
    assert ids(category="II") == {coffee, tea, rice}
    with app.app_context():
        company_id = db.session.get(Product, rice).company_id
    assert ids(company=company_id) == {rice}
    page = client.get("/api/v1/products?per_page=2&page=2").get_json()
    assert page["total"] == 3 and page["page"] == 2 and page["per_page"] == 2
    assert len(page["items"]) == 1


def test_drafts_are_seen_by_their_owner_only(app, client, make_user):
    _owner, headers = exporter_with_token(app, make_user)
    created = client.post("/api/v1/products", json=product_body(status="draft"), headers=headers)
    product_id = created.get_json()["id"]
    assert client.get(f"/api/v1/products/{product_id}").status_code == 404
    _other, other_headers = exporter_with_token(app, make_user)
    assert client.get(f"/api/v1/products/{product_id}", headers=other_headers).status_code == 404
    owned = client.get(f"/api/v1/products/{product_id}", headers=headers)
    assert owned.status_code == 200 and owned.get_json()["status"] == "draft"


def test_patch_changes_given_fields_and_translations(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    product_id = client.post("/api/v1/products", json=product_body(), headers=headers).json["id"]
    response = client.patch(
        f"/api/v1/products/{product_id}",
        json={"price_max": 3, "title": "กาแฟคั่วเข้ม", "incoterm": "cif", "moq_unit": None,
              "translations": {"en": None, "vi": {"title": "Cà phê rang"},
                               "ja": {"title": "焙煎コーヒー", "keywords": "珈琲"}}},
        headers=headers,
    )  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["price_min"], body["price_max"], body["incoterm"]) == (1.5, 3, "CIF")
    assert body["moq_unit"] is None and body["moq"] == 100
    assert set(body["translations"]) == {"th", "vi", "ja"}
    assert body["translations"]["th"]["title"] == "กาแฟคั่วเข้ม"
    assert body["translations"]["th"]["description"] == "เมล็ดกาแฟโรบัสต้าคั่วกลาง"
    response = client.patch(f"/api/v1/products/{product_id}",
                            json={"translations": {"ja": {"description": "深煎り"}}},
                            headers=headers)  # fmt: skip
    assert response.get_json()["translations"]["ja"] == {
        "title": "焙煎コーヒー", "description": "深煎り", "keywords": "珈琲"}  # fmt: skip
    response = client.patch(f"/api/v1/products/{product_id}", json={"language": "en"},
                            headers=headers)  # fmt: skip
    assert response.status_code == 422 and "language" in error_of(response)["fields"]


def test_patch_refuses_an_invalid_change_and_keeps_the_listing(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    product_id = client.post("/api/v1/products", json=product_body(), headers=headers).json["id"]
    response = client.patch(f"/api/v1/products/{product_id}",
                            json={"price_min": 9, "translations": {"ko": {"title": ""}}},
                            headers=headers)  # fmt: skip
    assert response.status_code == 422
    assert set(error_of(response)["fields"]) == {"price_min", "translations.ko.title"}
    with app.app_context():
        assert float(db.session.get(Product, product_id).price_min) == 1.5
        langs = set(db.session.scalars(select(ProductTranslation.lang)))
        assert langs == {"th", "en"}


def test_others_cannot_patch_or_delete_and_get_404(app, client, make_user):
    _owner, headers = exporter_with_token(app, make_user)
    product_id = client.post("/api/v1/products", json=product_body(), headers=headers).json["id"]
    _other, other_headers = exporter_with_token(app, make_user)
    buyer_headers = bearer(token_for(app, make_user(Role.BUYER)))
    for h in (other_headers, buyer_headers):
        assert client.patch(f"/api/v1/products/{product_id}", json={"moq": 1},
                            headers=h).status_code == 404  # fmt: skip
        assert client.delete(f"/api/v1/products/{product_id}", headers=h).status_code == 404
    assert client.delete(f"/api/v1/products/{product_id}").status_code == 401
    assert client.get(f"/api/v1/products/{product_id}").get_json()["moq"] == 100


def test_delete_removes_the_listing(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    product_id = client.post("/api/v1/products", json=product_body(), headers=headers).json["id"]
    response = client.delete(f"/api/v1/products/{product_id}", headers=headers)
    assert response.status_code == 204 and response.data == b""
    assert client.get(f"/api/v1/products/{product_id}", headers=headers).status_code == 404
    assert client.delete(f"/api/v1/products/{product_id}", headers=headers).status_code == 404


def test_admins_add_listings_for_a_named_company(app, client, make_user):
    exporter = make_user(Role.EXPORTER)
    admin_headers = bearer(token_for(app, make_user(Role.ADMIN)))
    response = client.post("/api/v1/products", json=product_body(company=exporter.company_id),
                           headers=admin_headers)  # fmt: skip
    assert response.status_code == 201
    assert response.get_json()["company"]["id"] == exporter.company_id
    _user, headers = exporter_with_token(app, make_user)
    response = client.post("/api/v1/products", json=product_body(company=exporter.company_id),
                           headers=headers)  # fmt: skip
    assert response.status_code == 422 and "company" in error_of(response)["fields"]
