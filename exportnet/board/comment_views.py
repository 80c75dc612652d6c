"""Comments on board posts: add, edit and delete (author), hide and restore (moderators);
reports of posts and comments (any logged-in member)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.board import comments, queries, reports
from exportnet.board.forms import CommentForm, ReportForm
from exportnet.board.models import Comment, Post
from exportnet.board.rules import BoardError
from exportnet.catalog.forms import ConfirmForm
from exportnet.catalog.presenting import reading

bp = Blueprint("board_comments", __name__)


def _post(post_id: int) -> Post:
    post = queries.post_for(current_user, post_id)
    if post is None:
        abort(404)
    return post


def _comment(post: Post, comment_id: int) -> Comment:
    comment = queries.comment_for(post.id, comment_id)
    if comment is None or (comment.is_hidden and not permissions.moderate_board(current_user)):
        abort(404)
    return comment


def _back(post: Post, anchor: str = "comments") -> Response:
    return redirect(url_for("board.post", post_id=post.id, _anchor=anchor))


@bp.post("/board/<int:post_id>/comments")
def add(post_id: int) -> Response | str:
    post = _post(post_id)
    if not permissions.comment_on_board(current_user):
        abort(404)
    form = CommentForm()
    if form.validate_on_submit():
        try:
            comment = comments.add_comment(current_user, post, form.body.data or "")
        except BoardError as exc:
            form.body.errors = [*form.body.errors, str(exc.message)]
        else:
            flash(_("Your comment was posted."), "success")
            return _back(post, f"comment-{comment.id}")
    return render_template(
        "board/post.html",
        post=post,
        reading=reading(post),
        comments=queries.shown_comments(current_user, post),
        comment_form=form,
    )


@bp.route("/board/<int:post_id>/comments/<int:comment_id>/edit", methods=["GET", "POST"])
def edit(post_id: int, comment_id: int) -> Response | str:
    post = _post(post_id)
    comment = _comment(post, comment_id)
    if not permissions.edit_comment(current_user, comment):
        abort(404)
    form = CommentForm(obj=comment)
    if form.validate_on_submit():
        try:
            comments.edit_comment(current_user, comment, form.body.data or "")
        except BoardError as exc:
            form.body.errors = [*form.body.errors, str(exc.message)]
        else:
            flash(_("Your comment was changed."), "success")
            return _back(post, f"comment-{comment.id}")
    return render_template("board/comment_form.html", form=form, post=post, comment=comment)


@bp.post("/board/<int:post_id>/comments/<int:comment_id>/delete")
def delete(post_id: int, comment_id: int) -> Response:
    post = _post(post_id)
    comment = _comment(post, comment_id)
    if not permissions.edit_comment(current_user, comment):
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    comments.delete_comment(current_user, comment)
    flash(_("Your comment was deleted."), "success")
    return _back(post)


def _moderate(post_id: int, comment_id: int, hidden: bool) -> Response:
    if not permissions.moderate_board(current_user):
        abort(404)
    post = _post(post_id)
    comment = _comment(post, comment_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    comments.set_comment_hidden(current_user, comment, hidden)
    flash(_("The comment was hidden.") if hidden else _("The comment was restored."), "success")
    return _back(post, f"comment-{comment.id}")


@bp.post("/board/<int:post_id>/comments/<int:comment_id>/hide")
def hide(post_id: int, comment_id: int) -> Response:
    return _moderate(post_id, comment_id, hidden=True)


@bp.post("/board/<int:post_id>/comments/<int:comment_id>/restore")
def restore(post_id: int, comment_id: int) -> Response:
    return _moderate(post_id, comment_id, hidden=False)


def _report_page(post: Post, comment: Comment | None) -> Response | str:
    if not permissions.report_board_content(current_user):
        abort(404)
    form = ReportForm()
    if form.validate_on_submit():
        reason = form.reason.data or ""
        try:
            if comment is None:
                reports.report_post(current_user, post, reason)
            else:
                reports.report_comment(current_user, comment, reason)
        except BoardError as exc:
            form.reason.errors = [*form.reason.errors, str(exc.message)]
        else:
            flash(_("Thank you. The moderators will look at your report."), "success")
            return _back(post, f"comment-{comment.id}" if comment else "comments")
    return render_template(
        "board/report_form.html", form=form, post=post, comment=comment, reading=reading(post)
    )


@bp.route("/board/<int:post_id>/report", methods=["GET", "POST"])
def report_post(post_id: int) -> Response | str:
    return _report_page(_post(post_id), None)


@bp.route("/board/<int:post_id>/comments/<int:comment_id>/report", methods=["GET", "POST"])
def report_comment(post_id: int, comment_id: int) -> Response | str:
    post = _post(post_id)
    return _report_page(post, _comment(post, comment_id))
