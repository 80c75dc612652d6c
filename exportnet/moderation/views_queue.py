"""The moderation queue: reported content, what moderators do with it and its authors.

Only moderators (agency accounts and admins) reach these pages; anyone else gets a 404.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.fields import show_error
from exportnet.catalog.views import page_number
from exportnet.moderation import queue, queue_actions
from exportnet.moderation.queue_actions import ModerationError
from exportnet.moderation.queue_forms import ContentActionForm, UserActionForm
from exportnet.moderation.queue_targets import KINDS, TargetKind, kind_for, kind_label

bp = Blueprint("moderation", __name__)
bp.add_app_template_filter(kind_label, "report_target_label")
bp.add_app_template_filter(queue_actions.resolution_label, "report_resolution")


@bp.before_request
def moderators_only() -> None:
    if not permissions.moderate(current_user):
        abort(404)


@bp.get("/moderation")
def index() -> str:
    target_type = request.args.get("type") or None
    if target_type not in KINDS:
        target_type = None
    return render_template(
        "moderation/queue.html",
        page=queue.open_queue(target_type, page_number()),
        target_type=target_type,
        counts=queue.open_counts(),
        kinds=list(KINDS),
    )


def _kind_and_target(target_type: str, target_id: int) -> tuple[TargetKind, Any]:
    kind = kind_for(target_type)
    target = kind.load(target_id) if kind else None
    if kind is None or target is None:
        abort(404)
    return kind, target


def _render_target(
    target_type: str,
    target_id: int,
    action_form: ContentActionForm | None = None,
    user_forms: dict[int, UserActionForm] | None = None,
) -> str:
    kind, target = _kind_and_target(target_type, target_id)
    owners = queue.owners(kind, target)
    user_forms = user_forms or {}
    return render_template(
        "moderation/target.html",
        kind=kind,
        target=target,
        target_type=target_type,
        target_id=target_id,
        reports=queue.target_reports(target_type, target_id),
        owners=owners,
        action_form=action_form or ContentActionForm(formdata=None),
        user_forms={u.id: user_forms.get(u.id) or UserActionForm(formdata=None) for u in owners},
    )


@bp.get("/moderation/<target_type>/<int:target_id>")
def target(target_type: str, target_id: int) -> str:
    return _render_target(target_type, target_id)


def _back(target_type: str, target_id: int) -> Response:
    return redirect(url_for("moderation.target", target_type=target_type, target_id=target_id))


@bp.post("/moderation/<target_type>/<int:target_id>/act")
def act(target_type: str, target_id: int) -> Response | str:
    _kind_and_target(target_type, target_id)
    form = ContentActionForm()
    if not form.validate_on_submit():
        return _render_target(target_type, target_id, action_form=form)
    reason = form.reason.data or ""
    try:
        if form.hide.data:
            queue_actions.set_content_hidden(current_user, target_type, target_id, True, reason)
            flash(_("The content was hidden."), "success")
        elif form.restore.data:
            queue_actions.set_content_hidden(current_user, target_type, target_id, False, reason)
            flash(_("The content was restored."), "success")
        elif form.dismiss.data:
            queue_actions.dismiss_reports(current_user, target_type, target_id, reason)
            flash(_("The reports were dismissed."), "success")
        else:
            abort(400)
    except LookupError:
        abort(404)
    except ModerationError as exc:
        show_error(form, exc, "reason")
        return _render_target(target_type, target_id, action_form=form)
    return _back(target_type, target_id)


@bp.post("/moderation/<target_type>/<int:target_id>/users/<int:user_id>")
def user_action(target_type: str, target_id: int, user_id: int) -> Response | str:
    kind, target = _kind_and_target(target_type, target_id)
    if user_id not in kind.owner_ids(target):
        abort(404)
    form = UserActionForm()
    if not form.validate_on_submit():
        return _render_target(target_type, target_id, user_forms={user_id: form})
    message = form.message.data or ""
    try:
        if form.warn.data:
            queue_actions.warn_user(current_user, user_id, message, target_type, target_id)
            flash(_("The warning was sent."), "success")
        elif form.suspend.data:
            queue_actions.suspend_user(current_user, user_id, message, target_type, target_id)
            flash(_("The account was suspended."), "success")
        else:
            abort(400)
    except LookupError:
        abort(404)
    except ModerationError as exc:
        show_error(form, exc, "message")
        return _render_target(target_type, target_id, user_forms={user_id: form})
    return _back(target_type, target_id)
