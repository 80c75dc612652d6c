"""Result items for trade notices and board posts, re-checked against the database."""

from __future__ import annotations

import re

from flask import url_for
from sqlalchemy.orm import selectinload

from exportnet.board.models import Post
from exportnet.board.queries import visible_posts
from exportnet.catalog.presenting import reading
from exportnet.extensions import db
from exportnet.notices.models import Notice
from exportnet.notices.queries import live_notices
from exportnet.search.query import highlight
from exportnet.search.results import ResultItem, register_presenter, snippet_of

MARKDOWN_SYNTAX = re.compile(r"[#*_`>\[\]()|~-]+")


def _notices(ids: list[int], terms: object) -> dict[int, ResultItem]:
    query = (
        live_notices()
        .where(Notice.id.in_(ids))
        .options(selectinload(Notice.translations), selectinload(Notice.company))
    )
    items = {}
    for notice in db.session.scalars(query):
        shown = reading(notice).translation
        company = notice.company
        items[notice.id] = ResultItem(
            kind="notice",
            entity_id=notice.id,
            url=url_for("notices.detail", notice_id=notice.id),
            title=highlight(shown.title if shown else "", terms),
            snippet=snippet_of(shown.body if shown else "", terms),
            language=shown.lang if shown else None,
            economy=notice.economy,
            category=notice.hs_heading or notice.hs_chapter,
            company=company.name if company else None,
            verified=bool(company and getattr(company, "verified_at", None)),
        )
    return items


def _posts(ids: list[int], terms: object) -> dict[int, ResultItem]:
    query = (
        visible_posts()
        .where(Post.id.in_(ids))
        .options(
            selectinload(Post.translations),
            selectinload(Post.economies),
            selectinload(Post.industries),
        )
    )
    items = {}
    for post in db.session.scalars(query):
        shown = reading(post).translation
        body = MARKDOWN_SYNTAX.sub(" ", shown.body) if shown else ""
        chapters, economies = post.industry_codes, post.economy_codes
        items[post.id] = ResultItem(
            kind="post",
            entity_id=post.id,
            url=url_for("board.post", post_id=post.id),
            title=highlight(shown.title if shown else "", terms),
            snippet=snippet_of(body, terms),
            language=shown.lang if shown else None,
            economy=economies[0] if economies else None,
            category=chapters[0] if chapters else None,
            company=None,
            verified=False,
        )
    return items


def register_trade_presenters() -> None:
    register_presenter("notice", _notices)
    register_presenter("post", _posts)
