"""Bearer tokens: from the command line and the account page, hashed, revocable."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from exportnet.accounts.models import ApiToken, Role, User
from exportnet.accounts.services import disable_user, revoke_api_token
from exportnet.catalog.models import Product
from exportnet.extensions import db
from tests.conftest import log_in, submit
from tests.functional.test_api_support import (
    bearer,
    error_of,
    exporter_with_token,
    product_body,
    token_for,
)

TOKEN_RE = re.compile(r'id="new-token"[^>]*value="(exn_[^"]+)"')


def test_reading_public_data_needs_no_token(client):
    for path in ("/api/v1/products", "/api/v1/companies", "/api/v1/search?q=coffee",
                 "/api/v1/notices", "/api/v1/posts", "/api/v1/openapi.json"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.is_json


def test_a_write_without_a_token_is_401(client):
    response = client.post("/api/v1/products", json=product_body())
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_token_from_the_command_line_creates_a_product(app, client, runner, make_user):
    user = make_user(Role.EXPORTER)
    result = runner.invoke(args=["create-token", user.email, "--name", "erp"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert token.startswith("exn_")
    response = client.post("/api/v1/products", json=product_body(), headers=bearer(token))
    assert response.status_code == 201
    with app.app_context():
        row = db.session.scalar(select(ApiToken).where(ApiToken.name == "erp"))
        assert row.token_hash != token and len(row.token_hash) == 64  # stored hashed only
        assert row.last_used_at is not None


def test_a_token_from_the_account_page_works_without_a_session(app, client, make_user):
    exporter = make_user(Role.EXPORTER)
    log_in(client, exporter.email)
    page = submit(client, "/en/account", {"name": "shop"}, action="/en/account/tokens")
    token = TOKEN_RE.search(page.get_data(as_text=True)).group(1)
    fresh = app.test_client()  # no cookies at all
    response = fresh.post("/api/v1/products", json=product_body(), headers=bearer(token))
    assert response.status_code == 201


def test_the_session_cookie_does_not_authenticate_the_api(client, login_as):
    login_as(Role.EXPORTER)  # a logged-in browser, no token
    response = client.post("/api/v1/products", json=product_body())
    assert response.status_code == 401


def test_malformed_unknown_revoked_and_disabled_tokens_are_refused(app, client, make_user):
    user, headers = exporter_with_token(app, make_user)
    for header in ("Basic abc", "Bearer", "Bearer " + "x" * 300, "exn_abc"):
        response = client.get("/api/v1/products", headers={"Authorization": header})
        assert response.status_code == 401, header
    assert client.get("/api/v1/products", headers=bearer("exn_unknown")).status_code == 401

    assert client.get("/api/v1/products", headers=headers).status_code == 200
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.user_id == user.id))
        assert revoke_api_token(user, token_id)
    assert client.get("/api/v1/products", headers=headers).status_code == 401

    other, other_headers = exporter_with_token(app, make_user)
    with app.app_context():
        disable_user(db.session.get(User, other.id))
    response = client.post("/api/v1/products", json=product_body(), headers=other_headers)
    assert response.status_code == 401
    with app.app_context():
        assert db.session.scalar(select(Product.id)) is None


def test_last_used_at_is_recorded_at_most_once_a_minute(app, client, make_user):
    user = make_user(Role.BUYER)
    token = token_for(app, user)
    client.get("/api/v1/products", headers=bearer(token))
    with app.app_context():
        row = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
        first = row.last_used_at
        assert first is not None
        row.last_used_at = first - timedelta(minutes=5)
        db.session.commit()
    client.get("/api/v1/products", headers=bearer(token))
    with app.app_context():
        second = db.session.scalar(select(ApiToken.last_used_at).where(ApiToken.user_id == user.id))
    assert second > first - timedelta(minutes=5)
    client.get("/api/v1/products", headers=bearer(token))
    with app.app_context():
        third = db.session.scalar(select(ApiToken.last_used_at).where(ApiToken.user_id == user.id))
    assert third == second  # within the minute: no write


def test_buyers_cannot_add_products(app, client, make_user):
    buyer = make_user(Role.BUYER)
    response = client.post("/api/v1/products", json=product_body(),
                           headers=bearer(token_for(app, buyer)))  # fmt: skip
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"


def test_no_csrf_token_is_needed_with_a_bearer_token(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    created = client.post("/api/v1/products", json=product_body(), headers=headers)
    product_id = created.get_json()["id"]
    assert client.patch(f"/api/v1/products/{product_id}", json={"moq": 5},
                        headers=headers).status_code == 200  # fmt: skip
    assert client.delete(f"/api/v1/products/{product_id}", headers=headers).status_code == 204
