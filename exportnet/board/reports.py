"""Members report board posts and comments into the shared moderation queue."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.board.models import Comment, Post
from exportnet.board.rules import BoardError
from exportnet.moderation.models import ContentReport
from exportnet.moderation.services import ReportError, report_content

POST_TARGET = "board_post"  # ContentReport.target_type of board posts
COMMENT_TARGET = "board_comment"  # ... and of comments


def _report(reporter: User, target_type: str, target_id: int, reason: str) -> ContentReport:
    if not permissions.report_board_content(reporter):
        raise BoardError(_l("Log in to report content."), "reason")
    if not (reason or "").strip():
        raise BoardError(_l("Tell us why you report this."), "reason")
    try:
        return report_content(reporter, target_type, target_id, reason)
    except ReportError as exc:
        raise BoardError(exc.message, exc.field) from exc


def report_post(reporter: User, post: Post, reason: str) -> ContentReport:
    return _report(reporter, POST_TARGET, post.id, reason)


def report_comment(reporter: User, comment: Comment, reason: str) -> ContentReport:
    return _report(reporter, COMMENT_TARGET, comment.id, reason)
