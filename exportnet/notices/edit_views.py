"""Posting, editing, renewing and closing notices, and answering buying requests.

Only the owner (the author; for exporters any member of the company) and admins reach the
editing pages: anyone else gets a 404, whatever the method, and nothing changes.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.fields import show_error
from exportnet.catalog.forms import ConfirmForm
from exportnet.catalog.presenting import reading
from exportnet.content_versions.views import VersionPages
from exportnet.i18n.routing import current_locale
from exportnet.notices import offers, queries, services
from exportnet.notices.forms import NoticeForm, NoticeTranslationForm, OfferForm, RenewForm
from exportnet.notices.models import Notice
from exportnet.notices.rules import NoticeError

bp = Blueprint("notices_edit", __name__)
VERSION_PAGES = VersionPages(
    NoticeTranslationForm, "notices/translation_form.html", NoticeError, "title"
)


def _editable(notice_id: int) -> Notice:
    notice = queries.editable_notice(current_user, notice_id)
    if notice is None:
        abort(404)
    return notice


def _detail(notice: Notice) -> Response:
    return redirect(url_for("notices.detail", notice_id=notice.id))


@bp.get("/notices/new")
def choose_kind() -> Response | str:
    kinds = permissions.notice_kinds(current_user)
    if not kinds:
        abort(404)
    if len(kinds) == 1:
        return redirect(url_for("notices_edit.new_notice", kind=kinds[0]))
    return render_template("notices/choose_kind.html", kinds=kinds)


@bp.route("/notices/new/<kind>", methods=["GET", "POST"])
def new_notice(kind: str) -> Response | str:
    if not permissions.post_notice(current_user, kind):
        abort(404)
    form = NoticeForm()
    if not form.is_submitted():
        form.original_language.data = current_locale().code
        company = current_user.company
        form.economy.data = company.economy if company is not None else None
    if form.validate_on_submit():
        try:
            notice = services.create_notice(
                current_user,
                form.notice_terms(kind),
                form.original_language.data,
                form.notice_text(),
            )
        except NoticeError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The notice was saved."), "success")
            return _detail(notice)
    return render_template("notices/form.html", form=form, kind=kind, notice=None)


@bp.route("/notices/<int:notice_id>/edit", methods=["GET", "POST"])
def edit_notice(notice_id: int) -> Response | str:
    notice = _editable(notice_id)
    original = notice.translation(notice.original_language)
    form = NoticeForm(obj=notice)
    del form.original_language
    if not form.is_submitted():
        form.hs_code.data = notice.hs_heading or notice.hs_chapter or ""
        form.title.data = original.title if original else ""
        form.body.data = original.body if original else ""
    if form.validate_on_submit():
        try:
            services.update_notice(notice, form.notice_terms(notice.kind), form.notice_text())
        except NoticeError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The notice was saved."), "success")
            return _detail(notice)
    return render_template("notices/form.html", form=form, kind=notice.kind, notice=notice)


@bp.route("/notices/<int:notice_id>/translations/new", methods=["GET", "POST"])
@bp.route("/notices/<int:notice_id>/translations/<content_lang>", methods=["GET", "POST"])
def translation(notice_id: int, content_lang: str | None = None) -> Response | str:
    notice = _editable(notice_id)
    return VERSION_PAGES.edit(
        notice,
        content_lang,
        save=lambda lang, form: services.set_translation(notice, lang, form.notice_text()),
        back=url_for("notices_edit.edit_notice", notice_id=notice.id),
    )


@bp.post("/notices/<int:notice_id>/translations/<content_lang>/remove")
def remove_translation(notice_id: int, content_lang: str) -> Response:
    notice = _editable(notice_id)
    return VERSION_PAGES.remove(
        lambda: services.remove_translation(notice, content_lang),
        back=url_for("notices_edit.edit_notice", notice_id=notice.id),
    )


@bp.route("/notices/<int:notice_id>/renew", methods=["GET", "POST"])
def renew(notice_id: int) -> Response | str:
    notice = _editable(notice_id)
    form = RenewForm()
    if form.validate_on_submit():
        try:
            services.renew_notice(notice, form.valid_until.data)
        except NoticeError as exc:
            show_error(form, exc, "valid_until")
        else:
            flash(_("The notice was renewed."), "success")
            return _detail(notice)
    return render_template("notices/renew.html", form=form, notice=notice, reading=reading(notice))


@bp.post("/notices/<int:notice_id>/close")
def close(notice_id: int) -> Response:
    notice = _editable(notice_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.close_notice(notice)
    flash(_("The notice was closed."), "success")
    return _detail(notice)


@bp.route("/notices/<int:notice_id>/delete", methods=["GET", "POST"])
def delete(notice_id: int) -> Response | str:
    notice = _editable(notice_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_notice(notice)
        flash(_("The notice was deleted."), "success")
        return redirect(url_for("notices_edit.mine"))
    return render_template("notices/delete.html", form=form, notice=notice, reading=reading(notice))


@bp.get("/my/notices")
def mine() -> str:
    if not current_user.is_authenticated:
        abort(404)
    return render_template(
        "notices/my_notices.html", notices=queries.my_notices(current_user), today=queries.today()
    )


@bp.route("/notices/<int:notice_id>/offer", methods=["GET", "POST"])
def offer(notice_id: int) -> Response | str:
    notice = queries.notice_for(current_user, notice_id)
    if not permissions.answer_buying_request(current_user, notice):
        abort(404)
    form = OfferForm()
    if not form.is_submitted():
        form.quantity.data = notice.quantity
        form.quantity_unit.data = notice.quantity_unit
        form.currency.data = notice.currency
    if form.validate_on_submit():
        try:
            sent = offers.make_offer(current_user, notice, form.offer_terms())
        except NoticeError as exc:
            show_error(form, exc, "price")
        else:
            flash(_("Your offer was sent to the buyer."), "success")
            if sent.inquiry_id is None:
                return _detail(notice)
            # The offer is the first message of a thread: the buyer answers there.
            return redirect(url_for("inquiries.thread", inquiry_id=sent.inquiry_id))
    return render_template(
        "notices/offer_form.html", form=form, notice=notice, reading=reading(notice)
    )
