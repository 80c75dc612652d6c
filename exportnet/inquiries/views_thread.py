"""The inboxes, one inquiry's thread, and what the parties do with it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.fields import show_error
from exportnet.inquiries import queries, services
from exportnet.inquiries.attachments import attachment_store, from_upload
from exportnet.inquiries.forms import ActionForm, ReplyForm, ReportForm
from exportnet.inquiries.models import Inquiry
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.terms import STATUS_LABELS
from exportnet.media.private_files import send_download

MAX_PAGE = 10_000


def _login_redirect() -> Response:
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def _page() -> int:
    return min(max(1, request.args.get("page", 1, type=int) or 1), MAX_PAGE)


def _status() -> str | None:
    status = request.args.get("status") or None
    return status if status in STATUS_LABELS else None


def _inquiry(inquiry_id: int) -> Inquiry:
    inquiry = queries.visible_inquiry(current_user, inquiry_id)
    if inquiry is None:
        abort(404)
    return inquiry


def inbox() -> Response:
    if not current_user.is_authenticated:
        return _login_redirect()
    if permissions.manage_own_company(current_user):
        return redirect(url_for("inquiries.received"))
    if permissions.use_inquiries(current_user):
        return redirect(url_for("inquiries.sent"))
    abort(404)


def _box(box: str) -> Response | str:
    if not current_user.is_authenticated:
        return _login_redirect()
    if box == "received" and not permissions.manage_own_company(current_user):
        abort(404)
    if not permissions.use_inquiries(current_user):
        abort(404)
    status = _status()
    find = queries.received_inquiries if box == "received" else queries.sent_inquiries
    page = find(current_user, status, _page())
    return render_template(
        "inquiries/list.html",
        box=box,
        page=page,
        status=status,
        statuses=STATUS_LABELS,
        unread=queries.unread_ids(current_user, page.items),
    )


def received() -> Response | str:
    return _box("received")


def sent() -> Response | str:
    return _box("sent")


def _render_thread(inquiry: Inquiry, reply_form: ReplyForm | None = None) -> str:
    return render_template(
        "inquiries/thread.html",
        inquiry=inquiry,
        messages=queries.thread_messages(inquiry),
        side=permissions.inquiry_side(current_user, inquiry),
        box=queries.box_of(current_user, inquiry),
        reply_form=reply_form or ReplyForm(),
        report_form=ReportForm(),
        spam_report=queries.spam_report(inquiry),
    )


def thread(inquiry_id: int) -> Response | str:
    if not current_user.is_authenticated:
        return _login_redirect()
    inquiry = _inquiry(inquiry_id)
    services.mark_read(current_user, inquiry)
    return _render_thread(inquiry)


def reply(inquiry_id: int) -> Response | str:
    inquiry = _inquiry(inquiry_id)
    if permissions.inquiry_side(current_user, inquiry) is None:
        abort(404)
    if inquiry.is_closed:
        flash(_("This inquiry is closed: no more messages can be sent."), "error")
        return redirect(url_for("inquiries.thread", inquiry_id=inquiry.id))
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            attachment = from_upload(form.attachment.data)
            message = services.reply_to_inquiry(
                current_user, inquiry, form.body.data or "", attachment
            )
        except InquiryError as exc:
            show_error(form, exc, "body")
        else:
            flash(_("Your reply was sent."), "success")
            return redirect(
                url_for("inquiries.thread", inquiry_id=inquiry.id, _anchor=f"m{message.id}")
            )
    return _render_thread(inquiry, form)


def close(inquiry_id: int) -> Response:
    inquiry = _inquiry(inquiry_id)
    if not permissions.close_inquiry(current_user, inquiry):
        abort(404)
    if ActionForm().validate_on_submit():
        services.close_inquiry(current_user, inquiry)
        flash(_("The inquiry is closed."), "success")
    return redirect(url_for("inquiries.thread", inquiry_id=inquiry.id))


def report(inquiry_id: int) -> Response:
    inquiry = _inquiry(inquiry_id)
    if not permissions.report_inquiry(current_user, inquiry):
        abort(404)
    form = ReportForm()
    if form.validate_on_submit():
        try:
            services.report_spam(current_user, inquiry, form.reason.data or "")
        except InquiryError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("Thank you. Your report was sent to the moderators."), "success")
    else:
        for errors in form.errors.values():
            flash(str(errors[0]), "error")
    return redirect(url_for("inquiries.thread", inquiry_id=inquiry.id))


def attachment(inquiry_id: int, message_id: int) -> Response:
    """The file of one message, to the parties and admins only, always as a download."""
    inquiry = _inquiry(inquiry_id)
    message = queries.message_of(inquiry, message_id)
    if message is None or not message.attachment_key:
        abort(404)
    return send_download(
        attachment_store(),
        message.attachment_key,
        message.attachment_type,
        message.attachment_name,
    )
