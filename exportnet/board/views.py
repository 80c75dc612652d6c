"""Public board pages: the index by topic, economy and industry, a post, the Atom feed,
and attachment downloads."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.board import queries
from exportnet.board.attachments import attachment_store
from exportnet.board.forms import CommentForm
from exportnet.board.markdown import render_markdown
from exportnet.board.models import PostAttachment
from exportnet.board.queries import BoardFilters
from exportnet.board.terms import TOPIC_LABELS, post_status_label, topic_label
from exportnet.catalog.presenting import reading
from exportnet.catalog.views import page_number
from exportnet.extensions import db
from exportnet.i18n.routing import current_locale
from exportnet.media.private_files import send_download
from exportnet.notices.feeds import atom_response, latest, register_feed_filters
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import economy_choices, is_valid_economy, member_economies
from exportnet.timeutil import utcnow

bp = Blueprint("board", __name__)
bp.add_app_template_filter(topic_label, "topic_label")
bp.add_app_template_filter(post_status_label, "post_status_label")
bp.add_app_template_filter(render_markdown, "markdown")
register_feed_filters(bp)


def _filters() -> BoardFilters:
    """Filters from the query string; unknown values are ignored."""
    topic = (request.args.get("topic") or "").strip() or None
    economy = (request.args.get("economy") or "").strip().upper() or None
    industry = (request.args.get("industry") or "").strip() or None
    if topic not in TOPIC_LABELS:
        topic = None
    if economy and not is_valid_economy(economy):
        economy = None
    if industry and (len(industry) != 2 or not hs.is_valid_code(industry)):
        industry = None
    return BoardFilters(topic, economy, industry)


@bp.get("/board")
def index() -> str:
    filters = _filters()
    locale = current_locale().code
    return render_template(
        "board/index.html",
        filters=filters,
        page=queries.board_index(filters, page=page_number()),
        topics=list(TOPIC_LABELS.items()),
        economies=economy_choices(locale, codes=member_economies()),
        industries=[(c.code, f"{c.code} {c.name(locale)}") for c in hs.chapters()],
        drafts=queries.my_drafts(current_user),
    )


@bp.get("/board/feed.atom")
def feed() -> Response:
    filters = _filters()
    posts = queries.feed_posts(filters)
    return atom_response(
        "board/feed.xml",
        filters=filters,
        posts=posts,
        updated=latest(p.updated_at for p in posts) or utcnow(),
    )


@bp.get("/board/<int:post_id>")
def post(post_id: int) -> str:
    found = queries.post_for(current_user, post_id)
    if found is None:
        abort(404)
    return render_template(
        "board/post.html",
        post=found,
        reading=reading(found),
        comments=queries.shown_comments(current_user, found),
        comment_form=CommentForm() if permissions.comment_on_board(current_user) else None,
    )


@bp.get("/board/attachments/<int:attachment_id>/<filename>")
def download(attachment_id: int, filename: str) -> Response:
    attachment = db.session.get(PostAttachment, attachment_id)
    if attachment is None or not permissions.view_post(current_user, attachment.post):
        abort(404)
    return send_download(
        attachment_store(),
        attachment.stored_name,
        "application/pdf",
        attachment.filename,
        cache_control="private, no-cache",
    )
