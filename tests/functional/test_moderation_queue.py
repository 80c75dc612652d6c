"""Moderators work the queue of reported content: hide, restore, dismiss; all audited."""

from __future__ import annotations

from exportnet.accounts.models import User
from exportnet.board.models import Comment, Post
from exportnet.catalog.models import Product
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry
from exportnet.moderation.models import ContentReport
from exportnet.moderation.services import report_content
from exportnet.notices.models import Notice
from tests.conftest import csrf_token_from, submit
from tests.functional.test_agency_support import (
    add_comment,
    add_inquiry,
    add_notice,
    add_post,
    add_product,
    all_rows,
    audit_entries,
    client_for,
    get,
)


def file_report(app, reporter, target_type, target_id, reason="Spam"):
    with app.app_context():
        report_content(db.session.get(User, reporter.id), target_type, target_id, reason)


def act(browser, target_type, target_id, button, reason="Spam links"):
    url = f"/en/moderation/{target_type}/{target_id}"
    return submit(browser, url, {"reason": reason, button: button.title()}, action=f"{url}/act")


def test_only_moderators_reach_the_queue(app, client, make_user, login_as):
    post_id = add_post(app, make_user("agency"), ["TH"])
    file_report(app, make_user("buyer"), "board_post", post_id)
    for path in ("/en/moderation", f"/en/moderation/board_post/{post_id}"):
        assert client.get(path).status_code == 404  # anonymous
    login_as("buyer")
    assert client.get("/en/moderation").status_code == 404
    assert client.get(f"/en/moderation/board_post/{post_id}").status_code == 404
    token = csrf_token_from(client.get("/en/account").get_data(as_text=True))
    response = client.post(
        f"/en/moderation/board_post/{post_id}/act",
        data={"csrf_token": token, "reason": "x", "hide": "Hide"},
    )
    assert response.status_code == 404
    exporter = client_for(app, make_user("exporter"))
    assert exporter.get("/en/moderation").status_code == 404
    moderator = client_for(app, make_user("agency"))
    assert moderator.get("/en/moderation").status_code == 200
    assert client_for(app, make_user("admin")).get("/en/moderation").status_code == 200
    assert get(app, Post, post_id).status == "published"


def test_reports_of_one_comment_are_one_queue_item_hidden_and_restored(app, make_user):
    author = make_user("exporter")
    post_id = add_post(app, make_user("agency"), ["VN"], title="Coffee prices")
    comment_id = add_comment(app, post_id, author)
    file_report(app, make_user("buyer"), "board_comment", comment_id, "Advertising")
    file_report(app, make_user("buyer"), "board_comment", comment_id, "Spam link")
    moderator_user = make_user("agency")
    moderator = client_for(app, moderator_user)

    queue = moderator.get("/en/moderation").get_data(as_text=True)
    assert queue.count(f"/en/moderation/board_comment/{comment_id}") == 1
    assert "Cheap watches!" in queue
    detail = moderator.get(f"/en/moderation/board_comment/{comment_id}").get_data(as_text=True)
    assert "Advertising" in detail and "Spam link" in detail

    response = act(moderator, "board_comment", comment_id, "hide", reason="")
    assert response.status_code == 200  # hiding needs a reason
    assert get(app, Comment, comment_id).hidden_at is None

    assert act(moderator, "board_comment", comment_id, "hide").status_code == 302
    comment = get(app, Comment, comment_id)
    assert comment.hidden_at is not None and comment.hidden_by_id == moderator_user.id
    reports = all_rows(app, ContentReport)
    assert all(r.resolution == "hidden" and r.resolved_by_id == moderator_user.id for r in reports)
    assert "Nothing is waiting" in moderator.get("/en/moderation").get_data(as_text=True)

    assert act(moderator, "board_comment", comment_id, "restore", "Not spam").status_code == 302
    assert get(app, Comment, comment_id).hidden_at is None
    entries = audit_entries(app)
    assert [(e.action, e.target_type, e.target_id, e.reason, e.actor_id) for e in entries] == [
        ("content_hidden", "board_comment", comment_id, "Spam links", moderator_user.id),
        ("content_restored", "board_comment", comment_id, "Not spam", moderator_user.id),
    ]


