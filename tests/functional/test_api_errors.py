"""Every API error is JSON `{"error": {"code", "message"}}`, in the reader's language."""

from __future__ import annotations

import pytest

from exportnet.api import views_products
from exportnet.catalog.models import Product
from exportnet.extensions import db
from tests.functional.test_api_support import (
    count,
    error_of,
    exporter_with_token,
    product_body,
)


def test_unknown_api_path_is_a_json_404_but_pages_keep_html(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    assert client.get("/api/v2/products").status_code == 404
    assert client.get("/api/v2/products").is_json
    page = client.get("/en/no-such-page")
    assert page.status_code == 404 and page.mimetype == "text/html"


def test_wrong_method_is_a_json_405_with_allow(client):
    response = client.put("/api/v1/products")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_missing_product_is_a_json_404(client):
    for path in ("/api/v1/products/999", "/api/v1/products/99999999999999999999999",
                 "/api/v1/companies/5", "/api/v1/notices/5", "/api/v1/posts/5"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404, path
        assert error_of(response)["code"] == "not_found"


def test_body_errors_415_400_413_422(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    form = client.post("/api/v1/products", data={"title": "x"}, headers=headers)
    assert form.status_code == 415 and error_of(form)["code"] == "unsupported_media_type"
    for raw in ("{", "[1, 2]", '"text"', '{"moq": NaN}', "\xff"):
        response = client.post(
            "/api/v1/products", data=raw, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, raw
        assert error_of(response)["code"] == "bad_request"
    big = {"language": "en", "title": "x", "category": "09", "description": "a" * 1_100_000}
    response = client.post("/api/v1/products", json=big, headers=headers)
    assert response.status_code == 413 and error_of(response)["code"] == "payload_too_large"
    response = client.post("/api/v1/products", json={"title": 5, "moq": "many"}, headers=headers)
    assert response.status_code == 422
    fields = error_of(response)["fields"]
    assert set(fields) >= {"title", "moq", "language", "category"}
    with app.app_context():
        assert count(Product) == 0


def test_a_vendor_json_content_type_is_accepted(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    response = client.post(
        "/api/v1/products",
        data='{"language": "en", "title": "Pepper", "category": "0904"}',
        headers={**headers, "Content-Type": "application/merge-patch+json; charset=utf-8"},
    )
    assert response.status_code == 201


def test_removing_the_original_language_is_a_409(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    product_id = client.post("/api/v1/products", json=product_body(), headers=headers).json["id"]
    response = client.patch(
        f"/api/v1/products/{product_id}", json={"translations": {"th": None}}, headers=headers
    )
    assert response.status_code == 409 and error_of(response)["code"] == "conflict"


def test_query_parameter_errors_are_422_per_parameter(client):
    response = client.get("/api/v1/products?per_page=500&page=0&economy=XX&category=9999&lang=xx")
    assert response.status_code == 422
    fields = error_of(response)["fields"]
    assert set(fields) == {"per_page", "page", "economy", "category", "lang"}


def test_messages_follow_lang_then_accept_language(client):
    thai = client.get("/api/v1/products?economy=XX&lang=th")
    assert error_of(thai)["fields"]["economy"] == "กรุณาเลือกเขตเศรษฐกิจจากรายการ"
    by_header = client.get("/api/v1/products?economy=XX", headers={"Accept-Language": "ja"})
    assert error_of(by_header)["fields"]["economy"] != "Choose an economy from the list."
    english = client.get("/api/v1/products?economy=XX")
    assert error_of(english)["fields"]["economy"] == "Choose an economy from the list."
    hant = client.get("/api/v1/products?economy=XX&lang=zh-Hant")
    assert error_of(hant)["fields"]["economy"] != error_of(english)["fields"]["economy"]


def test_a_page_cookie_does_not_change_the_api_language(client):
    client.set_cookie("lang", "th")
    response = client.get("/api/v1/products?economy=XX")
    assert error_of(response)["fields"]["economy"] == "Choose an economy from the list."


@pytest.mark.parametrize("app_config", [{"RATELIMIT_API": "3 per minute"}])
def test_too_many_requests_is_a_json_429(client):
    statuses = [client.get("/api/v1/products").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/search")
    assert response.status_code == 429  # one budget for the whole API
    assert error_of(response)["code"] == "rate_limited"
    assert "Retry-After" in response.headers


@pytest.mark.parametrize("app_config", [{"PROPAGATE_EXCEPTIONS": False}])
def test_an_unexpected_error_is_a_json_500(client, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views_products, "browse_products", broken)
    response = client.get("/api/v1/products")
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error"
    assert "boom" not in response.get_data(as_text=True)


def test_html_pages_are_unchanged(client, app):
    with app.app_context():
        db.session.remove()
    response = client.get("/en/products")
    assert response.status_code == 200 and response.mimetype == "text/html"
