"""Registration, email verification and the rules on new passwords."""

from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner

from exportnet.accounts.models import User
from exportnet.database import unit_of_work
from exportnet.extensions import db
from tests.conftest import log_in, submit
from tests.functional.test_accounts_support import (
    NEW_PASSWORD,
    is_logged_in,
    last_link,
    links_in,
    page_text,
    path_of,
    register,
    registration,
    stored_user,
)

VERIFY_PATH = "/account/verify/"
BUYER = "new.buyer@example.com"


def test_register_buyer_logs_in_and_mails_a_verification_link(app, client, mailbox):
    response = register(client)
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/account"

    user = stored_user(app, "new.buyer@example.com")
    assert user is not None and user.role == "buyer" and user.company_id is None
    assert user.display_name == "Nadia Buyer" and user.email_verified_at is None
    assert user.password_hash.startswith("scrypt:")

    account = client.get("/en/account")
    assert account.status_code == 200
    assert "Please confirm your email address" in page_text(account)  # the banner

    [message] = mailbox.to("new.buyer@example.com")
    assert message["Subject"] == "Confirm your email address for ExportNet"
    assert message["Content-Language"] == "en"
    link = last_link(mailbox, "new.buyer@example.com", VERIFY_PATH)
    assert link.startswith("http://localhost/en/account/verify/")


def test_register_exporter_creates_company_with_economy(app, client, mailbox):
    response = register(
        client,
        role="exporter",
        email="Owner@Example.com",
        company_name="Chao Phraya Rice Co.",
        economy="TH",
    )
    assert response.status_code == 302
    user = stored_user(app, "owner@example.com")
    assert user.role == "exporter"
    assert user.company.name == "Chao Phraya Rice Co." and user.company.economy == "TH"


def test_exporter_needs_company_and_member_economy(app, client, mailbox):
    response = register(client, role="exporter", company_name="", economy="")
    text = page_text(response)
    assert response.status_code == 200
    assert "Enter the name of your company." in text
    assert "Choose the economy your company exports from." in text
    response = register(client, role="exporter", company_name="Acme", economy="FR")
    assert response.status_code == 200
    assert "Not a valid choice" in page_text(response)
    assert stored_user(app, "new.buyer@example.com") is None
    assert mailbox.messages == []


def test_registration_page_offers_13_economies_and_defaults_language_to_the_url(client):
    text = page_text(client.get("/th/register"))
    assert 'autocomplete="email"' in text and 'autocomplete="new-password"' in text
    economy_select = text.split('name="economy"', 1)[1].split("</select>", 1)[0]
    assert economy_select.count("<option") == 14  # "choose" + 13 member economies
    language_select = text.split('name="preferred_locale"', 1)[1].split("</select>", 1)[0]
    assert language_select.count("<option") == 13
    assert '<option selected value="th">' in language_select


def test_verification_mail_is_written_in_the_chosen_language(app, client, mailbox):
    # Registered on the Thai pages, but asked for mail in Japanese.
    register(client, locale="th", email="kenji@example.com", preferred_locale="ja")
    [message] = mailbox.to("kenji@example.com")
    assert message["Content-Language"] == "ja"  # the locale forced while rendering
    link = last_link(mailbox, "kenji@example.com", VERIFY_PATH)
    assert link.startswith("http://localhost/ja/account/verify/")
    assert stored_user(app, "kenji@example.com").preferred_locale == "ja"


def test_thai_registration_mails_thai_links(app, client, mailbox):
    register(client, locale="th", email="somchai@example.com", preferred_locale="th")
    [message] = mailbox.to("somchai@example.com")
    assert message["Content-Language"] == "th"
    assert "/th/account/verify/" in last_link(mailbox, "somchai@example.com", VERIFY_PATH)


def test_verification_link_verifies_once(app, client, mailbox):
    register(client)
    link = path_of(last_link(mailbox, "new.buyer@example.com", VERIFY_PATH))
    response = client.get(link, follow_redirects=True)
    assert "your email address is confirmed" in page_text(response)
    assert stored_user(app, "new.buyer@example.com").email_verified_at is not None
    assert "Please confirm your email address" not in page_text(client.get("/en/account"))
    again = client.get(link, follow_redirects=True)
    assert "already confirmed" in page_text(again)


def test_verification_link_works_in_another_browser(app, client, mailbox):
    register(client)
    link = path_of(last_link(mailbox, "new.buyer@example.com", VERIFY_PATH))
    other = app.test_client()
    response = other.get(link)
    assert response.status_code == 302 and response.headers["Location"] == "/en/login"
    assert stored_user(app, "new.buyer@example.com").email_verified_at is not None