def test_a_reported_listing_is_archived_and_restored(app, client, make_user, login_as):
    exporter = make_user("exporter", economy="TH")
    product_id = add_product(app, exporter.company_id, title="Miracle pills")
    login_as("buyer")
    page = client.get(f"/en/products/{product_id}").get_data(as_text=True)
    assert f"/en/report/product/{product_id}" in page
    response = submit(client, f"/en/report/product/{product_id}", {"reason": "Fake medicine"})
    assert response.status_code == 302
    (report,) = all_rows(app, ContentReport)
    assert (report.target_type, report.target_id, report.reason) == (
        "product",
        product_id,
        "Fake medicine",
    )

    moderator = client_for(app, make_user("admin"))
    assert "Miracle pills" in moderator.get("/en/moderation?type=product").get_data(as_text=True)
    assert act(moderator, "product", product_id, "hide", "Illegal product").status_code == 302
    assert get(app, Product, product_id).status == "archived"
    assert client.get(f"/en/products/{product_id}").status_code == 404
    assert act(moderator, "product", product_id, "restore", "Licence shown").status_code == 302
    assert get(app, Product, product_id).status == "published"
    assert client.get(f"/en/products/{product_id}").status_code == 200


def test_reporting_what_one_cannot_see_is_a_404(app, client, make_user, login_as):
    exporter = make_user("exporter")
    draft_id = add_product(app, exporter.company_id, status="draft")
    assert client.get(f"/en/report/product/{draft_id}").status_code == 404  # anonymous
    login_as("buyer")
    assert client.get(f"/en/report/product/{draft_id}").status_code == 404
    assert client.get("/en/report/inquiry/1").status_code == 404
    assert client.get("/en/report/product/99999").status_code == 404


def test_notice_and_spam_inquiry_are_hidden(app, make_user):
    author = make_user("buyer")
    notice_id = add_notice(app, author, "VN", kind="buying_request")
    exporter = make_user("exporter", economy="VN")
    inquiry_id = add_inquiry(app, author, exporter.company_id)
    file_report(app, make_user("buyer"), "notice", notice_id, "Scam")
    file_report(app, exporter, "inquiry", inquiry_id, "Mass mailing")
    moderator = client_for(app, make_user("agency"))
    queue = moderator.get("/en/moderation").get_data(as_text=True)
    assert "Price for 1 t" in queue and "Offer" in queue
    detail = moderator.get(f"/en/moderation/inquiry/{inquiry_id}").get_data(as_text=True)
    assert "Please quote 1 tonne." in detail

    assert act(moderator, "notice", notice_id, "hide").status_code == 302
    assert get(app, Notice, notice_id).status == "closed"
    assert act(moderator, "inquiry", inquiry_id, "hide").status_code == 302
    inquiry = get(app, Inquiry, inquiry_id)
    assert inquiry.status == "closed" and inquiry.closed_at is not None
    assert act(moderator, "inquiry", inquiry_id, "restore", "Genuine").status_code == 302
    assert get(app, Inquiry, inquiry_id).status == "new"


def test_dismissing_keeps_the_content(app, make_user):
    post_id = add_post(app, make_user("agency"), ["JP"])
    file_report(app, make_user("buyer"), "board_post", post_id, "I disagree")
    moderator = client_for(app, make_user("agency"))
    assert act(moderator, "board_post", post_id, "dismiss", reason="").status_code == 302
    assert get(app, Post, post_id).status == "published"
    (report,) = all_rows(app, ContentReport)
    assert report.resolution == "dismissed"
    (entry,) = audit_entries(app)
    assert (entry.action, entry.target_type, entry.target_id) == (
        "report_dismissed",
        "board_post",
        post_id,
    )


def test_hiding_a_board_post_unpublishes_it(app, client, make_user):
    post_id = add_post(app, make_user("agency"), ["JP"])
    file_report(app, make_user("buyer"), "board_post", post_id)
    moderator = client_for(app, make_user("agency"))
    assert act(moderator, "board_post", post_id, "hide").status_code == 302
    assert get(app, Post, post_id).status == "draft"
    assert client.get(f"/en/board/{post_id}").status_code == 404
