"""Comments on board posts: written by verified members, edited and deleted by their
author only, hidden and restored by agencies and admins."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.board import rules
from exportnet.board.models import Comment, Post
from exportnet.board.rules import BoardError
from exportnet.database import unit_of_work
from exportnet.timeutil import utcnow


def _comment(session: Session, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise LookupError(f"Comment {comment_id} does not exist")
    return comment


def add_comment(author: User, post: Post, body: str) -> Comment:
    if not permissions.comment_on_board(author):
        raise BoardError(_l("Confirm your email address to comment."), "body")
    if not post.is_visible():
        raise BoardError(_l("This post cannot be commented on."), "body")
    text = rules.comment(body)
    with unit_of_work() as session:
        comment = Comment(post_id=post.id, author_id=author.id, body=text)
        session.add(comment)
    return comment


def edit_comment(editor: User, comment: Comment, body: str) -> Comment:
    if not permissions.edit_comment(editor, comment):
        raise BoardError(_l("Only the author can change a comment."), "body")
    text = rules.comment(body)
    with unit_of_work() as session:
        comment = _comment(session, comment.id)
        comment.body = text
        comment.edited_at = utcnow()
    return comment


def delete_comment(editor: User, comment: Comment) -> None:
    if not permissions.edit_comment(editor, comment):
        raise BoardError(_l("Only the author can delete a comment."), None)
    with unit_of_work() as session:
        session.delete(_comment(session, comment.id))


def set_comment_hidden(moderator: User, comment: Comment, hidden: bool) -> Comment:
    """Hide a comment from everyone but moderators, or restore it."""
    if not permissions.moderate_board(moderator):
        raise BoardError(_l("Only moderators can hide comments."), None)
    with unit_of_work() as session:
        comment = _comment(session, comment.id)
        comment.hidden_at = utcnow() if hidden else None
        comment.hidden_by_id = moderator.id if hidden else None
    return comment
