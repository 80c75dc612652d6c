"""Writing board posts: agencies and admins. Others get a 404 on every page here."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.board import queries, services
from exportnet.board.attachments import AttachmentRejected, CheckedPdf, check_pdf
from exportnet.board.forms import PostForm, PostTranslationForm
from exportnet.board.models import Post
from exportnet.board.rules import BoardError
from exportnet.catalog.fields import show_error
from exportnet.catalog.forms import ConfirmForm
from exportnet.catalog.presenting import reading
from exportnet.content_versions.views import VersionPages
from exportnet.i18n.routing import current_locale

bp = Blueprint("board_edit", __name__)
VERSION_PAGES = VersionPages(
    PostTranslationForm, "board/translation_form.html", BoardError, "title"
)


def _editable(post_id: int) -> Post:
    post = queries.editable_post(current_user, post_id)
    if post is None:
        abort(404)
    return post


def _checked_uploads(form: PostForm) -> list[CheckedPdf] | None:
    """The uploaded PDFs checked, or None after putting a refusal on the form."""
    checked = []
    limit = current_app.config["BOARD_ATTACHMENT_MAX_BYTES"]
    for upload in form.attachments.data or []:
        if not isinstance(upload, FileStorage) or not upload.filename:
            continue  # no file chosen (or, editing, the post's own attachments)
        try:
            checked.append(check_pdf(upload.read(limit + 1), upload.filename))
        except AttachmentRejected as exc:
            form.attachments.errors.append(f"{upload.filename}: {exc.message}")
            return None
    return checked


@bp.route("/board/new", methods=["GET", "POST"])
def new_post() -> Response | str:
    if not permissions.post_board(current_user):
        abort(404)
    form = PostForm()
    if not form.is_submitted():
        form.original_language.data = current_locale().code
        form.publish_on.data = queries.today()
    if form.validate_on_submit() and (files := _checked_uploads(form)) is not None:
        try:
            post = services.create_post(
                current_user,
                form.post_terms(),
                form.original_language.data,
                form.post_text(),
                attachments=files,
            )
        except BoardError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The post was saved."), "success")
            return redirect(url_for("board.post", post_id=post.id))
    return render_template("board/form.html", form=form, post=None)


@bp.route("/board/<int:post_id>/edit", methods=["GET", "POST"])
def edit_post(post_id: int) -> Response | str:
    post = _editable(post_id)
    original = post.translation(post.original_language)
    form = PostForm(obj=post)
    del form.original_language
    if not form.is_submitted():
        form.economies.data = post.economy_codes
        form.industries.data = post.industry_codes
        form.title.data = original.title if original else ""
        form.body.data = original.body if original else ""
    if form.validate_on_submit() and (files := _checked_uploads(form)) is not None:
        try:
            services.update_post(post, form.post_terms(), form.post_text(), attachments=files)
        except BoardError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The post was saved."), "success")
            return redirect(url_for("board.post", post_id=post.id))
    return render_template("board/form.html", form=form, post=post)


@bp.route("/board/<int:post_id>/translations/new", methods=["GET", "POST"])
@bp.route("/board/<int:post_id>/translations/<content_lang>", methods=["GET", "POST"])
def translation(post_id: int, content_lang: str | None = None) -> Response | str:
    post = _editable(post_id)
    return VERSION_PAGES.edit(
        post,
        content_lang,
        save=lambda lang, form: services.set_translation(post, lang, form.post_text()),
        back=url_for("board_edit.edit_post", post_id=post.id),
    )


@bp.post("/board/<int:post_id>/translations/<content_lang>/remove")
def remove_translation(post_id: int, content_lang: str) -> Response:
    post = _editable(post_id)
    return VERSION_PAGES.remove(
        lambda: services.remove_translation(post, content_lang),
        back=url_for("board_edit.edit_post", post_id=post.id),
    )


@bp.post("/board/<int:post_id>/attachments/<int:attachment_id>/remove")
def remove_attachment(post_id: int, attachment_id: int) -> Response:
    post = _editable(post_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.remove_attachment(post, attachment_id)
    except BoardError:
        abort(404)
    flash(_("The attachment was removed."), "success")
    return redirect(url_for("board_edit.edit_post", post_id=post.id))


@bp.route("/board/<int:post_id>/delete", methods=["GET", "POST"])
def delete_post(post_id: int) -> Response | str:
    post = _editable(post_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_post(post)
        flash(_("The post was deleted."), "success")
        return redirect(url_for("board.index"))
    return render_template("board/delete.html", form=form, post=post, reading=reading(post))
