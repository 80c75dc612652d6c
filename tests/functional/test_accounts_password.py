"""Password reset by email and password change."""

from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner

from tests.conftest import PASSWORD, log_in, submit
from tests.functional.test_accounts_support import (
    NEW_PASSWORD,
    is_logged_in,
    last_link,
    links_in,
    page_text,
    path_of,
    stored_user,
)

RESET_PATH = "/password/reset/"
ANOTHER_PASSWORD = "violet harbour lantern 7"


def ask_for_reset(client, email, locale="en"):
    return submit(client, f"/{locale}/password/forgot", {"email": email})


def reset_link(client, mailbox, email, locale="en") -> str:
    response = ask_for_reset(client, email, locale)
    assert response.status_code == 302
    return path_of(last_link(mailbox, email, RESET_PATH))


def set_password(client, link, password):
    return submit(client, link, {"password": password, "confirm": password})


def can_log_in(app, email, password) -> bool:
    other = app.test_client()
    response = submit(other, "/en/login", {"email": email, "password": password})
    return response.status_code == 302


def test_reset_by_email(app, client, make_user, mailbox):
    user = make_user(verified=False)
    link = reset_link(client, mailbox, user.email)
    [message] = mailbox.to(user.email)
    assert message["Subject"] == "Reset your ExportNet password"
    page = client.get(link)
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert 'autocomplete="new-password"' in page_text(page)
    response = set_password(client, link, NEW_PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/en/login"
    assert can_log_in(app, user.email, NEW_PASSWORD)
    assert not can_log_in(app, user.email, PASSWORD)
    # The link came through the mailbox, so the address is confirmed too.
    assert stored_user(app, user.email).email_verified_at is not None
    assert any(
        m["Subject"] == "Your ExportNet password was changed" for m in mailbox.to(user.email)
    )


def test_reset_link_works_only_once(app, client, make_user, mailbox):
    user = make_user()
    link = reset_link(client, mailbox, user.email)
    assert set_password(client, link, NEW_PASSWORD).status_code == 302
    again = client.get(link)
    assert again.status_code == 400
    assert "already been used" in page_text(again)
    # Posting to it (with a valid CSRF token from another page) fails too.
    response = submit(
        client,
        "/en/password/forgot",
        {"password": ANOTHER_PASSWORD, "confirm": ANOTHER_PASSWORD},
        action=link,
    )
    assert response.status_code == 400
    assert can_log_in(app, user.email, NEW_PASSWORD)
    assert not can_log_in(app, user.email, ANOTHER_PASSWORD)


def test_older_reset_links_die_when_one_is_used(app, client, make_user, mailbox, monkeypatch):
    user = make_user()
    earlier = int(time.time()) - 600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: earlier)
    first = reset_link(client, mailbox, user.email)
    monkeypatch.undo()
    second = reset_link(client, mailbox, user.email)
    assert first != second
    assert set_password(client, second, NEW_PASSWORD).status_code == 302
    assert client.get(first).status_code == 400


def test_expired_reset_link_is_refused(app, client, make_user, mailbox, monkeypatch):
    user = make_user()
    link = reset_link(client, mailbox, user.email)
    later = int(time.time()) + app.config["PASSWORD_RESET_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has expired" in page_text(response)
    assert "Ask for a new link" in page_text(response)


def test_tampered_reset_link_is_refused(client, make_user, mailbox):
    user = make_user()
    link = reset_link(client, mailbox, user.email)
    user_part, rest = link.rsplit("/", 1)[1].split(".", 1)
    forged = link.rsplit("/", 1)[0] + "/" + user_part[::-1] + "." + rest
    assert client.get(forged).status_code == 400
    assert "This link is not valid" in page_text(client.get(forged))


def test_reset_refuses_weak_password(app, client, make_user, mailbox):
    user = make_user()
    link = reset_link(client, mailbox, user.email)
    response = set_password(client, link, "password123")
    assert response.status_code == 200
    assert "too common" in page_text(response)
    assert can_log_in(app, user.email, PASSWORD)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, make_user, mailbox):
    user = make_user()
    known = ask_for_reset(client, user.email)
    unknown = ask_for_reset(client, "nobody@example.test")
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert mailbox.to("nobody@example.test") == []
    assert len(mailbox.to(user.email)) == 1


def test_reset_mail_follows_the_preferred_language(app, client, make_user, mailbox):
    user = make_user(preferred_locale="zh_Hant")
    ask_for_reset(client, user.email, locale="en")
    [message] = mailbox.to(user.email)
    assert message["Content-Language"] == "zh-Hant"
    assert "/zh-hant/password/reset/" in links_in(mailbox, user.email, RESET_PATH)[0]


def test_reset_ends_existing_sessions(app, client, make_user, mailbox):
    user = make_user()
    log_in(client, user.email)
    link = reset_link(app.test_client(), mailbox, user.email)
    set_password(app.test_client(), link, NEW_PASSWORD)
    assert not is_logged_in(client)


@pytest.mark.parametrize("app_config", [{"RATELIMIT_PASSWORD_RESET": "2 per minute"}])
def test_reset_requests_are_rate_limited(client, make_user, mailbox):
    user = make_user()
    assert ask_for_reset(client, user.email).status_code == 302
    assert ask_for_reset(client, user.email).status_code == 302
    assert ask_for_reset(client, user.email).status_code == 429
    assert len(mailbox.to(user.email)) == 2


def change(client, current, new, confirm=None):
    return submit(
        client,
        "/en/account/password",
        {"current_password": current, "password": new, "confirm": confirm or new},
    )


def test_change_password_ends_other_sessions_but_keeps_this_one(app, client, make_user, mailbox):
    user = make_user()
    other_device = app.test_client()
    log_in(other_device, user.email)
    log_in(client, user.email)
    response = change(client, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/en/account"
    assert is_logged_in(client)
    assert not is_logged_in(other_device)
    assert can_log_in(app, user.email, NEW_PASSWORD)
    assert [m["Subject"] for m in mailbox.to(user.email)] == ["Your ExportNet password was changed"]


def test_change_password_keeps_remember_me_on_this_browser(app, client, make_user):
    user = make_user()
    submit(client, "/en/login", {"email": user.email, "password": PASSWORD, "remember": "y"})
    old_remember = client.get_cookie("remember_token").value
    change(client, PASSWORD, NEW_PASSWORD)
    new_remember = client.get_cookie("remember_token").value
    assert new_remember != old_remember
    client.delete_cookie("session")
    assert is_logged_in(client)  # the new remember-me cookie works
    client.delete_cookie("session")
    client.set_cookie("remember_token", old_remember)
    assert not is_logged_in(client)  # the old one does not


def test_change_password_needs_the_current_one(app, client, make_user, mailbox):
    user = make_user()
    log_in(client, user.email)
    response = change(client, "not my password", NEW_PASSWORD)
    assert response.status_code == 200
    assert "Your current password is not correct." in page_text(response)
    response = change(client, PASSWORD, "qwertyuiop")
    assert "too common" in page_text(response)
    assert can_log_in(app, user.email, PASSWORD)
    assert mailbox.messages == []


def test_change_password_requires_login(client):
    response = client.get("/en/account/password")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/login?next=")
