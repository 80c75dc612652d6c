"""Writing board posts: one function per change, each its own transaction.

Attachment files are written before the transaction and removed again if it fails; files
of removed attachments are deleted once the removal is committed. Every change goes
through the ORM unit of work (never bulk UPDATE/DELETE) so that flush events see it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.board import rules
from exportnet.board.attachments import CheckedPdf, attachment_store
from exportnet.board.models import Post, PostAttachment, PostEconomy, PostIndustry, PostTranslation
from exportnet.board.rules import BoardError
from exportnet.board.terms import MAX_ATTACHMENTS, PostStatus
from exportnet.content_versions.services import LanguageVersions
from exportnet.database import unit_of_work
from exportnet.timeutil import utcnow

M = TypeVar("M")
VERSIONS = LanguageVersions(Post, PostTranslation, BoardError)


@dataclass
class PostTerms:
    topic: str
    publish_on: date | None
    economies: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    pinned: bool = False
    status: str = PostStatus.DRAFT.value


@dataclass
class PostText:
    title: str
    body: str


def _attached(session: Session, model: type[M], ident: int) -> M:
    obj = session.get(model, ident)
    if obj is None:
        raise LookupError(f"{model.__name__} {ident} does not exist")
    return obj


@contextmanager
def _stored(files: Sequence[CheckedPdf], already: int) -> Iterator[list[tuple[str, CheckedPdf]]]:
    """Write the files; remove them again if the block (the transaction) fails."""
    if already + len(files) > MAX_ATTACHMENTS:
        raise BoardError(
            _l("A post can have at most %(max)d attachments.", max=MAX_ATTACHMENTS), "attachments"
        )
    store = attachment_store()
    saved = [(store.save(f.data), f) for f in files]
    try:
        yield saved
    except BaseException:
        for name, _file in saved:
            store.delete(name)
        raise


def _apply_terms(post: Post, terms: PostTerms) -> None:
    post.topic = rules.topic(terms.topic)
    post.status = rules.status(terms.status)
    post.publish_on = rules.publish_on(terms.publish_on)
    post.pinned = bool(terms.pinned)
    economies = set(rules.economies(terms.economies))
    industries = set(rules.industries(terms.industries))
    for row in [r for r in post.economies if r.economy not in economies]:
        post.economies.remove(row)
    for code in sorted(economies - set(post.economy_codes)):
        post.economies.append(PostEconomy(economy=code))
    for row in [r for r in post.industries if r.hs_chapter not in industries]:
        post.industries.remove(row)
    for code in sorted(industries - set(post.industry_codes)):
        post.industries.append(PostIndustry(hs_chapter=code))


def _apply_text(translation: PostTranslation, text: PostText) -> None:
    translation.title = rules.title(text.title)
    translation.body = rules.body(text.body)


def _attach(post: Post, saved: list[tuple[str, CheckedPdf]]) -> None:
    for name, checked in saved:
        post.attachments.append(
            PostAttachment(
                stored_name=name, filename=checked.filename, size_bytes=len(checked.data)
            )
        )


def create_post(
    author: User,
    terms: PostTerms,
    original_language: str,
    text: PostText,
    attachments: Sequence[CheckedPdf] = (),
) -> Post:
    """A new post by an agency account or admin, with its original-language text."""
    if not permissions.post_board(author):
        raise BoardError(_l("Only trade agencies and administrators write board posts."), None)
    lang = rules.language(original_language, "original_language")
    with _stored(attachments, 0) as saved, unit_of_work() as session:
        post = Post(author_id=author.id, original_language=lang)
        _apply_terms(post, terms)
        VERSIONS.write(post, lang, partial(_apply_text, text=text))
        _attach(post, saved)
        session.add(post)
    return post


def update_post(
    post: Post,
    terms: PostTerms,
    text: PostText | None = None,
    attachments: Sequence[CheckedPdf] = (),
) -> Post:
    """Change the terms, optionally the original-language text, and add attachments."""
    with _stored(attachments, len(post.attachments)) as saved, unit_of_work() as session:
        post = _attached(session, Post, post.id)
        _apply_terms(post, terms)
        if text is not None:
            VERSIONS.write(post, post.original_language, partial(_apply_text, text=text))
        _attach(post, saved)
        post.updated_at = utcnow()
    return post


def set_translation(post: Post, lang: str, text: PostText) -> PostTranslation:
    """Add or replace the version of the texts in `lang`."""
    return VERSIONS.set(post, lang, partial(_apply_text, text=text))


def remove_translation(post: Post, lang: str) -> None:
    """Remove one language version; the original one stays."""
    VERSIONS.remove(post, lang)


def remove_attachment(post: Post, attachment_id: int) -> None:
    with unit_of_work() as session:
        post = _attached(session, Post, post.id)
        attachment = next((a for a in post.attachments if a.id == attachment_id), None)
        if attachment is None:
            raise BoardError(_l("This file is not attached to the post."), "attachments")
        name = attachment.stored_name
        post.attachments.remove(attachment)
        post.updated_at = utcnow()
    attachment_store().delete(name)


def delete_post(post: Post) -> None:
    """The post with its texts, comments and attachment files."""
    with unit_of_work() as session:
        post = _attached(session, Post, post.id)
        names = [a.stored_name for a in post.attachments]
        session.delete(post)
    store = attachment_store()
    for name in names:
        store.delete(name)
