"""Any logged-in member reports a board post or comment into the moderation queue."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exportnet.extensions import db
from exportnet.moderation.models import ContentReport
from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_board_support import post_form, the_comments, the_posts


@pytest.fixture
def post(app, make_user):
    author = make_user("agency")
    browser = app.test_client()
    log_in(browser, author.email)
    submit(browser, "/en/board/new", post_form(), content_type="multipart/form-data")
    return the_posts(app)[0]


def reports(app) -> list[ContentReport]:
    with app.app_context():
        rows = list(db.session.scalars(select(ContentReport).order_by(ContentReport.id)))
        db.session.expunge_all()
        return rows


def test_member_reports_a_post_and_a_comment(app, client, login_as, make_user, post):
    writer = make_user("exporter")
    browser = app.test_client()
    log_in(browser, writer.email)
    submit(
        browser,
        f"/en/board/{post.id}",
        {"body": "Cheap watches!"},
        action=f"/en/board/{post.id}/comments",
    )
    (comment,) = the_comments(app)

    reporter = login_as("buyer")
    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "Report this post" in page
    response = submit(client, f"/en/board/{post.id}/report", {"reason": "Outdated figures"})
    assert response.status_code == 302
    response = submit(
        client, f"/en/board/{post.id}/comments/{comment.id}/report", {"reason": "Spam"}
    )
    assert response.status_code == 302
    stored = reports(app)
    assert [(r.target_type, r.target_id, r.reason, r.reporter_id) for r in stored] == [
        ("board_post", post.id, "Outdated figures", reporter.id),
        ("board_comment", comment.id, "Spam", reporter.id),
    ]
    # Reporting again while the report is open does not add a row.
    submit(client, f"/en/board/{post.id}/report", {"reason": "Again"})
    assert len(reports(app)) == 2


def test_a_report_needs_a_reason_and_a_login(app, client, login_as, post):
    assert client.get(f"/en/board/{post.id}/report").status_code == 404
    login_as("exporter")
    response = submit(client, f"/en/board/{post.id}/report", {"reason": "  "})
    assert response.status_code == 200
    assert "Tell us why you report this." in response.get_data(as_text=True)
    assert reports(app) == []


def test_reports_of_unseen_content_are_404(app, client, login_as, make_user):
    author = make_user("agency")
    browser = app.test_client()
    log_in(browser, author.email)
    submit(browser, "/en/board/new", post_form(status="draft"), content_type="multipart/form-data")
    (draft,) = the_posts(app)
    login_as("buyer")
    token = csrf_token_from(client.get("/en/board").get_data(as_text=True))
    url = f"/en/board/{draft.id}/report"
    assert client.post(url, data={"reason": "x", "csrf_token": token}).status_code == 404
    assert client.get(f"/en/board/{draft.id}/comments/1/report").status_code == 404
    assert reports(app) == []
