"""Moderators warn and suspend the authors of reported content; a suspension ends every
session of the user at once."""

from __future__ import annotations

from exportnet.accounts.models import User
from exportnet.extensions import db
from exportnet.moderation.services import report_content
from tests.conftest import PASSWORD, submit
from tests.functional.test_agency_support import (
    add_comment,
    add_post,
    audit_entries,
    client_for,
    get,
)


def reported_comment(app, make_user, author):
    post_id = add_post(app, make_user("agency"), ["VN"])
    comment_id = add_comment(app, post_id, author)
    with app.app_context():
        report_content(db.session.get(User, make_user("buyer").id), "board_comment", comment_id)
    return comment_id


def user_action(browser, comment_id, user_id, button, message="Stop posting advertising."):
    url = f"/en/moderation/board_comment/{comment_id}"
    return submit(
        browser,
        url,
        {"message": message, button: button.title()},
        action=f"{url}/users/{user_id}",
    )


def test_warning_mails_the_author_and_is_audited(app, make_user, mailbox):
    author = make_user("exporter", preferred_locale="en")
    comment_id = reported_comment(app, make_user, author)
    moderator_user = make_user("agency")
    moderator = client_for(app, moderator_user)
    mailbox.clear()
    assert user_action(moderator, comment_id, author.id, "warn").status_code == 302
    (mail,) = mailbox.to(author.email)
    assert "warning" in mail["Subject"].lower()
    assert "Stop posting advertising." in mailbox.body(mail)
    (entry,) = audit_entries(app)
    assert (entry.actor_id, entry.action, entry.target_type, entry.target_id) == (
        moderator_user.id,
        "user_warned",
        "user",
        author.id,
    )
    assert entry.detail == f"board_comment {comment_id}"
    assert get(app, User, author.id).disabled_at is None


def test_a_suspended_users_old_session_is_refused(app, make_user, mailbox):
    author = make_user("buyer")
    comment_id = reported_comment(app, make_user, author)
    author_browser = client_for(app, author)
    assert author_browser.get("/en/account").status_code == 200

    moderator = client_for(app, make_user("agency"))
    response = user_action(moderator, comment_id, author.id, "suspend", "Repeated spam.")
    assert response.status_code == 302
    suspended = get(app, User, author.id)
    assert suspended.disabled_at is not None
    assert suspended.session_token != author.session_token

    # The session the author already had ends on its next request.
    response = author_browser.get("/en/account")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert [e.action for e in audit_entries(app)] == ["user_suspended"]
    assert mailbox.to(author.email)


def test_the_right_password_does_not_bring_a_suspended_user_back(app, make_user):
    author = make_user("buyer")
    comment_id = reported_comment(app, make_user, author)
    user_action(client_for(app, make_user("agency")), comment_id, author.id, "suspend")
    browser = app.test_client()
    page = submit(browser, "/en/login", {"email": author.email, "password": PASSWORD})
    assert page.status_code == 200
    assert "disabled" in page.get_data(as_text=True)


def test_agencies_cannot_suspend_admins_agencies_or_strangers(app, make_user):
    admin = make_user("admin")
    other_agency = make_user("agency")
    moderator = client_for(app, make_user("agency"))
    for target in (admin, other_agency):
        comment_id = reported_comment(app, make_user, target)
        page = moderator.get(f"/en/moderation/board_comment/{comment_id}").get_data(as_text=True)
        assert "Suspend the account" not in page
        response = user_action(moderator, comment_id, target.id, "suspend")
        assert response.status_code == 404
        assert get(app, User, target.id).disabled_at is None
    # A user who did not write the reported content cannot be reached through it.
    comment_id = reported_comment(app, make_user, make_user("buyer"))
    stranger = make_user("buyer")
    assert user_action(moderator, comment_id, stranger.id, "suspend").status_code == 404
    assert get(app, User, stranger.id).disabled_at is None
    assert audit_entries(app) == []


def test_an_admin_moderator_may_suspend_an_agency_account(app, make_user):
    agency_author = make_user("agency")
    comment_id = reported_comment(app, make_user, agency_author)
    admin = client_for(app, make_user("admin"))
    assert user_action(admin, comment_id, agency_author.id, "suspend").status_code == 302
    assert get(app, User, agency_author.id).disabled_at is not None
