"""Board services: who writes, scheduling by date, targets, attachment files."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from exportnet.accounts.models import User
from exportnet.board import comments, queries
from exportnet.board.attachments import check_pdf
from exportnet.board.models import Post
from exportnet.board.queries import BoardFilters
from exportnet.board.rules import BoardError
from exportnet.board.services import PostTerms, PostText, create_post, delete_post, update_post
from exportnet.extensions import db
from tests.functional.test_board_support import MINIMAL_PDF


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield app


def terms(**changes) -> PostTerms:
    values = {"topic": "market_report", "publish_on": queries.today(), "status": "published"}
    values.update(changes)
    return PostTerms(**values)


def text(title="Report") -> PostText:
    return PostText(title, "Some **text**.")


def user(make_user, role, **options) -> User:
    created = make_user(role, **options)
    db.session.commit()  # end this session's read snapshot: the user was added elsewhere
    return db.session.get(User, created.id)


def stored_files(app) -> list[Path]:
    return [p for p in Path(app.config["BOARD_ATTACHMENT_DIR"]).rglob("*.pdf")]


def test_only_agencies_and_admins_create(ctx, make_user):
    for role in ("buyer", "exporter"):
        with pytest.raises(BoardError, match="Only trade agencies"):
            create_post(user(make_user, role), terms(), "en", text())
    assert create_post(user(make_user, "admin"), terms(), "en", text()).id


def test_scheduled_posts_appear_by_date(ctx, make_user):
    agency = user(make_user, "agency")
    later = queries.today() + timedelta(days=3)
    post = create_post(agency, terms(publish_on=later), "en", text())
    assert queries.board_index(BoardFilters()).items == []
    assert queries.visible_post_ids([post.id]) == set()
    on_the_day = db.session.scalars(queries.visible_posts(later)).all()
    assert [p.id for p in on_the_day] == [post.id]
    assert not post.is_visible() and post.is_visible(later)


def test_targets_are_checked_and_updated_in_place(ctx, make_user):
    agency = user(make_user, "agency")
    with pytest.raises(BoardError, match="economies"):
        create_post(agency, terms(economies=["XX"]), "en", text())
    with pytest.raises(BoardError, match="industries"):
        create_post(agency, terms(industries=["77"]), "en", text())
    post = create_post(agency, terms(economies=["TH", "VN"], industries=["09"]), "en", text())
    post = update_post(post, terms(economies=["VN", "JP"], industries=[]))
    assert sorted(post.economy_codes) == ["JP", "VN"]
    assert post.industry_codes == []


def test_attachment_files_go_with_a_failed_create_and_a_deleted_post(ctx, make_user):
    agency = user(make_user, "agency")
    pdf = check_pdf(MINIMAL_PDF, "r.pdf")
    with pytest.raises(BoardError):
        create_post(agency, terms(topic="nonsense"), "en", text(), attachments=[pdf])
    assert stored_files(ctx) == []
    post = create_post(agency, terms(), "en", text(), attachments=[pdf, pdf])
    assert len(stored_files(ctx)) == 2
    delete_post(post)
    assert stored_files(ctx) == [] and db.session.scalars(select(Post)).all() == []


def test_comment_rules(ctx, make_user):
    agency = user(make_user, "agency")
    post = create_post(agency, terms(), "en", text())
    writer = user(make_user, "buyer")
    other = user(make_user, "exporter")
    comment = comments.add_comment(writer, post, "  Useful.  ")
    assert comment.body == "Useful."
    with pytest.raises(BoardError, match="Only the author"):
        comments.edit_comment(other, comment, "x")
    with pytest.raises(BoardError, match="Only the author"):
        comments.delete_comment(agency, comment)
    with pytest.raises(BoardError, match="Only moderators"):
        comments.set_comment_hidden(other, comment, True)
    hidden = comments.set_comment_hidden(agency, comment, True)
    assert hidden.is_hidden and hidden.hidden_by_id == agency.id
    assert queries.shown_comments(other, post) == []
    assert [c.id for c in queries.shown_comments(agency, post)] == [comment.id]
    unverified = user(make_user, "buyer", verified=False)
    with pytest.raises(BoardError, match="Confirm your email"):
        comments.add_comment(unverified, post, "hi")
