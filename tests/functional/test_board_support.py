"""Shared data and helpers for the board tests (this module holds no tests)."""

from __future__ import annotations

from io import BytesIO

from sqlalchemy import select

from exportnet.board.models import Comment, Post
from exportnet.extensions import db
from exportnet.timeutil import utcnow

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def pdf_upload(name: str = "vn-coffee-2025.pdf", data: bytes = MINIMAL_PDF):
    return (BytesIO(data), name)


def post_form(**changes):
    data = {
        "topic": "market_report",
        "original_language": "en",
        "title": "Coffee market in Japan, 2025",
        "body": "## Demand\n\nImports rose **12%**. See [JETRO](https://www.jetro.go.jp/).",
        "economies": ["JP", "VN"],
        "industries": ["09"],
        "publish_on": utcnow().date().isoformat(),
        "status": "published",
    }
    data.update(changes)
    return data


def the_posts(app) -> list[Post]:
    with app.app_context():
        posts = list(db.session.scalars(select(Post).order_by(Post.id)))
        for p in posts:
            _ = p.translations, p.attachments, p.economies, p.industries, p.comments
        db.session.expunge_all()
        return posts


def the_comments(app) -> list[Comment]:
    with app.app_context():
        comments = list(db.session.scalars(select(Comment).order_by(Comment.id)))
        db.session.expunge_all()
        return comments


def update_post_row(app, post_id: int, **values) -> None:
    with app.app_context():
        post = db.session.get(Post, post_id)
        for name, value in values.items():
            setattr(post, name, value)
        db.session.commit()