def test_tampered_verification_link_is_refused(app, client, mailbox):
    register(client)
    link = path_of(last_link(mailbox, "new.buyer@example.com", VERIFY_PATH))
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    response = client.get(tampered)
    assert response.status_code == 400
    assert "This link is not valid" in page_text(response)
    assert stored_user(app, "new.buyer@example.com").email_verified_at is None


def test_expired_verification_link_is_refused(app, client, mailbox, monkeypatch):
    register(client)
    link = path_of(last_link(mailbox, "new.buyer@example.com", VERIFY_PATH))
    later = int(time.time()) + app.config["EMAIL_TOKEN_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has expired" in page_text(response)
    assert "Send me a new link" in page_text(response)  # logged in: offer a new one
    assert stored_user(app, "new.buyer@example.com").email_verified_at is None


def test_link_for_an_old_address_does_not_verify_a_new_one(app, client, mailbox):
    register(client)
    link = path_of(last_link(mailbox, "new.buyer@example.com", VERIFY_PATH))
    with app.app_context(), unit_of_work():
        user = db.session.get(User, stored_user(app, "new.buyer@example.com").id)
        user.email = "changed@example.com"
    response = client.get(link)
    assert response.status_code == 400
    assert "already been used" in page_text(response)
    assert stored_user(app, "changed@example.com").email_verified_at is None


def test_unverified_user_can_resend_the_link(app, client, mailbox):
    register(client)
    page = client.get("/en/account")
    assert "Send the link again" in page_text(page)
    response = submit(client, "/en/account", {"next": "/en/"}, action="/en/account/verify")
    assert response.status_code == 302 and response.headers["Location"] == "/en/"
    assert len(links_in(mailbox, "new.buyer@example.com", VERIFY_PATH)) == 2


@pytest.mark.parametrize("app_config", [{"RATELIMIT_VERIFY_RESEND": "1 per minute"}])
def test_resending_is_rate_limited(app, client, mailbox):
    register(client)
    first = submit(client, "/en/account", {}, action="/en/account/verify")
    assert first.status_code == 302
    second = submit(client, "/en/account", {}, action="/en/account/verify")
    assert second.status_code == 429
    assert "Too many requests" in page_text(second)
    assert len(links_in(mailbox, "new.buyer@example.com", VERIFY_PATH)) == 2


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        (BUYER, "short1", "Use at least 10 characters."),
        (BUYER, "1234567890", "too common"),
        (BUYER, "qwertyuiop", "too common"),
        (BUYER, "Password123", "too common"),
        (BUYER, "iloveyou123", "too common"),
        (BUYER, "New.Buyer@Example.com", "must not be your email address"),
        ("longlocalpart@example.com", "LongLocalPart", "must not be your email address"),
    ],
)
def test_weak_passwords_are_refused(app, client, mailbox, email, password, message):
    response = register(client, email=email, password=password, confirm=password)
    assert response.status_code == 200
    assert message in page_text(response)
    assert stored_user(app, email) is None
    assert mailbox.messages == []


def test_mismatched_confirmation_and_duplicate_email(app, client, make_user, mailbox):
    response = register(client, confirm=NEW_PASSWORD + "x")
    assert "The two passwords do not match." in page_text(response)
    make_user(email="taken@example.com")
    response = register(client, email="TAKEN@example.com")
    assert "An account with this email already exists." in page_text(response)
    assert mailbox.messages == []


def test_register_without_csrf_token_changes_nothing(app, client, mailbox):
    response = client.post("/en/register", data=registration())
    assert response.status_code == 400
    assert "Your form expired or came from another site" in page_text(response)
    assert stored_user(app, "new.buyer@example.com") is None
    assert not is_logged_in(client)
    assert mailbox.messages == []


def test_unverified_user_can_log_in(app, client, make_user):
    user = make_user(verified=False)
    log_in(client, user.email)
    assert "Please confirm your email address" in page_text(client.get("/en/account"))


def test_registering_an_existing_company_name_founds_a_new_company(app, client, make_user):
    """Typing a company's name must not make a stranger a member of its shared inbox."""
    from exportnet.accounts.services import find_user_by_email

    owner = make_user("exporter", company="Saigon Pepper Co.", economy="VN")
    response = submit(
        client,
        "/en/register",
        {
            "role": "exporter",
            "email": "intruder@example.com",
            "display_name": "Intruder",
            "password": "a very long passphrase 42",
            "confirm": "a very long passphrase 42",
            "company_name": "Saigon Pepper Co.",
            "economy": "VN",
            "preferred_locale": "en",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        intruder = find_user_by_email("intruder@example.com")
        assert intruder.company_id is not None
        assert intruder.company_id != owner.company_id
