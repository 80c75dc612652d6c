"""The account page: profile, preferred language, API tokens."""

from __future__ import annotations

import re

from sqlalchemy import select

from exportnet.accounts.models import ApiToken
from exportnet.accounts.services import create_api_token, hash_api_token
from exportnet.extensions import db
from tests.conftest import log_in, submit
from tests.functional.test_accounts_support import page_text, stored_user

TOKEN_RE = re.compile(r'id="new-token"[^>]*value="(exn_[^"]+)"')


def test_account_page_requires_login(client):
    response = client.get("/en/account")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/login?next=%2Fen%2Faccount"


def test_profile_shows_and_saves_name_and_language(app, client, login_as):
    user = login_as("exporter", company="Lao Silk House", economy="LA")
    page = page_text(client.get("/en/account"))
    assert user.email in page and "Lao Silk House" in page and "Laos" in page
    language_select = page.split('name="preferred_locale"', 1)[1].split("</select>", 1)[0]
    assert language_select.count("<option") == 13
    assert "ລາວ" in language_select and "繁體中文" in language_select
    response = submit(
        client, "/en/account", {"display_name": "  Khamla  ", "preferred_locale": "lo"}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/en/account"
    saved = stored_user(app, user.email)
    assert saved.display_name == "Khamla" and saved.preferred_locale == "lo"
    assert "Your profile is saved." in page_text(client.get("/en/account"))


def test_profile_refuses_unknown_language(app, client, login_as):
    user = login_as()
    response = submit(client, "/en/account", {"display_name": "X", "preferred_locale": "fr"})
    assert response.status_code == 200
    assert "Not a valid choice" in page_text(response)
    assert stored_user(app, user.email).preferred_locale == "en"


def test_mail_goes_out_in_the_language_chosen_on_the_profile(app, client, login_as, mailbox):
    user = login_as()
    submit(client, "/en/account", {"display_name": "Aung", "preferred_locale": "my"})
    submit(client, "/en/password/forgot", {"email": user.email})
    [message] = mailbox.to(user.email)
    assert message["Content-Language"] == "my"
    assert "http://localhost/my/password/reset/" in message.get_content()


def test_api_token_is_shown_once_and_can_be_revoked(app, client, login_as):
    user = login_as()
    response = submit(client, "/en/account", {"name": "stock sync"}, action="/en/account/tokens")
    assert response.status_code == 200
    token = TOKEN_RE.search(page_text(response)).group(1)
    with app.app_context():
        row = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
        assert row.token_hash == hash_api_token(token) and row.name == "stock sync"
        token_id = row.id
    page = page_text(client.get("/en/account"))
    assert "stock sync" in page and token not in page  # listed, never shown again

    response = submit(client, "/en/account", {}, action=f"/en/account/tokens/{token_id}/revoke")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(ApiToken, token_id).revoked_at is not None
    assert "stock sync" not in page_text(client.get("/en/account"))


def test_cannot_revoke_someone_elses_token(app, client, login_as, make_user):
    owner = make_user()
    with app.app_context():
        create_api_token(owner, "owner's")
        token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.user_id == owner.id))
    login_as()
    response = submit(client, "/en/account", {}, action=f"/en/account/tokens/{token_id}/revoke")
    assert response.status_code == 404
    with app.app_context():
        assert db.session.get(ApiToken, token_id).revoked_at is None


def test_unverified_user_cannot_create_tokens(app, client, make_user):
    user = make_user(verified=False)
    log_in(client, user.email)
    page = page_text(client.get("/en/account"))
    assert "Confirm your email address to create API tokens." in page
    response = submit(client, "/en/account", {"name": "x"}, action="/en/account/tokens")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id)) is None


def test_token_name_is_required(client, login_as):
    login_as()
    response = submit(client, "/en/account", {"name": ""}, action="/en/account/tokens")
    assert response.status_code == 200
    assert "This field is required." in page_text(response)
    assert 'id="new-token"' not in page_text(response)
