"""Logging in and out: sessions, remember-me, refusals, `next`, rate limits."""

from __future__ import annotations

import re

import pytest

from exportnet.accounts.services import disable_user
from tests.conftest import PASSWORD, log_in, submit
from tests.functional.test_accounts_support import is_logged_in, log_out, page_text

ERROR_RE = re.compile(r'<p class="flash flash-error" role="alert" id="login-error">[^<]*</p>')


def attempt(client, email, password, remember=False, url="/en/login"):
    data = {"email": email, "password": password}
    if remember:
        data["remember"] = "y"
    return submit(client, url, data)


def login_error(response) -> str:
    match = ERROR_RE.search(page_text(response))
    assert match, "no login error on the page"
    return match.group(0)


def test_login_and_logout(client, make_user):
    user = make_user()
    page = client.get("/en/login")
    assert 'autocomplete="current-password"' in page_text(page)
    response = attempt(client, user.email.upper(), PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/en/"
    assert is_logged_in(client)
    response = log_out(client)
    assert response.status_code == 302 and response.headers["Location"] == "/en/"
    assert not is_logged_in(client)


def test_logout_needs_post_with_csrf(client, make_user):
    user = make_user()
    log_in(client, user.email)
    assert client.get("/en/logout").status_code == 405
    response = client.post("/en/logout")
    assert response.status_code == 400
    assert "Your form expired" in page_text(response)
    assert is_logged_in(client)


def test_unknown_email_and_wrong_password_read_byte_identical(client, make_user):
    user = make_user()
    wrong_password = attempt(client, user.email, "not the password at all")
    unknown_email = attempt(client, "nobody@example.test", PASSWORD)
    assert wrong_password.status_code == unknown_email.status_code == 200
    assert login_error(wrong_password) == login_error(unknown_email)
    assert "The email address or password is not correct." in login_error(unknown_email)
    assert not is_logged_in(client)


def test_remember_me_cookie_only_when_asked(client, make_user):
    user = make_user()
    response = attempt(client, user.email, PASSWORD)
    assert "remember_token=" not in " ".join(response.headers.getlist("Set-Cookie"))
    assert client.get_cookie("remember_token") is None
    log_out(client)
    response = attempt(client, user.email, PASSWORD, remember=True)
    assert "remember_token=" in " ".join(response.headers.getlist("Set-Cookie"))
    # The remember-me cookie alone brings the login back.
    client.delete_cookie("session")
    assert is_logged_in(client)


def test_old_session_cookie_is_refused_after_logout(client, make_user):
    user = make_user()
    log_in(client, user.email)
    old_session = client.get_cookie("session").value
    log_out(client)
    client.set_cookie("session", old_session)
    response = client.get("/en/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/login")


def test_old_remember_cookie_is_refused_after_logout(client, make_user):
    user = make_user()
    attempt(client, user.email, PASSWORD, remember=True)
    old_remember = client.get_cookie("remember_token").value
    log_out(client)
    client.delete_cookie("session")
    client.set_cookie("remember_token", old_remember)
    assert not is_logged_in(client)


def test_logout_ends_the_sessions_on_other_devices(app, make_user):
    user = make_user()
    phone, laptop = app.test_client(), app.test_client()
    log_in(phone, user.email)
    log_in(laptop, user.email)
    log_out(laptop)
    assert not is_logged_in(phone)


def test_login_starts_a_fresh_session(client, make_user):
    user = make_user()
    client.get("/en/login")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    log_in(client, user.email)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith(f"{user.id}:")


def test_disabled_user_loses_session_and_cannot_log_in(app, client, make_user):
    user = make_user()
    log_in(client, user.email)
    with app.app_context():
        disable_user(user)
    assert not is_logged_in(client)
    response = attempt(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert "This account has been disabled." in page_text(response)
    assert not is_logged_in(client)
    # A wrong password still reads like any other wrong password.
    response = attempt(client, user.email, "not the password at all")
    assert "The email address or password is not correct." in page_text(response)


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "http:///evil.example",
        "javascript:alert(1)",
        "https://evil.example/en/account",
    ],
)
def test_next_to_another_site_goes_home(client, make_user, target):
    user = make_user()
    response = submit(
        client,
        "/en/login",
        {"email": user.email, "password": PASSWORD},
        query_string={"next": target},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/"


def test_next_within_the_site_is_honoured(client, make_user):
    user = make_user()
    response = client.get("/en/account")
    assert response.status_code == 302
    login_url = response.headers["Location"]
    assert login_url.startswith("/en/login?next=")
    response = submit(client, login_url, {"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/en/account"


@pytest.mark.parametrize("app_config", [{"RATELIMIT_LOGIN": "3 per minute"}])
def test_login_is_rate_limited(client, make_user):
    user = make_user()
    for _ in range(3):
        assert attempt(client, user.email, "wrong password here").status_code == 200
    response = attempt(client, user.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many requests" in page_text(response)
    assert not is_logged_in(client)
    assert client.get("/en/login").status_code == 200  # only POST is limited


def test_login_without_csrf_token_is_refused(client, make_user):
    user = make_user()
    response = client.post("/en/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert not is_logged_in(client)
