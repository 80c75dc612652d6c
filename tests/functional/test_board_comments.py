"""Comments on board posts: who writes, edits, deletes, hides and restores them."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_board_support import post_form, the_comments, the_posts


@pytest.fixture
def post(app, make_user):
    author = make_user("agency")
    browser = app.test_client()
    log_in(browser, author.email)
    response = submit(browser, "/en/board/new", post_form(), content_type="multipart/form-data")
    assert response.status_code == 302
    return the_posts(app)[0]


def comment(client, post, text="Very useful, thank you."):
    return submit(
        client, f"/en/board/{post.id}", {"body": text}, action=f"/en/board/{post.id}/comments"
    )


def test_verified_member_comments_and_edits_and_deletes_own(app, client, login_as, post):
    login_as("exporter")
    response = comment(client, post)
    assert response.status_code == 302
    (c,) = the_comments(app)
    assert response.headers["Location"].endswith(f"/en/board/{post.id}#comment-{c.id}")
    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "Very useful, thank you." in page

    edit = submit(
        client, f"/en/board/{post.id}/comments/{c.id}/edit", {"body": "Changed <b>text</b>"}
    )
    assert edit.status_code == 302
    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "Changed &lt;b&gt;text&lt;/b&gt;" in page and "edited" in page

    token = csrf_token_from(page)
    response = client.post(
        f"/en/board/{post.id}/comments/{c.id}/delete", data={"csrf_token": token}
    )
    assert response.status_code == 302
    assert the_comments(app) == []


def test_empty_and_overlong_comments_are_refused(app, client, login_as, post):
    login_as("buyer")
    response = comment(client, post, "   ")
    assert response.status_code == 200
    assert "Write your comment." in response.get_data(as_text=True)
    response = comment(client, post, "x" * 5001)
    assert "at most 5000 characters" in response.get_data(as_text=True)
    assert the_comments(app) == []


def test_unverified_and_anonymous_cannot_comment(app, client, login_as, post):
    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "Log in to comment." in page
    token = csrf_token_from(client.get("/en/login").get_data(as_text=True))
    url = f"/en/board/{post.id}/comments"
    assert client.post(url, data={"body": "hi", "csrf_token": token}).status_code == 404
    login_as("buyer", verified=False)
    token = csrf_token_from(client.get(f"/en/board/{post.id}").get_data(as_text=True))
    assert client.post(url, data={"body": "hi", "csrf_token": token}).status_code == 404
    assert the_comments(app) == []


@pytest.mark.parametrize("other", ["buyer", "agency", "admin"])
def test_only_the_author_edits_or_deletes(app, client, make_user, post, other):
    writer = make_user("exporter")
    browser = app.test_client()
    log_in(browser, writer.email)
    comment(browser, post)
    (c,) = the_comments(app)
    log_in(client, make_user(other).email)
    token = csrf_token_from(client.get(f"/en/board/{post.id}").get_data(as_text=True))
    edit_url = f"/en/board/{post.id}/comments/{c.id}/edit"
    assert client.get(edit_url).status_code == 404
    assert client.post(edit_url, data={"body": "Hacked", "csrf_token": token}).status_code == 404
    delete_url = f"/en/board/{post.id}/comments/{c.id}/delete"
    assert client.post(delete_url, data={"csrf_token": token}).status_code == 404
    assert the_comments(app)[0].body == "Very useful, thank you."


def test_moderators_hide_and_restore(app, client, make_user, post):
    writer = make_user("exporter")
    browser = app.test_client()
    log_in(browser, writer.email)
    comment(browser, post, "Buy cheap watches at spam.example")
    (c,) = the_comments(app)

    # A buyer or exporter cannot moderate.
    token = csrf_token_from(browser.get(f"/en/board/{post.id}").get_data(as_text=True))
    hide_url = f"/en/board/{post.id}/comments/{c.id}/hide"
    assert browser.post(hide_url, data={"csrf_token": token}).status_code == 404

    log_in(client, make_user("agency").email)
    token = csrf_token_from(client.get(f"/en/board/{post.id}").get_data(as_text=True))
    assert client.post(hide_url, data={"csrf_token": token}).status_code == 302
    (c,) = the_comments(app)
    assert c.hidden_at is not None
    public = app.test_client().get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "spam.example" not in public
    assert "spam.example" not in browser.get(f"/en/board/{post.id}").get_data(as_text=True)
    moderator_view = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "spam.example" in moderator_view and "Hidden" in moderator_view
    # The author cannot edit a hidden comment back into view.
    assert browser.get(f"/en/board/{post.id}/comments/{c.id}/edit").status_code == 404

    restore_url = f"/en/board/{post.id}/comments/{c.id}/restore"
    assert client.post(restore_url, data={"csrf_token": token}).status_code == 302
    assert "spam.example" in app.test_client().get(f"/en/board/{post.id}").get_data(as_text=True)


def test_comments_need_a_visible_post(app, client, login_as, make_user):
    author = make_user("agency")
    browser = app.test_client()
    log_in(browser, author.email)
    submit(browser, "/en/board/new", post_form(status="draft"), content_type="multipart/form-data")
    (draft,) = the_posts(app)
    login_as("buyer")
    token = csrf_token_from(client.get("/en/board").get_data(as_text=True))
    url = f"/en/board/{draft.id}/comments"
    assert client.post(url, data={"body": "x", "csrf_token": token}).status_code == 404
    assert the_comments(app) == []
