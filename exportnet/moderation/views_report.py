"""Members report a listing, a company or a trade notice into the moderation queue.

Board posts, comments and inquiries have their own report forms in their features; this
page covers the kinds that have none. What the member may not see is a 404.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.fields import show_error
from exportnet.moderation.queue_forms import ContentReportForm
from exportnet.moderation.queue_targets import kind_for
from exportnet.moderation.services import ReportError, report_content

bp = Blueprint("reporting", __name__)

# The kinds reported here, and who may see (and so report) them.
VISIBLE = {
    "product": permissions.view_product,
    "company": permissions.view_company,
    "notice": permissions.view_notice,
}


def _visible_target(target_type: str, target_id: int) -> tuple[Any, Any]:
    kind = kind_for(target_type)
    check = VISIBLE.get(target_type)
    target = kind.load(target_id) if kind and check else None
    if target is None or not check(current_user, target):  # type: ignore[misc]
        abort(404)
    return kind, target


@bp.route("/report/<target_type>/<int:target_id>", methods=["GET", "POST"])
def report(target_type: str, target_id: int) -> Response | str:
    if not current_user.is_authenticated:
        abort(404)
    kind, target = _visible_target(target_type, target_id)
    form = ContentReportForm()
    back = kind.url(target) or url_for("site.home")
    if form.validate_on_submit():
        try:
            report_content(current_user, target_type, target_id, form.reason.data or "")
        except ReportError as exc:
            show_error(form, exc, "reason")
        else:
            flash(_("Thank you. The moderators will look at your report."), "success")
            return redirect(back)
    return render_template(
        "moderation/report_form.html",
        form=form,
        kind=kind,
        title=kind.title(target),
        back=back,
    )
