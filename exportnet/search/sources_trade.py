"""Search documents for trade notices and industry-board posts.

Both depend on dates as well as rows: a notice leaves search when its validity ends
and a scheduled post enters on its publish day. No cron does that: `dated_keys`
names what a day boundary changed, and `sync.sweep_dates` applies it before the
first search of a new day.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from flask_babel import force_locale
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from exportnet.board.models import Post, PostEconomy, PostIndustry, PostTranslation
from exportnet.board.queries import visible_posts
from exportnet.board.terms import topic_label
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.i18n.locales import LOCALE_CODES
from exportnet.notices.models import Notice, NoticeTranslation
from exportnet.notices.queries import live_notices
from exportnet.notices.terms import event_type_label, kind_label
from exportnet.search.concepts import document_concepts
from exportnet.search.documents import (
    Document,
    DocumentSource,
    register_expander,
    register_source,
)
from exportnet.search.outbox import recorder
from exportnet.taxonomy import hs


@cache
def _label_in_all_languages(kind: str, code: str) -> str:
    label = {"notice": kind_label, "event": event_type_label, "topic": topic_label}[kind]
    names = []
    for locale in LOCALE_CODES:
        with force_locale(locale):
            names.append(label(code))
    return " ".join(dict.fromkeys(names))


def notice_document(notice: Notice) -> Document:
    titles = [t.title for t in notice.translations]
    bodies = [t.body for t in notice.translations]
    category = notice.hs_heading or notice.hs_chapter
    extra = [
        _label_in_all_languages("notice", notice.kind),
        notice.venue or "",
        _label_in_all_languages("event", notice.event_type) if notice.event_type else "",
    ]
    return {
        "doc_key": f"notice:{notice.id}",
        "kind": "notice",
        "entity_id": notice.id,
        "title": " ".join(titles),
        "text": " ".join([*bodies, notice.company.name if notice.company else "", *extra]),
        "concepts": document_concepts(
            " ".join(titles + bodies),
            [category],
            [notice.economy, notice.destination_economy],
        ),
        "economy": notice.economy,
        "hs_section": notice.hs_section,
        "hs_chapter": notice.hs_chapter,
        "hs_heading": notice.hs_heading,
        "verified": bool(notice.company and getattr(notice.company, "verified_at", None)),
        "languages": [t.lang for t in notice.translations],
        "created_at": notice.published_at or notice.created_at,
        "updated_at": notice.updated_at,
    }


def post_document(post: Post) -> Document:
    titles = [t.title for t in post.translations]
    bodies = [t.body for t in post.translations]
    chapters, economies = post.industry_codes, post.economy_codes
    return {
        "doc_key": f"post:{post.id}",
        "kind": "post",
        "entity_id": post.id,
        "title": " ".join(titles),
        "text": " ".join([*bodies, _label_in_all_languages("topic", post.topic)]),
        "concepts": document_concepts(" ".join(titles + bodies), chapters, economies),
        "economy": economies[0] if economies else None,
        "hs_section": hs.section_for(chapters[0]) if chapters else None,
        "hs_chapter": chapters[0] if chapters else None,
        "verified": False,
        "languages": [t.lang for t in post.translations],
        "created_at": post.created_at.replace(
            year=post.publish_on.year, month=post.publish_on.month, day=post.publish_on.day
        ),
        "updated_at": post.updated_at,
    }


def _load_notices(ids: list[int]) -> dict[int, Document]:
    query = (
        live_notices()
        .where(Notice.id.in_(ids))
        .options(selectinload(Notice.translations), selectinload(Notice.company))
    )
    return {n.id: notice_document(n) for n in db.session.scalars(query)}


def _load_posts(ids: list[int]) -> dict[int, Document]:
    query = (
        visible_posts()
        .where(Post.id.in_(ids))
        .options(
            selectinload(Post.translations),
            selectinload(Post.economies),
            selectinload(Post.industries),
        )
    )
    return {p.id: post_document(p) for p in db.session.scalars(query)}


def dated_keys(after: date, until: date) -> list[str]:
    """Documents whose visibility changed on a day in (after, until]."""
    notices = select(Notice.id).where(
        or_(
            Notice.valid_from.between(after, until),
            Notice.valid_until.between(after, until),
        )
    )
    posts = select(Post.id).where(Post.publish_on > after, Post.publish_on <= until)
    return [f"notice:{i}" for i in db.session.scalars(notices)] + [
        f"post:{i}" for i in db.session.scalars(posts)
    ]


COMPANY_NOTICES = "company-notices:"


def _company_notice_keys(company_id: int) -> list[str]:
    query = select(Notice.id).where(Notice.company_id == company_id)
    return [f"notice:{i}" for i in db.session.scalars(query)]


def register_trade_sources() -> None:
    register_source(
        DocumentSource(
            "notice",
            _load_notices,
            lambda: list(db.session.scalars(select(Notice.id).order_by(Notice.id))),
        )
    )
    register_source(
        DocumentSource(
            "post", _load_posts, lambda: list(db.session.scalars(select(Post.id).order_by(Post.id)))
        )
    )
    register_expander(COMPANY_NOTICES, _company_notice_keys)
    recorder.register(Company, lambda c: [f"{COMPANY_NOTICES}{c.id}"], "company-notices")
    recorder.register(Notice, lambda n: [f"notice:{n.id}"])
    recorder.register(NoticeTranslation, lambda t: [f"notice:{t.notice_id}"])
    recorder.register(Post, lambda p: [f"post:{p.id}"])
    recorder.register(PostTranslation, lambda t: [f"post:{t.post_id}"])
    recorder.register(PostEconomy, lambda e: [f"post:{e.post_id}"])
    recorder.register(PostIndustry, lambda i: [f"post:{i.post_id}"])
